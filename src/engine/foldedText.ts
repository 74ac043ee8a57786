/**
 * Running text folded for term matching (see definitions/normaliseForm.ts
 * for the per-character rule), with a map back to the original offsets.
 *
 * On top of the per-character folding:
 * - a run of whitespace becomes one space;
 * - a word broken at the end of a line with a hyphen ("reïntegratie-\nbedrijf")
 *   is joined ("reintegratiebedrijf"); the position is kept as a joint, so the
 *   matcher can also consider the reading with the hyphen ("re-\nintegratie"
 *   is the standard "re-integratie" broken at its own hyphen);
 * - paragraph breaks (a blank line) are kept as sentence boundaries.
 */
import { foldCodeUnit, SPACE } from '../definitions/normaliseForm';
import { isCasedCode } from './charClasses';

export interface FoldedText {
  /** The original text. */
  readonly source: string;
  /** The folded text (decoded on first use; the matcher itself works on `codes`). */
  readonly text: string;
  /** For each folded character, the offset of the original code unit it came from. */
  readonly origin: Int32Array;
  /**
   * For each folded character, the original offset just after it: up to the
   * next folded character, so invisible characters and combining marks that
   * follow it belong to it.
   */
  originEnd(index: number): number;
  /** The folded text as UTF-16 code units (valid as long as `text`'s buffers are). */
  readonly codes: Uint16Array;
  /** Folded offsets where a line-break hyphen was removed (ascending). */
  readonly joints: readonly number[];
  /** Folded offsets of paragraph breaks (ascending). */
  readonly paragraphBreaks: readonly number[];
  /** Folded offsets of the spaces (each stands for a run of white space), ascending: where the words are. */
  readonly spaces: Int32Array;
}

const NEWLINE = 10;
const CR = 13;
const TAB = 9;
const SPACE_CODE = 32;
const HYPHEN_CODE = 45;

/**
 * How each UTF-16 code unit folds, as a code: the folded character, DROP,
 * WHITE, or MULTI (folds to several characters: ask foldCodeUnit).
 */
const DROP = 0xffff;
const WHITE = 0xfffe;
const MULTI = 0xfffd;
const UNKNOWN = 0;
const table = new Uint16Array(0x10000);

function foldedCode(code: number): number {
  let folded = table[code];
  if (folded === UNKNOWN) {
    const s = foldCodeUnit(code);
    folded = s === '' ? DROP : s === SPACE ? WHITE : s.length === 1 ? s.charCodeAt(0) : MULTI;
    if (folded === UNKNOWN) folded = MULTI;
    table[code] = folded;
  }
  return folded;
}

/**
 * Looks for a line-break hyphen at `i` (the original offset of a hyphen):
 * optional spaces or tabs, one line break, optional spaces or tabs, then a
 * lower-case letter. Returns the offset of that letter, or -1.
 */
function lineBreakAfterHyphen(source: string, i: number): number {
  // Written so that every statement up to the line break runs at each hyphen: a statement that ran
  // only later (the first space after a hyphen) would make the compiled folding loop start over.
  let j = i;
  let c: number;
  do c = source.charCodeAt(++j);
  while (c === SPACE_CODE || c === TAB);
  j += c === CR ? 1 : 0;
  if (source.charCodeAt(j) !== NEWLINE) return -1;
  do c = source.charCodeAt(++j);
  while (c === SPACE_CODE || c === TAB);
  if (j >= source.length) return -1;
  const next = source[j];
  if (next.toLowerCase() !== next || next.toUpperCase() === next) return -1;
  return j;
}

/** Reusable buffers: a caller that folds many texts passes one to avoid allocating per text. */
export class FoldBuffers {
  codes = new Uint16Array(256);
  origin = new Int32Array(256);
  /** Room for the spaces: a run of white space between two other characters takes at least one of `capacity`. */
  spaces = new Int32Array(144);

  ensure(capacity: number): void {
    if (this.codes.length >= capacity) return;
    let size = this.codes.length;
    while (size < capacity) size *= 2;
    const codes = new Uint16Array(size);
    codes.set(this.codes);
    const origin = new Int32Array(size);
    origin.set(this.origin);
    this.codes = codes;
    this.origin = origin;
    this.spaces = new Int32Array((size >> 1) + 16);
  }
}

/**
 * Folds `source`. With `buffers`, the returned maps live in those buffers and
 * stay valid until the next call with the same buffers.
 */
