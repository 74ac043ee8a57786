/**
 * One worksheet part (xl/worksheets/sheetN.xml) read into grid rows by a
 * hand-written scanner over the UTF-8 bytes, piece by piece as they are
 * inflated.
 *
 * The scanner looks only at what the grid needs: `<sheetData>` with its
 * `<row>` and `<c>` elements, `<mergeCell>` and `<dimension>`; everything
 * else is passed over tag by tag. The fast path reads the common cell
 * shape `<c r=".." s=".." t=".."><v>..</v></c>` in one pass over its bytes:
 * shared-string indexes and plain decimals are computed from the bytes
 * directly, so such a cell allocates nothing but its value. Anything else
 * (formulas, inline strings, CDATA, namespace prefixes) is decoded to text
 * and read by the slow path in cellXml.ts.
 */

import type { SheetData } from '../../engine/grid';
import {
  asciiText,
  concatBytes,
  endsNameByte,
  indexOfAscii,
  nameEndByte,
  specialEndByte,
  tagEndByte,
  utf8Text,
} from './byteText';
import { MAX_COLUMNS, MAX_ROWS } from './cellRefs';
import { readCellElement, readRowTag } from './cellXml';
import { SheetContext, SheetGrid, T_BOOL, T_DATE, T_ERROR, T_INLINE, T_NUMBER, T_SHARED, T_STR } from './sheetGrid';
import { decodeEntities, decodeText, localName, readAttributes } from './xmlText';

export type { SheetContext } from './sheetGrid';

/** A `<conditionalFormatting>` of a sheet: its range list and the formulas of its rules. */
export interface ConditionalFormat {
  readonly sqref: string;
  readonly formulas: string[];
}

const POW10: number[] = [];
for (let i = 0; i <= 22; i++) POW10.push(10 ** i);

/** Bytes of a new piece joined to the unfinished end of the previous one. */
const WINDOW = 4096;
/** Strings up to this length are copied by the engine when sliced; longer ones are built afresh. */
const SLICE_COPIES_BELOW = 13;
/** Size of the table of recently seen value texts, and the longest text kept in it. */
const INTERN_SLOTS = 4096;
const INTERN_MAX_LENGTH = 64;
/** Short text values in a piece after which the whole piece is decoded to slice them from. */
const DECODE_PIECE_AFTER = 64;

const utf8 = new TextDecoder('utf-8');

export class SheetXmlReader {
  private readonly grid: SheetGrid;

  /** Unscanned bytes: the unfinished end of the previous piece(s). */
  private pendingParts: Uint8Array[] = [];
  private pendingLength = 0;
  private waitFor = 0;
  private inSheetData = false;
  /** Set by finish(): no more bytes will come, so short markup at the end is complete. */
  private final = false;

  /** The bytes being scanned decoded as a whole, made on the first text value in them. */
  private textOf: Uint8Array | undefined;
  private text = '';
  private textIsAscii = false;
  /** Recently seen plain value texts by hash slot (see interned()). */
  private readonly internHashes = new Int32Array(INTERN_SLOTS);
  private readonly internTexts: string[] = new Array<string>(INTERN_SLOTS).fill('');
  /** Short text values met in `countedIn` before it was decoded. */
  private shortTexts = 0;
  private countedIn: Uint8Array | undefined;

  /** The conditional formats of the sheet (outside extLst): their ranges and rule formulas. */
  readonly conditionalFormats: ConditionalFormat[] = [];
  private format: ConditionalFormat | undefined;
  private extDepth = 0;

  constructor(context: SheetContext) {
    this.grid = new SheetGrid(context);
  }

  feed(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    let b = chunk;
    let from = 0;
    if (this.pendingLength > 0) {
      if (this.pendingLength + chunk.length < this.waitFor) {
        this.pendingParts.push(chunk);
        this.pendingLength += chunk.length;
        return;
      }
      const pending = concatBytes(this.pendingParts);
      // Finish the construct cut off at the end of the previous piece in a
      // small joined window, then go on in the new piece itself.
      const window = concatBytes([pending, chunk.subarray(0, WINDOW)]);
      const stop = this.scan(window, 0);
      if (stop >= pending.length) {
        from = stop - pending.length;
      } else {
        b = concatBytes([pending.subarray(stop), chunk]);
      }
    }
    const stop = this.scan(b, from);
    this.pendingParts = stop < b.length ? [b.slice(stop)] : [];
    this.pendingLength = b.length - stop;
    // One unfinished construct larger than a piece: wait until the bytes
    // have doubled before scanning it again, so it is not rescanned per piece.
    this.waitFor = this.pendingLength > 65536 ? this.pendingLength * 2 : 0;
    this.textOf = undefined;
    this.text = '';
    this.countedIn = undefined;
  }

