/**
 * A1 address text as Excel's API takes and gives it: lists of cells for
 * `worksheet.getRanges` (compact, and chunked under the length Excel
 * accepts), the address lists that RangeAreas return ("Blad1!A1:B2,
 * Blad1!D4"), and sheet references for links ("'Mijn blad'!A1").
 */
import { cellAddress } from '../../engine/grid';

/**
 * `getRanges` fails beyond roughly 8,000 characters of address text; lists
 * are cut well below that.
 */
export const MAX_ADDRESS_LIST_LENGTH = 7000;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** A1 text of a rectangle: "C5" or "C5:C9". */
export function rectAddress(rect: CellRect): string {
  const first = cellAddress(rect.top, rect.left);
  return rect.top === rect.bottom && rect.left === rect.right ? first : `${first}:${cellAddress(rect.bottom, rect.right)}`;
}

/**
 * Compact rectangles covering exactly the given cells: runs of consecutive
 * rows in one column ("T2:T40"), columns in order. Cells are 0-based
 * [row, col] pairs; duplicates are allowed.
 */
export function cellRuns(cells: Iterable<readonly [number, number]>): CellRect[] {
  const byCol = new Map<number, number[]>();
  for (const [row, col] of cells) {
    const rows = byCol.get(col);
    if (rows === undefined) byCol.set(col, [row]);
    else rows.push(row);
  }
  const rects: CellRect[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = (byCol.get(col) as number[]).sort((a, b) => a - b);
    let start = rows[0];
    let prev = rows[0];
    for (let i = 1; i <= rows.length; i++) {
      const row = rows[i];
      if (row === prev) continue;
      if (row === prev + 1) {
        prev = row;
        continue;
      }
      rects.push({ top: start, left: col, bottom: prev, right: col });
      start = row;
      prev = row;
    }
  }
  return rects;
}

/** Comma-separated address lists of the rectangles, each at most `max` characters (no rectangle is split). */
export function addressLists(rects: readonly CellRect[], max = MAX_ADDRESS_LIST_LENGTH): string[] {
  const lists: string[] = [];
  let current = '';
  for (const rect of rects) {
    const address = rectAddress(rect);
    if (current !== '' && current.length + 1 + address.length > max) {
      lists.push(current);
      current = '';
    }
    current = current === '' ? address : `${current},${address}`;
  }
  if (current !== '') lists.push(current);
  return lists;
}

/** A sheet name as Excel writes it in a reference: quoted when it is not a plain name. */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** A reference to a cell of a sheet, for an internal link: "'Cliënten'!T5". */
export function cellReference(sheet: string, cell: string): string {
  return `${sheetReference(sheet)}!${cell}`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const AREA = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

/**
 * The rectangles of an address list as a RangeAreas gives it ("Blad1!A1:B2,
 * 'Blad 2'!D4"); sheet prefixes are dropped (the caller knows the sheet).
 * Throws on text that is not an address list.
 */
export function parseAddressList(text: string): CellRect[] {
  const rects: CellRect[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ' ' || text[i] === ',')) i++;
    if (i >= n) break;
    // An optional sheet prefix: 'quoted ''name'''! or name!
    if (text[i] === "'") {
      i++;
      while (i < n) {
        if (text[i] === "'" && text[i + 1] === "'") i += 2;
        else if (text[i] === "'") break;
        else i++;
      }
      i++; // closing quote
      if (text[i] !== '!') throw new Error(`Onleesbaar adres: ${text}`);
      i++;
    }
    let end = i;
    while (end < n && text[end] !== ',') end++;
    let part = text.slice(i, end).trim();
    const bang = part.lastIndexOf('!');
    if (bang >= 0) part = part.slice(bang + 1);
    const m = AREA.exec(part);
    if (m === null) throw new Error(`Onleesbaar adres: ${text}`);
    const top = Number(m[2]) - 1;
    const left = columnIndex(m[1]);
    const bottom = m[4] !== undefined ? Number(m[4]) - 1 : top;
    const right = m[3] !== undefined ? columnIndex(m[3]) : left;
    rects.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
    i = end;
  }
  return rects;
}

/** Every cell of the rectangles as "row,col" keys (for counting and set operations). */
export function rectCells(rects: readonly CellRect[]): [number, number][] {
  const cells: [number, number][] = [];
  for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) cells.push([row, col]);
  return cells;
}
