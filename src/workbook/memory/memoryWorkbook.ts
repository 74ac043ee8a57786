/**
 * A workbook in memory behind the port: for tests, for the browser
 * workbench (the task pane without Excel) and as the command line's file
 * adapter. Opened over the bytes of an .xlsx package it remembers them and
 * records every edit, so that `toXlsx()` writes a package that differs from
 * the original only where it was edited (see workbookEdits.ts).
 */
import type { DateSystem } from '../../engine/excelDate';
import { cellAddress, type MergeRange, type RawValue, type SheetData } from '../../engine/grid';
import {
  EMPTY_STORED_STATE,
  inputValue,
  isCellSpec,
  throwIfCancelled,
  type CellInput,
  type CellMark,
  type CellRef,
  type RangeRef,
  type ReadRequest,
  type SheetSpec,
  type SheetVisibility,
  type StoredState,
  type WorkbookInfo,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WriteBlock,
} from '../port';
import type { PackageCodec } from './workbookEdits';

interface MemorySheet {
  name: string;
  visibility: SheetVisibility;
  /** Rows are replaced, never changed in place, so a snapshot handed out stays as it was. */
  values: (readonly RawValue[] | undefined)[];
  formats: (readonly (string | undefined)[] | undefined)[];
  merges?: readonly MergeRange[];
  hiddenRows?: ReadonlySet<number>;
  /** Formulas of cells we wrote, by A1 address (those of the base package: MemoryWorkbook.baseFormulas). */
  formulas: Map<string, string>;
  /** Set when we put the sheet whole: its spec, kept up to date with later writes. */
  spec?: SheetSpec;
  /** Whether the sheet came from the base package (and was not replaced). */
  fromBase: boolean;
}

/** What changed, for a view that shows the workbook (the workbench grid). */
export type MemoryChange = 'waarden' | 'markeringen' | 'bladen' | 'opslag' | 'selectie';

function sheetFromSpec(spec: SheetSpec, fromBase: boolean): MemorySheet {
  const sheet: MemorySheet = {
    name: spec.name,
    visibility: spec.visibility ?? 'visible',
    values: [],
    formats: [],
    formulas: new Map(),
    spec,
    fromBase,
  };
  writeRows(sheet, 0, 0, spec.rows);
  return sheet;
}

function writeRows(sheet: MemorySheet, top: number, left: number, rows: readonly (readonly CellInput[])[]): void {
  rows.forEach((cells, i) => {
    const r = top + i;
    const values = (sheet.values[r] ?? []).slice();
    const formats = (sheet.formats[r] ?? []).slice();
    cells.forEach((input, j) => {
      const c = left + j;
      while (values.length < c) values.push(null);
      values[c] = inputValue(input);
      const address = cellAddress(r, c);
      if (isCellSpec(input) && input.formula !== undefined) sheet.formulas.set(address, input.formula);
      else sheet.formulas.delete(address);
      const format = isCellSpec(input) ? input.numberFormat : undefined;
      if (format !== undefined || formats[c] !== undefined) {
        while (formats.length < c) formats.push(undefined);
        formats[c] = format ?? formats[c];
      }
    });
    sheet.values[r] = values;
    sheet.formats[r] = formats;
  });
}

/** The spec of a put sheet with cells written into it. */
function specWithRows(spec: SheetSpec, top: number, left: number, rows: readonly (readonly CellInput[])[]): SheetSpec {
  const out = spec.rows.map((row) => row.slice());
  rows.forEach((cells, i) => {
    const r = top + i;
    while (out.length <= r) out.push([]);
    cells.forEach((input, j) => {
      const c = left + j;
      while (out[r].length < c) out[r].push(null);
      out[r][c] = input;
    });
  });
  return { ...spec, rows: out };
}

