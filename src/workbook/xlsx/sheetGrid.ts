/**
 * The grid of one sheet as it is being read: rows of values and formats,
 * the cell cursor (for cells and rows without a reference), hidden rows and
 * merges, and turning cell text into values by cell type and style.
 */

import { cellAddress, type CellError, type MergeRange, type RawValue, type SheetData } from '../../engine/grid';
import { MAX_COLUMNS, MAX_ROWS, parseRangeRef, RangeRef } from './cellRefs';
import { DATE1904_OFFSET } from '../../engine/excelDate';
import { isoToSerial } from './excelDates';
import { DateKind } from './numberFormats';
import { StyleTable } from './styles';
import { XlsxReadError } from './xlsxReadError';

export interface SheetContext {
  readonly name: string;
  readonly sharedStrings: readonly string[];
  readonly styles: StyleTable;
  readonly date1904: boolean;
  /** Record the formula of each formula cell (SheetData.formulas); off by default, a check does not need them. */
  readonly formulas?: boolean;
}

// Cell types (the t attribute).
export const T_NUMBER = 0;
export const T_SHARED = 1;
export const T_STR = 2;
export const T_INLINE = 3;
export const T_BOOL = 4;
export const T_ERROR = 5;
export const T_DATE = 6;

const errorValues = new Map<string, CellError>();

/** One shared, frozen object per error text (#N/A, #REF!, …). */
function errorValue(text: string): CellError {
  let value = errorValues.get(text);
  if (value === undefined) {
    value = Object.freeze({ error: text });
    errorValues.set(text, value);
  }
  return value;
}

const DEFAULT_DATE_FORMAT = 'yyyy-mm-dd';
const DEFAULT_DATETIME_FORMAT = 'yyyy-mm-dd hh:mm:ss';
const DEFAULT_TIME_FORMAT = 'hh:mm:ss';

/** Empty cells filled in before a cell further right; a wider gap is left as a hole. */
const SPARSE_GAP = 256;

/**
 * Rows of cells (0-based), filled cell by cell in reading order; remembers
 * the row it wrote to last, since cells mostly arrive row after row.
 */
class RowStore<T> {
  readonly rows: (T[] | undefined)[] = [];
  private current: T[] | undefined;
  private currentIndex = -1;

  constructor(private readonly gap: T) {}

  set(row: number, col: number, value: T): void {
    let cells = this.current;
    if (row !== this.currentIndex || cells === undefined) {
      const rows = this.rows;
      while (rows.length < row) rows.push(undefined);
      cells = rows[row];
      if (cells === undefined) {
        cells = [];
        rows[row] = cells;
      }
      this.current = cells;
      this.currentIndex = row;
    }
    const length = cells.length;
    if (col === length) {
      cells.push(value);
    } else if (col - length <= SPARSE_GAP) {
      for (let i = length; i < col; i++) cells.push(this.gap);
      cells.push(value);
    } else if (col > length) {
      // A cell far to the right of the others (a value in column XFD): a
      // hole instead of thousands of empty cells, so memory follows the
      // cells present. Readers of a row see undefined in a hole, as past
      // its end.
      cells[col] = value;
    } else {
      cells[col] = value;
    }
  }
}

export class SheetGrid {
  readonly name: string;
  readonly sharedStrings: readonly string[];
  private readonly styleFormats: readonly (string | undefined)[];
  private readonly styleDateKinds: Uint8Array;
  private readonly date1904: boolean;

  /** The current row (0-based) and the column of the last cell placed in it. */
  row = -1;
  col = -1;

  private readonly values = new RowStore<RawValue>(null);
  private formats: RowStore<string | undefined> | undefined;
  private hiddenRows: Set<number> | undefined;
  private merges: MergeRange[] | undefined;
  private formulas: Map<string, string> | undefined;
  private readonly keepFormulas: boolean;

  constructor(context: SheetContext) {
    this.name = context.name;
    this.sharedStrings = context.sharedStrings;
    this.styleFormats = context.styles.formats;
    this.styleDateKinds = context.styles.dateKinds;
    this.date1904 = context.date1904;
    this.keepFormulas = context.formulas === true;
  }

  beyondLimits(what: string): XlsxReadError {
    const shown = what.length > 24 ? what.slice(0, 24) + '…' : what;
    return new XlsxReadError(
      'buiten-excel-limieten',
      `werkblad '${this.name}' gaat buiten de grenzen van Excel (${shown}; Excel kent hoogstens kolom XFD en rij 1.048.576)`,
    );
  }

  damaged(): XlsxReadError {
    return new XlsxReadError('beschadigd', `het bestand is beschadigd (werkblad '${this.name}' is onvolledig)`);
  }

