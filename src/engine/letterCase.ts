/**
 * Letter case of suggestions: a suggestion takes over the case of the text it
 * replaces, so a fix does not break a sentence start or a heading in capitals.
 */

/** Removes diacritics but keeps capitals ("Reïntegratie" → "Reintegratie"). */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function isUpper(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return ch.toLowerCase() !== ch.toUpperCase();
}

/**
 * An abbreviation (two to five capitals, one word: BSN, NCNP). Its capitals
 * say nothing about the case of the words it stands for.
 */
export function isAbbreviation(text: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(text);
}

/**
 * `suggestion` in the case of `original`: all capitals when the original is
 * written in capitals (at least two letters), a capital first letter when the
 * original starts with one, else the suggestion as it is. The suggestion's
 * own capitals (abbreviations such as WWB) are never lowered.
 */
export function keepCase(original: string, suggestion: string): string {
  let first = '';
  let count = 0;
  let allUpper = true;
  for (const ch of original) {
    if (!isLetter(ch)) continue;
    if (count === 0) first = ch;
    count++;
    if (!isUpper(ch)) allUpper = false;
  }
  if (count === 0) return suggestion;
  if (count >= 2 && allUpper) return suggestion.toUpperCase();
  if (isUpper(first)) {
    const first = [...suggestion].findIndex(isLetter);
    if (first < 0) return suggestion;
    const chars = [...suggestion];
    chars[first] = chars[first].toUpperCase();
    return chars.join('');
  }
  return suggestion;
}
