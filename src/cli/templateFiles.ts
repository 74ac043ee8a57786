/**
 * What the template commands (sjabloon, omzetten, contract) share: the
 * workbooks they open and write (the in-memory workbook over the .xlsx
 * package codec), the options for the Management metadata, and output
 * paths that never replace an input or, without --overschrijf, any file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RawValue } from '../engine/grid';
import { parseDateText } from '../engine/cellValues';
import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import { fileCodec } from './zipCompression';
import { XlsxReadError } from '../workbook/xlsx/xlsxReadError';
import { InputError } from './inputError';
import { fileIdentity, OutputError, writeCopy } from './outputFile';

export interface OutputOptions {
  readonly uit?: string;
  readonly overschrijf?: boolean;
}

export interface MetadataOptions {
  readonly gemeente?: string;
  readonly opdrachtnemer?: string;
  readonly van?: string;
  readonly tot?: string;
}

/** The output path: required, an .xlsx name, not one of the inputs, and not an existing file without --overschrijf. */
export function outputPath(options: OutputOptions, what: string, inputs: readonly string[]): string {
  if (options.uit === undefined || options.uit.trim() === '') throw new InputError(`Geef met --uit aan waar ${what} komt (een .xlsx-bestand).`);
  const path = options.uit;
  if (!/\.xlsx$/i.test(path)) throw new InputError(`${path}: de uitvoer is een Excel-werkmap; geef een naam die eindigt op .xlsx.`);
  const target = fileIdentity(path);
  for (const input of inputs) {
    const identity = fileIdentity(input);
    if (resolve(input) === resolve(path) || (identity !== undefined && target !== undefined && identity.dev === target.dev && identity.ino === target.ino)) {
      throw new InputError(`${path}: is ook de invoer; kies een andere naam voor --uit (de invoer wordt nooit overschreven).`);
    }
  }
  if (existsSync(path) && options.overschrijf !== true) {
    throw new InputError(`${path}: bestaat al; kies een andere naam of geef --overschrijf.`);
  }
  return path;
}

function date(value: string | undefined, option: string): number | undefined {
  if (value === undefined) return undefined;
  const serial = parseDateText(value);
  if (serial === undefined) throw new InputError(`${option}: '${value}' is geen datum (schrijf dd-mm-jjjj of jjjj-mm-dd).`);
  return serial;
}

/** The Management metadata given on the command line, by metadata id. */
export function metadataOf(options: MetadataOptions): Record<string, RawValue> {
  const out: Record<string, RawValue> = {};
  if (options.gemeente !== undefined) out.gemeente = options.gemeente;
  if (options.opdrachtnemer !== undefined) out.opdrachtnemer = options.opdrachtnemer;
  const from = date(options.van, '--van');
  const to = date(options.tot, '--tot');
  if (from !== undefined) out.periodeVan = from;
  if (to !== undefined) out.periodeTot = to;
  if (from !== undefined && to !== undefined && to < from) throw new InputError(`--tot: ligt voor --van.`);
  return out;
}

/** A new, empty workbook that can be saved as .xlsx. */
export function newWorkbook(): MemoryWorkbook {
  return MemoryWorkbook.fromSheets([], { codec: fileCodec });
}

/** Opens an .xlsx file to change it (the file itself is never written). */
export function openWorkbook(path: string): MemoryWorkbook {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    throw new InputError(`${path}: bestand niet gevonden of niet leesbaar.`);
  }
  try {
    return MemoryWorkbook.fromXlsx(bytes, fileCodec);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

/** Saves a workbook to `path` (by a temporary file and a rename; never over an input). */
export function saveWorkbook(workbook: MemoryWorkbook, path: string, inputs: readonly string[]): void {
  const identities = inputs.map(fileIdentity).filter((i) => i !== undefined);
  try {
    writeCopy(path, workbook.toXlsx(), identities);
  } catch (error) {
    if (error instanceof OutputError) throw new InputError(error.message);
    throw error;
  }
}
