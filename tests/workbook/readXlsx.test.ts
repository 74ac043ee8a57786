/**
 * readXlsx against workbooks written by ExcelJS: what comes out must be
 * what was written. Expected values are derived from the written values;
 * expected number formats come from ExcelJS reading the same file back.
 */

import ExcelJS from 'exceljs';
import { toDateSystem1900 } from '../../src/engine/dateSystem';
import { PassThrough } from 'stream';
import { isCellError, RawValue, SheetData, WorkbookData } from '../../src/engine/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';

const DAY_MS = 86400000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);

/** The 1900-system serial of a date after 1900-03-01 (what Excel stores). */
function serialOf(date: Date): number {
  return (date.getTime() - EPOCH_1900) / DAY_MS;
}

/** What the reader must return for a value written with ExcelJS. */
function expectedOf(value: ExcelJS.CellValue): RawValue | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return serialOf(value);
  if (typeof value === 'object') {
    if ('error' in value) return { error: value.error };
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('formula' in value || 'sharedFormula' in value) {
      const result = (value as ExcelJS.CellFormulaValue).result;
      // A formula saved without its result comes back as the formula, marked as not calculated.
      return result === undefined ? { error: `=${(value as ExcelJS.CellFormulaValue).formula}` } : expectedOf(result as ExcelJS.CellValue);
    }
  }
  throw new Error(`no expectation for ${JSON.stringify(value)}`);
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function cellOf(sheet: SheetData, row: number, col: number): RawValue | undefined {
  const cells = sheet.values[row];
  return cells === undefined ? undefined : cells[col];
}

function formatOf(sheet: SheetData, row: number, col: number): string | undefined {
  return sheet.formats?.[row]?.[col];
}

/** Every written cell must come back as expected, and nothing else may appear. */
function expectSheetMatches(sheet: SheetData, written: ExcelJS.Worksheet): void {
  let expectedCount = 0;
  written.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // The other cells of a merged range show the master's value in ExcelJS, but hold nothing.
      if (cell.isMerged && cell.master !== cell) return;
      const expected = expectedOf(cell.value);
      if (expected === undefined) return;
      expectedCount++;
      const actual = cellOf(sheet, rowNumber - 1, colNumber - 1);
      if (typeof expected === 'number') {
        expect({ at: cell.address, value: actual }).toEqual({ at: cell.address, value: expect.closeTo(expected, 9) });
      } else {
        expect({ at: cell.address, value: actual }).toEqual({ at: cell.address, value: expected });
      }
    });
  });
  let actualCount = 0;
  for (const row of sheet.values) for (const v of row ?? []) if (v !== null && v !== undefined) actualCount++;
  expect(actualCount).toBe(expectedCount);
}

/** Number formats must be those ExcelJS reads back, for numeric cells with a format other than General. */
async function expectFormatsMatch(bytes: Uint8Array, workbook: WorkbookData): Promise<void> {
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  back.worksheets.forEach((ws, index) => {
    const sheet = workbook.sheets[index];
    ws.eachRow((row, rowNumber) => {
      row.eachCell((cell, colNumber) => {
        if (cell.isMerged && cell.master !== cell) return;
        const value = cell.value;
        const numeric =
          typeof value === 'number' ||
          value instanceof Date ||
          (value !== null && typeof value === 'object' && 'formula' in value && (typeof value.result === 'number' || value.result instanceof Date));
        const expected = numeric && cell.numFmt && cell.numFmt !== 'General' ? cell.numFmt : undefined;
        expect({ at: cell.address, format: formatOf(sheet, rowNumber - 1, colNumber - 1) }).toEqual({ at: cell.address, format: expected });
      });
    });
  });
}

