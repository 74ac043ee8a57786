/**
 * Packages written by the codec, opened by LibreOffice Calc (headless, as
 * another spreadsheet program than ours): the marked copy of the bundled
 * example, an odd hand-made file and a new package from specs. LibreOffice
 * must resolve every Controle link to the cell of its finding, keep the
 * marks and notes, and calculate the formulas we wrote.
 *
 * Needs `soffice` (Debian: libreoffice-calc; .ci/run installs it).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import type { Finding } from '../../src/engine/findings';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { markFindings, writeControlSheet } from '../../src/workbook/flows/markFlow';
import { planMarks } from '../../src/workbook/flows/markPlan';
import { NOTE_HEADING } from '../../src/workbook/marks';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { CellMark } from '../../src/workbook/port';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { fixtureEntries, zipFiles } from './xlsxFixture';

const set = standardDefinitionSet();
const dir = mkdtempSync(join(tmpdir(), 'reintegratie-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Converts files with LibreOffice into `format`; returns the converted files' bytes by base name. */
function convert(files: string[], format: 'ods' | 'xlsx'): Map<string, Uint8Array> {
  const out = join(dir, format);
  const result = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${join(dir, `profiel-${format}`)}`, '--headless', '--norestore', '--convert-to', format, '--outdir', out, ...files],
    { encoding: 'utf8', timeout: 180_000 },
  );
  if (result.error !== undefined) throw new Error(`soffice kan niet starten (${result.error.message}); installeer libreoffice-calc`);
  const converted = new Map<string, Uint8Array>();
  for (const file of files) {
    const name = file.replace(/^.*\//, '').replace(/\.xlsx$/, `.${format}`);
    converted.set(name.replace(/\.\w+$/, ''), new Uint8Array(readFileSync(join(out, name))));
  }
  return converted;
}

const byPlace = (a: { sheet: string; row: number; col: number }, b: { sheet: string; row: number; col: number }) =>
  a.sheet.localeCompare(b.sheet) || a.row - b.row || a.col - b.col;

let findings: readonly Finding[];
let marks: CellMark[];
let ods: Map<string, Uint8Array>;
let xlsx: Map<string, Uint8Array>;

beforeAll(async () => {
  const example = new Uint8Array(readFileSync(join(__dirname, '..', '..', 'examples', 'inzending-noord-kennemerland.xlsx')));
  const wb = MemoryWorkbook.fromXlsx(example, xlsxCodec);
  const result = await checkThroughPort(wb, { set });
  findings = result.findings;
  marks = planMarks(findings);
  await markFindings(wb, findings);
  await writeControlSheet(wb, findings, { source: 'inzending.xlsx', version: set.version, profile: null });
  writeFileSync(join(dir, 'gemarkeerd.xlsx'), wb.toXlsx());

  const prefixed =
    '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
    '<x:row><x:c t="inlineStr"><x:is><x:t>De klantmanager belt.</x:t></x:is></x:c><x:c><x:v>7</x:v></x:c></x:row>' +
    '</x:sheetData></x:worksheet>';
  const odd = fixtureEntries({ sheets: [{ name: 'Notities', xml: prefixed }] });
  delete odd['xl/styles.xml'];
  // LibreOffice needs the workbook's own content type (the fixture gives only defaults).
  odd['[Content_Types].xml'] = odd['[Content_Types].xml'].replace('</Types>', '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>');
  odd['xl/_rels/workbook.xml.rels'] = odd['xl/_rels/workbook.xml.rels'].replace(/<Relationship Id="rIdStyles"[^>]*\/>/, '');
  const oddWb = MemoryWorkbook.fromXlsx(zipFiles(odd), xlsxCodec);
  await markFindings(oddWb, (await checkThroughPort(oddWb, { set })).findings);
  writeFileSync(join(dir, 'vreemd.xlsx'), oddWb.toXlsx());

  const fresh = MemoryWorkbook.fromSheets([], { codec: xlsxCodec });
  await fresh.putSheet({
    name: 'Cliënten',
    rows: [['Cliëntnummer', 'Uren'], ['NK-1', 12], ['NK-2', 8]],
    table: { name: 'Clienten', headerRow: 0, col: 0, cols: 2, dataRows: 2 },
    validations: [{ range: 'B2:B3', kind: 'decimal', min: 0, max: 60, error: { title: 'Uren', message: 'Tussen 0 en 60.' } }],
  });
  await fresh.putSheet({ name: 'Totaal', rows: [['Som', { formula: '=SUM(Cliënten!B2:B3)' }], ['Tekst', '=geen formule']] });
  writeFileSync(join(dir, 'nieuw.xlsx'), fresh.toXlsx());

  const files = ['gemarkeerd.xlsx', 'vreemd.xlsx', 'nieuw.xlsx'].map((f) => join(dir, f));
  ods = convert(files, 'ods');
  xlsx = convert(files, 'xlsx');
}, 400_000);

const content = (name: string) => strFromU8(unzipSync(ods.get(name)!)['content.xml']);

describe('LibreOffice Calc opens what the codec writes', () => {
  test('every Controle link resolves to the cell of its finding', () => {
    // LibreOffice's own form of a resolved reference is Sheet.Cell ("!" would be a reference it could not read).
    const hrefs = [...content('gemarkeerd').matchAll(/<text:a xlink:href="#([^"]*)"/g)].map((m) => m[1].replace(/&apos;/g, "'"));
    const expected = findings.filter((f) => f.cell !== null).map((f) => `'${f.sheet}'.$${f.cell!.replace(/(\d)/, '$$$1')}`);
    expect(hrefs).toEqual(expected);
    // No link became a file link.
    expect(content('gemarkeerd')).not.toMatch(/xlink:href="(?!#)[^"]*gemarkeerd/);
  });

  test('the marks and our notes survive a round trip through LibreOffice', () => {
    const back = xlsxCodec.open(xlsx.get('gemarkeerd')!);
    expect(back.marks.map(({ sheet, row, col, severity }) => ({ sheet, row, col, severity })).sort(byPlace)).toEqual(
      marks.map(({ sheet, row, col, severity }) => ({ sheet, row, col, severity })).sort(byPlace),
    );
    for (const mark of back.marks) {
      const planned = marks.find((m) => m.sheet === mark.sheet && m.row === mark.row && m.col === mark.col)!;
      expect(mark.note.replace(/\s+/g, ' ')).toBe(planned.note.replace(/\s+/g, ' '));
    }
    expect(content('gemarkeerd').match(/<office:annotation\b/g)?.length).toBe(marks.length);
  });

  test('an odd file (x: prefix, no styles.xml, cells without r) opens with its mark and note', () => {
    const back = xlsxCodec.open(xlsx.get('vreemd')!);
    expect(back.marks.map((m) => [m.sheet, m.row, m.col, m.severity])).toEqual([['Notities', 0, 0, 'waarschuwing']]);
    expect(back.marks[0].note).toContain(NOTE_HEADING);
    expect(back.workbook.sheets[0].values[0]).toEqual(['De klantmanager belt.', 7]);
  });

  test('a new package: the formula is calculated, text with "=" stays text, the table and the validation are there', () => {
    const text = content('nieuw');
    expect(text).toMatch(/table:formula="of:=SUM\(\[\$Cliënten\.B2:\.B3\]\)"[^>]*office:value="20"/);
    expect(text).toMatch(/<text:p>=geen formule<\/text:p>/);
    expect(text).toMatch(/<table:database-range table:name="Clienten" table:target-range-address="Cliënten\.A1:Cliënten\.B3"/);
    expect(text).toMatch(/table:condition="of:cell-content-is-decimal-number\(\) and cell-content-is-between\(0,60\)"/);
  });
});