  finish(): SheetData {
    this.final = true;
    if (this.pendingLength > 0) {
      const pending = concatBytes(this.pendingParts);
      const stop = this.scan(pending, 0);
      if (indexOfAscii(pending, '<', stop) >= 0) throw this.grid.damaged();
      this.pendingParts = [];
      this.pendingLength = 0;
    }
    this.textOf = undefined;
    this.text = '';
    return this.grid.toSheetData();
  }

  /** Reads complete constructs from b[from…]; returns where the first incomplete one starts. */
  private scan(b: Uint8Array, from: number): number {
    const n = b.length;
    let p = from;
    for (;;) {
      let lt = p;
      while (lt < n && b[lt] !== 60) lt++;
      if (lt >= n) return n;
      if (lt + 6 >= n && !this.final) return lt;
      const c1 = b[lt + 1];
      if (this.inSheetData) {
        if (c1 === 99 /* c */ && endsNameByte(b[lt + 2])) {
          const next = this.cell(b, lt);
          if (next < 0) return lt;
          p = next;
          continue;
        }
        if (c1 === 114 /* r */ && b[lt + 2] === 111 && b[lt + 3] === 119 && endsNameByte(b[lt + 4])) {
          const end = tagEndByte(b, lt + 4);
          if (end < 0) return lt;
          this.row(b, lt + 4, b[end - 2] === 47 ? end - 2 : end - 1);
          p = end;
          continue;
        }
        if (c1 === 47 && b[lt + 2] === 114 && b[lt + 3] === 111 && b[lt + 4] === 119 && b[lt + 5] === 62) {
          p = lt + 6;
          continue;
        }
      }
      const next = this.otherMarkup(b, lt);
      if (next < 0) return lt;
      p = next;
    }
  }

  /** Any markup but the fast-path cells and rows; returns the index after it or -1. */
  private otherMarkup(b: Uint8Array, lt: number): number {
    const c1 = b[lt + 1];
    if (c1 === 33 || c1 === 63) return specialEndByte(b, lt);
    const closing = c1 === 47;
    const start = closing ? lt + 2 : lt + 1;
    const ne = nameEndByte(b, start);
    if (ne >= b.length) return -1;
    const qname = asciiText(b, start, ne);
    const name = localName(qname);
    const end = tagEndByte(b, ne);
    if (end < 0) return -1;
    if (closing) {
      if (name === 'sheetData') this.inSheetData = false;
      else if (name === 'extLst') this.extDepth--;
      else if (name === 'conditionalFormatting') this.format = undefined;
      return end;
    }
    const selfClosing = b[end - 2] === 47;
    switch (name) {
      case 'extLst':
        if (!selfClosing) this.extDepth++;
        return end;
      case 'conditionalFormatting': {
        if (this.extDepth > 0 || this.inSheetData || selfClosing) return end;
        const tag = utf8Text(b, lt, end);
        this.format = { sqref: readAttributes(tag, ne - lt, tag.length - 1).sqref ?? '', formulas: [] };
        this.conditionalFormats.push(this.format);
        return end;
      }
      case 'formula': {
        if (this.format === undefined || selfClosing) return end;
        // The rule's formula: text up to the next tag.
        const close = indexOfAscii(b, '<', end);
        if (close < 0) return this.final ? b.length : -1;
        this.format.formulas.push(decodeEntities(utf8Text(b, end, close)));
        return close;
      }
      case 'sheetData':
        this.inSheetData = !selfClosing;
        return end;
      case 'c': {
        if (!this.inSheetData) return end;
        // A cell with a namespace prefix (x:c): read as text.
        let elementEnd = end;
        if (!selfClosing) {
          const close = '</' + qname + '>';
          const at = indexOfAscii(b, close, end);
          if (at < 0) return -1;
          elementEnd = at + close.length;
        }
        readCellElement(this.grid, utf8Text(b, lt, elementEnd));
        return elementEnd;
      }
      case 'row':
        if (this.inSheetData) {
          const tag = utf8Text(b, lt, end);
          readRowTag(this.grid, tag, ne - lt, tag.length);
        }
        return end;
      case 'mergeCell':
      case 'dimension': {
        const tag = utf8Text(b, lt, end);
        const ref = readAttributes(tag, ne - lt, tag.length - 1).ref;
        if (ref !== undefined) {
          if (name === 'mergeCell') this.grid.addMerge(ref);
          else this.grid.checkRange(ref);
        }
        return end;
      }
      default:
        return end;
    }
  }

