/**
 * The workbook port: the little the flows need from any workbook, whatever
 * holds it (Excel through Office.js, an .xlsx file, memory). The flows
 * (check, mark, clear, fix, store the profile, templates) are written once
 * against this interface; each host has one adapter:
 *
 * - `office/`: Excel through Office.js (the task pane and the functions);
 * - `memory/`: an in-memory workbook, optionally over the bytes of an .xlsx
 *   package that it writes back changing only what was edited (the CLI's
 *   file adapter, the browser workbench and the tests).
 *
 * Coordinates are 0-based (row 0 is Excel row 1); addresses are A1 text
 * without sheet name. Nothing here imports a host API.
 */
import type { DateSystem } from '../engine/excelDate';
import type { FindingCode, Severity } from '../engine/findings';
import type { RawValue, SheetData, WorkbookData } from '../engine/grid';

export type { DateSystem } from '../engine/excelDate';

export type SheetVisibility = 'visible' | 'hidden' | 'veryHidden';

export interface SheetInfo {
  readonly name: string;
  readonly visibility: SheetVisibility;
}

export interface WorkbookInfo {
  /** Worksheets in workbook order (chart sheets left out). */
  readonly sheets: readonly SheetInfo[];
  readonly dateSystem: DateSystem;
  /** The sheet the user looks at, where the host knows one. */
  readonly activeSheet: string | null;
}

/** Progress of long work: `done` of `total` units (rows or cells; the caller only shows the ratio). */
export type ProgressListener = (done: number, total: number) => void;

export interface ReadRequest {
  /** Sheets to read, by name; every worksheet when absent. Unknown names are left out. */
  readonly sheets?: readonly string[];
  /** Also read the stored state (profile, accepted findings) in the same round trip. */
  readonly stored?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressListener;
}

/** What a read returns: the sheets as the engine's grids, the date system, and the stored state if asked. */
export interface WorkbookSnapshot extends WorkbookData {
  readonly sheets: readonly SheetData[];
  readonly dateSystem: DateSystem;
  readonly stored?: StoredState;
}

/** A cell by sheet and 0-based position. */
export interface CellRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
}

/** A rectangle of a sheet (0-based, inclusive of `row`/`col`, `rows` × `cols` cells). */
export interface RangeRef {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: number;
  readonly cols: number;
}

/** How one cell is written: a value, or a value with a formula, link or format. */
export interface CellSpec {
  /** The value; with `formula`, the value a reader sees until the host recalculates. */
  readonly value?: RawValue;
  /** A formula in Excel's English (invariant) syntax, with the leading `=`. */
  readonly formula?: string;
  /** An internal hyperlink to a cell of this workbook (no external target). */
  readonly link?: { readonly sheet: string; readonly cell: string };
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly wrap?: boolean;
  /** Filled in the colour of a severity (the Controle sheet's Ernst column). */
  readonly severity?: Severity;
}

export type CellInput = RawValue | CellSpec;

export function isCellSpec(input: CellInput): input is CellSpec {
  return typeof input === 'object' && input !== null && !('error' in input);
}

/** The value a cell input writes (null for none). */
export function inputValue(input: CellInput | undefined): RawValue {
  if (input === undefined) return null;
  return isCellSpec(input) ? (input.value ?? null) : input;
}

/** A block of cells written from (`row`, `col`) on, row by row. */
export interface WriteBlock {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly rows: readonly (readonly CellInput[])[];
}

/** A data validation over a range of a sheet we write. */
export interface ValidationSpec {
  /** A1 range without sheet name, e.g. "C2:C5001". */
  readonly range: string;
  /** custom: allowed where `formula` is TRUE (Excel's "Custom" validation). */
  readonly kind: 'list' | 'date' | 'decimal' | 'whole' | 'textLength' | 'custom';
  /** For a list: a formula such as "=Codelijsten!$A$2:$A$11" (never a literal list: Excel limits those to 255 characters). */
  readonly source?: string;
  /**
   * For custom: a formula that is TRUE for an allowed value, written for the
   * range's top-left cell and relative to it, e.g. "=AND(ISNUMBER(O2),O2>0,O2<=60)".
   */
  readonly formula?: string;
  readonly min?: number;
  readonly max?: number;
  readonly allowBlank?: boolean;
  /** The input message shown when the cell is selected (Excel: title ≤ 32, message ≤ 255 characters). */
  readonly prompt?: { readonly title: string; readonly message: string };
  /** The error shown for a value that does not pass; the value is refused. */
  readonly error: { readonly title: string; readonly message: string };
}

/** An Excel table (ListObject) over a header row and the rows below it. */
export interface TableSpec {
  readonly name: string;
  /** 0-based header row and first column; the table spans the columns of the header row. */
  readonly headerRow: number;
  readonly col: number;
  readonly cols: number;
  /** Data rows the table covers (at least 1, also when they are empty). */
  readonly dataRows: number;
  readonly style?: string;
}

/**
 * A clustered column chart over columns of a sheet we write: one group of
 * columns per data row (its category), one column colour per series.
 */