function usedRows(sheet: MemorySheet): number {
  for (let r = sheet.values.length - 1; r >= 0; r--) {
    const row = sheet.values[r];
    if (row !== undefined && row.some((v) => v !== null && v !== '')) return r + 1;
  }
  return 0;
}

export class MemoryWorkbook implements WorkbookPort {
  private readonly sheets: MemorySheet[] = [];
  private dateSystem: DateSystem;
  private stored: StoredState;
  private storedChanged = false;
  private marks = new Map<string, CellMark>();
  /** Writes into base sheets, by sheet and address (for the package writer). */
  private readonly cellEdits = new Map<string, Map<string, CellInput>>();
  private readonly visibilityEdits = new Map<string, SheetVisibility>();
  private activeSheet: string | null;
  private selection: RangeRef | null = null;
  private readonly listeners = new Set<(change: MemoryChange) => void>();

  private constructor(
    private readonly base: Uint8Array | null,
    private readonly codec: PackageCodec | null,
    dateSystem: DateSystem,
    stored: StoredState | null,
    activeSheet: string | null,
  ) {
    this.dateSystem = dateSystem;
    this.stored = stored ?? EMPTY_STORED_STATE;
    this.activeSheet = activeSheet;
  }

  /** A workbook of the given sheets (tests). */
  static fromSheets(sheets: readonly SheetData[], options: { dateSystem?: DateSystem; stored?: StoredState; codec?: PackageCodec } = {}): MemoryWorkbook {
    const wb = new MemoryWorkbook(null, options.codec ?? null, options.dateSystem ?? 1900, options.stored ?? null, sheets[0]?.name ?? null);
    for (const s of sheets) {
      wb.sheets.push({
        name: s.name,
        visibility: 'visible',
        values: s.values.slice(),
        formats: (s.formats ?? []).slice(),
        merges: s.merges,
        hiddenRows: s.hiddenRows,
        formulas: new Map(),
        fromBase: false,
      });
    }
    if (options.stored !== undefined) wb.storedChanged = true;
    return wb;
  }

  /** A workbook over the bytes of an .xlsx package; `toXlsx()` writes it back with the edits. */
  static fromXlsx(bytes: Uint8Array, codec: PackageCodec): MemoryWorkbook {
    const opened = codec.open(bytes);
    const wb = new MemoryWorkbook(bytes, codec, opened.workbook.dateSystem, opened.stored, opened.activeSheet ?? opened.workbook.sheets[0]?.name ?? null);
    for (const s of opened.workbook.sheets) {
      wb.sheets.push({
        name: s.name,
        visibility: opened.visibility.get(s.name) ?? 'visible',
        values: s.values.slice(),
        formats: (s.formats ?? []).slice(),
        merges: s.merges,
        hiddenRows: s.hiddenRows,
        formulas: new Map(),
        fromBase: true,
      });
    }
    for (const mark of opened.marks) wb.marks.set(MemoryWorkbook.markKey(mark), mark);
    return wb;
  }

  private static markKey(ref: { sheet: string; row: number; col: number }): string {
    return `${ref.sheet}\u0000${ref.row}\u0000${ref.col}`;
  }

  /** Called after every change (for a view); returns the unsubscribe function. */
  subscribe(listener: (change: MemoryChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(change: MemoryChange): void {
    for (const listener of this.listeners) listener(change);
  }

  private sheet(name: string): MemorySheet {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`Werkblad '${name}' bestaat niet.`);
    return sheet;
  }

  // ---- the port ----

  async describe(): Promise<WorkbookInfo> {
    return {
      sheets: this.sheets.map((s) => ({ name: s.name, visibility: s.visibility })),
      dateSystem: this.dateSystem,
      activeSheet: this.activeSheet,
    };
  }

  async read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const wanted = request.sheets === undefined ? undefined : new Set(request.sheets);
    const chosen = this.sheets.filter((s) => wanted === undefined || wanted.has(s.name));
    const total = chosen.reduce((n, s) => n + s.values.length, 0);
    let done = 0;
    const sheets: SheetData[] = [];
    for (const s of chosen) {
      throwIfCancelled(request.signal);
      sheets.push({
        name: s.name,
        values: s.values.slice(),
        formats: s.formats.slice(),
        ...(s.merges !== undefined ? { merges: s.merges } : {}),
        ...(s.hiddenRows !== undefined ? { hiddenRows: s.hiddenRows } : {}),
      });
      done += s.values.length;
      request.onProgress?.(done, total);
    }
    return { sheets, dateSystem: this.dateSystem, ...(request.stored ? { stored: this.stored } : {}) };
  }

