/**
 * Cell lists as range lists (`sqref`) and back: the cells of one severity
 * become runs down each column (`F4:F118 T10`), which keeps the list short
 * when a whole column is flagged; reading expands a list with a cap.
 */

import { cellAddress } from '../../engine/grid';
import { parseRangeRef } from './cellRefs';

/** A space-separated range list of the cells (0-based), runs down each column joined. */
export function rangeList(cells: readonly { readonly row: number; readonly col: number }[]): string {
  const byCol = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byCol.get(col);
    if (rows === undefined) byCol.set(col, [row]);
    else rows.push(row);
  }
  const runs: { top: number; bottom: number; col: number }[] = [];
  for (const [col, rows] of byCol) {
    rows.sort((a, b) => a - b);
    let top = rows[0];
    let bottom = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const r = rows[i];
      if (r === bottom || r === bottom + 1) {
        bottom = r;
        continue;
      }
      runs.push({ top, bottom, col });
      top = r;
      bottom = r;
    }
  }
  runs.sort((a, b) => a.top - b.top || a.col - b.col);
  const parts: string[] = [];
  for (const run of runs) {
    const first = cellAddress(run.top, run.col);
    parts.push(run.bottom === run.top ? first : `${first}:${cellAddress(run.bottom, run.col)}`);
  }
  return parts.join(' ');
}

/**
 * The cells of a range list inside `within` (rows × columns from A1), at
 * most `limit` of them (a hostile file can name a whole sheet); calls
 * `visit` with 0-based row and column.
 * Returns the number of cells visited.
 */
export function forEachCellOf(
  sqref: string,
  limit: number,
  visit: (row: number, col: number) => void,
  within: { readonly rows: number; readonly cols: number } = { rows: Infinity, cols: Infinity },
): number {
  let n = 0;
  for (const part of sqref.trim().split(/\s+/)) {
    if (part === '') continue;
    const range = parseRangeRef(part);
    if (range === undefined) continue;
    const right = Math.min(range.right, within.cols - 1);
    const bottom = Math.min(range.bottom, within.rows - 1);
    for (let c = range.left; c <= right; c++) {
      for (let r = range.top; r <= bottom; r++) {
        if (n >= limit) return n;
        visit(r, c);
        n++;
      }
    }
  }
  return n;
}
