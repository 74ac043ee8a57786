/**
 * Reading the command line's inputs: text files, .xlsx workbooks, standard
 * input and profile files. Every problem becomes an InputError with one
 * Dutch line that names the file.
 */
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { DefinitionSet } from '../definitions/definitionSet';
import { parseProfileJson, ProfileError, type Profile } from '../definitions/profile';
import type { WorkbookData } from '../engine/grid';
import { InputError } from './inputError';

export type InputKind = 'tekst' | 'werkmap';

export const TEXT_EXTENSIONS: ReadonlySet<string> = new Set(['.txt', '.md', '.markdown']);
export const WORKBOOK_EXTENSIONS: ReadonlySet<string> = new Set(['.xlsx', '.xlsm']);

export function inputKind(path: string): InputKind {
  const ext = extname(path).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) return 'tekst';
  if (WORKBOOK_EXTENSIONS.has(ext)) return 'werkmap';
  throw new InputError(oldExcelLine(path) ?? `${path}: onbekend bestandstype '${ext || '(geen)'}'; verwacht .txt, .md of .xlsx.`);
}

/** For an Excel 97-2003 file (.xls): what to do with it; null for any other file. */
export function oldExcelLine(path: string): string | null {
  return extname(path).toLowerCase() === '.xls'
    ? `${path}: een Excel 97-2003-bestand (.xls) wordt niet gelezen; open het in Excel en sla het op als Excel-werkmap (.xlsx).`
    : null;
}

function readBytes(path: string): Buffer {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputError(`${path}: bestand niet gevonden.`);
  }
  if (!isFile) throw new InputError(`${path}: is geen bestand.`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputError(`${path}: bestand kan niet worden gelezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'}).`);
  }
}

/** A text file's text, and a Dutch note on how it was read when that was not UTF-8. */
export interface DecodedText {
  readonly text: string;
  readonly note: string | null;
}

/**
 * Decodes a text file. UTF-8 is the rule; byte order marks at the start are
 * dropped, up to two (as when TextDecoder, which drops one itself, was used
 * here). Two other encodings that Windows programs write are read too: UTF-16
 * with its byte order mark (Notepad's "Unicode"), and, for bytes that are not
 * valid UTF-8, Windows-1252 (Notepad's "ANSI", common for older Dutch
 * documents: every byte is a character there), with a note that says so.
 * Binary data (a zero byte) is refused.
 */
export function decodeTextFile(bytes: Uint8Array, name: string): DecodedText {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const label = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    let text: string;
    try {
      // Drops the byte order mark.
      text = new TextDecoder(label, { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(`${name}: is geen geldige UTF-16-tekst.`);
    }
    if (text.includes('\0')) throw new InputError(`${name}: is geen tekstbestand (bevat binaire gegevens).`);
    return { text: withoutByteOrderMarks(text), note: null };
  }
  // A zero byte in UTF-8 (or Windows-1252) is the character U+0000 and nothing else.
  if (bytes.includes(0)) throw new InputError(`${name}: is geen tekstbestand (bevat binaire gegevens).`);
  // Node's own check and decoder: about twice as fast on a large file as a fatal TextDecoder.
  if (isUtf8(bytes)) return { text: withoutByteOrderMarks(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')), note: null };
  return {
    text: decodeWindows1252(bytes),
    note: `${name}: geen UTF-8; gelezen als Windows-1252 (ANSI). Sla het bestand als UTF-8 op als tekens verkeerd overkomen.`,
  };
}

/**
 * Windows-1252's characters for the bytes 0x80-0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ
 * Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the five bytes it leaves undefined keep
 * their Latin-1 code. The other bytes are Latin-1. (Node's TextDecoder reads
 * 'windows-1252' as Latin-1, so 0x80 would not be €.)
 */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return latin1.replace(/[\x80-\x9f]/g, (ch) => String.fromCharCode(CP1252_HIGH[ch.charCodeAt(0) - 0x80]));
}

function withoutByteOrderMarks(text: string): string {
  let out = text;
  for (let k = 0; k < 2 && out.charCodeAt(0) === 0xfeff; k++) out = out.slice(1);
  return out;
}

/** The text of a file, decoded as decodeTextFile does (without its note). */
export function decodeText(bytes: Uint8Array, name: string): string {
  return decodeTextFile(bytes, name).text;
}

export function readTextFile(path: string): string {
  return decodeText(readBytes(path), path);
}

/** A text file to check, with the note on its encoding. */
export function readTextFileWithNote(path: string): DecodedText {
  return decodeTextFile(readBytes(path), path);
}

/** A CSV export as a workbook of one sheet (see workbook/csv/readCsv.ts), in any encoding decodeTextFile reads, with its note. */
export function readCsvFile(path: string): { readonly workbook: WorkbookData; readonly note: string | null } {
  const { readCsv } = require('../workbook/csv/readCsv') as typeof import('../workbook/csv/readCsv');
  const { text, note } = decodeTextFile(readBytes(path), path);
  return { workbook: readCsv(text), note };
}

export function readWorkbookFile(path: string): WorkbookData {
  const bytes = readBytes(path);
  // The reader is loaded only when a workbook is read (a text file does not need it).
  const { readXlsx } = require('../workbook/xlsx/readXlsx') as typeof import('../workbook/xlsx/readXlsx');
  const { XlsxReadError } = require('../workbook/xlsx/xlsxReadError') as typeof import('../workbook/xlsx/xlsxReadError');
  try {
    return readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxReadError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}

export async function readStdin(): Promise<DecodedText> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return decodeTextFile(Buffer.concat(chunks), 'standaardinvoer');
}

export function readProfileFile(path: string, set: DefinitionSet): Profile {
  const text = readTextFile(path);
  try {
    return parseProfileJson(text, set);
  } catch (error) {
    if (error instanceof ProfileError) throw new InputError(`${path}: ${error.message}`);
    throw error;
  }
}
