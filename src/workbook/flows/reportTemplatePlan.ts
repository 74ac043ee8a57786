/**
 * The uniform report template as sheet specs, pure data that every adapter
 * draws (like markPlan.ts): the hidden `Codelijsten` sheet with the lists of
 * the drop-downs, `Cliënten` as an Excel table with the standard headers in
 * order, formats, an input message per column and validation that refuses
 * a value outside a list, and `Management` with the metadata labels and
 * every indicator as a formula over the table. The values of the formula
 * cells are the checker's own recomputation, so a reader that does not
 * recalculate (our checker, a preview) sees what Excel will show.
 */
import type { Column } from '../../definitions/formatSchema';
import type { EffectiveDefinitions } from '../../definitions/profile';
import { standardReportFormat, type ReportFormat } from '../../definitions/reportFormat';
import { checkWorkbook } from '../../engine/checkWorkbook';
import { DurablePlacement } from '../../engine/durablePlacement';
import { serialFromDate } from '../../engine/excelDate';
import { columnLetters, type RawValue, type SheetData } from '../../engine/grid';
import type { Recomputed } from '../../engine/indicatorTally';
import { columnError, columnPrompt, dateError, PROMPT_MESSAGE_MAX, PROMPT_TITLE_MAX } from '../../engine/templates/columnGuidance';
import { definitionText, shorten } from '../../engine/templates/definitionText';
import { earliestSerial, managementFormulas } from '../../engine/templates/managementFormulas';
import { reportLayout, type ReportLayout } from '../../engine/templates/reportLayout';
import { inputValue, isCellSpec, type CellInput, type SheetSpec, type ValidationSpec } from '../port';

/** Rows below the table that already carry the drop-downs and checks, for rows a user adds. */
export const SPARE_ROWS = 5000;
export const DATE_FORMAT = 'dd-mm-yyyy';
const COUNT_FORMAT = '0';
const DECIMAL_FORMAT = '0.0';
const LAST_DATE = serialFromDate(9999, 12, 31) as number;

export interface ReportTemplateInput {
  readonly defs: EffectiveDefinitions;
  readonly format?: ReportFormat;
  /** Client rows, one value per column of the format in its order (dates as serials). */
  readonly rows?: readonly (readonly RawValue[])[];
  /** Management metadata by id (gemeente, opdrachtnemer, periodeVan, periodeTot); dates as serials. */
  readonly metadata?: Readonly<Record<string, RawValue>>;
}

/** One client row as cells: dates with their date format, so every reader sees a date. */
export function clientRowCells(layout: ReportLayout, values: readonly RawValue[]): CellInput[] {
  return layout.columns.map((column, i) => {
    const value = values[i] ?? null;
    if (column.type === 'date' && typeof value === 'number') return { value, numberFormat: DATE_FORMAT };
    return value;
  });
}

/** The client sheet as the engine's grid (for the recomputation of the management figures). */
export function clientSheetData(layout: ReportLayout, rows: readonly (readonly CellInput[])[]): SheetData {
  const values: RawValue[][] = [layout.columns.map((c) => c.header)];
  const formats: (string | undefined)[][] = [[]];
  for (const row of rows) {
    values.push(row.map(inputValue));
    formats.push(row.map((cell) => (isCellSpec(cell) ? cell.numberFormat : undefined)));
  }
  return { name: layout.clientSheet, values, formats };
}

function range(col: number, firstRow: number, lastRow: number): string {
  const letters = columnLetters(col);
  return `${letters}${firstRow + 1}:${letters}${lastRow + 1}`;
}

/** "=AND(ISNUMBER(O2),O2>0,O2<=60)" for a number column, relative to its first cell. */
function numberRule(column: Column, cell: string): string {
  const parts = [`ISNUMBER(${cell})`];
  if (column.min !== undefined) parts.push(`${cell}${column.minExclusive ? '>' : '>='}${column.min}`);
  if (column.max !== undefined) parts.push(`${cell}<=${column.max}`);
  return `AND(${parts.join(',')})`;
}

function validationFor(layout: ReportLayout, column: Column, col: number, rows: number, defs: EffectiveDefinitions): ValidationSpec {
  const format = layout.format;
  const at = range(col, 1, rows);
  const first = `${columnLetters(col)}2`;
  const prompt = columnPrompt(column, defs);
  const list = layout.listOf(column);
  const error = columnError(column, format, list?.values);
  if (list !== undefined && error !== null) return { range: at, kind: 'list', source: list.source, allowBlank: true, prompt, error };
  switch (column.type) {
    case 'date':
      return { range: at, kind: 'date', min: earliestSerial(format), max: LAST_DATE, allowBlank: true, prompt, error: error! };
    case 'number':
      return { range: at, kind: 'custom', formula: `=${numberRule(column, first)}`, allowBlank: true, prompt, error: error! };
    case 'duration': {
      const words = (column.indefinite ?? []).map((w) => `${first}="${w.replace(/"/g, '""')}"`);
      return { range: at, kind: 'custom', formula: `=OR(${[numberRule(column, first), ...words].join(',')})`, allowBlank: true, prompt, error: error! };
    }
    default:
      // Text: any text up to Excel's cell limit; the validation only carries the input message.
      return {
        range: at,
        kind: 'textLength',
        min: 0,
        max: 32767,
        allowBlank: true,
        prompt,
        error: { title: 'Te lange tekst', message: 'Een cel bevat hoogstens 32.767 tekens.' },
      };
  }
}

