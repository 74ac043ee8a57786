/**
 * Dutch numbers as written in contracts: digits ("24", "1,5") and number
 * words ("zes", "twaalf", "vierentwintig", "tweeëntwintig", "anderhalf").
 * Input is folded text (lower case, no diacritics).
 */

const UNITS: Record<string, number> = {
  nul: 0,
  een: 1,
  twee: 2,
  drie: 3,
  vier: 4,
  vijf: 5,
  zes: 6,
  zeven: 7,
  acht: 8,
  negen: 9,
};

const TEENS: Record<string, number> = {
  tien: 10,
  elf: 11,
  twaalf: 12,
  dertien: 13,
  veertien: 14,
  vijftien: 15,
  zestien: 16,
  zeventien: 17,
  achttien: 18,
  negentien: 19,
};

const TENS: Record<string, number> = {
  twintig: 20,
  dertig: 30,
  veertig: 40,
  vijftig: 50,
  zestig: 60,
  zeventig: 70,
  tachtig: 80,
  negentig: 90,
};

const TENS_ENTRIES = Object.entries(TENS);

const FRACTIONS: Record<string, number> = {
  half: 0.5,
  anderhalf: 1.5,
  anderhalve: 1.5,
  halve: 0.5,
};

/** 0–99 in words, 100 as honderd; undefined when `word` is not a number word. */
export function parseNumberWord(word: string): number | undefined {
  if (word in UNITS) return UNITS[word];
  if (word in TEENS) return TEENS[word];
  if (word in TENS) return TENS[word];
  if (word in FRACTIONS) return FRACTIONS[word];
  if (word === 'honderd') return 100;
  // <unit>en<tens>: vierentwintig, tweeentwintig (folded from tweeëntwintig).
  for (const [tensWord, tens] of TENS_ENTRIES) {
    if (!word.endsWith(tensWord)) continue;
    const head = word.slice(0, word.length - tensWord.length);
    if (!head.endsWith('en')) continue;
    const unitWord = head.slice(0, -2);
    const unit = UNITS[unitWord];
    if (unit !== undefined && unit > 0) return tens + unit;
  }
  return undefined;
}

/** Every word parseNumberWord gives a number for (its tables and the <unit>en<tens> forms). */
export const NUMBER_WORDS: ReadonlySet<string> = new Set([
  ...Object.keys(UNITS),
  ...Object.keys(TEENS),
  ...Object.keys(TENS),
  ...Object.keys(FRACTIONS),
  'honderd',
  ...Object.entries(UNITS)
    .filter(([, unit]) => unit > 0)
    .flatMap(([unitWord]) => Object.keys(TENS).map((tensWord) => `${unitWord}en${tensWord}`)),
]);

const THOUSANDS = /^\d{1,3}(?:\.\d{3})+$/;
const DECIMAL = /^\d{1,6}(?:[.,]\d{1,2})?$/;

/**
 * A digit token ("6", "24", "1,5") or a number word; undefined otherwise.
 * A dot before three digits separates thousands ("1.500"), as in Dutch.
 */
export function parseNumberToken(token: string): number | undefined {
  if (THOUSANDS.test(token)) return Number(token.replace(/\./g, ''));
  if (DECIMAL.test(token)) return Number(token.replace(',', '.'));
  return parseNumberWord(token);
}