  /** The attributes of a `<row>` start tag in b[from, to): r and hidden. */
  private row(b: Uint8Array, from: number, to: number): void {
    let r = -1;
    let hidden = false;
    let p = from;
    while (p < to) {
      let ch = b[p];
      while (p < to && (ch === 32 || ch === 9 || ch === 10 || ch === 13)) ch = b[++p];
      if (p >= to) break;
      const nameStart = p;
      while (p < to && b[p] !== 61) p++;
      let nameEnd = p;
      while (nameEnd > nameStart && (b[nameEnd - 1] === 32 || b[nameEnd - 1] === 9 || b[nameEnd - 1] === 10 || b[nameEnd - 1] === 13)) nameEnd--;
      p++;
      while (p < to && b[p] !== 34 && b[p] !== 39) p++;
      if (p >= to) break;
      const quote = b[p];
      const v0 = ++p;
      while (p < to && b[p] !== quote) p++;
      const v1 = p++;
      const nameLength = nameEnd - nameStart;
      if (nameLength === 1 && b[nameStart] === 114 /* r */) {
        let value = 0;
        let i = v0;
        while (i < v1 && b[i] >= 48 && b[i] <= 57) value = value * 10 + (b[i++] - 48);
        r = i === v1 && v1 > v0 ? value : -1;
      } else if (nameLength === 6 && asciiText(b, nameStart, nameEnd) === 'hidden') {
        const value = asciiText(b, v0, v1).trim();
        hidden = value === '1' || value === 'true';
      }
    }
    this.grid.startRow(r, hidden);
  }

