/** Dutch for people: dates in words, amounts, lists ("a, b en c"). */
import { dateFromSerial } from '../excelDate';

const MONTHS = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** "1 januari 2026". */
export function dateInWords(serial: number): string {
  const { day, month, year } = dateFromSerial(serial);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** "1.234.567,50" (no decimals for whole amounts). */
export function amount(value: number): string {
  const [whole, fraction] = value.toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return fraction === '00' ? grouped : `${grouped},${fraction}`;
}

/** "12,5" for a number in running text. */
export function numberText(value: number): string {
  return String(value).replace('.', ',');
}

/** "a", "a en b", "a, b en c" (or "of" as the last joiner). */
export function listWords(words: readonly string[], last = 'en'): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}