export function codeListSheet(layout: ReportLayout): SheetSpec {
  const height = Math.max(0, ...layout.lists.map((l) => l.values.length));
  const rows: CellInput[][] = [layout.lists.map((l) => ({ value: l.title, bold: true }))];
  for (let r = 0; r < height; r++) rows.push(layout.lists.map((l) => l.values[r] ?? null));
  return {
    name: layout.codeListSheet,
    visibility: 'hidden',
    rows,
    columns: layout.lists.map((l) => ({ width: Math.max(12, ...l.values.map((v) => v.length + 2)) })),
    frozenRows: 1,
  };
}

export function clientTableSheet(layout: ReportLayout, rows: readonly (readonly CellInput[])[], defs: EffectiveDefinitions): SheetSpec {
  const dataRows = Math.max(rows.length, 1);
  const covered = dataRows + SPARE_ROWS;
  return {
    name: layout.clientSheet,
    rows: [layout.columns.map((c) => ({ value: c.header, bold: true })), ...rows],
    columns: layout.columns.map((c) => ({ width: c.width, numberFormat: c.numberFormat })),
    frozenRows: 1,
    table: { name: layout.table, headerRow: 0, col: 0, cols: layout.columns.length, dataRows, style: 'TableStyleMedium2' },
    validations: layout.columns.map((c, i) => validationFor(layout, c, i, covered, defs)),
  };
}

export function managementSheet(
  layout: ReportLayout,
  defs: EffectiveDefinitions,
  indicators: ReadonlyMap<string, Recomputed>,
  metadata: Readonly<Record<string, RawValue>> = {},
): SheetSpec {
  const format = layout.format;
  const { labelColumn, valueColumn, notApplicable } = format.data.management;
  const durable = new DurablePlacement(defs, format);
  const formulas = managementFormulas(layout, durable);
  const width = Math.max(labelColumn, valueColumn) + 2;
  const rows: CellInput[][] = [];
  const validations: ValidationSpec[] = [];
  for (const { target, row } of layout.management) {
    const cells: CellInput[] = Array.from({ length: width }, () => null);
    cells[labelColumn] = { value: target.label, bold: true };
    const term = target.term !== null ? defs.byId.get(target.term) : undefined;
    if (term !== undefined) {
      // The durable count says which definition of duurzame plaatsing it applies (the profile's minimum).
      const citation = 'kind' in target && target.rows === 'duurzaam' ? ` ${durable.citation}` : '';
      cells[width - 1] = { value: `${definitionText(term, defs)}${citation}`, wrap: true };
    }
    if ('kind' in target) {
      const value = indicators.get(target.id);
      cells[valueColumn] = {
        value: value === null || value === undefined ? notApplicable[0] : value,
        formula: formulas.get(target.id),
        numberFormat: target.kind === 'count' ? COUNT_FORMAT : DECIMAL_FORMAT,
      };
    } else {
      const value = metadata[target.id] ?? null;
      const at = `${columnLetters(valueColumn)}${row + 1}`;
      if (target.type === 'date') {
        cells[valueColumn] = { value, numberFormat: DATE_FORMAT };
        validations.push({
          range: at,
          kind: 'date',
          min: earliestSerial(format),
          max: LAST_DATE,
          allowBlank: true,
          prompt: {
            title: shorten(target.label, PROMPT_TITLE_MAX),
            message: shorten(term !== undefined ? definitionText(term, defs) : target.label, PROMPT_MESSAGE_MAX),
          },
          error: dateError(format),
        });
      } else {
        cells[valueColumn] = value;
      }
    }
    while (rows.length < row) rows.push([]);
    rows[row] = cells;
  }
  const columns: { width?: number }[] = Array.from({ length: width }, () => ({ width: 16 }));
  columns[labelColumn] = { width: 46 };
  columns[width - 1] = { width: 90 };
  return { name: layout.managementSheet, rows, columns, validations };
}

/**
 * The three sheets of the template, in the order to put them: the code
 * lists first (the drop-downs refer to them), then the client table, then
 * Management (its formulas refer to the table).
 */
export function reportTemplateSheets(input: ReportTemplateInput): SheetSpec[] {
  const format = input.format ?? standardReportFormat();
  const layout = reportLayout(format);
  const rows = (input.rows ?? []).map((r) => clientRowCells(layout, r));
  const clients = clientTableSheet(layout, rows, input.defs);
  const indicators = checkWorkbook({ sheets: [clientSheetData(layout, rows)] }, input.defs, { format }).indicators;
  return [codeListSheet(layout), clients, managementSheet(layout, input.defs, indicators, input.metadata)];
}
