/**
 * Merged cells: Excel keeps the value in the top-left cell only. For checking,
 * a range merged over several rows gives its value to every row, in its first
 * column (a municipality merged over ten client rows is filled for each of
 * them); other columns of the range stay empty, so a merge across two fields
 * never fills a field the user left empty. A row that is empty but for the
 * merge stays empty (it is not a client row).
 */
import type { RawValue, SheetData } from './grid';

export function expandMerges(sheet: SheetData): SheetData {
  const merges = sheet.merges?.filter((m) => m.bottom > m.top);
  if (merges === undefined || merges.length === 0) return sheet;
  const values = sheet.values.slice() as (RawValue[] | undefined)[];
  const formats = sheet.formats ? (sheet.formats.slice() as ((string | undefined)[] | undefined)[]) : undefined;
  for (const m of merges) {
    const value = values[m.top]?.[m.left] ?? null;
    const format = formats?.[m.top]?.[m.left];
    for (let r = m.top + 1; r <= m.bottom; r++) {
      if (!(sheet.values[r] ?? []).some((v) => v !== null && v !== '')) continue;
      const row = (values[r] ?? []).slice();
      while (row.length <= m.left) row.push(null);
      if (row[m.left] === null || row[m.left] === '') row[m.left] = value;
      values[r] = row;
      if (formats !== undefined && format !== undefined) {
        const frow = (formats[r] ?? []).slice();
        frow[m.left] = format;
        formats[r] = frow;
      }
    }
  }
  return { ...sheet, values, formats };
}
