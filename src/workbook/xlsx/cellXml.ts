/**
 * The slow path of the sheet reader: one complete `<c>` element, or one
 * sheet-level tag, given as text. Used for what the byte scanner's fast
 * path does not cover: formulas, inline strings, CDATA, namespace
 * prefixes, unusual attribute layouts.
 */

import { uncalculatedFormula } from '../../engine/grid';
import { MAX_COLUMNS, MAX_ROWS, parseCellRef } from './cellRefs';
import { richText } from './sharedStrings';
import { SheetGrid, T_BOOL, T_DATE, T_ERROR, T_INLINE, T_NUMBER, T_SHARED, T_STR } from './sheetGrid';
import { localName, nameEnd, readAttributes, readElementText, specialEnd, tagEnd } from './xmlText';

const textEnd = { at: 0 };

/** The cell type code of a t attribute value. */
export function cellTypeOf(t: string | undefined): number {
  switch (t) {
    case undefined:
    case '':
    case 'n':
      return T_NUMBER;
    case 's':
      return T_SHARED;
    case 'b':
      return T_BOOL;
    case 'e':
      return T_ERROR;
    case 'd':
      return T_DATE;
    case 'inlineStr':
      return T_INLINE;
    default:
      return T_STR;
  }
}

/** Places a cell by its r attribute (or after the previous cell when it has none or an odd one). */
export function placeCell(grid: SheetGrid, ref: string | undefined): void {
  const parsed = ref === undefined ? undefined : parseCellRef(ref);
  if (parsed === undefined) {
    grid.place(-1, -1);
    return;
  }
  if (parsed.row >= MAX_ROWS || parsed.col >= MAX_COLUMNS) throw grid.beyondLimits(`cel ${ref}`);
  grid.place(parsed.row, parsed.col);
}

/** Reads a complete `<c>` element: s starts with its `<`. */
export function readCellElement(grid: SheetGrid, s: string): void {
  const ne = nameEnd(s, 1);
  const qname = s.slice(1, ne);
  const te = tagEnd(s, ne);
  if (te < 0) throw grid.damaged();
  const selfClosing = s.charCodeAt(te - 2) === 47;
  const attrs = readAttributes(s, ne, selfClosing ? te - 2 : te - 1);
  placeCell(grid, attrs.r);
  if (selfClosing) return;
  const style = attrs.s !== undefined && /^\d+$/.test(attrs.s) ? Number(attrs.s) : 0;
  const type = cellTypeOf(attrs.t);
  const end = s.lastIndexOf('</' + qname);
  const stop = end < te ? s.length : end;

  let value: string | undefined;
  let inline: string | undefined;
  let formula: string | undefined;
  let p = te;
  for (;;) {
    const lt = s.indexOf('<', p);
    if (lt < 0 || lt >= stop) break;
    const c1 = s.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63 || c1 === 47) {
      const e = c1 === 47 ? tagEnd(s, lt + 2) : specialEnd(s, lt);
      if (e < 0) break;
      p = e;
      continue;
    }
    const cne = nameEnd(s, lt + 1);
    const cte = tagEnd(s, cne);
    if (cte < 0) break;
    p = cte;
    if (s.charCodeAt(cte - 2) === 47) continue;
    const name = localName(s.slice(lt + 1, cne));
    if (name === 'v') {
      const text = readElementText(s, cte, textEnd);
      if (text === undefined) break;
      value = text;
      p = textEnd.at;
    } else if (name === 'is') {
      const close = s.indexOf('</' + s.slice(lt + 1, cne) + '>', cte);
      const isEnd = close < 0 ? stop : close;
      inline = richText(s, cte, isEnd);
      p = isEnd;
    } else if (name === 'f') {
      // Formula text has no tags inside; the cached result is in <v>.
      const text = readElementText(s, cte, textEnd);
      if (text === undefined) break;
      formula = text;
      p = textEnd.at;
    } else if (name === 'extLst') {
      break;
    }
  }
  // A self-closing <f/> (a cell of a shared formula) has no text.
  if (formula === undefined && /<(?:\w+:)?f[\s/>]/.test(s.slice(te, stop))) formula = '';
  if (formula !== undefined) grid.putFormula(formula.trim());

  if (inline !== undefined && (type === T_INLINE || value === undefined)) {
    grid.put(inline);
  } else if (value !== undefined) {
    if (type === T_SHARED) {
      const t = value.trim();
      if (/^\d+$/.test(t)) grid.storeShared(Number(t));
    } else {
      grid.storeText(value, type, style);
    }
  } else if (formula !== undefined) {
    // A formula without a cached value: not an empty cell, but a value nobody calculated.
    grid.put(uncalculatedFormula(formula.trim()));
  }
  // An empty cell: nothing to store.
}

/** The start tag of a `<row>` given as text s[0, end) with its name ending at ne. */
export function readRowTag(grid: SheetGrid, s: string, ne: number, end: number): void {
  const selfClosing = s.charCodeAt(end - 2) === 47;
  const attrs = readAttributes(s, ne, selfClosing ? end - 2 : end - 1);
  const r = attrs.r !== undefined && /^\s*\d+\s*$/.test(attrs.r) ? Number(attrs.r) : -1;
  const hidden = attrs.hidden !== undefined && (attrs.hidden.trim() === '1' || attrs.hidden.trim() === 'true');
  grid.startRow(r, hidden);
}