export function foldText(source: string, buffers: FoldBuffers = new FoldBuffers(), range?: TextRange): FoldedText {
  const from = range?.from ?? 0;
  const to = range?.to ?? source.length;
  const n = to - from;
  // Characters that fold to several characters are rare: the first pass
  // assumes one folded character per code unit and gives up when it meets
  // one; the second pass has room for the longest expansion.
  buffers.ensure(n + 16);
  const folded = foldInto(source, from, to, buffers, false);
  if (folded !== undefined) return folded;
  buffers.ensure(MAX_EXPANSION * n + 16);
  return foldInto(source, from, to, buffers, true) as FoldedText;
}

/**
 * A part [from, to) of a text: folded on its own, with offsets into the
 * whole text. A part that starts and ends at paragraph breaks scans exactly
 * as it would inside the whole text.
 */
export interface TextRange {
  readonly from: number;
  readonly to: number;
}

/** The most folded characters one code unit can give (a canonical decomposition). */
export const MAX_EXPANSION = 4;

interface FoldState {
  length: number;
  pendingSpace: number;
  /** Where the folded part of the source ends. */
  end: number;
}

/** Where folding stands between two chunks. */
interface FoldProgress {
  /** The next original offset to fold. */
  at: number;
  length: number;
  /** Where the current run of whitespace started, or -1. */
  pendingSpace: number;
  newlinesInRun: number;
  /** Spaces written so far. */
  spaceCount: number;
  readonly joints: number[];
  readonly paragraphBreaks: number[];
  /** Original ends that are not the next character's start (see originEnd). */
  readonly ends: Map<number, number>;
}

/**
 * Code units folded per call of foldChunk. A long loop is compiled while it
 * runs, and the compiled code is dropped when a case turns up that it has
 * not seen yet (the first line-break hyphen, say); in chunks, the loop is an
 * ordinary function that is compiled again after a few calls, so such a case
 * costs at most one chunk in the interpreter. The first chunk is short, so
 * that the function has run to its end once before it is compiled (code
 * compiled in the middle of the loop would not know the statements after it
 * and be dropped at the end of every chunk).
 */
const CHUNK = 1 << 13;
const FIRST_CHUNK = 1 << 9;

/**
 * The folding loop. Without `multi`, it returns undefined at the first
 * character that folds to several characters; with it, the buffers must
 * already hold MAX_EXPANSION characters per code unit.
 */
function foldInto(source: string, from: number, n: number, buffers: FoldBuffers, multi: boolean): FoldedText | undefined {
  const progress: FoldProgress = {
    at: from,
    length: 0,
    pendingSpace: -1,
    newlinesInRun: 0,
    spaceCount: 0,
    joints: [],
    paragraphBreaks: [],
    ends: new Map(),
  };
  let chunk = FIRST_CHUNK;
  while (progress.at < n) {
    if (!foldChunk(source, Math.min(n, progress.at + chunk), buffers.codes, buffers.origin, buffers.spaces, progress, multi)) return undefined;
    chunk = CHUNK;
  }
  const { length, pendingSpace, joints, paragraphBreaks, ends } = progress;
  if (progress.newlinesInRun >= 2) paragraphBreaks.push(length);
  const spaces = buffers.spaces.subarray(0, progress.spaceCount);
  return result(source, buffers, { length, pendingSpace, end: n }, joints, paragraphBreaks, spaces, ends);
}

/**
 * Folds the source from `progress.at` up to `to` (or a little beyond, to
 * join a word broken at a line end); false at a character that folds to
 * several without `multi`.
 */
