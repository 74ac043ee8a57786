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

export interface FoldedText {
  /** The original text. */
  readonly source: string;
  /** The folded text. */
  readonly text: string;
  /** For each folded character, the offset of the original code unit it came from. */
  readonly origin: Int32Array;
  /** For each folded character, the original offset just after it. */
  readonly originEnd: Int32Array;
  /** Folded offsets where a line-break hyphen was removed (ascending). */
  readonly joints: readonly number[];
  /** Folded offsets of paragraph breaks (ascending). */
  readonly paragraphBreaks: readonly number[];
}

const NEWLINE = 10;
const CR = 13;
const TAB = 9;
const HYPHEN_FOLDED = '-';

function isFoldedLetter(ch: string): boolean {
  return ch.length > 0 && ch !== SPACE && ch.toUpperCase() !== ch.toLowerCase();
}

/**
 * Looks for a line-break hyphen at `i` (the original offset of a hyphen):
 * optional spaces or tabs, one line break, optional spaces or tabs, then a
 * lower-case letter. Returns the offset of that letter, or -1.
 */
function lineBreakAfterHyphen(source: string, i: number): number {
  let j = i + 1;
  while (j < source.length && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === TAB)) j++;
  if (source.charCodeAt(j) === CR) j++;
  if (source.charCodeAt(j) !== NEWLINE) return -1;
  j++;
  while (j < source.length && (source.charCodeAt(j) === 32 || source.charCodeAt(j) === TAB)) j++;
  if (j >= source.length) return -1;
  const next = source[j];
  if (next.toLowerCase() !== next || next.toUpperCase() === next) return -1;
  return j;
}

export function foldText(source: string): FoldedText {
  const n = source.length;
  let capacity = n + 16;
  let codes = new Uint16Array(capacity);
  let origin = new Int32Array(capacity);
  let originEnd = new Int32Array(capacity);
  let length = 0;
  let lastFolded = '';
  let pendingSpace = -1;
  let newlinesInRun = 0;
  const joints: number[] = [];
  const paragraphBreaks: number[] = [];

  const grow = (): void => {
    capacity *= 2;
    const c = new Uint16Array(capacity);
    c.set(codes);
    codes = c;
    const o = new Int32Array(capacity);
    o.set(origin);
    origin = o;
    const e = new Int32Array(capacity);
    e.set(originEnd);
    originEnd = e;
  };

  const emit = (chars: string, from: number): void => {
    for (let k = 0; k < chars.length; k++) {
      if (length === capacity) grow();
      codes[length] = chars.charCodeAt(k);
      origin[length] = from;
      originEnd[length] = from + 1;
      length++;
    }
    lastFolded = chars;
  };

  const flushSpace = (): void => {
    if (newlinesInRun >= 2 && length > 0) paragraphBreaks.push(length);
    if (length > 0) emit(SPACE, pendingSpace);
    pendingSpace = -1;
    newlinesInRun = 0;
  };

  for (let i = 0; i < n; i++) {
    const code = source.charCodeAt(i);
    const folded = foldCodeUnit(code);
    if (folded === SPACE) {
      if (pendingSpace < 0) pendingSpace = i;
      if (code === NEWLINE) newlinesInRun++;
      continue;
    }
    if (folded === '') {
      // Invisible characters and combining marks belong to the character before.
      if (pendingSpace < 0 && length > 0) originEnd[length - 1] = i + 1;
      continue;
    }
    if (folded === HYPHEN_FOLDED && pendingSpace < 0 && isFoldedLetter(lastFolded)) {
      const next = lineBreakAfterHyphen(source, i);
      if (next >= 0) {
        joints.push(length);
        i = next - 1;
        continue;
      }
    }
    if (pendingSpace >= 0) flushSpace();
    emit(folded, i);
  }
  if (newlinesInRun >= 2) paragraphBreaks.push(length);
  return {
    source,
    text: decodeUtf16(codes.subarray(0, length)),
    origin: origin.subarray(0, length),
    originEnd: originEnd.subarray(0, length),
    joints,
    paragraphBreaks,
  };
}

const CHUNK = 8192;

function decodeUtf16(codes: Uint16Array): string {
  if (codes.length <= CHUNK) return String.fromCharCode.apply(null, codes as unknown as number[]);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += CHUNK) {
    parts.push(String.fromCharCode.apply(null, codes.subarray(i, i + CHUNK) as unknown as number[]));
  }
  return parts.join('');
}

/** The original [start, end) of a folded range [start, end). */
export function originalRange(folded: FoldedText, start: number, end: number): [number, number] {
  return [folded.origin[start], folded.originEnd[end - 1]];
}
