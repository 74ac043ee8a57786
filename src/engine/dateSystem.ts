/**
 * A workbook in the 1904 date system, moved to the 1900 count the checker
 * uses: every number whose format shows a calendar date (and only those:
 * times, durations and plain numbers keep their value) gains 1462 days.
 * Hosts deliver serials as the workbook holds them and say which system it
 * uses; this is the one place that converts.
 */
import { DATE1904_OFFSET, type DateSystem } from './excelDate';
import { forEachCell, type RawValue, type SheetData } from './grid';
import { isDateFormat } from './numberFormat';

export function toDateSystem1900(sheet: SheetData, system: DateSystem | undefined): SheetData {
  if (system !== 1904 || sheet.formats === undefined) return sheet;
  const formats = sheet.formats;
  let values: (readonly RawValue[] | undefined)[] | undefined;
  for (let r = 0; r < formats.length; r++) {
    const rowFormats = formats[r];
    const row = sheet.values[r];
    if (rowFormats === undefined || row === undefined) continue;
    let copy: RawValue[] | undefined;
    forEachCell(rowFormats, (format, c) => {
      const value = row[c];
      if (typeof value !== 'number' || !isDateFormat(format)) return;
      copy ??= row.slice();
      copy[c] = value + DATE1904_OFFSET;
    });
    if (copy !== undefined) {
      values ??= sheet.values.slice();
      values[r] = copy;
    }
  }
  return values === undefined ? sheet : { ...sheet, values };
}
