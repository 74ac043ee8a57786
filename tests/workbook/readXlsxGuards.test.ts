/**
 * The guards of readXlsx: files that are not workbooks, cut-off files, zip
 * bombs and sheets beyond Excel's limits each give an XlsxReadError with a
 * one-line Dutch message and a reason code.
 */

import ExcelJS from 'exceljs';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsx, ReadOptions, XlsxReadError, XlsxReadReason } from '../../src/workbook/xlsx/readXlsx';
import { ZipArchive } from '../../src/workbook/xlsx/zipEntries';
import { fixtureEntries, makeXlsx, worksheetXml, zipFiles } from './xlsxFixture';

const MiB = 1024 * 1024;

function readError(bytes: Uint8Array, options?: ReadOptions): XlsxReadError {
  try {
    readXlsx(bytes, options);
  } catch (error) {
    if (error instanceof XlsxReadError) return error;
    throw error;
  }
  throw new Error('readXlsx did not throw');
}

function expectReason(bytes: Uint8Array, reason: XlsxReadReason, options?: ReadOptions): XlsxReadError {
  const error = readError(bytes, options);
  expect({ reason: error.reason, message: error.message }).toEqual({ reason, message: error.message });
  // One line, meant for the user; the caller adds the file name.
  expect(error.message).not.toMatch(/[\r\n]/);
  expect(error.message.trim()).toBe(error.message);
  expect(error.message.length).toBeGreaterThan(10);
  return error;
}

