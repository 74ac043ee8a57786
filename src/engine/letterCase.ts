/**
 * Letter case of suggestions: a suggestion takes over the case of the text it
 * replaces, so a fix does not break a sentence start or a heading in capitals.
 */

/** Removes diacritics but keeps capitals ("Reïntegratie" → "Reintegratie"). */
export function stripMarks(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

function isLetter(ch: string): boolean {
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
  const letters = [...original].filter(isLetter);
  if (letters.length === 0) return suggestion;
  if (letters.length >= 2 && letters.every(isUpper)) return suggestion.toUpperCase();
  if (isUpper(letters[0])) {
    const first = [...suggestion].findIndex(isLetter);
    if (first < 0) return suggestion;
    const chars = [...suggestion];
    chars[first] = chars[first].toUpperCase();
    return chars.join('');
  }
  return suggestion;
}
