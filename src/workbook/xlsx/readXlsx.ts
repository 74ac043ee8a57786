/**
 * Reads the bytes of an .xlsx workbook into the engine's grid types.
 *
 * Synchronous, without Node APIs (runs in a browser too). The zip archive
 * is read from memory; every part is inflated in small steps under byte
 * caps (see ReadOptions), and the large parts (sheets, shared strings) are
 * decoded and scanned piece by piece, so neither their bytes nor their text
 * is ever held whole.
 */

import type { SheetData, WorkbookData } from '../../engine/grid';
import { readText, streamText, streamUtf8 } from './partText';
import { isRelationshipType, parseRelationships, partFolder, Relationship, relationshipsPart } from './relationships';
import { SharedStringsReader } from './sharedStrings';
import { SheetXmlReader, type ConditionalFormat } from './sheetXml';
import { NO_STYLES, parseStyles, StyleTable } from './styles';
import { parseWorkbook } from './workbookXml';
import { XlsxReadError } from './xlsxReadError';
import { InflateLimits, ZipArchive, ZipEntry } from './zipEntries';

export { XlsxReadError } from './xlsxReadError';
export type { XlsxReadReason } from './xlsxReadError';

/** Caps against zip bombs; all optional, the defaults suit real workbooks. */
export interface ReadOptions {
  /** Largest inflated size of one part. Default 512 MiB. */
  readonly maxEntryBytes?: number;
  /** Largest inflated size of all parts read together. Default 1 GiB. */
  readonly maxTotalBytes?: number;
  /** Largest inflated:compressed ratio of a part once it passes `ratioCheckFromBytes`. Default 1000. */
  readonly maxCompressionRatio?: number;
  /** Inflated size of a part from which its compression ratio is checked. Default 16 MiB. */
  readonly ratioCheckFromBytes?: number;
  /** Also record every formula cell and its text (SheetData.formulas). Default false. */
  readonly formulas?: boolean;
}

export const DEFAULT_READ_LIMITS: InflateLimits = Object.freeze({
  maxEntryBytes: 512 * 1024 * 1024,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 1000,
  ratioCheckFromBytes: 16 * 1024 * 1024,
});

const OFFICE_DOCUMENT = 'officeDocument';

function limitsOf(options: ReadOptions): InflateLimits {
  const pick = (value: number | undefined, fallback: number): number =>
    value !== undefined && value >= 0 ? value : fallback;
  return {
    maxEntryBytes: pick(options.maxEntryBytes, DEFAULT_READ_LIMITS.maxEntryBytes),
    maxTotalBytes: pick(options.maxTotalBytes, DEFAULT_READ_LIMITS.maxTotalBytes),
    maxCompressionRatio: pick(options.maxCompressionRatio, DEFAULT_READ_LIMITS.maxCompressionRatio),
    ratioCheckFromBytes: pick(options.ratioCheckFromBytes, DEFAULT_READ_LIMITS.ratioCheckFromBytes),
  };
}

/** The workbook part: the package's officeDocument relationship, else xl/workbook.xml. */
function findWorkbook(zip: ZipArchive): ZipEntry {
  const packageRels = zip.find('_rels/.rels');
  if (packageRels !== undefined) {
    for (const rel of parseRelationships(readText(zip, packageRels), '').values()) {
      if (!isRelationshipType(rel.type, OFFICE_DOCUMENT) || rel.part === undefined) continue;
      const entry = zip.find(rel.part);
      if (entry !== undefined && /\.xml$/i.test(entry.name)) return entry;
    }
  }
  const entry = zip.find('xl/workbook.xml');
  if (entry !== undefined) return entry;
  if (zip.find('xl/workbook.bin') !== undefined) {
    throw new XlsxReadError(
      'geen-werkmap',
      'het bestand is een binaire Excel-werkmap (.xlsb); sla het in Excel op als .xlsx',
    );
  }
  throw new XlsxReadError('geen-werkmap', 'het bestand is een zip-archief maar geen Excel-werkmap (xl/workbook.xml ontbreekt)');
}

/** The part of the first relationship of a type, else the conventional part if present. */
function relatedPart(zip: ZipArchive, rels: Map<string, Relationship>, type: string, fallback: string): ZipEntry | undefined {
  for (const rel of rels.values()) {
    if (isRelationshipType(rel.type, type) && rel.part !== undefined) {
      const entry = zip.find(rel.part);
      if (entry !== undefined) return entry;
    }
  }
  return zip.find(fallback);
}

function readSharedStrings(zip: ZipArchive, entry: ZipEntry | undefined): string[] {
  if (entry === undefined) return [];
  const reader = new SharedStringsReader();
  guardStringSize(entry, () => streamText(zip, entry, (text) => reader.feed(text)));
  return reader.finish();
}