async function validWorkbook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Cliënten');
  for (let r = 1; r <= 200; r++) ws.addRow([`K${r}`, r, r / 3, new Date(Date.UTC(2020, 0, r)), r % 2 === 0]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Offsets of the central directory header and local header of an entry. */
function entryHeaders(zip: Uint8Array, name: string): { central: number; local: number } {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  let p = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  for (;;) {
    if (view.getUint32(p, true) !== 0x02014b50) throw new Error(`${name} not found`);
    const nameLength = view.getUint16(p + 28, true);
    const entryName = decoder.decode(zip.subarray(p + 46, p + 46 + nameLength));
    if (entryName === name) return { central: p, local: view.getUint32(p + 42, true) };
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
}

/** A copy of the zip in which an entry claims another uncompressed size. */
function withDeclaredSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  const { central, local } = entryHeaders(copy, name);
  view.setUint32(central + 24, size, true);
  view.setUint32(local + 22, size, true);
  return copy;
}

/** A workbook whose only sheet is valid XML padded with `spaces` spaces: tiny compressed, huge inflated. */
function spaceBomb(spaces: number): Uint8Array {
  const entries = fixtureEntries({ sheets: [{ name: 'Bom', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });
  const xml = worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>');
  const cut = xml.indexOf('<sheetData>');
  const head = strToU8(xml.slice(0, cut));
  const tail = strToU8(xml.slice(cut));
  const sheet = new Uint8Array(head.length + spaces + tail.length);
  sheet.set(head);
  sheet.fill(0x20, head.length, head.length + spaces);
  sheet.set(tail, head.length + spaces);
  const files: Record<string, string | Uint8Array> = { ...entries, 'xl/worksheets/sheet1.xml': sheet };
  return zipFiles(files, 9);
}

describe('readXlsx guards', () => {
  let valid: Uint8Array;
  let bomb: Uint8Array;
  const BOMB_SPACES = 50 * MiB;

  beforeAll(async () => {
    valid = await validWorkbook();
    bomb = spaceBomb(BOMB_SPACES);
  });

  test('the valid workbook reads; the bomb is well-formed and only its compression ratio trips the defaults', () => {
    expect(readXlsx(valid).sheets[0].values.length).toBe(200);
    expect(readXlsx(bomb, { maxCompressionRatio: 1e6 }).sheets[0].values).toEqual([[1]]);
    const entry = ZipArchive.open(bomb, { maxEntryBytes: 1, maxTotalBytes: 1, maxCompressionRatio: 1, ratioCheckFromBytes: 1 }).find('xl/worksheets/sheet1.xml');
    expect(entry!.uncompressedSize).toBeGreaterThan(BOMB_SPACES);
    expect(entry!.uncompressedSize / entry!.compressedSize).toBeGreaterThan(1000);
    expect(expectReason(bomb, 'zip-bom').message).toMatch(/1000 keer/);
  });

  test('a zip64 end record (as large archives have) is followed', () => {
    const view = new DataView(valid.buffer, valid.byteOffset, valid.byteLength);
    const eocd = valid.length - 22;
    expect(view.getUint32(eocd, true)).toBe(0x06054b50);
    const entries = view.getUint16(eocd + 10, true);
    const cdSize = view.getUint32(eocd + 12, true);
    const cdOffset = view.getUint32(eocd + 16, true);
    const out = new Uint8Array(eocd + 56 + 20 + 22);
    out.set(valid.subarray(0, eocd));
    const w = new DataView(out.buffer);
    const end64 = eocd;
    w.setUint32(end64, 0x06064b50, true);
    w.setBigUint64(end64 + 4, 44n, true);
    w.setUint16(end64 + 12, 45, true);
    w.setUint16(end64 + 14, 45, true);
    w.setBigUint64(end64 + 24, BigInt(entries), true);
    w.setBigUint64(end64 + 32, BigInt(entries), true);
    w.setBigUint64(end64 + 40, BigInt(cdSize), true);
    w.setBigUint64(end64 + 48, BigInt(cdOffset), true);
    const locator = end64 + 56;
    w.setUint32(locator, 0x07064b50, true);
    w.setBigUint64(locator + 8, BigInt(end64), true);
    w.setUint32(locator + 16, 1, true);
    const end = locator + 20;
    w.setUint32(end, 0x06054b50, true);
    w.setUint16(end + 8, 0xffff, true);
    w.setUint16(end + 10, 0xffff, true);
    w.setUint32(end + 12, 0xffffffff, true);
    w.setUint32(end + 16, 0xffffffff, true);
    expect(readXlsx(out)).toEqual(readXlsx(valid));
  });

  describe('not a zip archive: geen-zip', () => {
    test('random bytes', () => {
      let seed = 12345;
      const bytes = new Uint8Array(64 * 1024).map(() => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed >> 16;
      });
      expectReason(bytes, 'geen-zip');
    });
    test('a text file', () => {
      expectReason(strToU8('Naam;Gemeente\nJan;Haarlem\n'.repeat(100)), 'geen-zip');
    });
    test('an empty file', () => {
      expect(expectReason(new Uint8Array(0), 'geen-zip').message).toMatch(/leeg/);
    });
    test('an encrypted workbook or old .xls (OLE compound file)', () => {
      const ole = new Uint8Array(4096);
      ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
      expect(expectReason(ole, 'geen-zip').message).toMatch(/xls/);
    });
  });

  test('a truncated copy gives afgebroken at every cut point (geen-zip under four bytes)', () => {
    const n = valid.length;
    const cuts = [4, 5, 30, 100, 1000, Math.floor(n / 4), Math.floor(n / 2), Math.floor((3 * n) / 4), n - 200, n - 46, n - 23, n - 22, n - 10, n - 1];
    for (const cut of cuts) {
      const error = readError(valid.slice(0, cut));
      expect({ cut, reason: error.reason }).toEqual({ cut, reason: 'afgebroken' });
    }
    for (const cut of [1, 2, 3]) {
      expect({ cut, reason: readError(valid.slice(0, cut)).reason }).toEqual({ cut, reason: 'geen-zip' });
    }
  });

  test('a zip without a workbook gives geen-werkmap; an .xlsb says so', () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expectReason(docx, 'geen-werkmap');
    expectReason(zipSync({}), 'geen-werkmap');
    const xlsb = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.bin': new Uint8Array(10) });
    expect(expectReason(xlsb, 'geen-werkmap').message).toMatch(/xlsb/);
  });

  test('damaged deflate data gives beschadigd; a missing sheet part too', () => {
    const entries = unzipSync(valid);
    const { local } = entryHeaders(valid, 'xl/worksheets/sheet1.xml');
    const copy = valid.slice();
    const view = new DataView(copy.buffer);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    copy.fill(0xff, dataStart, dataStart + 64);
    expectReason(copy, 'beschadigd');
    delete entries['xl/worksheets/sheet1.xml'];
    expect(expectReason(zipSync(entries), 'beschadigd').message).toMatch(/Cliënten/);
  });

  describe('zip bombs: zip-bom', () => {
    const sheet = 'xl/worksheets/sheet1.xml';

    test('an entry larger than maxEntryBytes', () => {
      expectReason(bomb, 'zip-bom', { maxEntryBytes: MiB, maxCompressionRatio: 1e6 });
    });

    test('an entry compressed beyond the ratio limit', () => {
      const error = expectReason(bomb, 'zip-bom', { maxCompressionRatio: 100, ratioCheckFromBytes: MiB });
      expect(error.message).toMatch(/100/);
    });

    test('all entries together beyond maxTotalBytes', () => {
      const entries = fixtureEntries({
        sheets: [
          { name: 'Een', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' + ' '.repeat(3 * MiB) },
          { name: 'Twee', xml: '<row r="1"><c r="A1"><v>2</v></c></row>' + ' '.repeat(3 * MiB) },
        ],
      });
      const zip = zipFiles(entries, 6);
      expect(readXlsx(zip, { maxEntryBytes: 4 * MiB }).sheets.length).toBe(2);
      expectReason(zip, 'zip-bom', { maxEntryBytes: 4 * MiB, maxTotalBytes: 5 * MiB });
    });

    test('absurd declared sizes are rejected before inflating', () => {
      expectReason(withDeclaredSize(bomb, sheet, 0xffffffff), 'zip-bom');
      expectReason(withDeclaredSize(bomb, sheet, 600 * MiB), 'zip-bom');
    });

    test('an entry that lies about its size is stopped by the running count', () => {
      // Declared 1000 bytes, really 50 MiB: stopped early even without a ratio limit.
      expectReason(withDeclaredSize(bomb, sheet, 1000), 'zip-bom', { maxCompressionRatio: 1e6 });
      // Declared with a harmless ratio, really far beyond the ratio limit.
      const error = expectReason(withDeclaredSize(bomb, sheet, 4 * MiB), 'zip-bom', { maxCompressionRatio: 100, ratioCheckFromBytes: MiB });
      expect(error.message).toMatch(/samengeperst/);
    });

    test('inflation stops as soon as a cap is passed: never more than the cap is handed on', () => {
      const lying = withDeclaredSize(bomb, sheet, 2 * MiB);
      const limits = { maxEntryBytes: 3 * MiB, maxTotalBytes: 1024 * MiB, maxCompressionRatio: 1e9, ratioCheckFromBytes: 1024 * MiB };
      const zip = ZipArchive.open(lying, limits);
      const entry = zip.find(sheet);
      expect(entry).toBeDefined();
      let delivered = 0;
      let thrown: unknown;
      try {
        zip.stream(entry!, (chunk) => {
          delivered += chunk.length;
        });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(XlsxReadError);
      expect((thrown as XlsxReadError).reason).toBe('zip-bom');
      expect(delivered).toBeGreaterThan(0);
      expect(delivered).toBeLessThanOrEqual(2 * MiB);
    });
  });

  describe('beyond Excel limits: buiten-excel-limieten', () => {
    const read = (xml: string, after = ''): Uint8Array => makeXlsx({ sheets: [{ name: 'Grens', xml: after ? worksheetXml(xml, after) : xml }] });

    test('the message stays one line even when the sheet name has a line break', () => {
      const files = makeXlsx({ sheets: [{ name: 'Regel\neen', xml: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }] });
      const text = new TextDecoder().decode(unzipSync(files)['xl/workbook.xml']);
      expect(text).toContain('Regel\neen');
      const error = expectReason(zipSync({ ...unzipSync(files), 'xl/workbook.xml': strToU8(text.replace('Regel\neen', 'Regel&#10;een')) }), 'buiten-excel-limieten');
      expect(error.message).toMatch(/Regel een/);
    });

    test('the last cell XFD1048576 is fine', () => {
      const sheet = readXlsx(read('<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>')).sheets[0];
      expect(sheet.values.length).toBe(1048576);
      expect(sheet.values[1048575]?.length).toBe(16384);
      expect(sheet.values[1048575]?.[16383]).toBe(7);
    });

    test.each([
      ['a cell in column XFE', '<row r="1"><c r="XFE1"><v>1</v></c></row>'],
      ['a cell in row 1048577', '<row r="1048577"><c r="A1048577"><v>1</v></c></row>'],
      ['a cell reference beyond the row limit in a normal row', '<row r="1"><c r="A1048577"><v>1</v></c></row>'],
      ['a row beyond the limit', '<row r="1048577"/>'],
      ['a cell without r after XFD', '<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>'],
      ['a row without r after the last row', '<row r="1048576"/><row><c><v>1</v></c></row>'],
      ['a formula cell beyond the limit', '<row r="1"><c r="XFE1"><f>1+1</f><v>2</v></c></row>'],
      [
        'a prefixed cell beyond the limit',
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="1">' +
          '<x:c r="AAAA1" t="inlineStr"><x:is><x:t>x</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>',
      ],
    ])('%s', (_what, xml) => {
      const error = expectReason(read(xml), 'buiten-excel-limieten');
      expect(error.message).toMatch(/Grens/);
    });

    test('a dimension or merged range beyond the limits', () => {
      const dimension = worksheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace('<sheetData>', '<dimension ref="A1:XFE5"/><sheetData>');
      expectReason(makeXlsx({ sheets: [{ name: 'Grens', xml: dimension }] }), 'buiten-excel-limieten');
      expectReason(read('<row r="1"><c r="A1"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:A1048577"/></mergeCells>'), 'buiten-excel-limieten');
    });
  });
});