  async readCells(cells: readonly CellRef[]): Promise<RawValue[]> {
    return cells.map((c) => this.sheet(c.sheet).values[c.row]?.[c.col] ?? null);
  }

  async writeCells(blocks: readonly WriteBlock[]): Promise<void> {
    for (const block of blocks) {
      const sheet = this.sheet(block.sheet);
      writeRows(sheet, block.row, block.col, block.rows);
      if (sheet.spec !== undefined) {
        sheet.spec = specWithRows(sheet.spec, block.row, block.col, block.rows);
      } else {
        let edits = this.cellEdits.get(sheet.name);
        if (edits === undefined) this.cellEdits.set(sheet.name, (edits = new Map()));
        block.rows.forEach((cells, i) => cells.forEach((input, j) => edits.set(cellAddress(block.row + i, block.col + j), input)));
      }
    }
    this.changed('waarden');
  }

  async formulasOf(cells: readonly CellRef[]): Promise<(string | null)[]> {
    return cells.map((c) => {
      const sheet = this.sheet(c.sheet);
      const address = cellAddress(c.row, c.col);
      const written = sheet.formulas.get(address);
      if (written !== undefined) return written;
      // A cell of the base package that we have not written holds what the package says.
      if (!sheet.fromBase || sheet.spec !== undefined || this.cellEdits.get(sheet.name)?.has(address) === true) return null;
      return this.baseFormulas().get(sheet.name)?.get(address) ?? null;
    });
  }

  private baseFormulasRead: ReadonlyMap<string, ReadonlyMap<string, string>> | undefined;

  /** The formulas of the base package, read on first use (opening the package does not keep them). */
  private baseFormulas(): ReadonlyMap<string, ReadonlyMap<string, string>> {
    if (this.baseFormulasRead === undefined) {
      this.baseFormulasRead = this.base !== null && this.codec !== null ? this.codec.formulas(this.base) : new Map();
    }
    return this.baseFormulasRead;
  }

  async applyMarks(marks: readonly CellMark[]): Promise<void> {
    for (const mark of marks) {
      this.sheet(mark.sheet);
      this.marks.set(MemoryWorkbook.markKey(mark), mark);
    }
    this.changed('markeringen');
  }

  async clearMarks(): Promise<number> {
    const n = this.marks.size;
    this.marks = new Map();
    this.changed('markeringen');
    return n;
  }

  async putSheet(spec: SheetSpec): Promise<string> {
    const index = this.sheets.findIndex((s) => s.name === spec.name);
    const sheet = sheetFromSpec(spec, false);
    if (index >= 0) {
      this.sheets[index] = sheet;
      this.cellEdits.delete(spec.name);
      for (const [key, mark] of this.marks) if (mark.sheet === spec.name) this.marks.delete(key);
    } else {
      this.sheets.push(sheet);
    }
    this.changed('bladen');
    return spec.name;
  }

  async appendRows(name: string, rows: readonly (readonly CellInput[])[], create: SheetSpec): Promise<void> {
    const existing = this.sheets.find((s) => s.name === name);
    if (existing === undefined) {
      await this.putSheet({ ...create, name, rows: [...create.rows, ...rows] });
      return;
    }
    await this.writeCells([{ sheet: name, row: usedRows(existing), col: 0, rows }]);
  }

