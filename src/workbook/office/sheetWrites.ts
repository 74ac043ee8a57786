/**
 * Writing cells and whole sheets through Office.js: values (text kept as
 * text, see excelValues.ts), formulas, number formats, bold, wrapping, the
 * severity colours of the Controle sheet, internal links, column widths,
 * frozen rows, an auto filter, a table and data validation. Everything is
 * queued on a RequestBatch; the caller flushes.
 */
import { MARK_STYLES } from '../marks';
import { isCellSpec, type CellInput, type CellSpec, type SheetSpec, type ValidationSpec } from '../port';
import { cellReference, rectAddress } from './addresses';
import type { Range, Worksheet } from './excelApi';
import { stringCellValue, textNeedsGuard, valueBytes, valueForExcel } from './excelValues';
import type { RequestBatch } from './requestBatch';

export interface WriteCapabilities {
  /** ExcelApi 1.16: text written as typed string values. */
  readonly valuesAsJson: boolean;
  /** ExcelApi 1.7: hyperlinks. */
  readonly hyperlinks: boolean;
  /** ExcelApi 1.8: data validation. */
  readonly dataValidation: boolean;
  /** ExcelApi 1.9: auto filter. */
  readonly autoFilter: boolean;
  /** ExcelApi 1.9: page layout (fit to one page wide). */
  readonly pageLayout: boolean;
}

/** Rows per write request at most, whatever their size (a few thousand keeps each request well below the limit). */
const MAX_ROWS_PER_WRITE = 5000;
/** Estimated bytes of one write request of values. */
const MAX_BYTES_PER_WRITE = 1_500_000;

const spec = (input: CellInput): CellSpec => (isCellSpec(input) ? input : { value: input });

