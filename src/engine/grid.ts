/**
 * The engine's view of a workbook: sheets as grids of raw cell values, as a
 * host (Office.js, an .xlsx reader) delivers them. No host types leak in
 * here; every adapter converts to these shapes.
 */
import type { DateSystem } from './excelDate';

/** An Excel error value such as `#N/A` or `#REF!`. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as Excel holds it. Dates are numbers (serials in the workbook's
 * date system) whose number format is a date format; formulas are their
 * cached result; rich text is its plain text.
 */
export type RawValue = string | number | boolean | CellError | null;

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetData {
  readonly name: string;
  /**
   * Rows of values, 0-based (row 0 is Excel row 1). Rows may be shorter than
   * the widest row, and a missing row is an empty row.
   */
  readonly values: readonly (readonly RawValue[] | undefined)[];
  /**
   * Number formats of the cells where known (same shape as `values`); a host
   * that cannot tell leaves this out and dates are then recognised only as
   * text.
   */
  readonly formats?: readonly (readonly (string | undefined)[] | undefined)[];
  /** 0-based indexes of hidden rows (they are checked all the same). */
  readonly hiddenRows?: ReadonlySet<number>;
  readonly merges?: readonly MergeRange[];
  /**
   * The formulas of the cells that hold one, by A1 address, with their `=`
   * ("=" alone when the file gives no text, as for a cell of a shared
   * formula), where the host was asked to read them (the .xlsx reader with
   * its `formulas` option; a check and an Office read leave this out, see
   * WorkbookPort.formulasOf). The engine checks the values; this is for flows
   * that must not write over a formula.
   */
  readonly formulas?: ReadonlyMap<string, string>;
}

export interface WorkbookData {
  readonly sheets: readonly SheetData[];
  /** The workbook's date system; 1900 when absent. */
  readonly dateSystem?: DateSystem;
}

export function isCellError(value: RawValue): value is CellError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

/**
 * A formula saved without its calculated value (some generators write only
 * the formula; Excel always stores the result). Hosts deliver it as a
 * CellError whose text is the formula with its `=` (just "=" when the file
 * gives no formula text, as for a cell of a shared formula); Excel's own
 * error values start with `#`.
 */
export function uncalculatedFormula(formula: string): CellError {
  return { error: formula.startsWith('=') ? formula : `=${formula}` };
}

/** Whether a value is a formula without its calculated value (see uncalculatedFormula). */
export function isUncalculatedFormula(value: RawValue): value is CellError {
  return isCellError(value) && value.error.startsWith('=');
}

/** Rows up to this length are walked cell by cell; longer ones by the cells they hold. */
const WALK_LIMIT = 1024;

/**
 * Calls `visit` for every cell a row holds, in column order, leaving out
 * holes (a reader leaves one instead of thousands of empty cells before a
 * value far to the right, so that memory follows the cells present): the
 * cost follows the cells present, not the row's length.
 */
export function forEachCell<T>(row: readonly (T | undefined)[], visit: (value: T, col: number) => void): void {
  if (row.length <= WALK_LIMIT) {
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (value !== undefined) visit(value, c);
    }
    return;
  }
  // Integer keys come in ascending order.
  for (const key in row) {
    const c = Number(key);
    const value = row[c];
    if (Number.isInteger(c) && value !== undefined) visit(value, c);
  }
}

/** The A1 address of a 0-based cell. */
export function cellAddress(row: number, col: number): string {
  return columnLetters(col) + String(row + 1);
}

/** The column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
