/** CSV exports as a sheet of text values: separators, quotes, line ends. */
import { csvSeparator, parseCsv, readCsv, CSV_SHEET } from '../../src/workbook/csv/readCsv';

describe('parseCsv', () => {
  test('the separator that splits the first line into the most fields, outside quotes; ";" on a tie', () => {
    expect(csvSeparator('a;b;c\n1,5;2;3')).toBe(';');
    expect(csvSeparator('a,b,c\n1;2;3')).toBe(',');
    expect(csvSeparator('a\tb\tc')).toBe('\t');
    expect(csvSeparator('"a;b;c",d')).toBe(',');
    expect(csvSeparator('enkel')).toBe(';');
  });

  test('quoted fields hold separators, doubled quotes and line breaks; an empty field is null, an empty quoted one is text', () => {
    const text = 'Klantnr;Opmerking;Uren\r\nK1;"zegt ""ja""; belt terug";32,5\r\nK2;"twee\r\nregels";\r\nK3;"";8';
    expect(parseCsv(text)).toEqual([
      ['Klantnr', 'Opmerking', 'Uren'],
      ['K1', 'zegt "ja"; belt terug', '32,5'],
      ['K2', 'twee\r\nregels', null],
      ['K3', '', '8'],
    ]);
  });

  test('values stay text as written (leading zeros, dates); a last line without a line break counts; no empty row after the last break', () => {
    expect(parseCsv('000123,1-2-2009\n000124,2-2-2009')).toEqual([
      ['000123', '1-2-2009'],
      ['000124', '2-2-2009'],
    ]);
    expect(parseCsv('a;b\n')).toEqual([['a', 'b']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a;b\n\nc;d')).toEqual([['a', 'b'], [null], ['c', 'd']]);
  });

  test('readCsv gives one sheet with the same name for every file, so a saved mapping finds it again', () => {
    const wb = readCsv('a;b\n1;2');
    expect(wb.sheets.map((s) => s.name)).toEqual([CSV_SHEET]);
    expect(wb.sheets[0].values).toEqual([['a', 'b'], ['1', '2']]);
  });
});