function foldChunk(
  source: string,
  to: number,
  codes: Uint16Array,
  origin: Int32Array,
  spaces: Int32Array,
  progress: FoldProgress,
  multi: boolean,
): boolean {
  let { length, pendingSpace, newlinesInRun, spaceCount } = progress;
  let i = progress.at;
  while (i < to) {
    const code = source.charCodeAt(i);
    let folded = table[code];
    if (folded === UNKNOWN) folded = foldedCode(code);
    if (folded === WHITE) {
      if (pendingSpace < 0) pendingSpace = i;
      if (code === NEWLINE) newlinesInRun++;
      i++;
      continue;
    }
    if (folded === DROP) {
      i++;
      continue;
    }
    if (folded === MULTI && !multi) return false;
    if (folded === HYPHEN_CODE && pendingSpace < 0 && length > 0) {
      const next = lineBreakHyphen(source, i, codes[length - 1]);
      if (next >= 0) {
        progress.joints.push(length);
        progress.ends.set(length - 1, i);
        i = next;
        continue;
      }
    }
    if (pendingSpace >= 0) {
      if (length > 0) {
        if (newlinesInRun >= 2) progress.paragraphBreaks.push(length);
        codes[length] = SPACE_CODE;
        origin[length] = pendingSpace;
        spaces[spaceCount++] = length;
        length++;
      }
      pendingSpace = -1;
      newlinesInRun = 0;
    }
    if (folded === MULTI) {
      length = foldSeveral(code, i, length, codes, origin, progress.ends);
    } else {
      codes[length] = folded;
      origin[length] = i;
      length++;
    }
    i++;
  }
  progress.at = i;
  progress.length = length;
  progress.pendingSpace = pendingSpace;
  progress.newlinesInRun = newlinesInRun;
  progress.spaceCount = spaceCount;
  return true;
}

/** For a hyphen at `i` after the folded character `before`: the offset where the word continues on the next line, or -1. */
function lineBreakHyphen(source: string, i: number, before: number): number {
  // A letter: upper and lower case differ (ASCII without a table lookup, which keeps the compiled loop
  // from meeting a first-time lookup, and being dropped, at the first hyphen after a new letter).
  return isCasedCode(before) ? lineBreakAfterHyphen(source, i) : -1;
}

/** Writes the folded characters of `code` (original offset `i`) at `length`; returns the new length. */
function foldSeveral(code: number, i: number, length: number, codes: Uint16Array, origin: Int32Array, ends: Map<number, number>): number {
  const chars = foldCodeUnit(code);
  for (let k = 0; k < chars.length; k++) {
    if (k < chars.length - 1) ends.set(length, i + 1);
    codes[length] = chars.charCodeAt(k);
    origin[length] = i;
    length++;
  }
  return length;
}

function result(
  source: string,
  buffers: FoldBuffers,
  state: FoldState,
  joints: number[],
  paragraphBreaks: number[],
  spaces: Int32Array,
  ends: Map<number, number>,
): FoldedText {
  const { length, pendingSpace, end } = state;
  const originView = buffers.origin.subarray(0, length);
  const codeView = buffers.codes.subarray(0, length);
  // The last character ends where trailing whitespace starts, or at the end.
  const lastEnd = pendingSpace >= 0 ? pendingSpace : end;
  const originEnd = (index: number): number => {
    if (codeView[index] === SPACE_CODE) return originView[index] + 1;
    if (ends.size > 0) {
      const special = ends.get(index);
      if (special !== undefined) return special;
    }
    return index + 1 < length ? originView[index + 1] : lastEnd;
  };
  let text: string | undefined;
  return {
    source,
    get text(): string {
      text ??= decodeUtf16(codeView, length);
      return text;
    },
    codes: codeView,
    origin: originView,
    originEnd,
    joints,
    paragraphBreaks,
    spaces,
  };
}

/** Code units per String.fromCharCode call. */
const DECODE_CHUNK = 8192;
/** Absent in Excel's JavaScript-only custom-functions runtime: then chunks of fromCharCode. */
const Decoder = (globalThis as { TextDecoder?: new (label: string) => { decode(bytes: Uint8Array): string } }).TextDecoder;
const utf16 = typeof Decoder === 'function' ? new Decoder('utf-16le') : undefined;

function decodeUtf16(codes: Uint16Array, length: number): string {
  if (length <= DECODE_CHUNK) return String.fromCharCode.apply(null, codes.subarray(0, length) as unknown as number[]);
  if (utf16 !== undefined) return utf16.decode(new Uint8Array(codes.buffer, codes.byteOffset, length * 2));
  const parts: string[] = [];
  for (let i = 0; i < length; i += DECODE_CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, Math.min(i + DECODE_CHUNK, length)) as unknown as number[]));
  }
  return parts.join('');
}

/** The folded text of [start, end) (a short piece, without decoding the whole text). */
export function foldedSlice(folded: FoldedText, start: number, end: number): string {
  const codes = folded.codes;
  if (end - start > 24) return String.fromCharCode.apply(null, codes.subarray(start, end) as unknown as number[]);
  let out = '';
  for (let i = start; i < end; i++) out += String.fromCharCode(codes[i]);
  return out;
}

/** The original [start, end) of a folded range [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  return [folded.origin[start], folded.originEnd(end - 1)];
}
