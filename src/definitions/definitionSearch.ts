/**
 * Searching the effective definition set, for the pane's Definities section
 * and `reintegratie definities <zoekterm>`:
 * by the standard term, its forms, the non-conforming words people write
 * instead, and the labels of its values, folded as the term engine folds
 * (case and diacritics do not matter); optionally within one category.
 */
import { normaliseForm } from './normaliseForm';
import type { EffectiveDefinitions, EffectiveTerm } from './profile';
import type { Category } from './schema';

export type MatchKind = 'term' | 'vorm' | 'niet-conform' | 'waarde' | 'definitie';

export interface TermHit {
  readonly term: EffectiveTerm;
  /** What matched: the standard term, a form, a non-conforming word, a value label or the definition text. */
  readonly via: MatchKind;
  /** The matched word as the data writes it (for "gevonden via"). */
  readonly text: string;
}

/** Rank of a match: exact before prefix before anywhere; the term before its forms, before words, before the definition. */
function score(key: string, query: string, kind: MatchKind): number | null {
  const at = key.indexOf(query);
  if (at < 0) return null;
  const place = key === query ? 0 : at === 0 ? 1 : 2;
  const kindRank = { term: 0, vorm: 1, 'niet-conform': 2, waarde: 3, definitie: 4 }[kind];
  return place * 10 + kindRank;
}

function candidates(term: EffectiveTerm): { kind: MatchKind; text: string }[] {
  const out: { kind: MatchKind; text: string }[] = [{ kind: 'term', text: term.term }];
  for (const form of term.forms) out.push({ kind: 'vorm', text: form });
  for (const nc of term.nonConforming) {
    out.push({ kind: 'niet-conform', text: nc.text });
    for (const form of Object.keys(nc.forms ?? {})) out.push({ kind: 'niet-conform', text: form });
  }
  for (const value of term.values ?? []) out.push({ kind: 'waarde', text: value.label });
  return out;
}

/**
 * Terms matching `query` in `category` (null: all). An empty query lists
 * every term of the category in the data's order; otherwise the best match
 * of each term decides its place. The definition text is searched last.
 */
export function searchTerms(defs: EffectiveDefinitions, query: string, category: Category | null): TermHit[] {
  const inCategory = defs.terms.filter((t) => category === null || t.category === category);
  const q = normaliseForm(query);
  if (q === '') return inCategory.map((term) => ({ term, via: 'term', text: term.term }));
  const hits: { hit: TermHit; rank: number; order: number }[] = [];
  inCategory.forEach((term, order) => {
    let best: { rank: number; kind: MatchKind; text: string } | null = null;
    for (const c of candidates(term)) {
      const rank = score(normaliseForm(c.text), q, c.kind);
      if (rank !== null && (best === null || rank < best.rank)) best = { rank, kind: c.kind, text: c.text };
    }
    if (best === null && q.length >= 3 && normaliseForm(term.definition).includes(q)) {
      best = { rank: 100, kind: 'definitie', text: term.definition };
    }
    if (best !== null) hits.push({ hit: { term, via: best.kind, text: best.text }, rank: best.rank, order });
  });
  return hits.sort((a, b) => a.rank - b.rank || a.order - b.order).map((h) => h.hit);
}
