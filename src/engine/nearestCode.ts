/** The nearest code to a misspelt value, when it is close enough to suggest. */

/** Levenshtein distance with a cut-off (returns max + 1 when further). */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/**
 * The candidate closest to `key`: at most 2 edits and at most a third of the
 * length, so "geplaatsd" suggests "geplaatst" but "ww" suggests nothing.
 */
export function nearest<T>(key: string, candidates: Iterable<[string, T]>): T | undefined {
  const max = Math.min(2, Math.floor(key.length / 3));
  if (max === 0) return undefined;
  let best: T | undefined;
  let bestDistance = max + 1;
  for (const [candidate, target] of candidates) {
    const d = editDistance(key, candidate, max);
    if (d < bestDistance) {
      best = target;
      bestDistance = d;
    }
  }
  return best;
}