  /**
   * A `<c>` element at lt. Returns the index after it, or -1 when the bytes
   * end first. Nothing is stored before the whole element is known to be
   * there, so an incomplete cell is simply read again with the next piece.
   *
   * `next` reads one byte further, -1 past the end.
   */
  private cell(b: Uint8Array, lt: number): number {
    const n = b.length;
    let p = lt + 2;
    let ch = b[p];
    let refRow = -1;
    let refCol = -1;
    let style = 0;
    let type = T_NUMBER;
    for (;;) {
      while (ch === 32 || ch === 9 || ch === 10 || ch === 13) ch = ++p < n ? b[p] : -1;
      if (ch === 62 /* > */) break;
      if (ch === 47 /* / */) {
        if (p + 1 >= n) return -1;
        if (b[p + 1] !== 62) return this.slowCell(b, lt);
        // <c .../>: a styled empty cell; it only moves the cursor.
        this.grid.place(refRow, refCol);
        return p + 2;
      }
      if (ch < 0) return -1;
      // The name: a single letter (r, s, t) is all that matters.
      const first = ch;
      let nameLength = 1;
      ch = ++p < n ? b[p] : -1;
      while (ch !== 61 /* = */) {
        if (ch < 0) return -1;
        if (ch !== 32 && ch !== 9 && ch !== 10 && ch !== 13) nameLength++;
        ch = ++p < n ? b[p] : -1;
      }
      ch = ++p < n ? b[p] : -1;
      while (ch !== 34 && ch !== 39) {
        if (ch < 0) return -1;
        ch = ++p < n ? b[p] : -1;
      }
      const quote = ch;
      const v0 = ++p;
      ch = p < n ? b[p] : -1;
      if (nameLength === 1) {
        if (first === 114 /* r */) {
          let col = 0;
          for (;;) {
            if (ch >= 65 && ch <= 90) col = col * 26 + (ch - 64);
            else if (ch >= 97 && ch <= 122) col = col * 26 + (ch - 96);
            else break;
            ch = ++p < n ? b[p] : -1;
          }
          const lettersEnd = p;
          let row = 0;
          while (ch >= 48 && ch <= 57) {
            row = row * 10 + (ch - 48);
            ch = ++p < n ? b[p] : -1;
          }
          // Not a reference (empty or odd): the cell follows the previous one.
          if (ch === quote && lettersEnd > v0 && p > lettersEnd && row >= 1) {
            if (col > MAX_COLUMNS || row > MAX_ROWS) throw this.grid.beyondLimits(`cel ${asciiText(b, v0, p)}`);
            refRow = row - 1;
            refCol = col - 1;
          }
        } else if (first === 115 /* s */) {
          let value = 0;
          while (ch >= 48 && ch <= 57) {
            value = value * 10 + (ch - 48);
            ch = ++p < n ? b[p] : -1;
          }
          style = ch === quote ? value : 0;
        } else if (first === 116 /* t */) {
          const a = ch;
          while (ch !== quote) {
            if (ch < 0) return -1;
            ch = ++p < n ? b[p] : -1;
          }
          type = cellType(a, p - v0, b, v0);
        }
      }
      while (ch !== quote) {
        if (ch < 0) return -1;
        ch = ++p < n ? b[p] : -1;
      }
      ch = ++p < n ? b[p] : -1;
    }

    // Content: the fast path wants exactly <v>text</v></c>.
    p++;
    if (p + 2 >= n) return -1;
    if (b[p] !== 60 || b[p + 1] !== 118 || b[p + 2] !== 62) return this.slowCell(b, lt);
    const v0 = p + 3;
    let v1 = v0;
    ch = v1 < n ? b[v1] : -1;
    if (type === T_SHARED) {
      let index = 0;
      while (ch >= 48 && ch <= 57) {
        index = index * 10 + (ch - 48);
        ch = ++v1 < n ? b[v1] : -1;
      }
      if (ch === 60 && v1 > v0) {
        const end = cellEnd(b, v1);
        if (end === -1) return -1;
        if (end >= 0) {
          this.grid.place(refRow, refCol);
          this.grid.storeShared(index);
          return end;
        }
      }
      return this.slowCell(b, lt);
    }
    if (type === T_BOOL && (ch === 48 || ch === 49) && v1 + 1 < n && b[v1 + 1] === 60) {
      const end = cellEnd(b, v1 + 1);
      if (end === -1) return -1;
      if (end >= 0) {
        this.grid.place(refRow, refCol);
        this.grid.put(ch === 49);
        return end;
      }
      return this.slowCell(b, lt);
    }
    let flags = 0;
    if (type === T_NUMBER) {
      // Plain decimals up to 15 digits as integer / 10^k: both exact
      // doubles, one rounding, so the same as Number(text).
      let negative = false;
      if (ch === 45 /* - */) {
        negative = true;
        ch = ++v1 < n ? b[v1] : -1;
      }
      let mantissa = 0;
      let digits = 0;
      let fraction = 0;
      while (ch >= 48 && ch <= 57) {
        mantissa = mantissa * 10 + (ch - 48);
        digits++;
        ch = ++v1 < n ? b[v1] : -1;
      }
      if (ch === 46 /* . */) {
        ch = ++v1 < n ? b[v1] : -1;
        while (ch >= 48 && ch <= 57) {
          mantissa = mantissa * 10 + (ch - 48);
          digits++;
          fraction++;
          ch = ++v1 < n ? b[v1] : -1;
        }
      }
      if (ch === 60 && digits > 0 && digits <= 15) {
        const end = cellEnd(b, v1);
        if (end === -1) return -1;
        if (end >= 0) {
          const value = fraction === 0 ? mantissa : mantissa / POW10[fraction];
          this.grid.place(refRow, refCol);
          this.grid.storeNumber(negative ? -value : value, style);
          return end;
        }
        return this.slowCell(b, lt);
      }
      // More digits, an exponent, …: through Number() below.
    }
    // Value text: find its end, noting non-ASCII bytes (1) and characters
    // that need decoding (2: & _ CR).
    let hash = 0;
    while (ch !== 60) {
      if (ch < 0) return -1;
      if (ch >= 128) flags |= 1;
      else if (ch === 38 || ch === 95 || ch === 13) flags |= 2;
      hash = (Math.imul(hash, 31) + ch) | 0;
      ch = ++v1 < n ? b[v1] : -1;
    }
    const end = cellEnd(b, v1);
    if (end === -1) return -1;
    if (end === -2) return this.slowCell(b, lt);
    let text: string;
    if (flags === 0 && v1 - v0 <= INTERN_MAX_LENGTH) {
      text = this.interned(b, v0, v1, hash);
    } else {
      text = this.textAt(b, v0, v1, (flags & 1) !== 0);
      if (flags & 2) text = decodeText(text);
    }
    this.grid.place(refRow, refCol);
    if (type === T_NUMBER) {
      const value = text.trim() === '' ? NaN : Number(text);
      if (value === value) {
        this.grid.storeNumber(value, style);
        return end;
      }
    }
    this.grid.storeText(text, type, style);
    return end;
  }

