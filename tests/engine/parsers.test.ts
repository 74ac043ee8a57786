import { bsnInIdentifier, bsnsInText, passesElevenTest } from '../../src/engine/bsn';
import { parseDateText, parseNumberText } from '../../src/engine/cellValues';
import { addMonths, dateFromSerial, formatSerial, serialFromDate } from '../../src/engine/excelDate';
import { fixedPointText, isDateFormat, isPercentFormat } from '../../src/engine/numberFormat';
import { editDistance, nearest } from '../../src/engine/nearestCode';
import { parseNumberToken, parseNumberWord } from '../../src/engine/dutchNumbers';
import { keepCase } from '../../src/engine/letterCase';

describe('Excel dates', () => {
  test('serials of the 1900 system, including Excel leap-year bug', () => {
    expect(serialFromDate(2008, 3, 15)).toBe(39522);
    expect(serialFromDate(1900, 1, 1)).toBe(1);
    expect(serialFromDate(1900, 3, 1)).toBe(61);
    expect(dateFromSerial(39522)).toEqual({ year: 2008, month: 3, day: 15 });
    expect(dateFromSerial(39522.75)).toEqual({ year: 2008, month: 3, day: 15 });
    expect(formatSerial(39522)).toBe('15-03-2008');
  });
  test('impossible dates have no serial', () => {
    expect(serialFromDate(2008, 2, 30)).toBeUndefined();
    expect(serialFromDate(2009, 2, 29)).toBeUndefined();
    expect(serialFromDate(2008, 2, 29)).toBe(39507);
    expect(serialFromDate(2008, 13, 1)).toBeUndefined();
  });
  test('calendar months are added with the day clamped', () => {
    expect(formatSerial(addMonths(serialFromDate(2008, 1, 31)!, 1))).toBe('29-02-2008');
    expect(formatSerial(addMonths(serialFromDate(2008, 2, 1)!, 24))).toBe('01-02-2010');
  });
  test('date formats, not times or plain numbers', () => {
    for (const f of ['dd-mm-yyyy', 'd-m-yy', '[$-413]d\\ mmmm\\ yyyy', 'mmm-yy', 'yyyy-mm-dd hh:mm']) expect({ f, date: isDateFormat(f) }).toEqual({ f, date: true });
    for (const f of [undefined, 'General', '0.00', 'h:mm', '[h]:mm:ss', '[m]', '[mm]:ss', '"dag "0', '0%']) expect({ f, date: isDateFormat(f) }).toEqual({ f, date: false });
    expect(isPercentFormat('0.0%')).toBe(true);
    expect(isPercentFormat('"%"0')).toBe(false);
  });

  test('a fixed-point format as Excel shows the number (the workbench grid)', () => {
    expect(fixedPointText(3.52941176470588, '0.0')).toBe('3,5');
    expect(fixedPointText(54.94, '0')).toBe('55');
    expect(fixedPointText(1234567.891, '#,##0.00')).toBe('1.234.567,89');
    expect(fixedPointText(0.197, '0.0%')).toBe('19,7%');
    for (const f of [undefined, 'General', 'dd-mm-yyyy', '0.0" dagen"', '@']) expect({ f, text: fixedPointText(3.5, f) }).toEqual({ f, text: undefined });
  });
});

describe('text dates and numbers', () => {
  test('day first, three notations, optional time', () => {
    expect(parseDateText('15-3-2008')).toBe(39522);
    expect(parseDateText(' 15/03/2008 ')).toBe(39522);
    expect(parseDateText('15.03.2008')).toBe(39522);
    expect(parseDateText('2008-03-15')).toBe(39522);
    expect(parseDateText('2008-03-15T00:00:00Z')).toBe(39522);
    expect(parseDateText('15-03-2008 09:30')).toBe(39522);
    for (const bad of ['15-03/2008', '31-02-2008', '15-13-2008', '15-3-08', 'maart 2008', '2008-3-15x']) expect(parseDateText(bad)).toBeUndefined();
  });
  test('decimal comma and Dutch thousands', () => {
    expect(parseNumberText('32,5')).toBe(32.5);
    expect(parseNumberText('1.234,5')).toBe(1234.5);
    expect(parseNumberText('12.5')).toBe(12.5);
    expect(parseNumberText(' 40 ')).toBe(40);
    expect(parseNumberText('1.234')).toBe(1234);
    expect(parseNumberText('veertig')).toBeUndefined();
    expect(parseNumberText('1,2,3')).toBeUndefined();
  });
});

describe('BSN', () => {
  test('11-test', () => {
    expect(passesElevenTest('123456782')).toBe(true);
    expect(passesElevenTest('123456789')).toBe(false);
    expect(passesElevenTest('000000000')).toBe(false);
  });
  test('in the id column: 9 digits, 8 with the leading zero lost, with separators', () => {
    expect(bsnInIdentifier(123456782)).toBe('123456782');
    expect(bsnInIdentifier(12345672)).toBe('012345672');
    expect(bsnInIdentifier('1234.56.782')).toBe('123456782');
    expect(bsnInIdentifier('NK-123456782')).toBeNull();
    expect(bsnInIdentifier(123456782.5)).toBeNull();
  });
  test('as a token in text, not inside longer numbers', () => {
    expect(bsnsInText('BSN 123456782 en 1234.56.782')).toEqual(['123456782', '1234.56.782']);
    expect(bsnsInText('IBAN NL91ABNA0417164300 of 1234567820')).toEqual([]);
    expect(bsnsInText('Telefoon 0612345678')).toEqual([]);
  });
});

describe('nearest code', () => {
  test('close typos only', () => {
    expect(editDistance('geplaatsd', 'geplaatst', 2)).toBe(1);
    expect(nearest('geplaatsd', [['geplaatst', 'G'], ['lopend', 'L']])).toBe('G');
    expect(nearest('ww', [['wia', 'WIA']])).toBeUndefined();
    expect(nearest('knutselen', [['lopend', 'L']])).toBeUndefined();
  });
});

describe('Dutch numbers and case', () => {
  test('number words', () => {
    expect(['een', 'zes', 'twaalf', 'twintig', 'vierentwintig', 'tweeentwintig', 'achtenveertig', 'anderhalf', 'half'].map(parseNumberWord)).toEqual([
      1, 6, 12, 20, 24, 22, 48, 1.5, 0.5,
    ]);
    expect(parseNumberWord('veertien')).toBe(14);
    expect(parseNumberWord('tienentwintig')).toBeUndefined();
    expect(parseNumberToken('1.500')).toBe(1500);
    expect(parseNumberToken('1,5')).toBe(1.5);
  });
  test('case of the replaced text', () => {
    expect(keepCase('Klantmanager', 'werkcoach')).toBe('Werkcoach');
    expect(keepCase('KLANTMANAGER', 'werkcoach')).toBe('WERKCOACH');
    expect(keepCase('klantmanager', 'WWB-uitkering')).toBe('WWB-uitkering');
    expect(keepCase('Ïntegratie', 'éénmaal')).toBe('Éénmaal');
  });
});
