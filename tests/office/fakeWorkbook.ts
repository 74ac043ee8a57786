/**
 * The workbook behind the fake Excel API (fakeExcel.ts): sheets with values,
 * error values, formulas, number formats, the user's own cell styles,
 * conditional formats, notes, comments, merged areas, and the custom XML
 * parts. Plain data, so that a test can set up a workbook and compare what
 * the adapter left behind.
 */
import type { RawValue, SheetData } from '../../src/engine/grid';
import type { CellRect } from '../../src/workbook/office/addresses';

export type CellValue = string | number | boolean;

export interface CellStyle {
  fill?: string;
  font?: string;
  bold?: boolean;
  wrap?: boolean;
  /** The cell was written with a leading apostrophe (Excel's "this is text"). */
  quotePrefix?: boolean;
}

export interface ConditionalRule {
  readonly id: number;
  readonly type: string;
  formula: string | null;
  fill: string | null;
  font: string | null;
  rects: CellRect[];
}

export interface Validation {
  readonly rect: CellRect;
  rule?: unknown;
  prompt?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

/** A series of a chart; ranges as Excel's addresses with the sheet ("Blad!C2:C4"), null where not set. */
export interface ChartSeriesState {
  name: string;
  values: string | null;
  xAxis: string | null;
}

/** A chart on a sheet, as the adapter left it. */
export interface ChartState {
  readonly type: string;
  /** The range the chart was added from, and how its series were taken from it. */
  readonly source: string;
  readonly seriesBy: string | undefined;
  readonly series: ChartSeriesState[];
  title: string | null;
  legend: string | null;
  /** setPosition's start and end cells. */
  position: { start: string; end: string | undefined } | null;
  axisFormat: string | null;
}

export const key = (row: number, col: number): number => row * 16384 + col;
export const unkey = (k: number): [number, number] => [Math.floor(k / 16384), k % 16384];

export class FakeSheet {
  visibility = 'Visible';
  /** Values by row; undefined or '' is an empty cell. */
  readonly values: (CellValue[] | undefined)[] = [];
  readonly numberFormats: ((string | undefined)[] | undefined)[] = [];
  /** Error values by cell ('#N/A'); the cell's value then is the error text. */
  readonly errors = new Map<number, string>();
  readonly formulas = new Map<number, string>();
  readonly styles = new Map<number, CellStyle>();
  readonly columnFormats = new Map<number, string>();
  readonly columnWidths = new Map<number, number>();
  readonly hyperlinks = new Map<number, { documentReference?: string; address?: string; textToDisplay?: string }>();
  rules: ConditionalRule[] = [];
  readonly notes = new Map<number, string>();
  readonly comments = new Map<number, string>();
  merges: CellRect[] = [];
  frozenRows = 0;
  /** The print zoom set through pageLayout.zoom (ExcelApi 1.9), or undefined. */
  printZoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number } | undefined = undefined;
  autoFilter: string | null = null;
  readonly tables: { address: string; name: string; style: string }[] = [];
  readonly validations: Validation[] = [];
  readonly charts: ChartState[] = [];

  constructor(public name: string) {}

  value(row: number, col: number): CellValue | '' {
    const v = this.values[row]?.[col];
    return v === undefined ? '' : v;
  }

  numberFormat(row: number, col: number): string {
    return this.numberFormats[row]?.[col] ?? this.columnFormats.get(col) ?? 'General';
  }

  setValue(row: number, col: number, value: CellValue | ''): void {
    while (this.values.length <= row) this.values.push(undefined);
    const current = this.values[row];
    const next = current === undefined ? [] : current;
    while (next.length < col) next.push('');
    next[col] = value;
    this.values[row] = next;
    this.errors.delete(key(row, col));
    this.formulas.delete(key(row, col));
  }

  setNumberFormat(row: number, col: number, format: string): void {
    while (this.numberFormats.length <= row) this.numberFormats.push(undefined);
    const next = this.numberFormats[row] ?? [];
    next[col] = format;
    this.numberFormats[row] = next;
  }

  style(row: number, col: number): CellStyle {
    const k = key(row, col);
    let s = this.styles.get(k);
    if (s === undefined) this.styles.set(k, (s = {}));
    return s;
  }

  /** The rectangle of cells holding a value, or null. */
  usedRect(): CellRect | null {
    let top = -1;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.values.forEach((row, r) => {
      if (row === undefined) return;
      for (let c = 0; c < row.length; c++) {
        if (row[c] === '') continue;
        if (top < 0) top = r;
        bottom = r;
        if (c < left) left = c;
        if (c > right) right = c;
      }
    });
    return top < 0 ? null : { top, left, bottom, right };
  }
}

export interface CustomPart {
  readonly id: string;
  xml: string;
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  dateSystem: 1900 | 1904 = 1900;
  activeSheet: FakeSheet | null = null;
  selection: { sheet: FakeSheet; rect: CellRect } | null = null;
  parts: CustomPart[] = [];
  calculations = 0;
  private nextPartId = 1;
  private nextRuleId = 1;

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  addSheet(name: string): FakeSheet {
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    this.activeSheet ??= sheet;
    return sheet;
  }

  addPart(xml: string): CustomPart {
    const part = { id: `{part-${this.nextPartId++}}`, xml };
    this.parts.push(part);
    return part;
  }

  newRule(type: string, rects: CellRect[]): ConditionalRule {
    return { id: this.nextRuleId++, type, formula: null, fill: null, font: null, rects };
  }

  /** A workbook of the engine's grids: values, formats and error values as a reader would give them. */
  static fromSheets(sheets: readonly SheetData[], dateSystem: 1900 | 1904 = 1900): FakeWorkbook {
    const wb = new FakeWorkbook();
    wb.dateSystem = dateSystem;
    for (const data of sheets) {
      const sheet = wb.addSheet(data.name);
      data.values.forEach((row, r) => {
        if (row === undefined) {
          sheet.values.push(undefined);
          sheet.numberFormats.push(undefined);
          return;
        }
        const values: CellValue[] = [];
        row.forEach((v: RawValue, c) => {
          if (v === null) values.push('');
          else if (typeof v === 'object') {
            values.push(v.error);
            sheet.errors.set(key(r, c), v.error);
          } else values.push(v);
        });
        sheet.values.push(values);
        const formats = data.formats?.[r];
        sheet.numberFormats.push(formats === undefined ? undefined : formats.map((f) => f ?? 'General'));
      });
      if (data.merges !== undefined) sheet.merges = data.merges.map((m) => ({ ...m }));
    }
    return wb;
  }
}
