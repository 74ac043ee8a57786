/**
 * readXlsx on hand-made workbooks, for the parts of the format ExcelJS does
 * not write: inline strings, cells and rows without r, t="d", Excel's
 * _xHHHH_ escapes, namespace prefixes, absolute relationship targets.
 */

import { isUncalculatedFormula } from '../../src/engine/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { makeXlsx, worksheetXml } from './xlsxFixture';

const DAY_MS = 86400000;
const serialOf = (utcMs: number): number => (utcMs - Date.UTC(1899, 11, 30)) / DAY_MS;

describe('readXlsx on hand-made workbooks', () => {
  test('inline strings, including rich text with phonetic runs', () => {
    const runs = ['Eerste ', 'vet', ' en meer'];
    const xml =
      '<row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>gewoon</t></is></c>' +
      `<c r="B1" t="inlineStr"><is>${runs.map((t, i) => `<r>${i === 1 ? '<rPr><b/></rPr>' : ''}<t xml:space="preserve">${t}</t></r>`).join('')}<rPh sb="0" eb="1"><t>フリガナ</t></rPh><phoneticPr fontId="0"/></is></c>` +
      '<c r="C1" t="inlineStr"><is><t xml:space="preserve">  met spaties  </t></is></c>' +
      '<c r="D1" t="inlineStr"><is><t/></is></c>' +
      '</row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }] })).sheets[0];
    expect(sheet.values[0]).toEqual(['gewoon', runs.join(''), '  met spaties  ', '']);
  });

  test('shared strings: plain, rich text, phonetic runs left out, entities and escapes decoded', () => {
    const texts = ['Haarlem', 'a & b < c > d "e" \'f\'', 'regel 1\nregel 2', 'met _x000D_ erin', 'rij_x005F_x000D_letterlijk', 'Cliënt €'];
    const sst = [
      `<si><t>${texts[0]}</t></si>`,
      '<si><t>a &amp; b &lt; c &gt; d &quot;e&quot; &apos;f&apos;</t></si>',
      '<si><t>regel 1&#10;regel 2</t></si>',
      '<si><t>met _x000D_ erin</t></si>',
      '<si><t>rij_x005F_x000D_letterlijk</t></si>',
      '<si><r><t>Cli</t></r><r><rPr><i/></rPr><t>&#xEB;nt </t></r><rPh sb="0" eb="3"><t>クライアント</t></rPh><r><t>&#8364;</t></r></si>',
      '<si/>',
    ];
    const xml = '<row r="1">' + sst.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('') + '<c r="H1" t="s"><v>99</v></c></row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }], sharedStrings: sst })).sheets[0];
    // _x000D_ is Excel's escape for a carriage return; _x005F_ for a literal underscore.
    expect(sheet.values[0]).toEqual([texts[0], texts[1], texts[2], 'met \r erin', 'rij_x000D_letterlijk', texts[5], '']);
  });

  test('cells and rows without r follow the previous cell and row', () => {
    const xml =
      '<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>' +
      '<row><c t="inlineStr"><is><t>b</t></is></c></row>' +
      '<row r="5"><c><v>51</v></c><c r="C5"><v>53</v></c></row>' +
      '<row><c r="B6"><v>62</v></c><c><v>63</v></c></row>' +
      '<row><c><v>71</v></c></row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }] })).sheets[0];
    expect(sheet.values).toEqual([[1, 2, null, null, 5, 6], ['b'], undefined, undefined, [51, null, 53], [null, 62, 63], [71]]);
  });

  test('t="d": ISO 8601 dates become 1900-system serials with a date format', () => {
    const iso = ['2008-03-15', '2008-03-15T18:00:00', '2024-02-29T06:30:00Z', '1900-01-01', '1900-02-28'];
    const xml =
      '<row r="1">' +
      iso.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1" t="d"><v>${t}</v></c>`).join('') +
      '<c r="F1" t="d" s="1"><v>2008-03-15</v></c><c r="G1" t="d"><v>geen datum</v></c></row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }], numFmts: { 164: 'd-m-yyyy' }, cellXfs: [0, 164] })).sheets[0];
    const row = sheet.values[0] ?? [];
    expect(row[0]).toBe(serialOf(Date.UTC(2008, 2, 15)));
    expect(row[0]).toBe(39522);
    expect(row[1]).toBeCloseTo(serialOf(Date.UTC(2008, 2, 15, 18)), 9);
    expect(row[2]).toBeCloseTo(serialOf(Date.UTC(2024, 1, 29, 6, 30)), 9);
    // Excel counts the non-existent 1900-02-29: 1900-01-01 is 1 and 1900-02-28 is 59.
    expect(row[3]).toBe(serialOf(Date.UTC(1900, 0, 1)) - 1);
    expect(row[4]).toBe(serialOf(Date.UTC(1900, 1, 28)) - 1);
    expect(row[5]).toBe(39522);
    expect(row[6]).toBe('geen datum');
    const formats = sheet.formats?.[0] ?? [];
    expect(formats.slice(0, 5).every((f) => typeof f === 'string' && /y/.test(f) && /d/.test(f))).toBe(true);
    expect(formats[1]).toMatch(/h/);
    expect(formats[5]).toBe('d-m-yyyy');
    expect(formats[6]).toBeUndefined();
  });

  test('1904 date system: serials stay as written and the workbook says 1904; ISO dates become 1904 serials', () => {
    const serial1904 = serialOf(Date.UTC(2008, 2, 15)) - 1462;
    const xml = `<row r="1"><c r="A1" s="1"><v>${serial1904}</v></c><c r="B1" s="2"><v>0.75</v></c><c r="C1"><v>${serial1904}</v></c><c r="D1" s="3"><v>0.5</v></c></row>`;
    for (const attr of ['1', 'true']) {
      const files = makeXlsx({ sheets: [{ name: 'Blad1', xml }], numFmts: { 164: 'dd/mm/yyyy' }, cellXfs: [0, 164, 20, 10], date1904: attr });
      const workbook = readXlsx(files);
      const sheet = workbook.sheets[0];
      expect(workbook.dateSystem).toBe(1904);
      expect(sheet.values[0]).toEqual([serial1904, 0.75, serial1904, 0.5]);
      expect(sheet.formats?.[0]).toEqual(['dd/mm/yyyy', 'h:mm', undefined, '0.00%']);
    }
  });

  test('formula results: t="str", t="b", t="e", numbers; a formula without a cached value is the formula, not calculated', () => {
    const xml =
      '<row r="1">' +
      '<c r="A1"><f>1+1</f><v>2</v></c>' +
      '<c r="B1" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>' +
      '<c r="C1" t="b"><f>TRUE()</f><v>1</v></c>' +
      '<c r="D1" t="e"><f>NA()</f><v>#N/A</v></c>' +
      '<c r="E1"><f>A1*3</f></c>' +
      '<c r="F1" t="str"><f>""</f><v></v></c>' +
      '<c r="G1" s="1"><f t="shared" ref="G1:G2" si="0">A1/4</f><v>0.5</v></c>' +
      '</row><row r="2"><c r="G2" s="1"><f t="shared" si="0"/></c><c r="H2"><x:f xmlns:x="urn:x">A1&amp;B1</x:f></c></row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }], cellXfs: [0, 9] })).sheets[0];
    expect(sheet.values[0]).toEqual([2, 'ab', true, { error: '#N/A' }, { error: '=A1*3' }, '', 0.5]);
    // A cell of a shared formula without a value has no formula text of its own.
    expect(sheet.values[1]).toEqual([null, null, null, null, null, null, { error: '=' }, { error: '=A1&B1' }]);
    expect(isUncalculatedFormula(sheet.values[0]![4])).toBe(true);
    expect(isUncalculatedFormula(sheet.values[0]![3])).toBe(false);
    expect(sheet.formats?.[0]?.[6]).toBe('0%');
    // Which cells hold a formula, and its text where the file gives one (entities decoded): recorded only
    // when asked (a check does not need them, and a sheet of formulas would hold them all).
    expect(sheet.formulas).toBeUndefined();
    const withFormulas = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }], cellXfs: [0, 9] }), { formulas: true }).sheets[0];
    expect(withFormulas.values).toEqual(sheet.values);
    expect(withFormulas.formulas).toEqual(
      new Map([
        ['A1', '=1+1'],
        ['B1', '="a"&"b"'],
        ['C1', '=TRUE()'],
        ['D1', '=NA()'],
        ['E1', '=A1*3'],
        ['F1', '=""'],
        ['G1', '=A1/4'],
        ['G2', '='],
        ['H2', '=A1&B1'],
      ]),
    );
  });

  test('numbers in all notations', () => {
    const texts = ['0', '-0.5', '1E-7', '1.5e+21', '0.30000000000000004', '123456789012345678', '-12.75', '  8 ', '000123', '.5'];
    const xml = '<row r="1">' + texts.map((t, i) => `<c r="${String.fromCharCode(65 + i)}1"><v>${t}</v></c>`).join('') + '</row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }] })).sheets[0];
    expect(sheet.values[0]).toEqual(texts.map(Number));
  });

  test('t="str" text with entities, escapes, CDATA and CRLF is decoded', () => {
    const xml =
      '<row r="1">' +
      '<c r="A1" t="str"><v>a &amp; b</v></c>' +
      '<c r="B1" t="str"><v>x_x000D_y</v></c>' +
      '<c r="C1" t="str"><v><![CDATA[<raw> & text]]></v></c>' +
      '<c r="D1" t="str"><v>r1\r\nr2</v></c>' +
      '<c r="E1" t="str"><v>&#x1F600; &#233;</v></c>' +
      '</row>';
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }] })).sheets[0];
    expect(sheet.values[0]).toEqual(['a & b', 'x\ry', '<raw> & text', 'r1\nr2', '😀 é']);
  });

  test('namespace prefixes, absolute targets, another sheet folder, comments and odd whitespace', () => {
    const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
    const xml =
      `<?xml version="1.0" encoding="UTF-8"?><!-- opmerking --><x:worksheet xmlns:x="${ns}"><x:dimension ref="A1:C2"/><x:sheetData>` +
      '<x:row r="1" hidden="true"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1"><x:v>2.5</x:v></x:c></x:row>' +
      '<x:row r="2"><x:c r="C2" t="inlineStr"><x:is><x:t>inline</x:t></x:is></x:c></x:row>' +
      `</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="A2:B2"/></x:mergeCells></x:worksheet>`;
    const spaced = '<row  r = "1" ><c\n r="A1"\tt = \'s\' ><v>0</v></c><c r="B1" ><v >3</v ></c></row>';
    const files = makeXlsx({
      sheets: [
        { name: 'Voorvoegsel', xml },
        { name: 'Spaties', xml: spaced },
      ],
      sharedStrings: ['<si><t>gedeeld</t></si>'],
      absoluteTargets: true,
      sheetFolder: 'bladen',
    });
    const read = readXlsx(files);
    expect(read.sheets.map((s) => s.name)).toEqual(['Voorvoegsel', 'Spaties']);
    expect(read.sheets[0].values).toEqual([['gedeeld', 2.5], [null, null, 'inline']]);
    expect([...(read.sheets[0].hiddenRows ?? [])]).toEqual([0]);
    expect(read.sheets[0].merges).toEqual([{ top: 1, left: 0, bottom: 1, right: 1 }]);
    expect(read.sheets[1].values).toEqual([['gedeeld', 3]]);
  });

  test('chart sheets are left out; sheet names with entities are decoded', () => {
    const files = makeXlsx({
      sheets: [{ name: 'A & B <1>', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }],
    });
    // Add a chart sheet relationship by rewriting the workbook and its relationships.
    const { unzipSync, strFromU8, strToU8, zipSync } = jest.requireActual('fflate') as typeof import('fflate');
    const entries = unzipSync(files);
    const workbook = strFromU8(entries['xl/workbook.xml']).replace('</sheets>', '<sheet name="Grafiek" sheetId="9" r:id="rIdC"/></sheets>');
    const rels = strFromU8(entries['xl/_rels/workbook.xml.rels']).replace(
      '</Relationships>',
      '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    entries['xl/workbook.xml'] = strToU8(workbook);
    entries['xl/_rels/workbook.xml.rels'] = strToU8(rels);
    entries['xl/chartsheets/sheet1.xml'] = strToU8('<chartsheet/>');
    const read = readXlsx(zipSync(entries));
    expect(read.sheets.map((s) => s.name)).toEqual(['A & B <1>']);
  });

  test('stored (uncompressed) entries and a UTF-16 sheet part read the same', () => {
    const xml = '<row r="1"><c r="A1" t="inlineStr"><is><t>Cliënt</t></is></c><c r="B1"><v>4</v></c></row>';
    const stored = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml }] }, 0)).sheets[0];
    expect(stored.values).toEqual([['Cliënt', 4]]);
    const { unzipSync, zipSync } = jest.requireActual('fflate') as typeof import('fflate');
    const entries = unzipSync(makeXlsx({ sheets: [{ name: 'Blad1', xml }] }));
    const text = worksheetXml(xml).replace('UTF-8', 'UTF-16');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      utf16[2 + i * 2] = text.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    entries['xl/worksheets/sheet1.xml'] = utf16;
    expect(readXlsx(zipSync(entries)).sheets[0].values).toEqual([['Cliënt', 4]]);
  });
});

describe('memory follows the cells present', () => {
  test('a value far to the right is stored without the empty cells before it', () => {
    const rows = Array.from({ length: 50 }, (_, r) => `<row r="${r + 1}"><c r="A${r + 1}"><v>${r}</v></c><c r="XFD${r + 1}" t="inlineStr"><is><t>rechts ${r}</t></is></c></row>`).join('');
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml: rows }] })).sheets[0];
    for (let r = 0; r < 50; r++) {
      const row = sheet.values[r]!;
      expect(row.length).toBe(16384);
      expect(row[0]).toBe(r);
      expect(row[16383]).toBe(`rechts ${r}`);
      // Two cells held, not 16,384.
      expect(Object.keys(row)).toEqual(['0', '16383']);
    }
  });

  test('a small gap is filled with empty cells as before', () => {
    const sheet = readXlsx(makeXlsx({ sheets: [{ name: 'Blad1', xml: '<row r="1"><c r="A1"><v>1</v></c><c r="E1"><v>5</v></c></row>' }] })).sheets[0];
    expect(sheet.values[0]).toEqual([1, null, null, null, 5]);
  });
});
