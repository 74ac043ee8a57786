/**
 * Charts of a sheet written through the Office adapter (SheetSpec.charts)
 * over the fake Excel: every series from its own column, named from the
 * header row, the category column as x axis values, title, legend,
 * position and axis format; no extra sync per series; and a host below
 * ExcelApi 1.7, where only a chart that is one block of cells is drawn.
 */
import type { ChartSpec, SheetSpec } from '../../src/workbook/port';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from './fakeExcel';
import { FakeWorkbook, type FakeSheet } from './fakeWorkbook';

/** Categories in B, the series in C and E (D holds text the chart leaves out); the header in row 1. */
const ROWS: SheetSpec['rows'] = [
  ['Gemeente', 'Opdrachtnemer', 'Cliënten', 'Toelichting', { value: 'Fouten per 100', bold: true }],
  ['Utrecht', 'Alfa', 120, 'volledig', { value: 4.5, numberFormat: '0.0' }],
  ['Utrecht', 'Beta', 80, 'n.v.t.', 2],
  ['Utrecht', 'Gamma', 40, 'deels', 'n.v.t.'],
];

const SPREAD_CHART: ChartSpec = {
  title: 'Cliënten en fouten per opdrachtnemer',
  headerRow: 0,
  firstRow: 1,
  lastRow: 3,
  categoryCol: 1,
  seriesCols: [2, 4],
  axisFormat: '0',
  at: { row: 5, col: 1, rows: 15, cols: 6 },
};

function spreadSpec(charts?: readonly ChartSpec[]): SheetSpec {
  return { name: 'Vergelijking', rows: ROWS, ...(charts !== undefined ? { charts } : {}) };
}

/** Categories in A, the series right of it in B and C: one block of cells. */
const BLOCK_ROWS: SheetSpec['rows'] = [
  ['Opdrachtnemer', 'Geplaatst', 'Uitgestroomd'],
  ['Alfa', 12, 7],
  ['Beta', 9, 3],
];

const BLOCK_CHART: ChartSpec = {
  title: 'Plaatsingen',
  headerRow: 0,
  firstRow: 1,
  lastRow: 2,
  categoryCol: 0,
  seriesCols: [1, 2],
  axisFormat: '0',
  at: { row: 4, col: 0, rows: 10, cols: 5 },
};

function setup(version = '1.18'): { fake: FakeExcel; port: OfficeWorkbook; model: FakeWorkbook } {
  const model = FakeWorkbook.fromSheets([{ name: 'Blad1', values: [['x']] }]);
  const fake = new FakeExcel(model, version);
  return { fake, port: new OfficeWorkbook(fake), model };
}