  async readStored(): Promise<StoredState> {
    return this.stored;
  }

  async writeStored(state: StoredState): Promise<void> {
    this.stored = state;
    this.storedChanged = true;
    this.changed('opslag');
  }

  async getSelection(): Promise<RangeRef | null> {
    return this.selection;
  }

  async select(cell: CellRef): Promise<void> {
    this.sheet(cell.sheet);
    this.activeSheet = cell.sheet;
    this.selection = { sheet: cell.sheet, row: cell.row, col: cell.col, rows: 1, cols: 1 };
    this.changed('selectie');
  }

  // ---- for views and hosts ----

  /** Selects a range (the workbench grid). */
  setSelection(range: RangeRef): void {
    this.sheet(range.sheet);
    this.activeSheet = range.sheet;
    this.selection = range;
    this.changed('selectie');
  }

  /** Shows another sheet (the workbench's sheet tabs). */
  activate(name: string): void {
    this.sheet(name);
    this.activeSheet = name;
    this.selection = null;
    this.changed('selectie');
  }

  sheetNames(): string[] {
    return this.sheets.map((s) => s.name);
  }

  /** The grid of a sheet as it stands (do not change it). */
  sheetData(name: string): SheetData {
    const s = this.sheet(name);
    return { name: s.name, values: s.values, formats: s.formats };
  }

  visibilityOf(name: string): SheetVisibility {
    return this.sheet(name).visibility;
  }

  setVisibility(name: string, visibility: SheetVisibility): void {
    const sheet = this.sheet(name);
    sheet.visibility = visibility;
    if (sheet.fromBase) this.visibilityEdits.set(name, visibility);
    else if (sheet.spec !== undefined) sheet.spec = { ...sheet.spec, visibility };
    this.changed('bladen');
  }

  /** Our marks as they stand. */
  currentMarks(): CellMark[] {
    return [...this.marks.values()];
  }

  markAt(sheet: string, row: number, col: number): CellMark | undefined {
    return this.marks.get(MemoryWorkbook.markKey({ sheet, row, col }));
  }

  formulaAt(sheet: string, row: number, col: number): string | undefined {
    return this.sheet(sheet).formulas.get(cellAddress(row, col));
  }

  /** The spec of a sheet we put (templates, Controle, Logboek). */
  specOf(name: string): SheetSpec | undefined {
    return this.sheet(name).spec;
  }

  /** The workbook as .xlsx bytes: the original package with the edits, or a new package. */
  toXlsx(): Uint8Array {
    if (this.codec === null) throw new Error('Deze werkmap kan niet als .xlsx worden opgeslagen (geen pakketschrijver).');
    const cells = new Map<string, ReadonlyMap<string, CellInput>>();
    for (const [name, edits] of this.cellEdits) if (this.sheets.some((s) => s.name === name && s.spec === undefined)) cells.set(name, edits);
    const specs: SheetSpec[] = [];
    for (const s of this.sheets) {
      if (s.spec !== undefined) specs.push(s.spec);
      else if (!s.fromBase) specs.push(this.specOfPlainSheet(s));
    }
    return this.codec.write(this.base, {
      dateSystem: this.dateSystem,
      cells,
      marks: this.currentMarks(),
      sheets: specs,
      visibility: this.visibilityEdits,
      stored: this.storedChanged ? this.stored : null,
    });
  }

  /** A sheet made from grids (fromSheets) as a spec, for writing a new package. */
  private specOfPlainSheet(s: MemorySheet): SheetSpec {
    const rows = s.values.map((row, r) =>
      (row ?? []).map((value, c): CellInput => {
        const numberFormat = s.formats[r]?.[c];
        const formula = s.formulas.get(cellAddress(r, c));
        return numberFormat === undefined && formula === undefined ? value : { value, numberFormat, formula };
      }),
    );
    return { name: s.name, visibility: s.visibility, rows };
  }
}
