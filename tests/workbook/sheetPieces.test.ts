/**
 * The streaming parts of the reader: a sheet or shared string table cut
 * into pieces at any point must read exactly as in one piece; the fast
 * number path must agree with Number(); date formats and ISO dates.
 */

import fc from 'fast-check';
import { SharedStringsReader } from '../../src/workbook/xlsx/sharedStrings';
import { SheetXmlReader } from '../../src/workbook/xlsx/sheetXml';
import { dateKind, DateKind } from '../../src/workbook/xlsx/numberFormats';
import { isoToSerial } from '../../src/workbook/xlsx/excelDates';
import { parseStyles } from '../../src/workbook/xlsx/styles';
import { worksheetXml } from './xlsxFixture';

const encoder = new TextEncoder();
const styles = parseStyles(
  '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd-mm-yyyy"/></numFmts><cellStyleXfs><xf numFmtId="0"/></cellStyleXfs>' +
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="10"/></cellXfs></styleSheet>',
);
const context = { name: 'Blad1', sharedStrings: ['nul', 'één', 'twee'], styles, date1904: false };

function readInPieces(bytes: Uint8Array, cuts: readonly number[]) {
  const reader = new SheetXmlReader(context);
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.feed(bytes.subarray(at, cut));
    at = cut;
  }
  reader.feed(bytes.subarray(at));
  return reader.finish();
}

const sheetData =
  '<row r="1" spans="1:9" hidden="1"><c r="A1" t="s"><v>1</v></c><c r="B1" s="1"><v>39522</v></c><c r="C1" s="2"><v>0.125</v></c>' +
  '<c r="D1" t="str"><v>Cliënt &amp; co_x000D_</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#REF!</v></c>' +
  '<c r="G1"><f>A1*2</f><v>-12.5E3</v></c><c r="H1" t="inlineStr"><is><r><t>ri</t></r><r><t>ch</t></r></is></c><c r="I1" s="1"/></row>' +
  '<!-- een <row> in commentaar -->' +
  '<row><c><v>0.30000000000000004</v></c><c t="str"><v><![CDATA[<cdata> & zo]]></v></c><c t="d"><v>2008-03-15T12:00:00</v></c>' +
  '<c t="str"><v>een tekst die lang genoeg is om niet gesneden te worden</v></c><c t="str"><v>kort</v></c></row>' +
  '<row r="4"><c r="B4" t="s"><v>2</v></c><c r="C4"><v>123456789012345678</v></c></row>';
const xml = worksheetXml(sheetData, '<mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="C3:D4"/></mergeCells>');
const bytes = encoder.encode(xml);

describe('SheetXmlReader in pieces', () => {
  const whole = readInPieces(bytes, []);

  test('the sample reads as intended in one piece', () => {
    expect(whole.values).toEqual([
      ['één', 39522, 0.125, 'Cliënt & co\r', true, { error: '#REF!' }, -12500, 'rich'],
      [0.30000000000000004, '<cdata> & zo', 39522.5, 'een tekst die lang genoeg is om niet gesneden te worden', 'kort'],
      undefined,
      [null, 'twee', 123456789012345678],
    ]);
    expect(whole.formats).toEqual([[undefined, 'dd-mm-yyyy', '0.00%'], [undefined, undefined, 'yyyy-mm-dd hh:mm:ss']]);
    expect([...(whole.hiddenRows ?? [])]).toEqual([0]);
    expect(whole.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 1 },
      { top: 2, left: 2, bottom: 3, right: 3 },
    ]);
  });

  test('pieces of every fixed size read the same', () => {
    for (let size = 1; size <= 64; size++) {
      const cuts: number[] = [];
      for (let at = size; at < bytes.length; at += size) cuts.push(at);
      expect({ size, sheet: readInPieces(bytes, cuts) }).toEqual({ size, sheet: whole });
    }
  });

  test('a single cut at every position reads the same', () => {
    for (let at = 1; at < bytes.length; at++) {
      expect({ at, sheet: readInPieces(bytes, [at]) }).toEqual({ at, sheet: whole });
    }
  });

  test('random cuts read the same', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: bytes.length - 1 }), { maxLength: 40 }), (cuts) => {
        expect(readInPieces(bytes, [...new Set(cuts)])).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });

  test('a cell larger than many pieces (a long inline string) is read once complete', () => {
    const long = 'x'.repeat(300000) + 'ë';
    const big = encoder.encode(worksheetXml(`<row r="1"><c r="A1" t="inlineStr"><is><t>${long}</t></is></c><c r="B1"><v>2</v></c></row>`));
    const cuts: number[] = [];
    for (let at = 1000; at < big.length; at += 1000) cuts.push(at);
    expect(readInPieces(big, cuts).values).toEqual([[long, 2]]);
  });

  test('short markup at the very end is complete, not damaged', () => {
    const reader = new SheetXmlReader(context);
    reader.feed(encoder.encode('<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><a/>'));
    expect(reader.finish().values).toEqual([[1]]);
  });

  test('texts with the same hash stay apart', () => {
    // "Aa" and "BB" have the same 31-based hash.
    const texts = ['Aa', 'BB', 'Aa', 'BB', 'AaAa', 'BBBB', 'AaBB', 'BBAa'];
    const reader = new SheetXmlReader(context);
    reader.feed(encoder.encode(worksheetXml('<row r="1">' + texts.map((t) => `<c t="str"><v>${t}</v></c>`).join('') + '</row>')));
    expect(reader.finish().values).toEqual([texts]);
  });

  test('an unfinished sheet is damaged', () => {
    const reader = new SheetXmlReader(context);
    // Cut inside the value of cell B1.
    reader.feed(bytes.subarray(0, xml.indexOf('<v>39522') + 5));
    expect(() => reader.finish()).toThrow(/beschadigd/);
  });
});