/** Row chunks [from, to) of `rows` whose estimated size stays within one write. */
function rowChunks(rows: readonly (readonly CellInput[])[]): [number, number][] {
  const chunks: [number, number][] = [];
  let from = 0;
  let bytes = 0;
  for (let r = 0; r < rows.length; r++) {
    let rowBytes = 8;
    for (const input of rows[r]) {
      const s = spec(input);
      rowBytes += valueBytes(s.formula ?? s.value ?? '') + (s.numberFormat !== undefined ? s.numberFormat.length + 3 : 5);
    }
    if (r > from && (bytes + rowBytes > MAX_BYTES_PER_WRITE || r - from >= MAX_ROWS_PER_WRITE)) {
      chunks.push([from, r]);
      from = r;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  if (from < rows.length) chunks.push([from, rows.length]);
  return chunks;
}

/** Runs of equal truthy flags in a row: [start, length]. */
function runs(flags: readonly boolean[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < flags.length; i++) {
    if (!flags[i]) continue;
    let j = i;
    while (j + 1 < flags.length && flags[j + 1]) j++;
    out.push([i, j - i + 1]);
    i = j;
  }
  return out;
}

/**
 * Writes rows of cells from (top, left). A missing cell at the end of a
 * short row is left as it is; a null value empties its cell.
 */
export async function writeRows(
  batch: RequestBatch,
  sheet: Worksheet,
  top: number,
  left: number,
  rows: readonly (readonly CellInput[])[],
  caps: WriteCapabilities,
): Promise<void> {
  for (const [from, to] of rowChunks(rows)) {
    const chunk = rows.slice(from, to);
    const width = chunk.reduce((w, row) => Math.max(w, row.length), 0);
    if (width === 0) continue;
    let formulas = false;
    let formats = false;
    let bytes = 0;
    const matrix: (string | number | boolean | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    const typedText: [number, number, string][] = [];
    const bold: boolean[][] = [];
    const wrap: boolean[][] = [];
    const severities: [number, number, CellSpec['severity']][] = [];
    const links: [number, number, string, string][] = [];
    chunk.forEach((row, i) => {
      const values: (string | number | boolean | null)[] = new Array(width).fill(null);
      const fmts: (string | null)[] = new Array(width).fill(null);
      bold.push(new Array(width).fill(false));
      wrap.push(new Array(width).fill(false));
      row.forEach((input, j) => {
        const s = spec(input);
        const value = s.value ?? null;
        if (s.formula !== undefined) {
          values[j] = s.formula;
          formulas = true;
        } else if (typeof value === 'string' && caps.valuesAsJson && textNeedsGuard(value)) {
          values[j] = null; // written as a typed string below
          typedText.push([i, j, value]);
        } else {
          values[j] = valueForExcel(value, true);
        }
        bytes += valueBytes(values[j]);
        if (s.numberFormat !== undefined) {
          fmts[j] = s.numberFormat;
          formats = true;
          bytes += s.numberFormat.length + 3;
        }
        if (s.bold === true) bold[i][j] = true;
        if (s.wrap === true) wrap[i][j] = true;
        if (s.severity !== undefined) severities.push([i, j, s.severity]);
        if (s.link !== undefined && caps.hyperlinks) {
          links.push([i, j, cellReference(s.link.sheet, s.link.cell), value === null ? s.link.cell : String(value)]);
        }
      });
      matrix.push(values);
      numberFormats.push(fmts);
    });
    const range = sheet.getRangeByIndexes(top + from, left, chunk.length, width);
    await batch.room(bytes);
    if (formulas) range.formulas = matrix;
    else range.values = matrix;
    if (formats) {
      await batch.room(bytes / 2);
      range.numberFormat = numberFormats;
    }
    for (const [i, j, text] of typedText) {
      await batch.room(valueBytes(text) + 40);
      range.getCell(i, j).valuesAsJson = [[stringCellValue(text)]];
    }
    for (let i = 0; i < chunk.length; i++) {
      for (const [j, n] of runs(bold[i])) {
        await batch.room();
        sheet.getRangeByIndexes(top + from + i, left + j, 1, n).format.font.bold = true;
      }
      for (const [j, n] of runs(wrap[i])) {
        await batch.room();
        sheet.getRangeByIndexes(top + from + i, left + j, 1, n).format.wrapText = true;
      }
    }
    for (const [i, j, severity] of severities) {
      if (severity === undefined) continue;
      const style = MARK_STYLES[severity];
      const cell = range.getCell(i, j);
      await batch.room(40);
      cell.format.fill.color = `#${style.fill}`;
      cell.format.font.color = `#${style.font}`;
    }
    for (const [i, j, reference, text] of links) {
      await batch.room(reference.length + text.length + 40);
      range.getCell(i, j).hyperlink = { documentReference: reference, textToDisplay: text };
    }
  }
}

/** Points of a column `chars` characters wide (Calibri 11: Excel's default 8.43 characters are 48 points). */
export function columnPoints(chars: number): number {
  return Math.round(chars * 5.7 * 4) / 4;
}

const VALIDATION_OPERATOR = 'Between';

function validationRule(v: ValidationSpec): Range['dataValidation']['rule'] {
  const bounds = { formula1: v.min ?? 0, formula2: v.max ?? (v.kind === 'date' ? 2958465 : 1e15), operator: VALIDATION_OPERATOR };
  switch (v.kind) {
    case 'list':
      return { list: { inCellDropDown: true, source: v.source ?? '' } };
    case 'date':
      return { date: bounds };
    case 'decimal':
      return { decimal: bounds };
    case 'whole':
      return { wholeNumber: bounds };
    case 'textLength':
      return { textLength: bounds };
    case 'custom':
      return { custom: { formula: v.formula ?? '' } };
  }
}

/** Everything of a sheet spec besides its rows, on a sheet just added. Column formats come first (before the rows), the rest after. */
export async function applyColumns(batch: RequestBatch, sheet: Worksheet, spec: SheetSpec): Promise<void> {
  for (let c = 0; c < (spec.columns ?? []).length; c++) {
    const column = (spec.columns ?? [])[c];
    if (column.width === undefined && column.numberFormat === undefined) continue;
    const whole = sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn();
    await batch.room(40);
    if (column.width !== undefined) whole.format.columnWidth = columnPoints(column.width);
    // A single value sets the number format of every cell of the column.
    if (column.numberFormat !== undefined) whole.numberFormat = column.numberFormat as unknown as string[][];
  }
}

export async function applySheetSettings(batch: RequestBatch, sheet: Worksheet, spec: SheetSpec, caps: WriteCapabilities): Promise<void> {
  const width = spec.rows.reduce((w, row) => Math.max(w, row.length), 0);
  await batch.room();
  if (spec.frozenRows !== undefined && spec.frozenRows > 0) sheet.freezePanes.freezeRows(spec.frozenRows);
  if (spec.printOnePageWide === true && caps.pageLayout) sheet.pageLayout.zoom = { horizontalFitToPages: 1 };
  if (spec.autoFilterRow !== undefined && caps.autoFilter && width > 0) {
    const bottom = Math.max(spec.rows.length - 1, spec.autoFilterRow + 1);
    sheet.autoFilter.apply(rectAddress({ top: spec.autoFilterRow, left: 0, bottom, right: width - 1 }));
  }
  if (spec.table !== undefined) {
    const t = spec.table;
    const address = rectAddress({ top: t.headerRow, left: t.col, bottom: t.headerRow + Math.max(1, t.dataRows), right: t.col + t.cols - 1 });
    await batch.room(80);
    const table = sheet.tables.add(address, true);
    table.name = t.name;
    if (t.style !== undefined) table.style = t.style;
  }
  if (caps.dataValidation) {
    for (const v of spec.validations ?? []) {
      const validation = sheet.getRange(v.range).dataValidation;
      await batch.room(300 + (v.source?.length ?? 0));
      validation.rule = validationRule(v);
      validation.ignoreBlanks = v.allowBlank !== false;
      if (v.prompt !== undefined) validation.prompt = { showPrompt: true, title: v.prompt.title, message: v.prompt.message };
      validation.errorAlert = { showAlert: true, style: 'Stop', title: v.error.title, message: v.error.message };
    }
  }
}

/** Excel's name for a visibility. */
export function excelVisibility(visibility: SheetSpec['visibility']): string {
  return visibility === 'hidden' ? 'Hidden' : visibility === 'veryHidden' ? 'VeryHidden' : 'Visible';
}
