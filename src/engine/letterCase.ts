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
  if (text.length < 2 || text.length > 5) return false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) continue;
    if (c < 128) return false;
    return /^\p{Lu}{2,5}$/u.test(text);
  }
  return true;
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
  for (let i = 0; i < original.length; i++) {
    const c = original.charCodeAt(i);
    // ASCII without building strings; other characters through the general test.
    let letter: boolean;
    let upper: boolean;
    if (c < 128) {
      upper = c >= 65 && c <= 90;
      letter = upper || (c >= 97 && c <= 122);
    } else {
      const ch = original.charAt(i);
      letter = isLetter(ch);
      upper = letter && isUpper(ch);
    }
    if (!letter) continue;
    if (count === 0) first = original.charAt(i);
    count++;
    if (!upper) allUpper = false;
    // Once the first letter is small and a small letter is seen, nothing more can change the outcome.
    if (!allUpper && count > 1 && !isUpper(first)) break;
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
