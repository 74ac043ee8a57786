/**
 * The .xlsx package codec behind the in-memory workbook, on real packages
 * (the bundled example, files written by ExcelJS, hand-made odd files):
 * the marked copy changes only what marking needs, every other part is the
 * base's byte for byte, marks and notes are read back, clearing restores
 * the sheets exactly, a user's rich-text note survives, and new packages
 * carry tables, validations and formulas.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { cellAddress, type SheetData } from '../../src/engine/grid';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { writeStandardContract } from '../../src/workbook/flows/contractFlow';
import { ANNEX_SHEET, CONTRACT_SHEET } from '../../src/workbook/flows/contractPlan';
import { markFindings, writeControlSheet } from '../../src/workbook/flows/markFlow';
import { planMarks } from '../../src/workbook/flows/markPlan';
import { NOTE_HEADING, markFormula } from '../../src/workbook/marks';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { CellMark } from '../../src/workbook/port';
import { DEFAULT_READ_LIMITS, readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { wrappedLines } from '../../src/workbook/xlsx/specSheet';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { ZipArchive } from '../../src/workbook/xlsx/zipEntries';
import { generateSubmission, toWorkbookData } from '../../scripts/submissionGenerator';
import { fixtureEntries, zipFiles } from './xlsxFixture';

const set = standardDefinitionSet();
const EXAMPLE = join(__dirname, '..', '..', 'examples', 'inzending-noord-kennemerland.xlsx');

/** The parts of a package: name → inflated text, plus the stored bytes of each entry. */
function parts(bytes: Uint8Array): Map<string, string> {
  const files = unzipSync(bytes);
  return new Map(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

function stored(bytes: Uint8Array): Map<string, { raw: Uint8Array; crc: number; method: number }> {
  const zip = ZipArchive.open(bytes, DEFAULT_READ_LIMITS);
  return new Map(zip.entries().map((e) => [e.name, { raw: zip.rawData(e), crc: e.crc32, method: e.method }]));
}

/** The cells of a sheet part: the text of its sheetData. */
function sheetData(xml: string): string {
  const open = /<(\w+:)?sheetData[\s>/]/.exec(xml);
  if (open === null) return '';
  const close = xml.lastIndexOf('sheetData>');
  return xml.slice(open.index, close);
}

/** The cell style (s) and value of every cell in a sheet part, by address. */
function cellStyles(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of sheetData(xml).matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?>/g)) out.set(m[1], /\bs="(\d+)"/.exec(m[0])?.[1] ?? '0');
  return out;
}

const byPlace = (a: CellMark, b: CellMark) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col;

/** Checks a package through the port, marks the findings, adds the Controle sheet: the marked copy. */
async function markedCopy(bytes: Uint8Array) {
  const wb = MemoryWorkbook.fromXlsx(bytes, xlsxCodec);
  const result = await checkThroughPort(wb, { set });
  await markFindings(wb, result.findings);
  await writeControlSheet(wb, result.findings, { source: 'inzending.xlsx', version: set.version, profile: null });
  return { out: wb.toXlsx(), findings: result.findings, marks: planMarks(result.findings) };
}