  /** A `<row>`: `r` is its 1-based number, or -1 when it has none (then it follows the previous row). */
  startRow(r: number, hidden: boolean): void {
    let row: number;
    if (r >= 1) {
      if (r > MAX_ROWS) throw this.beyondLimits(`rij ${r}`);
      row = r - 1;
    } else {
      row = this.row + 1;
      if (row >= MAX_ROWS) throw this.beyondLimits(`rij ${row + 1}`);
    }
    this.row = row;
    this.col = -1;
    if (hidden) (this.hiddenRows ??= new Set()).add(row);
  }

  /**
   * Places a cell: at its reference (0-based row and column) when it has
   * one, else after the previous cell of the current row. The cell's
   * position is then `row`, `col`.
   */
  place(refRow: number, refCol: number): void {
    if (refRow >= 0) {
      this.row = refRow;
      this.col = refCol;
      return;
    }
    if (this.row < 0) this.row = 0;
    const col = this.col + 1;
    if (col >= MAX_COLUMNS) throw this.beyondLimits(`kolom ${col + 1} in rij ${this.row + 1}`);
    this.col = col;
  }

  /** Checks a range reference against Excel's limits; returns it parsed (undefined when malformed). */
  checkRange(ref: string): RangeRef | undefined {
    const range = parseRangeRef(ref);
    if (range !== undefined && (range.bottom >= MAX_ROWS || range.right >= MAX_COLUMNS)) {
      throw this.beyondLimits(ref);
    }
    return range;
  }

  addMerge(ref: string): void {
    const range = this.checkRange(ref);
    if (range === undefined) return;
    (this.merges ??= []).push({ top: range.top, left: range.left, bottom: range.bottom, right: range.right });
  }

  /** Stores a shared string by its index; an index outside the table is dropped (as Excel's repair would). */
  storeShared(index: number): void {
    const text = this.sharedStrings[index];
    if (text !== undefined) this.put(text);
  }

  /** Stores a number with the cell's format if not General (a date serial stays in the workbook's date system). */
  storeNumber(n: number, style: number): void {
    const format = this.styleFormats[style];
    this.put(n);
    if (format !== undefined) this.putFormat(format);
  }

  /** Stores the decoded value text of a cell by its type and style. */
  storeText(text: string, type: number, style: number): void {
    switch (type) {
      case T_NUMBER: {
        if (text.trim() === '') return;
        const n = Number(text);
        if (n !== n) this.put(text);
        else this.storeNumber(n, style);
        return;
      }
      case T_SHARED: {
        const t = text.trim();
        if (/^\d+$/.test(t)) this.storeShared(Number(t));
        return;
      }
      case T_BOOL: {
        const t = text.trim();
        this.put(t === '1' || t === 'true');
        return;
      }
      case T_ERROR:
        this.put(errorValue(text.trim()));
        return;
      case T_DATE: {
        const iso = isoToSerial(text);
        if (iso === undefined) {
          if (text.length > 0) this.put(text);
          return;
        }
        // ISO text is a calendar date: as a serial of the workbook's own date system.
        this.put(this.date1904 && iso.hasDate ? iso.serial - DATE1904_OFFSET : iso.serial);
        const kind = style < this.styleDateKinds.length ? this.styleDateKinds[style] : DateKind.None;
        const format =
          kind !== DateKind.None
            ? (this.styleFormats[style] as string)
            : iso.hasDate
              ? iso.hasTime
                ? DEFAULT_DATETIME_FORMAT
                : DEFAULT_DATE_FORMAT
              : DEFAULT_TIME_FORMAT;
        this.putFormat(format);
        return;
      }
      default:
        // str, inlineStr, and unknown types: the text as it stands.
        this.put(text);
    }
  }

  /** Stores a value at the current cell. */
  put(value: RawValue): void {
    this.values.set(this.row, this.col, value);
  }

  /** Records that the current cell holds a formula (its text without the `=`; empty when the file gives none). */
  putFormula(text: string): void {
    if (this.keepFormulas) (this.formulas ??= new Map()).set(cellAddress(this.row, this.col), `=${text}`);
  }

  /** Stores a number format at the current cell. */
  putFormat(format: string): void {
    (this.formats ??= new RowStore<string | undefined>(undefined)).set(this.row, this.col, format);
  }

  toSheetData(): SheetData {
    const sheet: {
      name: string;
      values: (RawValue[] | undefined)[];
      formats?: ((string | undefined)[] | undefined)[];
      hiddenRows?: Set<number>;
      merges?: MergeRange[];
      formulas?: Map<string, string>;
    } = { name: this.name, values: this.values.rows };
    if (this.formulas !== undefined) sheet.formulas = this.formulas;
    if (this.formats !== undefined) sheet.formats = this.formats.rows;
    if (this.hiddenRows !== undefined) sheet.hiddenRows = this.hiddenRows;
    if (this.merges !== undefined) sheet.merges = this.merges;
    return sheet;
  }
}