export interface ChartSpec {
  readonly title: string;
  /** 0-based header row: its cells name the series. */
  readonly headerRow: number;
  /** 0-based first and last data rows (inclusive). */
  readonly firstRow: number;
  readonly lastRow: number;
  /** 0-based column of the category names. */
  readonly categoryCol: number;
  /** 0-based columns of the series, each a column of numbers (text and empty cells are gaps). */
  readonly seriesCols: readonly number[];
  /** Number format of the value axis (Excel's code), e.g. "0". */
  readonly axisFormat?: string;
  /** Where it is drawn: its top-left cell, and how many rows and columns it spans. */
  readonly at: { readonly row: number; readonly col: number; readonly rows: number; readonly cols: number };
}

/** The name of a chart's series: the text of its header cell ('' when empty). */
export function seriesName(spec: SheetSpec, chart: ChartSpec, col: number): string {
  const value = inputValue(spec.rows[chart.headerRow]?.[col]);
  if (value === null) return '';
  return typeof value === 'object' ? value.error : String(value);
}

/** A sheet we add or replace whole: the Controle sheet, the Logboek, templates. */
export interface SheetSpec {
  readonly name: string;
  readonly visibility?: SheetVisibility;
  readonly rows: readonly (readonly CellInput[])[];
  /** Per column from A: width in characters and a number format for the whole column. */
  readonly columns?: readonly { readonly width?: number; readonly numberFormat?: string }[];
  /** Rows kept in view when scrolling (the header). */
  readonly frozenRows?: number;
  /** An autofilter on this 0-based header row over the columns of that row and every row below. */
  readonly autoFilterRow?: number;
  readonly table?: TableSpec;
  readonly validations?: readonly ValidationSpec[];
  /** Printed one page wide, as many pages tall as it needs (running text: the contract, its annex). */
  readonly printOnePageWide?: boolean;
  /** Charts drawn on the sheet, over its own cells. */
  readonly charts?: readonly ChartSpec[];
}

/** A mark on one flagged cell: the colour of its worst severity and the text of our note. */
export interface CellMark {
  readonly sheet: string;
  readonly row: number;
  readonly col: number;
  readonly severity: Severity;
  /** Our note text, starting with NOTE_HEADING. */
  readonly note: string;
}

/** A finding the user accepted ("Negeer"): not counted on the next check while the cell holds the same value. */
export interface AcceptedFinding {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly code: FindingCode;
  /** The cell value as text when accepted; another value brings the finding back. */
  readonly value: string;
  /** The fragment of a text finding (one cell may hold several). */
  readonly fragment: string | null;
  readonly reason: string | null;
  /** ISO 8601 time of acceptance. */
  readonly at: string;
}

/** What the add-in keeps inside a workbook (in a custom XML part of our own namespace). */
export interface StoredState {
  /** The contract profile as its public JSON object (validated when used), or null. */
  readonly profile: unknown | null;
  readonly accepted: readonly AcceptedFinding[];
  /** The saved mapping of a vendor's own table into the report format (templates), or null. */
  readonly mapping: unknown | null;
}

export const EMPTY_STORED_STATE: StoredState = Object.freeze({ profile: null, accepted: [], mapping: null });

export interface WorkbookPort {
  /** The worksheets, the date system and the active sheet. */
  describe(): Promise<WorkbookInfo>;
  /** Reads the used ranges (values and number formats) of the asked sheets; the adapter chunks as its host needs. */
  read(request?: ReadRequest): Promise<WorkbookSnapshot>;
  /** The current values of a few cells (to check a cell still holds what a fix expects). */
  readCells(cells: readonly CellRef[]): Promise<RawValue[]>;
  /** Writes values (and formulas) into existing sheets; never formats other cells. */
  writeCells(blocks: readonly WriteBlock[]): Promise<void>;
  /**
   * The formula of each cell, with its `=` (Excel's English syntax; "=" alone
   * when the host does not give its text), or null for a cell that holds a
   * constant or nothing. Asked for a few cells before writing over them: a
   * read gives a formula's result, not the formula.
   */
  formulasOf(cells: readonly CellRef[]): Promise<(string | null)[]>;
  /** Marks flagged cells (replacing our earlier marks on those cells); the user's own formatting stays as it is. */
  applyMarks(marks: readonly CellMark[]): Promise<void>;
  /** Removes every mark of ours in the workbook, leaving the user's own formatting and notes exactly as before. Returns the number of cells cleared. */
  clearMarks(): Promise<number>;
  /** Adds a sheet, or replaces the sheet of that name whole. Returns the name. */
  putSheet(spec: SheetSpec): Promise<string>;
  /** Appends rows below the used range of a sheet; creates it from `create` (with its header rows) when missing. */
  appendRows(name: string, rows: readonly (readonly CellInput[])[], create: SheetSpec): Promise<void>;
  readStored(): Promise<StoredState>;
  writeStored(state: StoredState): Promise<void>;
  /** The selected range, where the host has one. */
  getSelection(): Promise<RangeRef | null>;
  /** Selects a cell (activating its sheet). */
  select(cell: CellRef): Promise<void>;
}

/** A request that was cancelled by its AbortSignal. */
export class CancelledError extends Error {
  constructor() {
    super('Afgebroken.');
    this.name = 'CancelledError';
  }
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new CancelledError();
}
