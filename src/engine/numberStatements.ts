/**
 * Number phrases in folded text: a number (digits, Dutch number words,
 * "zes (6)", "een half") directly before a unit word ("maanden", "jaar"),
 * with the qualifier that makes it a bound ("minimaal", "ten hoogste").
 */
import { parseNumberToken } from './dutchNumbers';
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

const MIN_QUALIFIER = /(?:^|[\s(])(?:minimaal|ten minste|tenminste|minstens|niet korter dan)(?: [^\s.!?;]+){0,2} ?$/;
const MAX_QUALIFIER = /(?:^|[\s(])(?:maximaal|ten hoogste|hoogstens|niet langer dan)(?: [^\s.!?;]+){0,2} ?$/;
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

export function findNumberStatements<H extends { start: number; end: number }>(
  folded: FoldedText,
  unitHits: readonly H[],
  unitOf: (hit: H) => UnitWord | undefined,
): NumberStatement[] {
  const out: NumberStatement[] = [];
  for (const hit of unitHits) {
    const unit = unitOf(hit);
    if (unit === undefined) continue;
    let token = tokenBefore(folded, hit.start);
    if (token !== undefined && FILLERS.has(token.text)) token = tokenBefore(folded, token.start);
    if (token === undefined) continue;
    let amount: number | undefined;
    let start = token.start;
    const parenthesised = PARENTHESISED.exec(token.text);
    if (parenthesised) {
      amount = Number(parenthesised[1].replace(',', '.'));
      const word = tokenBefore(folded, token.start);
      if (word !== undefined && parseNumberToken(word.text) !== undefined) start = word.start;
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
