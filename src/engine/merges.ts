/**
 * Merged cells: Excel keeps the value in the top-left cell only. For checking,
 * a range merged over several rows gives its value to every row, in its first
 * column (a municipality merged over ten client rows is filled for each of
 * them); other columns of the range stay empty, so a merge across two fields
 * never fills a field the user left empty. A row that is empty but for the
 * merge stays empty (it is not a client row).
 *
 * Only cells that exist are visited: a merge whose top-left cell is empty
 * gives nothing, and only rows that hold a value receive one. So a sheet
 * with thousands of full-height merged columns and no values costs nothing,
 * whatever the merged ranges claim.
 */
import type { MergeRange, RawValue, SheetData } from './grid';

function filled(value: RawValue | undefined): boolean {
  return value !== null && value !== undefined && value !== '';
}

/** Empty cells put before a value further right; a wider gap is left as a hole (memory follows the cells present). */
const SPARSE_GAP = 256;

function setAt<T>(row: T[], col: number, value: T, gap: T): void {
  if (col - row.length > SPARSE_GAP) {
    row[col] = value;
    return;
  }
  while (row.length < col) row.push(gap);
  row[col] = value;
}

export function expandMerges(sheet: SheetData): SheetData {
  const source = sheet.values;
  const valued: MergeRange[] = [];
  for (const m of sheet.merges ?? []) {
    if (m.bottom <= m.top || m.top >= source.length - 1) continue;
    if (filled(source[m.top]?.[m.left])) valued.push(m);
  }
  if (valued.length === 0) return sheet;
  valued.sort((a, b) => a.top - b.top);

  const values = source.slice() as (RawValue[] | undefined)[];
  const formats = sheet.formats ? (sheet.formats.slice() as ((string | undefined)[] | undefined)[]) : undefined;
  const copied = new Uint8Array(source.length);
  let next = 0;
  let active: MergeRange[] = [];
  for (let r = valued[0].top + 1; r < source.length; r++) {
    while (next < valued.length && valued[next].top < r) active.push(valued[next++]);
    active = active.filter((m) => m.bottom >= r);
    if (active.length === 0) {
      if (next >= valued.length) break;
      r = valued[next].top; // the loop moves on to the row below the next merge's top
      continue;
    }
    const original = source[r];
    if (original === undefined || !original.some(filled)) continue;
    for (const m of active) {
      if (filled(original[m.left])) continue;
      let row = values[r] as RawValue[];
      if (copied[r] === 0) {
        row = original.slice();
        values[r] = row;
        if (formats !== undefined) formats[r] = (formats[r] ?? []).slice();
        copied[r] = 1;
      }
      setAt(row, m.left, source[m.top]?.[m.left] ?? null, null);
      const format = sheet.formats?.[m.top]?.[m.left];
      if (formats !== undefined && format !== undefined) setAt(formats[r] as (string | undefined)[], m.left, format, undefined);
    }
  }
  return { ...sheet, values, formats };
}