function sheetOf(model: FakeWorkbook, name: string): FakeSheet {
  const sheet = model.sheet(name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

describe('putSheet with charts', () => {
  test('two series columns apart from each other and from the categories: one chart, each series from its own column, named from the header', async () => {
    const { port, model } = setup();
    await port.putSheet(spreadSpec([SPREAD_CHART]));
    const sheet = sheetOf(model, 'Vergelijking');
    expect(sheet.charts).toHaveLength(1);
    const [chart] = sheet.charts;
    expect(chart.type).toBe('ColumnClustered');
    expect(chart.seriesBy).toBe('Columns');
    expect(chart.series).toEqual([
      { name: 'Cliënten', values: 'Vergelijking!C2:C4', xAxis: 'Vergelijking!B2:B4' },
      { name: 'Fouten per 100', values: 'Vergelijking!E2:E4', xAxis: 'Vergelijking!B2:B4' },
    ]);
    expect(chart.title).toBe('Cliënten en fouten per opdrachtnemer');
    // From B6, covering 15 rows and 6 columns: up to and including G20.
    expect(chart.position).toEqual({ start: 'B6', end: 'G20' });
    expect(chart.legend).toBe('Bottom');
    expect(chart.axisFormat).toBe('0');
    // The cells are written as before.
    expect(sheet.value(1, 2)).toBe(120);
    expect(sheet.value(3, 4)).toBe('n.v.t.');
  });

  test('each chart of the spec is drawn, in order', async () => {
    const { port, model } = setup();
    const second: ChartSpec = { ...SPREAD_CHART, title: 'Alleen fouten', seriesCols: [4], at: { row: 21, col: 1, rows: 10, cols: 4 } };
    await port.putSheet(spreadSpec([SPREAD_CHART, second]));
    const charts = sheetOf(model, 'Vergelijking').charts;
    expect(charts.map((c) => c.title)).toEqual(['Cliënten en fouten per opdrachtnemer', 'Alleen fouten']);
    expect(charts[1].series).toEqual([{ name: 'Fouten per 100', values: 'Vergelijking!E2:E4', xAxis: 'Vergelijking!B2:B4' }]);
    expect(charts[1].position).toEqual({ start: 'B22', end: 'E31' });
  });

  test('a spec without charts (or with an empty list) adds none', async () => {
    const { port, model } = setup();
    await port.putSheet(spreadSpec());
    expect(sheetOf(model, 'Vergelijking').charts).toEqual([]);
    await port.putSheet({ ...spreadSpec([]), name: 'Leeg' });
    expect(sheetOf(model, 'Leeg').charts).toEqual([]);
  });

  test('replacing the sheet leaves one chart, not two', async () => {
    const { port, model } = setup();
    await port.putSheet(spreadSpec([SPREAD_CHART]));
    await port.putSheet(spreadSpec([SPREAD_CHART]));
    expect(model.sheets.filter((s) => s.name === 'Vergelijking')).toHaveLength(1);
    expect(sheetOf(model, 'Vergelijking').charts).toHaveLength(1);
  });

  test('charts go in the same requests as the cells: no sync per chart or series', async () => {
    const plain = setup();
    await plain.port.putSheet(spreadSpec());
    const charted = setup();
    const many = Array.from({ length: 5 }, (_, i) => ({ ...SPREAD_CHART, title: `Grafiek ${i + 1}`, seriesCols: [2, 4, 2, 4] }));
    await charted.port.putSheet(spreadSpec(many));
    expect(sheetOf(charted.model, 'Vergelijking').charts).toHaveLength(5);
    expect(sheetOf(charted.model, 'Vergelijking').charts.every((c) => c.series.length === 4)).toBe(true);
    expect(charted.fake.syncs).toHaveLength(plain.fake.syncs.length);
  });

  test('ExcelApi 1.7 without 1.8: the series as specified, the axis keeps its own format', async () => {
    const { port, model } = setup('1.7');
    await port.putSheet(spreadSpec([SPREAD_CHART]));
    const [chart] = sheetOf(model, 'Vergelijking').charts;
    expect(chart.series.map((s) => [s.name, s.values, s.xAxis])).toEqual([
      ['Cliënten', 'Vergelijking!C2:C4', 'Vergelijking!B2:B4'],
      ['Fouten per 100', 'Vergelijking!E2:E4', 'Vergelijking!B2:B4'],
    ]);
    expect(chart.axisFormat).toBeNull();
  });
});

describe('putSheet with charts below ExcelApi 1.7', () => {
  test('a chart that is one block of cells is added from that block: Excel takes the names, categories and series from it', async () => {
    const { fake, port, model } = setup('1.6');
    await port.putSheet({ name: 'Plaatsingen', rows: BLOCK_ROWS, charts: [BLOCK_CHART] });
    expect(fake.refused).toEqual([]);
    const [chart, ...more] = sheetOf(model, 'Plaatsingen').charts;
    expect(more).toEqual([]);
    expect(chart.source).toBe('Plaatsingen!A1:C3');
    expect(chart.series).toEqual([
      { name: 'Geplaatst', values: 'Plaatsingen!B2:B3', xAxis: 'Plaatsingen!A2:A3' },
      { name: 'Uitgestroomd', values: 'Plaatsingen!C2:C3', xAxis: 'Plaatsingen!A2:A3' },
    ]);
    expect(chart.title).toBe('Plaatsingen');
    expect(chart.position).toEqual({ start: 'A5', end: 'E14' });
    expect(chart.legend).toBe('Bottom');
    expect(chart.axisFormat).toBeNull();
  });

  test.each<[string, Partial<ChartSpec>]>([
    ['series columns apart', { seriesCols: [1, 3] }],
    ['series not next to the categories', { seriesCols: [2] }],
    ['series out of order', { seriesCols: [2, 1] }],
    ['a header row not directly above the data', { headerRow: 0, firstRow: 2, lastRow: 2 }],
  ])('a chart that is not one block (%s) is left out; the cells are written', async (_, change) => {
    const { fake, port, model } = setup('1.6');
    const rows: SheetSpec['rows'] = BLOCK_ROWS.map((row) => [...row, 'extra']);
    await port.putSheet({ name: 'Plaatsingen', rows, charts: [{ ...BLOCK_CHART, ...change }] });
    expect(fake.refused).toEqual([]);
    const sheet = sheetOf(model, 'Plaatsingen');
    expect(sheet.charts).toEqual([]);
    expect(sheet.value(1, 1)).toBe(12);
    expect(sheet.value(2, 3)).toBe('extra');
  });

  test('the same block on a current Excel gets the same series, set column by column', async () => {
    const { port, model } = setup();
    await port.putSheet({ name: 'Plaatsingen', rows: BLOCK_ROWS, charts: [BLOCK_CHART] });
    const [chart] = sheetOf(model, 'Plaatsingen').charts;
    expect(chart.source).toBe('Plaatsingen!B1:B3');
    expect(chart.series).toEqual([
      { name: 'Geplaatst', values: 'Plaatsingen!B2:B3', xAxis: 'Plaatsingen!A2:A3' },
      { name: 'Uitgestroomd', values: 'Plaatsingen!C2:C3', xAxis: 'Plaatsingen!A2:A3' },
    ]);
    expect(chart.axisFormat).toBe('0');
  });
});
