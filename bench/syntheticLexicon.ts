/**
 * Synthetic lexicon entries for the scaling benchmark: Dutch-looking words
 * made of random syllables ("verstondingsbraal"), with the same length
 * distribution, the same share of conforming / non-conforming entries, of
 * compound-capable entries and of multi-word entries as the real lexicon.
 *
 * A synthetic key that occurs anywhere in the corpus is rejected, so the
 * inflated lexicon finds exactly what the real one finds and the timing
 * difference is the cost of the larger automaton alone.
 */
import type { LexiconEntry } from '../src/engine/termMatcher';
import { Random } from './corpus';

const ONSETS = [
  'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'w', 'z', 'st', 'sp', 'tr', 'kl',
  'gr', 'br', 'sch', 'pl', 'vr', 'dr', 'kr', 'sl', 'sm', 'zw', 'bl', 'fl', 'gl', 'pr', 'j', 'ch',
];
const NUCLEI = ['a', 'e', 'i', 'o', 'u', 'aa', 'ee', 'oo', 'uu', 'ie', 'oe', 'ei', 'ij', 'ui', 'ou', 'eu', 'au'];
const CODAS = ['', '', '', 'n', 'r', 'l', 's', 't', 'k', 'm', 'ng', 'nd', 'rt', 'ld', 'cht', 'rk', 'st', 'ns', 'rm'];
const SUFFIXES = ['ing', 'heid', 'schap', 'er', 'en', 'aar', 'atie', 'sel', 'tje', 'ij', ''];

function word(r: Random, length: number): string {
  let out = '';
  while (out.length < length - 2) out += r.pick(ONSETS) + r.pick(NUCLEI) + r.pick(CODAS);
  out += r.pick(SUFFIXES);
  return out;
}

export interface SyntheticOptions {
  /** How many entries to make. */
  readonly count: number;
  readonly seed: number;
  /** True when `key` must not be used (it occurs in the corpus, or exists). */
  readonly reject: (key: string) => boolean;
}

export interface SyntheticResult {
  readonly entries: LexiconEntry[];
  /** Candidates thrown away because they occur in the corpus or already exist. */
  readonly rejected: number;
}

/** `count` synthetic entries shaped like the term entries (not the units) of `real`. */
export function syntheticEntries(real: readonly LexiconEntry[], options: SyntheticOptions): SyntheticResult {
  const r = new Random(options.seed);
  const terms = real.filter((e) => e.kind !== 'unit');
  const model = terms.length > 0 ? terms : real; // with no terms at all, mimic the unit words
  const nonconform = terms.filter((e) => e.kind === 'nonconform');
  const ncShare = terms.length > 0 ? nonconform.length / terms.length : 0.5;
  const compoundShare = nonconform.length > 0 ? nonconform.filter((e) => e.compound).length / nonconform.length : 0.3;
  const lengths = model.map((e) => e.key.length);
  const multiWord = model.filter((e) => e.key.includes(' ')).length / Math.max(1, model.length);

  const seen = new Set(real.map((e) => e.key));
  const entries: LexiconEntry[] = [];
  let rejected = 0;
  const make = (length: number): string => {
    if (length >= 9 && r.chance(multiWord)) {
      const first = r.int(3, length - 4);
      return `${word(r, first)} ${word(r, length - first - 1)}`;
    }
    return word(r, length);
  };
  while (entries.length < options.count) {
    const length = Math.max(4, r.pick(lengths) + r.int(-2, 2));
    const key = make(length);
    if (seen.has(key) || options.reject(key)) {
      rejected++;
      continue;
    }
    seen.add(key);
    const id = `synthetisch-${entries.length + 1}`;
    if (r.chance(ncShare)) {
      entries.push({
        key,
        kind: 'nonconform',
        termId: id,
        compound: r.chance(compoundShare),
        suggestions: [make(length)],
        reason: 'Synthetische term voor de benchmark.',
      });
    } else {
      entries.push({ key, kind: 'conform', termId: id, compound: true, suggestions: [], reason: '' });
    }
  }
  return { entries, rejected };
}
