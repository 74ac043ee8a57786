/**
 * Classes of single UTF-16 code units, looked up in a table that is filled
 * on first use. The engine asks them for the characters around every hit; the
 * general tests (case conversion, a Unicode property) build strings, which a
 * scan of a large text notices.
 *
 * Each class is defined on the one-character string of the code unit, so a
 * lone surrogate is no letter here (a caller that must see code points
 * handles surrogates itself).
 */

const KNOWN = 1;
/** Upper and lower case differ ("a", "É", "ß"): the engine's usual notion of a letter. */
const CASED = 2;
/** Upper case: differs from its lower case and equals its upper case. */
const UPPER = 4;
/** Lower case: differs from its upper case and equals its lower case. */
const LOWER = 8;
/** A letter in Unicode's sense (\p{L}, also letters without case such as "ª"). */
const LETTER = 16;

const classes = new Uint8Array(0x10000);
const UNICODE_LETTER = /^\p{L}$/u;

function classOf(code: number): number {
  let known = classes[code];
  if (known === 0) {
    const ch = String.fromCharCode(code);
    const lower = ch.toLowerCase();
    const upper = ch.toUpperCase();
    known = KNOWN;
    if (lower !== upper) known |= CASED;
    if (ch !== lower && ch === upper) known |= UPPER;
    if (ch !== upper && ch === lower) known |= LOWER;
    if (UNICODE_LETTER.test(ch)) known |= LETTER;
    classes[code] = known;
  }
  return known;
}

/** Whether upper and lower case of the code unit differ (`ch.toLowerCase() !== ch.toUpperCase()`). */
export function isCasedCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return (classOf(code) & CASED) !== 0;
}

/** Whether the code unit is an upper-case letter (`ch !== ch.toLowerCase() && ch === ch.toUpperCase()`). */
export function isUpperCode(code: number): boolean {
  if (code < 128) return code >= 65 && code <= 90;
  return (classOf(code) & UPPER) !== 0;
}

/** Whether the code unit is a lower-case letter (`ch !== ch.toUpperCase() && ch === ch.toLowerCase()`). */
export function isLowerCode(code: number): boolean {
  if (code < 128) return code >= 97 && code <= 122;
  return (classOf(code) & LOWER) !== 0;
}

/** Whether the code unit is a letter in Unicode's sense (`/\p{L}/u`); false for a surrogate. */
export function isUnicodeLetterCode(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return (classOf(code) & LETTER) !== 0;
}

export function isSurrogateCode(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff;
}
