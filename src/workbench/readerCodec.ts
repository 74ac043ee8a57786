/**
 * A stand-in package codec for the workbench until the .xlsx package writer
 * lands (src/workbook/xlsx): opening uses the fast reader (which runs in a
 * browser); writing is not there yet and says so in Dutch.
 * TODO(xlsx codec): replace by the real PackageCodec when it is on main.
 */
import { readXlsx } from '../workbook/xlsx/readXlsx';
import type { OpenedPackage, PackageCodec } from '../workbook/memory/workbookEdits';

export const readerCodec: PackageCodec = {
  open(bytes: Uint8Array): OpenedPackage {
    const workbook = readXlsx(bytes);
    return {
      workbook: { ...workbook, dateSystem: workbook.dateSystem ?? 1900 },
      visibility: new Map(),
      stored: null,
      marks: [],
      activeSheet: null,
    };
  },
  write(): Uint8Array {
    throw new Error('Downloaden is nog niet beschikbaar in deze versie van de werkbank.');
  },
};
