/**
 * Which terms of the definition set a text uses: the conforming forms of
 * the term engine's lexicon (the term, its inflections and compounds, the
 * labels of its values), folded the same way, found with the same kind of
 * automaton. A form counts where a word starts; a form inside a longer form
 * counts for the longer one only ("plaatsing" in "duurzame plaatsing" is a
 * mention of duurzame plaatsing). Used for the contract's annex of
 * definitions: exactly the terms the contract text uses.
 */
import type { EffectiveDefinitions } from '../../definitions/profile';
import { Automaton } from '../automaton';
import { foldText } from '../foldedText';
import { buildLexicon, type LexiconEntry } from '../termMatcher';

interface Hit {
  readonly term: string;
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}]/u;

function startsWord(text: string, start: number): boolean {
  if (start === 0) return true;
  const before = text[start - 1];
  if (WORD.test(before)) return false;
  // A hyphen or apostrophe between two word characters joins a word ("niet-uitkeringsgerechtigde").
  return !((before === '-' || before === "'") && start >= 2 && WORD.test(text[start - 2]));
}

export class TermMentions {
  private readonly entries: readonly LexiconEntry[];
  private readonly automaton: Automaton;

  constructor(defs: EffectiveDefinitions) {
    this.entries = buildLexicon(defs).filter((e) => e.kind === 'conform' && e.termId !== null);
    this.automaton = new Automaton(this.entries.map((e) => e.key));
  }

  /** The ids of the terms a text mentions, in order of first mention. */
  termsIn(text: string): string[] {
    if (text.trim() === '') return [];
    const folded = foldText(text).text;
    const hits: Hit[] = [];
    this.automaton.scan(folded, (pattern, start, end) => {
      if (startsWord(folded, start)) hits.push({ term: this.entries[pattern].termId as string, start, end });
    });
    const kept = hits.filter(
      (h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start),
    );
    kept.sort((a, b) => a.start - b.start);
    const out: string[] = [];
    for (const h of kept) if (!out.includes(h.term)) out.push(h.term);
    return out;
  }
}

const cache = new WeakMap<EffectiveDefinitions, TermMentions>();

export function termMentions(defs: EffectiveDefinitions): TermMentions {
  let mentions = cache.get(defs);
  if (mentions === undefined) {
    mentions = new TermMentions(defs);
    cache.set(defs, mentions);
  }
  return mentions;
}