/** The worksheet part of each sheet name (from workbook.xml and its relationships). */
function sheetParts(files: Map<string, string>): Map<string, string> {
  const rels = new Map([...(files.get('xl/_rels/workbook.xml.rels') ?? '').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const out = new Map<string, string>();
  for (const m of (files.get('xl/workbook.xml') ?? '').matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /name="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const id = /r:id="([^"]*)"/.exec(m[0])?.[1] ?? '';
    const target = rels.get(id);
    if (target !== undefined) out.set(name.replace(/&amp;/g, '&'), target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

describe('the marked copy of the bundled example', () => {
  let base: Uint8Array;
  let copy: Awaited<ReturnType<typeof markedCopy>>;
  beforeAll(async () => {
    base = new Uint8Array(readFileSync(EXAMPLE));
    copy = await markedCopy(base);
  });

  test('every part marking does not need is the original entry, stored bytes and all', () => {
    const before = stored(base);
    const after = stored(copy.out);
    const sheetsWithMarks = new Set(copy.marks.map((m) => m.sheet));
    const parts_ = sheetParts(parts(base));
    const touched = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', ...[...sheetsWithMarks].map((s) => parts_.get(s) as string)]);
    let untouched = 0;
    for (const [name, entry] of before) {
      expect(after.has(name)).toBe(true);
      if (touched.has(name)) continue;
      untouched++;
      const now = after.get(name)!;
      expect({ name, crc: now.crc, method: now.method, same: Buffer.compare(Buffer.from(now.raw), Buffer.from(entry.raw)) === 0 }).toEqual({ name, crc: entry.crc, method: entry.method, same: true });
    }
    // theme, shared strings, docProps and the unmarked sheets at least.
    expect(untouched).toBeGreaterThanOrEqual(4);
  });

  test('every cell value, and every cell style, is as it was: marked sheets keep their cell XML byte for byte', () => {
    const before = parts(base);
    const after = parts(copy.out);
    for (const [name, part] of sheetParts(before)) {
      const original = before.get(part) as string;
      const now = after.get(part) as string;
      expect({ name, same: sheetData(now) === sheetData(original) }).toEqual({ name, same: true });
      expect(cellStyles(now)).toEqual(cellStyles(original));
    }
    const read = (bytes: Uint8Array): SheetData[] => readXlsx(bytes).sheets.filter((s) => s.name !== 'Controle');
    expect(read(copy.out)).toEqual(read(base));
    // styles.xml: the user's formats stay where they were; ours are only added after them.
    const cellXfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
    expect(cellXfs(after.get('xl/styles.xml')!).startsWith(cellXfs(before.get('xl/styles.xml')!))).toBe(true);
  });

  test('only flagged cells are marked, each in the colour of its worst severity, and the marks read back with their notes', () => {
    expect(copy.marks.length).toBeGreaterThan(10);
    const opened = xlsxCodec.open(copy.out);
    expect([...opened.marks].sort(byPlace)).toEqual([...copy.marks].sort(byPlace));
    // The rules are ours (our signature formula) and sit on exactly the flagged cells.
    const after = parts(copy.out);
    const clients = after.get(sheetParts(after).get('Cliënten')!)!;
    for (const severity of ['fout', 'waarschuwing', 'info'] as const) {
      const cells = copy.marks.filter((m) => m.sheet === 'Cliënten' && m.severity === severity).map((m) => cellAddress(m.row, m.col));
      const rule = new RegExp(`<conditionalFormatting sqref="([^"]*)"><cfRule type="expression" dxfId="(\\d+)" priority="\\d+"><formula>${markFormula(severity).slice(1).replace(/[()]/g, '\\$&')}</formula>`).exec(clients);
      expect(rule?.[1].split(' ').sort()).toEqual(cells.sort());
    }
  });

  test('the Controle sheet links to cells by location only (no external target) and is skipped by a re-check', async () => {
    const after = parts(copy.out);
    const control = after.get(sheetParts(after).get('Controle')!)!;
    const links = [...control.matchAll(/<hyperlink\b[^>]*>/g)].map((m) => m[0]);
    expect(links.length).toBe(copy.findings.filter((f) => f.cell !== null).length);
    for (const link of links) {
      expect(link).toMatch(/location="'(Cliënten|Management|Toelichting)'!\$[A-Z]+\$\d+"/);
      expect(link).not.toMatch(/r:id=/);
    }
    expect([...after.keys()].some((n) => /worksheets\/_rels\/.*Controle|sheet4\.xml\.rels/.test(n))).toBe(false);
    const again = await checkThroughPort(MemoryWorkbook.fromXlsx(copy.out, xlsxCodec), { set });
    expect(again.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`)).toEqual(copy.findings.map((f) => `${f.code}@${f.sheet}!${f.cell}`));
    expect(again.skipped).toEqual([{ sheet: 'Controle', kind: 'controle' }]);
  });

  test('clearing the marks restores every sheet part exactly; marking the copy again gives the same marks', async () => {
    const wb = MemoryWorkbook.fromXlsx(copy.out, xlsxCodec);
    expect(await wb.clearMarks()).toBe(copy.marks.length);
    const cleared = wb.toXlsx();
    const before = parts(base);
    const after = parts(cleared);
    for (const part of sheetParts(before).values()) expect({ part, same: after.get(part) === before.get(part) }).toEqual({ part, same: true });
    expect([...after.keys()].filter((n) => /comments|vmlDrawing/.test(n))).toEqual([]);
    expect(xlsxCodec.open(cleared).marks).toEqual([]);

    const remarked = await markedCopy(copy.out);
    expect([...xlsxCodec.open(remarked.out).marks].sort(byPlace)).toEqual([...copy.marks].sort(byPlace));
    // No rule of ours twice, no second Controle sheet.
    const clients = parts(remarked.out).get(sheetParts(parts(remarked.out)).get('Cliënten')!)!;
    expect(clients.match(/reintegratie-markering:fout/g)?.length).toBe(1);
    expect(readXlsx(remarked.out).sheets.map((s) => s.name)).toEqual(['Cliënten', 'Management', 'Toelichting', 'Controle']);
  });
});

describe("a user's own notes and formats", () => {
  let base: Uint8Array;
  const richNote = { texts: [{ font: { bold: true, size: 9, name: 'Tahoma' }, text: 'Let op: ' }, { font: { italic: true, size: 9, name: 'Tahoma', color: { argb: 'FFFF0000' } }, text: 'navragen bij de gemeente' }] };

  beforeAll(async () => {
    const data = toWorkbookData(generateSubmission({ rows: 20, seed: 3 }));
    const wb = new ExcelJS.Workbook();
    data.sheets.forEach((sheet) => {
      const ws = wb.addWorksheet(sheet.name);
      sheet.values.forEach((row, r) => row?.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
      }));
    });
    const clients = wb.getWorksheet('Cliënten')!;
    clients.getCell('I4').value = 'Geplaatsd'; // flagged: a status typo
    clients.getCell('I4').note = richNote as unknown as ExcelJS.Comment;
    clients.getCell('B6').note = 'Een gewone notitie.'; // not flagged
    clients.getCell('B6').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00FF00' } };
    clients.addConditionalFormatting({ ref: 'O2:O21', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['40'], priority: 1, style: { font: { bold: true } } }] });
    base = new Uint8Array(await wb.xlsx.writeBuffer());
  });

  test("a user's rich-text note is kept as it is, ours is added after it, and clearing takes only ours", async () => {
    const copy = await markedCopy(base);
    expect(copy.marks.some((m) => m.sheet === 'Cliënten' && cellAddress(m.row, m.col) === 'I4')).toBe(true);
    const before = parts(base);
    const after = parts(copy.out);
    const notesPart = [...before.keys()].find((n) => /comments\d*\.xml$/.test(n))!;
    const element = (xml: string, ref: string) => new RegExp(`<comment ref="${ref}"[\\s\\S]*?</comment>`).exec(xml)?.[0] ?? '';
    const userI4 = element(before.get(notesPart)!, 'I4');
    const ourI4 = element(after.get(notesPart)!, 'I4');
    // The user's runs, formatting and all, come first and unchanged; ours follow.
    const runs = (c: string) => /<text>([\s\S]*)<\/text>/.exec(c)?.[1] ?? '';
    expect(runs(ourI4).startsWith(runs(userI4))).toBe(true);
    expect(runs(ourI4)).toContain(`<t xml:space="preserve">\n\n${NOTE_HEADING}</t>`);
    expect(element(after.get(notesPart)!, 'B6')).toBe(element(before.get(notesPart)!, 'B6'));
    const opened = xlsxCodec.open(copy.out);
    expect(opened.marks.find((m) => m.sheet === 'Cliënten' && cellAddress(m.row, m.col) === 'I4')?.note).toBe(copy.marks.find((m) => cellAddress(m.row, m.col) === 'I4')?.note);

    const wb = MemoryWorkbook.fromXlsx(copy.out, xlsxCodec);
    await wb.clearMarks();
    const cleared = parts(wb.toXlsx());
    for (const [name, text] of before) {
      if (name === '[Content_Types].xml' || /workbook\.xml|styles\.xml/.test(name)) continue;
      expect({ name, same: cleared.get(name) === text }).toEqual({ name, same: true });
    }
  });

  test("the user's conditional format keeps working: ours go first, theirs keep their order and come back as they were", async () => {
    const copy = await markedCopy(base);
    const after = parts(copy.out);
    const clients = after.get(sheetParts(after).get('Cliënten')!)!;
    const priorities = [...clients.matchAll(/<cfRule[^>]*priority="(\d+)"[^>]*>\s*<formula>([^<]*)</g)].map((m) => ({ p: Number(m[1]), ours: m[2].includes('reintegratie-markering') }));
    const ours = priorities.filter((r) => r.ours).map((r) => r.p);
    const theirs = priorities.filter((r) => !r.ours).map((r) => r.p);
    expect(theirs.length).toBe(1);
    expect(Math.max(...ours)).toBeLessThan(Math.min(...theirs));
    // The user's own fill on B6 is a cell style: untouched.
    expect(cellStyles(clients).get('B6')).toBe(cellStyles(parts(base).get(sheetParts(parts(base)).get('Cliënten')!)!).get('B6'));
  });
});

describe('odd but valid packages the reader reads', () => {
  const rowsWithoutR =
    '<row><c t="inlineStr"><is><t>Cliëntnummer</t></is></c><c t="inlineStr"><is><t>Gemeente</t></is></c><c t="inlineStr"><is><t>Status</t></is></c></row>' +
    '<row><c t="inlineStr"><is><t>NK-1</t></is></c><c t="inlineStr"><is><t>Bergen</t></is></c><c t="inlineStr"><is><t>Geplaatsd</t></is></c></row>';
  const prefixed =
    '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
    '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>De klantmanager belt.</x:t></x:is></x:c></x:row>' +
    '</x:sheetData></x:worksheet>';

  const cases: [string, boolean, () => Uint8Array][] = [
    ['rows and cells without r, no styles.xml, no shared strings', true, () => {
      const files: Record<string, string> = fixtureEntries({ sheets: [{ name: 'Cliënten', xml: rowsWithoutR }] });
      delete files['xl/styles.xml'];
      files['xl/_rels/workbook.xml.rels'] = files['xl/_rels/workbook.xml.rels'].replace(/<Relationship Id="rIdStyles"[^>]*\/>/, '');
      return zipFiles(files);
    }],
    ['SpreadsheetML with an x: prefix', false, () => zipFiles(fixtureEntries({ sheets: [{ name: 'Notities', xml: prefixed }] }))],
  ];

  test.each(cases)('%s: marked, read back with its marks, every value as it was', async (_name, withoutStyles, make) => {
    const base = make();
    const copy = await markedCopy(base);
    expect(copy.marks.length).toBeGreaterThan(0);
    const read = (bytes: Uint8Array) => readXlsx(bytes).sheets.filter((s) => s.name !== 'Controle');
    expect(read(copy.out)).toEqual(read(base));
    expect([...xlsxCodec.open(copy.out).marks].sort(byPlace)).toEqual([...copy.marks].sort(byPlace));
    const after = parts(copy.out);
    for (const [name, text] of after) {
      // Elements we add to a prefixed part carry its prefix.
      if (/worksheets\/sheet1\.xml$/.test(name) && text.includes('<x:worksheet')) {
        expect(text).toMatch(/<x:conditionalFormatting sqref="A1">/);
        expect(text).toMatch(/<x:legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/x:worksheet>$/);
      }
    }
    // A package without styles.xml gets one (for the marks' formats), with its relationship and content type.
    expect(after.has('xl/styles.xml')).toBe(true);
    if (withoutStyles) {
      expect(after.get('[Content_Types].xml')).toContain('PartName="/xl/styles.xml"');
      expect(after.get('xl/_rels/workbook.xml.rels')).toMatch(/relationships\/styles" Target="styles\.xml"/);
    }
  });
});

describe('cells written into an existing sheet', () => {
  test('a written cell keeps its own style, text that starts with "=" stays text, rows without r stay in place, the calculation chain goes', async () => {
    const xml =
      '<row r="1"><c r="A1" s="1" t="inlineStr"><is><t>kop</t></is></c><c r="B1"><f>1+1</f><v>2</v></c></row>' +
      '<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>' +
      '<row r="5"><c r="C5"><v>5</v></c></row>';
    const files: Record<string, string> = fixtureEntries({ sheets: [{ name: 'Blad1', xml }], cellXfs: [0, 14] });
    files['xl/calcChain.xml'] = '<?xml version="1.0"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="B1" i="1"/></calcChain>';
    files['xl/_rels/workbook.xml.rels'] = files['xl/_rels/workbook.xml.rels'].replace(
      '</Relationships>',
      '<Relationship Id="rIdCalc" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
    );
    const base = zipFiles(files);
    const wb = MemoryWorkbook.fromXlsx(base, xlsxCodec);
    await wb.writeCells([
      { sheet: 'Blad1', row: 0, col: 0, rows: [['=SOM(A2:C2)', 'tekst']] },
      { sheet: 'Blad1', row: 1, col: 1, rows: [[20]] },
      { sheet: 'Blad1', row: 2, col: 0, rows: [['nieuwe rij']] },
      { sheet: 'Blad1', row: 9, col: 3, rows: [[{ value: 3, formula: '=A2+C2' }]] },
    ]);
    const out = wb.toXlsx();
    const sheet = parts(out).get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toMatch(/<c r="A1" s="1" t="inlineStr"><is><t>=SOM\(A2:C2\)<\/t><\/is><\/c>/);
    expect(sheet).not.toMatch(/<f>SOM/);
    expect(readXlsx(out).sheets[0].values).toEqual([
      ['=SOM(A2:C2)', 'tekst'],
      [1, 20, 3],
      ['nieuwe rij'],
      undefined,
      [null, null, 5],
      undefined,
      undefined,
      undefined,
      undefined,
      [null, null, null, 3],
    ]);
    expect(parts(out).has('xl/calcChain.xml')).toBe(false);
    expect(parts(out).get('xl/workbook.xml')).toContain('fullCalcOnLoad="1"');
  });
});

describe('a new package from sheet specs', () => {
  test('tables, validations, formulas, number formats, frozen rows, links and hidden sheets; ExcelJS reads them back', async () => {
    const wb = MemoryWorkbook.fromSheets([], { codec: xlsxCodec, dateSystem: 1904 });
    await wb.putSheet({
      name: 'Cliënten',
      rows: [['Cliëntnummer', 'Status', 'Uren', ''], ['NK-1', 'Lopend', 12, { value: 39500, numberFormat: 'dd-mm-yyyy' }]],
      columns: [{ width: 14 }, { width: 20 }, { width: 8, numberFormat: '0.0' }, { width: 12 }],
      frozenRows: 1,
      table: { name: 'Cliënten', headerRow: 0, col: 0, cols: 4, dataRows: 100 },
      validations: [
        { range: 'B2:B101', kind: 'list', source: '=Codes!$A$1:$A$3', prompt: { title: 'Status', message: 'Kies een status.' }, error: { title: 'Onbekende status', message: 'Kies een status uit de lijst.' } },
        { range: 'C2:C101', kind: 'decimal', min: 0, max: 60, error: { title: 'Uren', message: 'Tussen 0 en 60.' } },
      ],
    });
    await wb.putSheet({ name: 'Codes', visibility: 'veryHidden', rows: [['Aangemeld'], ['Lopend'], ['Geplaatst']] });
    await wb.putSheet({ name: 'Totaal', rows: [['Uren', { formula: '=SUM(Cliënten!C2:C101)', value: 12 }], ['Naar', { value: 'B2', link: { sheet: 'Cliënten', cell: 'B2' } }]] });
    const out = wb.toXlsx();

    const opened = xlsxCodec.open(out);
    expect(opened.workbook.dateSystem).toBe(1904);
    expect([...opened.visibility]).toEqual([['Cliënten', 'visible'], ['Codes', 'veryHidden'], ['Totaal', 'visible']]);
    expect(opened.workbook.sheets[0].values[0]).toEqual(['Cliëntnummer', 'Status', 'Uren', 'Kolom4']);
    expect(opened.workbook.sheets[2].values[0]).toEqual(['Uren', 12]);

    const files = parts(out);
    const table = [...files.entries()].find(([n]) => /tables\/table\d+\.xml$/.test(n))![1];
    expect(table).toMatch(/ref="A1:D101"/);
    expect(table).toMatch(/<tableColumn id="4" name="Kolom4"\/>/);

    const exceljs = new ExcelJS.Workbook();
    await exceljs.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
    const clients = exceljs.getWorksheet('Cliënten')!;
    expect(clients.getCell('B2').dataValidation).toMatchObject({ type: 'list', formulae: ['Codes!$A$1:$A$3'], promptTitle: 'Status' });
    expect(clients.getCell('C5').dataValidation).toMatchObject({ type: 'decimal', operator: 'between', formulae: [0, 60] });
    expect(clients.getCell('D2').numFmt).toBe('dd-mm-yyyy');
    expect(clients.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(exceljs.getWorksheet('Codes')!.state).toBe('veryHidden');
    expect(exceljs.getWorksheet('Totaal')!.getCell('B1').value).toMatchObject({ formula: 'SUM(Cliënten!C2:C101)', result: 12 });
    const totals = files.get(sheetParts(files).get('Totaal')!)!;
    expect(totals).toContain(`<hyperlinks><hyperlink ref="B2" location="'Cliënten'!$B$2" display="B2"/></hyperlinks>`);
    expect(files.get('xl/worksheets/_rels/sheet3.xml.rels')).toBeUndefined();
  });

  test('the stored state is a custom XML part of our namespace, read back and replaced in place', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [['x']] }], { codec: xlsxCodec });
    const state = { profile: { naam: 'Regio', gemeente: 'Bergen', afwijkingen: [] }, accepted: [], mapping: { kolommen: ['a'] } };
    await wb.writeStored(state);
    const first = wb.toXlsx();
    expect(xlsxCodec.open(first).stored).toEqual(state);
    const files = parts(first);
    expect(files.get('customXml/item1.xml')).toContain('xmlns="urn:reintegratie-definitieset:opslag:1"');
    expect(files.get('customXml/itemProps1.xml')).toContain('ds:uri="urn:reintegratie-definitieset:opslag:1"');
    expect(files.get('xl/_rels/workbook.xml.rels')).toMatch(/relationships\/customXml" Target="\.\.\/customXml\/item1\.xml"/);

    const again = MemoryWorkbook.fromXlsx(first, xlsxCodec);
    await again.writeStored({ ...state, profile: null });
    const second = again.toXlsx();
    expect(xlsxCodec.open(second).stored).toEqual({ ...state, profile: null });
    expect([...parts(second).keys()].filter((n) => n.startsWith('customXml/item'))).toEqual(['customXml/item1.xml', 'customXml/itemProps1.xml']);
  });
});

describe('the Controle sheet', () => {
  test("a user's own sheet called Controle is kept; ours gets a free name, and is replaced (not added again) on the next marking", async () => {
    const files = fixtureEntries({
      sheets: [
        { name: 'Controle', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>Mijn eigen controle</t></is></c></row>' },
        { name: 'Notities', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>De klantmanager belt.</t></is></c></row>' },
      ],
    });
    const base = zipFiles(files);
    const first = await markedCopy(base);
    const names = (bytes: Uint8Array) => readXlsx(bytes).sheets.map((s) => s.name);
    expect(names(first.out)).toEqual(['Controle', 'Notities', 'Controle (2)']);
    expect(readXlsx(first.out).sheets[0].values).toEqual([['Mijn eigen controle']]);
    const second = await markedCopy(first.out);
    expect(names(second.out)).toEqual(['Controle', 'Notities', 'Controle (2)']);
    expect(readXlsx(second.out).sheets[0].values).toEqual([['Mijn eigen controle']]);
  });
});

describe('visibility and the active sheet', () => {
  test('a sheet hidden through the workbook is hidden in the package; the sheet shown on opening moves to a visible one', async () => {
    const files: Record<string, string> = fixtureEntries({
      sheets: [
        { name: 'Een', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: 'Twee', xml: '<row r="1"><c r="A1"><v>2</v></c></row>' },
        { name: 'Drie', xml: '<row r="1"><c r="A1"><v>3</v></c></row>', state: 'hidden' },
      ],
    });
    files['xl/workbook.xml'] = files['xl/workbook.xml'].replace('<sheets>', '<bookViews><workbookView activeTab="1"/></bookViews><sheets>');
    const base = zipFiles(files);
    const opened = xlsxCodec.open(base);
    expect(opened.activeSheet).toBe('Twee');
    expect([...opened.visibility]).toEqual([['Een', 'visible'], ['Twee', 'visible'], ['Drie', 'hidden']]);

    const wb = MemoryWorkbook.fromXlsx(base, xlsxCodec);
    wb.setVisibility('Twee', 'veryHidden');
    wb.setVisibility('Drie', 'visible');
    const out = wb.toXlsx();
    const again = xlsxCodec.open(out);
    expect([...again.visibility]).toEqual([['Een', 'visible'], ['Twee', 'veryHidden'], ['Drie', 'visible']]);
    expect(again.activeSheet).toBe('Een');
    // Only the workbook part changed.
    const before = stored(base);
    for (const [name, entry] of stored(out)) {
      if (name === 'xl/workbook.xml') continue;
      expect({ name, same: Buffer.compare(Buffer.from(entry.raw), Buffer.from(before.get(name)!.raw)) === 0 }).toEqual({ name, same: true });
    }
  });
});

describe('sheets of running text print readably', () => {
  test('the contract and its annex: one page wide (fit to width, as tall as needed), rows of wrapped text as high as their lines', async () => {
    const wb = MemoryWorkbook.fromXlsx(new Uint8Array(readFileSync(EXAMPLE)), xlsxCodec);
    const data = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'contract-gegevens-noord-kennemerland.json'), 'utf8'));
    await writeStandardContract(wb, { set, data, profile: null, at: new Date('2026-01-05T09:00:00Z') });
    const files = parts(wb.toXlsx());
    const byName = sheetParts(files);
    for (const name of [CONTRACT_SHEET, ANNEX_SHEET]) {
      const xml = files.get(byName.get(name)!)!;
      expect(xml).toMatch(/^<\?xml[^>]*\?>\s*<worksheet [^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /);
      expect(xml).toMatch(/<pageMargins [^>]*\/><pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"\/>/);
      expect([...xml.matchAll(/<row r="\d+" ht="(\d+)" customHeight="1">/g)].map((m) => Number(m[1])).some((h) => h >= 30)).toBe(true);
    }
    // A sheet that is no running text keeps Excel's own page setup.
    expect(files.get(byName.get('Cliënten')!)!).not.toContain('fitToPage');
  });

  test('wrappedLines counts the lines a text takes in a column, words kept whole', () => {
    expect(wrappedLines('kort', 100)).toBe(1);
    expect(wrappedLines(12, 5)).toBe(1);
    expect(wrappedLines('aaaa bbbb cccc', 10)).toBe(2);
    expect(wrappedLines('een\ntwee\n\ndrie', 100)).toBe(4);
    expect(wrappedLines('x'.repeat(250), 100)).toBe(1);
  });
});

describe('formulas of an opened package', () => {
  test('formulasOf: the base package’s formulas, read when asked; a cell written since holds what was written', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Blad1');
    ws.getCell('A1').value = '{{kenmerk}}';
    ws.getCell('B1').value = { formula: 'A1', result: '{{kenmerk}}' };
    ws.getCell('C1').value = { formula: 'B1&"!"', result: '{{kenmerk}}!' };
    const memory = MemoryWorkbook.fromXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), xlsxCodec);
    const cells = ['A1', 'B1', 'C1', 'D1'].map((_, col) => ({ sheet: 'Blad1', row: 0, col }));
    expect(await memory.formulasOf(cells)).toEqual([null, '=A1', '=B1&"!"', null]);
    // Written over: a constant, or a formula of ours.
    await memory.writeCells([{ sheet: 'Blad1', row: 0, col: 1, rows: [['vast', { value: 1, formula: '=1' }]] }]);
    expect(await memory.formulasOf(cells)).toEqual([null, null, '=1', null]);
  });
});
