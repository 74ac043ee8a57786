/**
 * Number phrases in folded text: a number (digits, Dutch number words,
 * "zes (6)", "een half") directly before a unit word ("maanden", "jaar"), or
 * an amount after a currency sign ("€ 250.000,-", "EUR 1,6 miljoen"), with
 * the qualifier that makes it a bound ("minimaal", "ten hoogste").
 */
import { NUMBER_WORDS, parseNumberToken } from './dutchNumbers';
import { foldedSlice, type FoldedText } from './foldedText';
import type { UnitWord } from './units';

export interface NumberStatement {
  /** Original offsets of the phrase, from the number to the unit word. */
  readonly start: number;
  readonly end: number;
  /** Folded offsets of the same phrase. */
  readonly foldedStart: number;
  readonly foldedEnd: number;
  readonly amount: number;
  readonly unit: UnitWord;
}

/** A bound stated in words just before a statement ("minimaal", "ten hoogste"), or null. */
export function qualifierOf(folded: FoldedText, statement: NumberStatement): 'min' | 'max' | null {
  const start = statement.foldedStart;
  const before = foldedSlice(folded, Math.max(0, start - 48), start);
  return MIN_QUALIFIER.test(before) ? 'min' : MAX_QUALIFIER.test(before) ? 'max' : null;
}

/** Words that may stand between the number and the unit: "zes volle maanden". */
const FILLERS = new Set(['volle', 'hele', 'aaneengesloten', 'achtereenvolgende', 'opeenvolgende']);

/** Words that state a lower or an upper bound before a number (folded). */
export const MIN_WORDS = ['minimaal', 'ten minste', 'tenminste', 'minstens', 'niet korter dan', 'minimum van', 'een minimum van'];
export const MAX_WORDS = ['maximaal', 'ten hoogste', 'hoogstens', 'niet langer dan', 'maximum van', 'een maximum van', 'niet meer dan'];
const qualifier = (words: readonly string[]) => new RegExp(`(?:^|[\\s(])(?:${words.join('|')})(?: [^\\s.!?;]+){0,2} ?$`);
const MIN_QUALIFIER = qualifier(MIN_WORDS);
const MAX_QUALIFIER = qualifier(MAX_WORDS);
const PARENTHESISED = /^\((\d{1,4}(?:[.,]\d{1,2})?)\)$/;

interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The token that ends just before `end` (one space between), or undefined. */
function tokenBefore(folded: FoldedText, end: number): Token | undefined {
  const codes = folded.codes;
  if (end < 2 || codes[end - 1] !== 32) return undefined;
  let start = end - 1;
  while (start > 0 && codes[start - 1] !== 32) start--;
  if (start === end - 1 || end - 1 - start > MAX_TOKEN) return undefined;
  return { start, end: end - 1, text: foldedSlice(folded, start, end - 1) };
}

/** Longer tokens are no numbers (the longest number word has 15 letters). */
const MAX_TOKEN = 24;

/** Words that multiply the amount before them ("€ 1,6 miljoen"). */
const MULTIPLIERS: Readonly<Record<string, number>> = { duizend: 1e3, miljoen: 1e6, miljard: 1e9 };

/** The token that starts just after `start` (one space between), or undefined. */
function tokenAfter(folded: FoldedText, start: number): Token | undefined {
  const codes = folded.codes;
  let s = start;
  if (codes[s] === 32) s++;
  let e = s;
  while (e < codes.length && codes[e] !== 32 && e - s <= MAX_TOKEN) e++;
  if (e === s || e - s > MAX_TOKEN) return undefined;
  return { start: s, end: e, text: foldedSlice(folded, s, e) };
}

/** An amount after a currency sign: "250.000", "250.000,-", "1,6 miljoen"; the end is the folded end of the phrase. */
function amountAfter(folded: FoldedText, start: number): { amount: number; end: number } | undefined {
  const token = tokenAfter(folded, start);
  if (token === undefined) return undefined;
  const trimmed = /^(.*?\d)(?:,-+|,00|-|[.,;:)]+)?$/.exec(token.text);
  if (trimmed === null) return undefined;
  const amount = parseNumberToken(trimmed[1]);
  if (amount === undefined) return undefined;
  let end = token.start + trimmed[1].length;
  let value = amount;
  const next = tokenAfter(folded, token.end);
  const word = next?.text.replace(/[.,;:)]+$/, '');
  if (next !== undefined && word !== undefined && word in MULTIPLIERS && token.end === end) {
    value *= MULTIPLIERS[word];
    end = next.start + word.length;
  }
  return { amount: value, end };
}

/**
 * Whether a token before a unit can give an amount below: it starts with a
 * digit or a bracket, or it is a number word or a multiplier. (The lookups
 * below use `in`, which also knows the names of Object.prototype; a token
 * such as "constructor" gives no amount that can contradict anything, but
 * it is let through all the same.)
 */
function mayStateNumber(text: string): boolean {
  const first = text.charCodeAt(0);
  return (first >= 48 && first <= 57) || first === 40 || NUMBER_WORDS.has(text) || text in MULTIPLIERS;
}

export interface UnitHit {
  readonly unit: UnitWord;
  /** The unit comes before its number (€, EUR). */
  readonly prefix: boolean;
}

export function findNumberStatements<H extends { start: number; end: number }>(
  folded: FoldedText,
  unitHits: readonly H[],
  unitOf: (hit: H) => UnitHit | undefined,
): NumberStatement[] {
  const out: NumberStatement[] = [];
  for (const hit of unitHits) {
    const found = unitOf(hit);
    if (found === undefined) continue;
    const { unit } = found;
    if (found.prefix) {
      const after = amountAfter(folded, hit.end);
      if (after === undefined) continue;
      out.push({
        start: folded.origin[hit.start],
        end: folded.originEnd(after.end - 1),
        foldedStart: hit.start,
        foldedEnd: after.end,
        amount: after.amount,
        unit,
      });
      continue;
    }
    let token = tokenBefore(folded, hit.start);
    if (token !== undefined && FILLERS.has(token.text)) token = tokenBefore(folded, token.start);
    if (token === undefined || !mayStateNumber(token.text)) continue;
    let amount: number | undefined;
    let start = token.start;
    const parenthesised = PARENTHESISED.exec(token.text);
    if (parenthesised) {
      amount = Number(parenthesised[1].replace(',', '.'));
      const word = tokenBefore(folded, token.start);
      if (word !== undefined && parseNumberToken(word.text) !== undefined) start = word.start;
    } else if (token.text in MULTIPLIERS) {
      const number = tokenBefore(folded, token.start);
      const base = number === undefined ? undefined : parseNumberToken(number.text);
      if (number === undefined || base === undefined) continue;
      amount = base * MULTIPLIERS[token.text];
      start = number.start;
    } else {
      amount = parseNumberToken(token.text);
      if (amount !== undefined && (token.text === 'half' || token.text === 'halve')) {
        const article = tokenBefore(folded, token.start);
        if (article !== undefined && article.text === 'een') start = article.start;
      }
    }
    if (amount === undefined) continue;
    out.push({
      start: folded.origin[start],
      end: folded.originEnd(hit.end - 1),
      foldedStart: start,
      foldedEnd: hit.end,
      amount,
      unit,
    });
  }
  return out;
}
