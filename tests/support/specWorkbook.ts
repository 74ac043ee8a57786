/**
 * Draws sheet specs into an .xlsx file with ExcelJS, for the tests that need
 * a real file for a real spreadsheet engine (LibreOffice) before the
 * package codec of the product can write one. Values, formulas with their
 * cached values, number formats, widths, frozen rows, hidden sheets, the
 * table and the data validations.
 */
import ExcelJS from 'exceljs';
import { columnLetters } from '../../src/engine/grid';
import { isCellSpec, type CellInput, type SheetSpec } from '../../src/workbook/port';

function excelValue(input: CellInput): ExcelJS.CellValue {
  const value = isCellSpec(input) ? (input.value ?? null) : input;
  if (value !== null && typeof value === 'object') return { error: value.error } as ExcelJS.CellErrorValue;
  if (isCellSpec(input) && input.formula !== undefined) {
    return { formula: input.formula.replace(/^=/, ''), result: value as ExcelJS.CellValue } as ExcelJS.CellFormulaValue;
  }
  return value;
}

export async function specsToXlsx(specs: readonly SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const spec of specs) {
    const ws = wb.addWorksheet(spec.name, {
      state: spec.visibility ?? 'visible',
      views: spec.frozenRows ? [{ state: 'frozen', ySplit: spec.frozenRows }] : [],
    });
    spec.columns?.forEach((c, i) => {
      const column = ws.getColumn(i + 1);
      if (c.width !== undefined) column.width = c.width;
      if (c.numberFormat !== undefined) column.numFmt = c.numberFormat;
    });
    if (spec.table !== undefined) {
      const t = spec.table;
      const header = spec.rows[t.headerRow] ?? [];
      const names = Array.from({ length: t.cols }, (_, i) => String(excelValue(header[t.col + i] ?? null)));
      const rows = Array.from({ length: t.dataRows }, (_, r) =>
        Array.from({ length: t.cols }, (_, c) => {
          const v = excelValue(spec.rows[t.headerRow + 1 + r]?.[t.col + c] ?? null);
          return typeof v === 'object' && v !== null && 'formula' in v ? v.result : v;
        }),
      );
      ws.addTable({
        name: t.name,
        ref: `${columnLetters(t.col)}${t.headerRow + 1}`,
        headerRow: true,
        style: { theme: (t.style ?? 'TableStyleMedium2') as ExcelJS.TableStyleProperties['theme'], showRowStripes: true },
        columns: names.map((name) => ({ name, filterButton: true })),
        rows,
      });
    }
    spec.rows.forEach((row, r) =>
      row.forEach((input, c) => {
        const cell = ws.getCell(r + 1, c + 1);
        const value = excelValue(input);
        if (value !== null || cell.value !== null) cell.value = value;
        if (isCellSpec(input)) {
          if (input.numberFormat !== undefined) cell.numFmt = input.numberFormat;
          if (input.bold) cell.font = { bold: true };
          if (input.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
        }
      }),
    );
    for (const v of spec.validations ?? []) {
      const formulae =
        v.kind === 'list' ? [v.source!.replace(/^=/, '')] : v.kind === 'custom' ? [v.formula!.replace(/^=/, '')] : [v.min ?? 0, v.max ?? 0];
      (ws as unknown as { dataValidations: { add(range: string, rule: unknown): void } }).dataValidations.add(v.range, {
        type: v.kind,
        allowBlank: v.allowBlank ?? true,
        operator: v.kind === 'list' || v.kind === 'custom' ? undefined : 'between',
        formulae,
        showInputMessage: v.prompt !== undefined,
        promptTitle: v.prompt?.title,
        prompt: v.prompt?.message,
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: v.error.title,
        error: v.error.message,
      });
    }
  }
  const visible = specs.findIndex((s) => (s.visibility ?? 'visible') === 'visible');
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: Math.max(visible, 0), visibility: 'visible' }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}
