/**
 * Writing cells into an existing sheet's rows: only the rows that get a
 * cell are decoded and rebuilt, every other byte is passed on as it is.
 * Rows and cells without a reference are placed as the reader places them
 * (after the previous one); a cell that is written keeps its own style.
 */

import { cellAddress } from '../../engine/grid';
import { indexOfAscii, tagEndByte } from './byteText';
import { parseCellRef } from './cellRefs';
import { childElements } from './xmlElements';

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

/** A cell that cannot be written without breaking the sheet (one Dutch line). */
export class CellWriteError extends Error {}

/** Renders the new `<c>` of a cell; `style` is the cell's existing style index (0 when new). */
export type CellRenderer = (row: number, col: number, style: number) => string;

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : (m[1] ?? m[2]);
}

/** The row's content with the edited cells replaced or inserted in column order. */
function editRow(content: string, prefix: string, row: number, cols: ReadonlyMap<number, true>, render: CellRenderer): string {
  const wanted = [...cols.keys()].sort((a, b) => a - b);
  let next = 0;
  let col = -1;
  let out = '';
  let at = 0;
  for (const el of childElements(content, 0, content.length)) {
    if (el.name !== 'c') continue;
    const tag = content.slice(el.start, el.openEnd);
    const ref = attr(tag, 'r');
    const parsed = ref === undefined ? undefined : parseCellRef(ref);
    col = parsed !== undefined ? parsed.col : col + 1;
    while (next < wanted.length && wanted[next] < col) {
      out += content.slice(at, el.start) + render(row, wanted[next], 0);
      at = el.start;
      next++;
    }
    if (next < wanted.length && wanted[next] === col) {
      const inner = content.slice(el.openEnd, el.closeStart);
      const formula = /<(?:\w+:)?f\b([^>]*)>/.exec(inner);
      if (formula !== null && /\sref\s*=/.test(formula[1]) && /\st\s*=\s*["'](shared|array)["']/.test(formula[1])) {
        throw new CellWriteError(`cel ${cellAddress(row, col)} is het begin van een gedeelde formule of matrixformule en kan niet worden overschreven`);
      }
      const style = Number(attr(tag, 's') ?? 0);
      out += content.slice(at, el.start) + render(row, col, Number.isInteger(style) ? style : 0);
      at = el.end;
      next++;
    }
  }
  out += content.slice(at);
  // Cells right of every existing one.
  for (; next < wanted.length; next++) out += render(row, wanted[next], 0);
  return out;
}

/**
 * The sheetData content with cells written: `cells` maps 0-based rows to
 * the 0-based columns written in them; `render` gives each cell's XML.
 */
export function writeCellsInRows(body: Uint8Array, prefix: string, cells: ReadonlyMap<number, ReadonlyMap<number, true>>, render: CellRenderer): Uint8Array[] {
  const wantedRows = [...cells.keys()].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  const open = `<${prefix}row`;
  const close = `</${prefix}row>`;
  let next = 0;
  let rowIndex = -1;
  let copied = 0;
  const newRow = (r: number): Uint8Array =>
    encoder.encode(`<${prefix}row r="${r + 1}">${editRow('', prefix, r, cells.get(r) as ReadonlyMap<number, true>, render)}</${prefix}row>`);

  let p = 0;
  while (next < wantedRows.length) {
    const lt = indexOfAscii(body, open, p);
    if (lt < 0) break;
    if (!isNameEnd(body[lt + open.length])) {
      p = lt + open.length;
      continue;
    }
    const tagEnd = tagEndByte(body, lt + open.length);
    if (tagEnd < 0) break;
    const tag = utf8.decode(body.subarray(lt, tagEnd));
    const r = Number(attr(tag, 'r'));
    rowIndex = Number.isInteger(r) && r >= 1 ? r - 1 : rowIndex + 1;
    const selfClosing = body[tagEnd - 2] === 47;
    let end = tagEnd;
    if (!selfClosing) {
      const c = indexOfAscii(body, close, tagEnd);
      if (c < 0) break;
      end = c + close.length;
    }
    // Rows to add before this one.
    const before: Uint8Array[] = [];
    while (next < wantedRows.length && wantedRows[next] < rowIndex) before.push(newRow(wantedRows[next++]));
    if (before.length > 0) {
      pieces.push(body.subarray(copied, lt), ...before);
      copied = lt;
    }
    if (next < wantedRows.length && wantedRows[next] === rowIndex) {
      const content = selfClosing ? '' : utf8.decode(body.subarray(tagEnd, end - close.length));
      // The row's span hint may no longer hold: it goes.
      let start = tag.replace(/\sspans\s*=\s*("[^"]*"|'[^']*')/, '');
      if (selfClosing) start = start.replace(/\s*\/>$/, '>');
      const rebuilt = start + editRow(content, prefix, rowIndex, cells.get(rowIndex) as ReadonlyMap<number, true>, render) + close;
      pieces.push(body.subarray(copied, lt), encoder.encode(rebuilt));
      copied = end;
      next++;
    }
    p = end;
  }
  pieces.push(body.subarray(copied));
  while (next < wantedRows.length) pieces.push(newRow(wantedRows[next++]));
  return pieces.filter((piece) => piece.length > 0);
}
