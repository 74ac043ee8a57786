/**
 * The Dutch citizen service number (BSN): nine digits passing the 11-test
 * (9·d1 + 8·d2 + … + 2·d8 − d9 divisible by 11). Stored as a number, a
 * leading zero is lost, so eight digits are tried with a zero in front.
 */

export function passesElevenTest(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/** A value of the client id column that is a BSN: the BSN, else null. */
export function bsnInIdentifier(value: string | number): string | null {
  const text = typeof value === 'number' ? (Number.isInteger(value) && value >= 0 ? String(value) : '') : value.trim();
  const digits = /^[\d .]+$/.test(text) ? text.replace(/[ .]/g, '') : '';
  if (digits.length === 9 && passesElevenTest(digits)) return digits;
  if (digits.length === 8 && passesElevenTest('0' + digits)) return '0' + digits;
  return null;
}

const TOKEN = /(?<![\d.])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\d.]\d|\d)/g;

/** BSNs written as a token in free text ("BSN 123456782", "1234.56.782"). */
export function bsnsInText(text: string): string[] {
  let digits = 0;
  for (let i = 0; i < text.length && digits < 9; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits < 9) return [];
  const found: string[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const bare = match[1].replace(/[ .]/g, '');
    if (passesElevenTest(bare)) found.push(match[1]);
  }
  return found;
}