describe('readXlsx on ExcelJS workbooks', () => {
  test('numbers, text, rich text, booleans, errors and formulas come back as written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Waarden');
    const rows: ExcelJS.CellValue[][] = [
      [0, 1, -1, 42, 3.25, -0.5, 1e21, 1.5e-7, 0.1 + 0.2, 123456789012345, 2 ** 53 + 2, Math.PI],
      ['tekst', 'a & b <c> "d" \'e\'', '  spaties  ', 'regel 1\nregel 2', 'Cliënt ü ß € 😀', '', 'x'.repeat(500)],
      [true, false, { error: '#N/A' }, { error: '#REF!' }, { error: '#DIV/0!' }, { error: '#VALUE!' }, { error: '#NAME?' }],
      [{ richText: [{ text: 'vet ', font: { bold: true } }, { text: 'en ' }, { text: 'cursief', font: { italic: true } }] }],
      [7, { formula: 'A5*2', result: 14 }, { formula: 'A5&"x"', result: '7x' }, { formula: 'A5>1', result: true }],
      [{ formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'A5+1' } as ExcelJS.CellFormulaValue],
    ];
    rows.forEach((values, r) => values.forEach((v, c) => (ws.getCell(r + 1, c + 1).value = v)));
    const bytes = await bytesOf(wb);
    const read = readXlsx(bytes);
    expect(read.sheets.map((s) => s.name)).toEqual(['Waarden']);
    expectSheetMatches(read.sheets[0], ws);
    // The formula without a cached result is not an empty cell: the formula, as a value nobody calculated.
    expect(cellOf(read.sheets[0], 5, 1)).toEqual({ error: '=A5+1' });
    // Errors are CellError values.
    expect(isCellError(cellOf(read.sheets[0], 2, 2) as RawValue)).toBe(true);
    // No formats at all: only General numbers.
    expect(read.sheets[0].formats).toBeUndefined();
  });

  test('dates are 1900-system serials with their date format', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Datums');
    const dates = [new Date(Date.UTC(2008, 2, 15)), new Date(Date.UTC(1900, 2, 1)), new Date(Date.UTC(2024, 1, 29, 13, 45, 30)), new Date(Date.UTC(1999, 11, 31))];
    dates.forEach((d, i) => (ws.getCell(i + 1, 1).value = d));
    dates.forEach((d, i) => {
      const cell = ws.getCell(i + 1, 2);
      cell.value = d;
      cell.numFmt = 'dd-mm-yyyy';
    });
    ws.getCell('C1').value = new Date(Date.UTC(2008, 2, 15, 18, 0, 0));
    ws.getCell('C1').numFmt = 'd-m-yyyy hh:mm';
    const bytes = await bytesOf(wb);
    const read = readXlsx(bytes);
    const sheet = read.sheets[0];
    expectSheetMatches(sheet, ws);
    // The example from Excel's own documentation of serials.
    expect(cellOf(sheet, 0, 0)).toBe(39522);
    expect(formatOf(sheet, 0, 1)).toBe('dd-mm-yyyy');
    expect(formatOf(sheet, 0, 2)).toBe('d-m-yyyy hh:mm');
    await expectFormatsMatch(bytes, read);
  });

  test('a 1904 workbook keeps its own serials and says so; the checker moves only dates, not times or durations', async () => {
    const make = async (date1904: boolean): Promise<WorkbookData> => {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = date1904;
      const ws = wb.addWorksheet('Blad1');
      ws.getCell('A1').value = new Date(Date.UTC(2008, 2, 15));
      ws.getCell('A2').value = new Date(Date.UTC(2030, 6, 1, 12, 0, 0));
      ws.getCell('A2').numFmt = 'dd-mm-yyyy hh:mm';
      ws.getCell('B1').value = 0.5;
      ws.getCell('B1').numFmt = 'h:mm';
      ws.getCell('B2').value = 1.75;
      ws.getCell('B2').numFmt = '[h]:mm';
      ws.getCell('B3').value = 14;
      ws.getCell('B3').numFmt = '[m]';
      ws.getCell('C1').value = 39522;
      return readXlsx(await bytesOf(wb));
    };
    const with1904 = await make(true);
    const with1900 = await make(false);
    expect(with1904.dateSystem).toBe(1904);
    expect(with1900.dateSystem).toBe(1900);
    const s1904 = with1904.sheets[0];
    expect(cellOf(s1904, 0, 0)).toBe(39522 - 1462);
    expect(cellOf(s1904, 0, 1)).toBe(0.5);
    expect(cellOf(s1904, 1, 1)).toBe(1.75);
    expect(cellOf(s1904, 2, 1)).toBe(14);
    expect(cellOf(s1904, 0, 2)).toBe(39522);
    // Moved to the 1900 count, the same workbook gives the same numbers as its 1900 twin.
    expect(toDateSystem1900(s1904, 1904).values).toEqual(with1900.sheets[0].values);
    expect(toDateSystem1900(s1904, 1904).values[1]?.[0]).toBeCloseTo(serialOf(new Date(Date.UTC(2030, 6, 1, 12, 0, 0))), 9);
    expect(s1904.formats).toEqual(with1900.sheets[0].formats);
  });

  test('number formats follow the cell styles: percent, built-in and custom; text keeps none', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Opmaak');
    const formats = ['0%', '0.00%', '#,##0.00', '0.00', '€ #,##0.00', '[$-413]d mmmm yyyy', 'General', '@', '0.00E+00', 'h:mm:ss'];
    formats.forEach((fmt, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = 0.125 * (i + 1);
      cell.numFmt = fmt;
      const text = ws.getCell(2, i + 1);
      text.value = `tekst ${i}`;
      text.numFmt = fmt;
    });
    ws.getCell('A3').value = { formula: 'A1*2', result: 0.25 };
    ws.getCell('A3').numFmt = '0.0%';
    const bytes = await bytesOf(wb);
    const read = readXlsx(bytes);
    expectSheetMatches(read.sheets[0], ws);
    await expectFormatsMatch(bytes, read);
    const sheet = read.sheets[0];
    expect(formatOf(sheet, 0, 1)).toBe('0.00%');
    expect(formatOf(sheet, 0, 6)).toBeUndefined();
    expect(sheet.formats?.[1]).toBeUndefined();
  });

  test('merged ranges and hidden rows', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    const merges = [
      [1, 1, 2, 3],
      [4, 2, 4, 6],
      [10, 1, 20, 1],
    ];
    for (const [top, left, bottom, right] of merges) {
      ws.getCell(top, left).value = `samen ${top}`;
      ws.mergeCells(top, left, bottom, right);
    }
    const hidden = [3, 7, 12];
    for (let r = 1; r <= 14; r++) ws.getCell(r, 8).value = r;
    for (const r of hidden) ws.getRow(r).hidden = true;
    const read = readXlsx(await bytesOf(wb));
    const sheet = read.sheets[0];
    const expectedMerges = merges.map(([top, left, bottom, right]) => ({ top: top - 1, left: left - 1, bottom: bottom - 1, right: right - 1 }));
    expect([...(sheet.merges ?? [])].sort((a, b) => a.top - b.top)).toEqual(expectedMerges);
    expect([...(sheet.hiddenRows ?? [])].sort((a, b) => a - b)).toEqual(hidden.map((r) => r - 1));
    expectSheetMatches(sheet, ws);
  });

  test('sheets come in workbook order with their names, hidden ones included', async () => {
    const wb = new ExcelJS.Workbook();
    const names = ['Cliënten', 'Overzicht & totaal', 'Verborgen', 'Ĳsselstein €', "Blad 'vijf' 5"];
    names.forEach((name, i) => {
      const ws = wb.addWorksheet(name, i === 2 ? { state: 'hidden' } : i === 3 ? { state: 'veryHidden' } : {});
      ws.getCell('A1').value = name;
      ws.getCell('B2').value = i;
    });
    const read = readXlsx(await bytesOf(wb));
    expect(read.sheets.map((s) => s.name)).toEqual(names);
    read.sheets.forEach((sheet, i) => {
      expect(cellOf(sheet, 0, 0)).toBe(names[i]);
      expect(cellOf(sheet, 1, 1)).toBe(i);
    });
  });

  test('a larger sheet from the streaming writer (text without shared strings) reads back completely', async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
    const ws = writer.addWorksheet('Groot');
    const written: ExcelJS.CellValue[][] = [];
    for (let r = 0; r < 4000; r++) {
      const values: ExcelJS.CellValue[] = [
        `K${100000 + r}`,
        r * 7 - 3000,
        r % 5 === 0 ? `Opmerking & <notitie> ${r} ${'ë'.repeat(r % 4)}` : `kort ${r % 13}`,
        (r % 100) / 7,
        r % 3 === 0,
        new Date(Date.UTC(2020, 0, 1 + (r % 900))),
        r % 11 === 0 ? { error: '#N/A' } : r * 1e-3,
      ];
      written.push(values);
      const row = ws.addRow(values);
      row.getCell(6).numFmt = 'dd-mm-yyyy';
      row.commit();
    }
    ws.commit();
    await writer.commit();
    const bytes = new Uint8Array(Buffer.concat(chunks));
    const read = readXlsx(bytes);
    const sheet = read.sheets[0];
    // Dates are at midnight and numbers are written as String(n): all exact.
    expect(sheet.values).toEqual(written.map((values) => values.map(expectedOf)));
    expect(sheet.formats).toEqual(written.map(() => [undefined, undefined, undefined, undefined, undefined, 'dd-mm-yyyy']));
  });
});