describe('SharedStringsReader in pieces', () => {
  const items = ['Haarlem', 'a &amp; b', '', 'x_x000D_y', 'Cliënt', 'lang '.repeat(50)];
  const sst =
    '<?xml version="1.0"?><sst xmlns="x" count="8">' +
    items.map((t) => `<si><t>${t}</t></si>`).join('') +
    '<si><r><t xml:space="preserve">ri </t></r><r><rPr><b/></rPr><t>ch</t></r><rPh><t>ignored</t></rPh></si><si/></sst>';
  const expected = ['Haarlem', 'a & b', '', 'x\ry', 'Cliënt', 'lang '.repeat(50), 'ri ch', ''];

  test('any split gives the same strings', () => {
    const whole = new SharedStringsReader();
    whole.feed(sst);
    expect(whole.finish()).toEqual(expected);
    for (let at = 1; at < sst.length; at++) {
      const reader = new SharedStringsReader();
      reader.feed(sst.slice(0, at));
      reader.feed(sst.slice(at));
      expect({ at, strings: reader.finish() }).toEqual({ at, strings: expected });
    }
    for (let size = 1; size < 20; size++) {
      const reader = new SharedStringsReader();
      for (let at = 0; at < sst.length; at += size) reader.feed(sst.slice(at, at + size));
      expect({ size, strings: reader.finish() }).toEqual({ size, strings: expected });
    }
  });
});

describe('numbers', () => {
  function readNumbers(texts: readonly string[]): readonly unknown[] {
    const data = '<row r="1">' + texts.map((t) => `<c><v>${t}</v></c>`).join('') + '</row>';
    const reader = new SheetXmlReader(context);
    reader.feed(encoder.encode(worksheetXml(data)));
    return reader.finish().values[0] ?? [];
  }

  test('any double written as text reads back as Number(text)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), { minLength: 1, maxLength: 50 }), (values) => {
        const texts = values.map((v) => String(v));
        expect(readNumbers(texts)).toEqual(texts.map(Number));
      }),
      { numRuns: 200 },
    );
  });

  test('plain decimals of up to 17 digits read as Number(text)', () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,10}$/), fc.stringMatching(/^[0-9]{0,7}$/))
      .map(([negative, whole, fraction]) => `${negative ? '-' : ''}${whole}${fraction ? '.' + fraction : ''}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 50 }), (texts) => {
        expect(readNumbers(texts)).toEqual(texts.map(Number));
      }),
      { numRuns: 300 },
    );
  });
});

describe('number formats and dates', () => {
  test.each([
    ['dd-mm-yyyy', DateKind.Date],
    ['d mmmm yyyy', DateKind.Date],
    ['[$-413]d mmmm yyyy;@', DateKind.Date],
    ['mmm', DateKind.Date],
    ['mm', DateKind.Date],
    ['yyyy-mm-dd hh:mm:ss', DateKind.Date],
    ['h:mm', DateKind.TimeOnly],
    ['hh:mm:ss AM/PM', DateKind.TimeOnly],
    ['[h]:mm:ss', DateKind.TimeOnly],
    ['mm:ss', DateKind.TimeOnly],
    ['General', DateKind.None],
    ['0.00%', DateKind.None],
    ['#,##0.00 "dagen"', DateKind.None],
    ['[Red]0.00;[Blue]-0.00', DateKind.None],
    ['0.00E+00', DateKind.None],
    ['\\d0', DateKind.None],
    ['@', DateKind.None],
    ['[$€-413] #,##0.00', DateKind.None],
  ])('%s', (format, kind) => {
    expect(dateKind(format)).toBe(kind);
  });

  test('ISO 8601 dates agree with Date.UTC arithmetic after 1900-03-01', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (date) => {
        const wholeSeconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
        const iso = wholeSeconds.toISOString().replace('.000Z', '');
        const expected = (wholeSeconds.getTime() - Date.UTC(1899, 11, 30)) / 86400000;
        expect(isoToSerial(iso)?.serial).toBeCloseTo(expected, 8);
      }),
    );
    expect(isoToSerial('2008-03-15')).toEqual({ serial: 39522, hasDate: true, hasTime: false });
    expect(isoToSerial('12:00:00')).toEqual({ serial: 0.5, hasDate: false, hasTime: true });
    expect(isoToSerial('2008-02-30')).toBeUndefined();
    expect(isoToSerial('morgen')).toBeUndefined();
  });
});