/** Maps a JS engine's "string too long" to a reader error. */
function guardStringSize(entry: ZipEntry, run: () => void): void {
  try {
    run();
  } catch (error) {
    if (error instanceof RangeError) {
      throw new XlsxReadError('te-groot', `onderdeel ${entry.name} is te groot om te lezen`);
    }
    throw error;
  }
}

function findPart(zip: ZipArchive, part: string): ZipEntry | undefined {
  const entry = zip.find(part);
  if (entry !== undefined) return entry;
  // Targets are URIs: a part name with spaces or non-ASCII may be percent-encoded.
  if (part.includes('%')) {
    try {
      return zip.find(decodeURIComponent(part));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** A worksheet as the package holds it: where its part is, and what the grid does not carry. */
export interface SheetPart {
  readonly name: string;
  /** The worksheet part's name in the archive, as stored. */
  readonly part: string;
  /** 'visible', 'hidden' or 'veryHidden' (as the workbook says). */
  readonly state: string;
  readonly conditionalFormats: readonly ConditionalFormat[];
}

/** A package read: the grids plus what a writer needs to find its way back. */
export interface ReadPackage {
  readonly workbook: WorkbookData & { readonly dateSystem: 1900 | 1904 };
  readonly zip: ZipArchive;
  /** The workbook part's name (xl/workbook.xml as a rule). */
  readonly workbookPart: string;
  readonly workbookRels: ReadonlyMap<string, Relationship>;
  /** The worksheets read, in the order of `workbook.sheets`. */
  readonly sheets: readonly SheetPart[];
  /** The name of the sheet shown when the workbook opens, null when it is not a worksheet. */
  readonly activeSheet: string | null;
}

/**
 * Reads an .xlsx (or .xlsm) workbook. Sheets come in workbook order,
 * hidden ones included; chart sheets, dialog sheets and macro sheets are
 * left out (they hold no cells). Throws XlsxReadError for anything that is
 * not a readable workbook.
 */
export function readXlsx(bytes: Uint8Array, options: ReadOptions = {}): WorkbookData {
  return readPackage(bytes, options).workbook;
}

/** Reads a workbook and remembers where its parts are (for the package writer). */
export function readPackage(bytes: Uint8Array, options: ReadOptions = {}): ReadPackage {
  const zip = ZipArchive.open(bytes, limitsOf(options));
  const workbookEntry = findWorkbook(zip);
  const workbookPart = workbookEntry.name.replace(/^\/+/, '');
  const workbook = parseWorkbook(readText(zip, workbookEntry));

  const relsEntry = zip.find(relationshipsPart(workbookPart));
  const rels = relsEntry === undefined ? new Map<string, Relationship>() : parseRelationships(readText(zip, relsEntry), partFolder(workbookPart));

  const stylesEntry = relatedPart(zip, rels, 'styles', 'xl/styles.xml');
  const styles: StyleTable = stylesEntry === undefined ? NO_STYLES : parseStyles(readText(zip, stylesEntry));
  const sharedStrings = readSharedStrings(zip, relatedPart(zip, rels, 'sharedStrings', 'xl/sharedStrings.xml'));

  const sheets: SheetData[] = [];
  const parts: SheetPart[] = [];
  let activeSheet: string | null = null;
  workbook.sheets.forEach((sheet, index) => {
    const rel = sheet.relationshipId === undefined ? undefined : rels.get(sheet.relationshipId);
    if (rel !== undefined && !isRelationshipType(rel.type, 'worksheet')) return;
    const part = rel?.part ?? `${partFolder(workbookPart)}worksheets/sheet${index + 1}.xml`;
    const entry = findPart(zip, part);
    if (entry === undefined) {
      throw new XlsxReadError('beschadigd', `het bestand is beschadigd (werkblad '${sheet.name}' ontbreekt)`);
    }
    const reader = new SheetXmlReader({ name: sheet.name, sharedStrings, styles, date1904: workbook.date1904, formulas: options.formulas });
    guardStringSize(entry, () => streamUtf8(zip, entry, (bytes) => reader.feed(bytes)));
    sheets.push(reader.finish());
    parts.push({ name: sheet.name, part: entry.name.replace(/^\/+/, ''), state: sheet.state, conditionalFormats: reader.conditionalFormats });
    if (index === workbook.activeTab) activeSheet = sheet.name;
  });
  return {
    workbook: { sheets, dateSystem: workbook.date1904 ? 1904 : 1900 },
    zip,
    workbookPart,
    workbookRels: rels,
    sheets: parts,
    activeSheet,
  };
}
