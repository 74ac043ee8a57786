/**
 * How text is folded before terms are compared: lower case, diacritics
 * removed (reïntegratie = reintegratie, cliënt = client), typographic
 * apostrophes and hyphens unified, invisible characters dropped, whitespace
 * runs turned into one space. The term engine folds running text with the
 * same per-character rule (foldCodeUnit) so that data and text meet.
 */

const HYPHENS = new Set([0x2010, 0x2011, 0x2012, 0x2212, 0xfe63, 0xff0d]);
const APOSTROPHES = new Set([0x2018, 0x2019, 0x201b, 0x0060, 0x00b4, 0x2032]);
const INVISIBLE = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);

const cache: (string | undefined)[] = new Array(0x10000);

export const SPACE = ' ';

/**
 * The folded form of one UTF-16 code unit: '' (drop it), ' ' for any
 * whitespace, otherwise usually one character.
 */
export function foldCodeUnit(code: number): string {
  const hit = cache[code];
  if (hit !== undefined) return hit;
  let out: string;
  if (INVISIBLE.has(code)) out = '';
  else if (HYPHENS.has(code)) out = '-';
  else if (APOSTROPHES.has(code)) out = "'";
  else if (code >= 0xd800 && code <= 0xdfff) out = String.fromCharCode(code);
  else {
    const ch = String.fromCharCode(code);
    if (/\s/.test(ch)) out = SPACE;
    else out = ch.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  }
  cache[code] = out;
  return out;
}

/** Folds a whole form (a term, a conforming or non-conforming word). */
export function normaliseForm(form: string): string {
  let out = '';
  for (let i = 0; i < form.length; i++) out += foldCodeUnit(form.charCodeAt(i));
  return out.replace(/ +/g, ' ').trim();
}
