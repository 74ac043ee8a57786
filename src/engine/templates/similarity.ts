/**
 * How alike two header texts are, for proposing a mapping when a vendor's
 * header is neither a standard header nor a known variant: the Dice
 * coefficient of the letter pairs of the folded texts, and a near-certain
 * match when one starts with the other ("Datum plaatsing werk" and "Datum
 * plaatsing"), but not when a word in front of it changes its meaning
 * ("Reden uitstroom" and "Uitstroom"). Only a proposal: the user confirms
 * every one.
 */

function pairs(key: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < key.length; i++) {
    const pair = key.slice(i, i + 2);
    out.set(pair, (out.get(pair) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of letter pairs, 0..1. */
export function pairSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const pa = pairs(a);
  const pb = pairs(b);
  let common = 0;
  for (const [pair, n] of pa) common += Math.min(n, pb.get(pair) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/** The shortest key that may match as the start of a longer one. */
const MIN_PREFIX = 6;
const PREFIX_SCORE = 0.85;

/** A word in front changes what a header means ("Reden uitstroom" is no "Uitstroom"): at most this. */
const QUALIFIED_SCORE = 0.6;

/** Similarity of two header keys (headerKey), 0..1. */
export function headerSimilarity(a: string, b: string): number {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= MIN_PREFIX && long.startsWith(short)) return Math.max(PREFIX_SCORE, pairSimilarity(a, b));
  const score = pairSimilarity(a, b);
  return short !== long && long.endsWith(short) ? Math.min(score, QUALIFIED_SCORE) : score;
}

/** Below this a header is not proposed at all. */
export const HEADER_THRESHOLD = 0.7;
