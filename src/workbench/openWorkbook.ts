/**
 * Opening a workbook in the workbench: the bytes of an .xlsx file become
 * an in-memory workbook over those bytes (so that downloading writes back
 * only what changed); anything that is not a readable workbook is one Dutch
 * sentence naming the file.
 */
import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import type { PackageCodec } from '../workbook/memory/workbookEdits';
import { XlsxReadError } from '../workbook/xlsx/readXlsx';
import { workbenchCodec } from './workbenchCodec';

export class OpenError extends Error {}

const WORKBOOK_NAME = /\.(xlsx|xlsm)$/i;

export function openWorkbook(bytes: Uint8Array, name: string, codec: PackageCodec = workbenchCodec): MemoryWorkbook {
  if (!WORKBOOK_NAME.test(name)) {
    throw new OpenError(`${name} is geen Excel-werkmap: kies een .xlsx-bestand.`);
  }
  try {
    return MemoryWorkbook.fromXlsx(bytes, codec);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new OpenError(`${name} kan niet worden geopend: ${error.message}.`);
    throw error;
  }
}

/** The name for the downloaded copy: never the name of the file opened ("x.xlsx" → "x-bewerkt.xlsx"). */
export function downloadName(name: string): string {
  const stem = name.replace(/\.(xlsx|xlsm)$/i, '');
  return `${stem}-bewerkt.xlsx`;
}
