/**
 * Charts on a sheet the codec writes whole (SheetSpec.charts): the drawing
 * and chart parts, their relationships and content types, a chart's
 * formulas and value caches, no parts left behind when the sheet is
 * replaced, and LibreOffice Calc reading the charts as bar charts over the
 * right cells.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { SheetSpec } from '../../src/workbook/port';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';

const SHEET = 'Per gemeente';

const spec: SheetSpec = {
  name: SHEET,
  rows: [
    [{ value: 'Gemeente', bold: true }, 'Rijen', 'Plaatsingspercentage', 'Aantal plaatsingen', 'Uitvalpercentage'],
    ['Alkmaar', 85, { value: 56.1, numberFormat: '0.0' }, 32, { value: 26.3, numberFormat: '0.0' }],
    ['Bergen & Egmond', 36, 'n.v.t.', 0, { value: 9.1, numberFormat: '0.0' }],
    [{ value: 'Totaal', bold: true }, 121, { value: 54.9, numberFormat: '0.0' }, 32, null],
  ],
  charts: [
    { title: 'Percentages per gemeente', headerRow: 0, firstRow: 1, lastRow: 3, categoryCol: 0, seriesCols: [2, 4], axisFormat: '0', at: { row: 5, col: 0, rows: 15, cols: 5 } },
    { title: 'Rijen', headerRow: 0, firstRow: 1, lastRow: 3, categoryCol: 0, seriesCols: [1], at: { row: 5, col: 6, rows: 15, cols: 4 } },
  ],
};

async function written(specs: SheetSpec[], base?: Uint8Array): Promise<Record<string, string>> {
  const wb = base === undefined ? MemoryWorkbook.fromSheets([], { codec: xlsxCodec }) : MemoryWorkbook.fromXlsx(base, xlsxCodec);
  for (const s of specs) await wb.putSheet(s);
  const files = unzipSync(wb.toXlsx());
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

const partsLike = (files: Record<string, string>, pattern: RegExp) => Object.keys(files).filter((n) => pattern.test(n)).sort();

describe('charts in a sheet written from a spec', () => {
  it('writes a drawing with one chart part per chart, related and typed', async () => {
    const files = await written([spec]);
    const sheetPart = partsLike(files, /^xl\/worksheets\/sheet\d+\.xml$/)[0];
    const sheet = files[sheetPart];
    const drawingId = /<drawing r:id="([^"]+)"\/>/.exec(sheet)?.[1];
    expect(drawingId).toBeDefined();
    // The drawing element comes before any tableParts and after the page settings (the schema's order).
    expect(sheet.indexOf('<drawing')).toBeGreaterThan(sheet.indexOf('<pageMargins'));
    const sheetRels = files[sheetPart.replace('worksheets/', 'worksheets/_rels/') + '.rels'];
    expect(sheetRels).toMatch(new RegExp(`Id="${drawingId}"[^>]*relationships/drawing"[^>]*Target="../drawings/drawing1.xml"`));
    expect(partsLike(files, /^xl\/charts\/chart\d+\.xml$/)).toEqual(['xl/charts/chart1.xml', 'xl/charts/chart2.xml']);
    const drawingRels = files['xl/drawings/_rels/drawing1.xml.rels'];
    expect((drawingRels.match(/relationships\/chart"/g) ?? []).length).toBe(2);
    const types = files['[Content_Types].xml'];
    expect(types).toContain('PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"');
    expect(types).toContain('PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    const drawing = files['xl/drawings/drawing1.xml'];
    expect(drawing).toContain('<xdr:from><xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>5</xdr:row>');
    expect(drawing).toContain('<xdr:to><xdr:col>10</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row>');
  });

  it("refers to the sheet's cells and caches their values; text and empty cells are gaps", async () => {
    const chart = (await written([spec]))['xl/charts/chart1.xml'];
    expect(chart).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(chart).toContain("<c:f>'Per gemeente'!$C$1</c:f>");
    expect(chart).toContain("<c:f>'Per gemeente'!$A$2:$A$4</c:f>");
    expect(chart).toContain("<c:f>'Per gemeente'!$C$2:$C$4</c:f>");
    expect(chart).toContain("<c:f>'Per gemeente'!$E$2:$E$4</c:f>");
    expect(chart).toContain('<c:v>Plaatsingspercentage</c:v>');
    expect(chart).toContain('<c:v>Bergen &amp; Egmond</c:v>');
    // 56.1 and 54.9 cached; Bergen's n.v.t. is no point.
    const cache = /<c:f>'Per gemeente'!\$C\$2:\$C\$4<\/c:f><c:numCache>(.*?)<\/c:numCache>/.exec(chart)?.[1] ?? '';
    expect(cache).toBe('<c:formatCode>0.0</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>56.1</c:v></c:pt><c:pt idx="2"><c:v>54.9</c:v></c:pt>');
    expect(chart).toContain('<a:t>Percentages per gemeente</a:t>');
    expect(chart).toContain('<c:numFmt formatCode="0" sourceLinked="0"/>');
  });

  it('leaves no chart behind when the sheet is replaced', async () => {
    const first = MemoryWorkbook.fromSheets([], { codec: xlsxCodec });
    await first.putSheet(spec);
    const bytes = first.toXlsx();
    const without = await written([{ name: SHEET, rows: spec.rows }], bytes);
    expect(partsLike(without, /^xl\/(charts|drawings)\//)).toEqual([]);
    expect(without['[Content_Types].xml']).not.toMatch(/drawing|chart/);
    const again = await written([spec], bytes);
    expect(partsLike(again, /^xl\/charts\/chart\d+\.xml$/)).toHaveLength(2);
    expect(partsLike(again, /^xl\/drawings\/drawing\d+\.xml$/)).toEqual(['xl/drawings/drawing1.xml']);
  });

  it('is read by LibreOffice Calc as bar charts over those cells', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reintegratie-charts-'));
    try {
      const wb = MemoryWorkbook.fromSheets([], { codec: xlsxCodec });
      await wb.putSheet(spec);
      writeFileSync(join(dir, 'grafiek.xlsx'), wb.toXlsx());
      const result = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profiel')}`, '--headless', '--norestore', '--convert-to', 'ods', '--outdir', dir, join(dir, 'grafiek.xlsx')],
        { encoding: 'utf8', timeout: 180_000 },
      );
      if (result.error !== undefined) throw new Error(`soffice kan niet starten (${result.error.message}); installeer libreoffice-calc`);
      const ods = unzipSync(new Uint8Array(readFileSync(join(dir, 'grafiek.ods'))));
      const charts = Object.keys(ods)
        .filter((n) => /^Object \d+\/content\.xml$/.test(n))
        .map((n) => strFromU8(ods[n]));
      expect(charts).toHaveLength(2);
      const percentages = charts.find((c) => c.includes('Percentages per gemeente')) ?? '';
      expect(percentages).toContain('chart:class="chart:bar"');
      const range = (cells: string) => `chart:values-cell-range-address="${cells.replace(/(\w+)/g, '&apos;Per gemeente&apos;.$1')}"`;
      expect(percentages).toContain(range('C2:C4'));
      expect(percentages).toContain(range('E2:E4'));
      expect(percentages).toContain('<text:p>Bergen &amp; Egmond</text:p>');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
