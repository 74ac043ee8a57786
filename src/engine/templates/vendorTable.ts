/**
 * A vendor's own table on a sheet: its header row (found, or given) and its
 * columns by header text. Data rows run from the row below the header to
 * the last filled row; empty rows in between are skipped, as the checker
 * does.
 */
import { headerKey } from '../../definitions/reportFormat';
import { isEmptyValue } from '../cellValues';
import type { SheetData } from '../grid';

export interface SourceColumn {
  /** 0-based column on the sheet. */
  readonly col: number;
  /** The header as written (trimmed). */
  readonly header: string;
  readonly key: string;
}

export interface VendorTable {
  readonly sheet: SheetData;
  /** 0-based header row. */
  readonly headerRow: number;
  readonly columns: readonly SourceColumn[];
  /** 0-based sheet rows that hold data (not empty). */
  readonly dataRows: readonly number[];
}

/**
 * Rows searched for the header. A case-management export may put a title,
 * the selection it was made with and notes above its table (the checker's
 * report format keeps its header in the first 10 rows; an own export does
 * not have to).
 */
export const HEADER_SEARCH_ROWS = 100;

function headerText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

export function tableAt(sheet: SheetData, headerRow: number): VendorTable {
  const row = sheet.values[headerRow] ?? [];
  const columns: SourceColumn[] = [];
  row.forEach((value, col) => {
    const header = headerText(value);
    if (header !== null) columns.push({ col, header, key: headerKey(header) });
  });
  const dataRows: number[] = [];
  for (let r = headerRow + 1; r < sheet.values.length; r++) {
    const cells = sheet.values[r];
    if (cells !== undefined && cells.some((v) => !isEmptyValue(v))) dataRows.push(r);
  }
  return { sheet, headerRow, columns, dataRows };
}

/**
 * The header row: of the first rows, the one that scores best (the caller
 * says how a header text scores; ties go to the most filled row, then the
 * first). Null for an empty sheet.
 */
export function findHeaderRow(sheet: SheetData, score: (header: string) => number): number | null {
  let best: number | null = null;
  let bestScore = -1;
  let bestFilled = 0;
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, sheet.values.length); r++) {
    const texts = (sheet.values[r] ?? []).map(headerText).filter((t): t is string => t !== null);
    if (texts.length === 0) continue;
    const s = texts.reduce((sum, t) => sum + score(t), 0);
    if (s > bestScore || (s === bestScore && texts.length > bestFilled)) {
      best = r;
      bestScore = s;
      bestFilled = texts.length;
    }
  }
  return best;
}