  /** A cell the fast path does not read: the whole element decoded and read as text. */
  private slowCell(b: Uint8Array, lt: number): number {
    const te = tagEndByte(b, lt + 2);
    if (te < 0) return -1;
    let end = te;
    if (b[te - 2] !== 47) {
      const close = indexOfAscii(b, '</c>', te);
      if (close < 0) return -1;
      end = close + 4;
    }
    readCellElement(this.grid, utf8Text(b, lt, end));
    return end;
  }

  /**
   * The plain ASCII value text b[v0, v1) with the given hash: the same
   * string as last time when it was seen recently (sheets written without
   * shared strings repeat their codes and names a lot), else a new one.
   */
  private interned(b: Uint8Array, v0: number, v1: number, hash: number): string {
    const slot = (hash ^ (hash >>> 13)) & (INTERN_SLOTS - 1);
    const cached = this.internTexts[slot];
    const length = v1 - v0;
    if (this.internHashes[slot] === hash && cached.length === length) {
      let k = 0;
      while (k < length && cached.charCodeAt(k) === b[v0 + k]) k++;
      if (k === length) return cached;
    }
    const text = this.textAt(b, v0, v1, false);
    this.internHashes[slot] = hash;
    this.internTexts[slot] = text;
    return text;
  }

  /** The value text b[v0, v1), as a string of its own. */
  private textAt(b: Uint8Array, v0: number, v1: number, nonAscii: boolean): string {
    if (nonAscii) return utf8.decode(b.subarray(v0, v1));
    // Short values are sliced from the piece decoded as a whole once it
    // has had a few of them (slicing copies them, so the piece's text is
    // not kept alive); long ones are built on their own.
    if (v1 - v0 >= SLICE_COPIES_BELOW) return asciiText(b, v0, v1);
    if (this.textOf !== b) {
      if (this.countedIn !== b) {
        this.countedIn = b;
        this.shortTexts = 0;
      }
      if (++this.shortTexts < DECODE_PIECE_AFTER) return asciiText(b, v0, v1);
      this.text = utf8.decode(b);
      this.textOf = b;
      this.textIsAscii = this.text.length === b.length;
    }
    return this.textIsAscii ? this.text.slice(v0, v1) : asciiText(b, v0, v1);
  }
}

/**
 * After a `<v>` text ending at v1: the index after `</v></c>`, -1 when the
 * bytes end first, -2 when something else follows.
 */
function cellEnd(b: Uint8Array, v1: number): number {
  if (v1 + 8 > b.length) return -1;
  return b[v1 + 1] === 47 &&
    b[v1 + 2] === 118 &&
    b[v1 + 3] === 62 &&
    b[v1 + 4] === 60 &&
    b[v1 + 5] === 47 &&
    b[v1 + 6] === 99 &&
    b[v1 + 7] === 62
    ? v1 + 8
    : -2;
}

/** The cell type of a t attribute value of `length` bytes at b[v0] that starts with `first`. */
function cellType(first: number, length: number, b: Uint8Array, v0: number): number {
  if (length === 1) {
    if (first === 115 /* s */) return T_SHARED;
    if (first === 98 /* b */) return T_BOOL;
    if (first === 101 /* e */) return T_ERROR;
    if (first === 100 /* d */) return T_DATE;
    if (first === 110 /* n */) return T_NUMBER;
    return T_STR;
  }
  if (length === 0) return T_NUMBER;
  if (length === 9 && first === 105 && asciiText(b, v0, v0 + 9) === 'inlineStr') return T_INLINE;
  return T_STR;
}
