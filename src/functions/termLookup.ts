/**
 * REINT.DEFINITIE and REINT.STANDAARDTERM: a term looked up by its id, its
 * standard spelling or a conforming form, and the standard term for a
 * conforming or non-conforming word. The forms are the term engine's
 * lexicon (one source for what counts as a form of a term).
 */
import { normaliseForm } from '../definitions/normaliseForm';
import type { EffectiveDefinitions, EffectiveTerm } from '../definitions/profile';
import { formatParameter } from '../definitions/publication';
import { keepCase, stripMarks } from '../engine/letterCase';
import { buildLexicon } from '../engine/termMatcher';
import { notAvailable } from './functionErrors';

interface NonConformingWord {
  readonly suggestions: readonly string[];
  /** Only this capitalisation is non-conforming (diacritics stripped, spaces collapsed). */
  readonly exact?: string;
}

export interface TermIndex {
  readonly conforming: ReadonlyMap<string, EffectiveTerm>;
  /** Listed values of terms by their label ("3 Arbeidsactivering", "Arbeidsactivering"): their own definition. */
  readonly values: ReadonlyMap<string, string>;
  readonly nonConforming: ReadonlyMap<string, readonly NonConformingWord[]>;
}

const indexes = new WeakMap<EffectiveDefinitions, TermIndex>();

/** The forms of every term of the effective definitions (built once per set of definitions). */
export function termIndex(defs: EffectiveDefinitions): TermIndex {
  let index = indexes.get(defs);
  if (index !== undefined) return index;
  const conforming = new Map<string, EffectiveTerm>();
  const nonConforming = new Map<string, NonConformingWord[]>();
  for (const entry of buildLexicon(defs)) {
    const term = entry.termId === null ? undefined : defs.byId.get(entry.termId);
    if (term === undefined) continue;
    if (entry.kind === 'conform') {
      if (!conforming.has(entry.key)) conforming.set(entry.key, term);
    } else if (entry.kind === 'nonconform') {
      const list = nonConforming.get(entry.key) ?? [];
      list.push({ suggestions: entry.suggestions, exact: entry.exact });
      nonConforming.set(entry.key, list);
    }
  }
  const values = new Map<string, string>();
  for (const term of defs.terms) {
    for (const value of term.values ?? []) {
      values.set(normaliseForm(value.label), value.definition);
      const bare = /^\d+\s+(.+)$/.exec(value.label);
      if (bare !== null && !values.has(normaliseForm(bare[1]))) values.set(normaliseForm(bare[1]), value.definition);
    }
  }
  index = { conforming, values, nonConforming };
  indexes.set(defs, index);
  return index;
}

const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();

function nonConformingWord(index: TermIndex, text: string): NonConformingWord | undefined {
  const words = index.nonConforming.get(normaliseForm(text));
  if (words === undefined) return undefined;
  const exact = collapse(stripMarks(text));
  return words.find((w) => w.exact === undefined || w.exact === exact);
}

function findTerm(defs: EffectiveDefinitions, index: TermIndex, text: string): EffectiveTerm | undefined {
  return defs.byId.get(text) ?? defs.byId.get(text.toLowerCase()) ?? index.conforming.get(normaliseForm(text));
}

const quoted = (words: readonly string[]): string => words.map((w) => `'${w}'`).join(' of ');

/** The definition as it holds in this workbook: the standard text, then what the profile changes or adds. */
export function effectiveDefinitionText(term: EffectiveTerm, defs: EffectiveDefinitions): string {
  const parts = [term.definition];
  const profile = defs.profile === null ? null : `Profiel ${defs.profile.naam}`;
  for (const p of term.parameters) if (p.deviation !== undefined) parts.push(`${profile}: ${formatParameter(p)}.`);
  for (const note of term.notes) parts.push(`${profile}: ${note.toelichting}`);
  return parts.join(' ');
}

/** REINT.DEFINITIE: the effective definition of a term. */
export function definitionOf(defs: EffectiveDefinitions, input: string): string {
  const text = input.trim();
  if (text === '') throw notAvailable('Geef een term op, bijvoorbeeld "duurzame plaatsing".');
  const index = termIndex(defs);
  const byId = defs.byId.get(text) ?? defs.byId.get(text.toLowerCase());
  if (byId !== undefined) return effectiveDefinitionText(byId, defs);
  const value = index.values.get(normaliseForm(text));
  if (value !== undefined) return value;
  const term = findTerm(defs, index, text);
  if (term !== undefined) return effectiveDefinitionText(term, defs);
  const word = nonConformingWord(index, text);
  if (word !== undefined) throw notAvailable(`'${text}' is geen standaardterm; gebruik ${quoted(word.suggestions)}.`);
  throw notAvailable(`'${text}' staat niet in de definitieset ${defs.version}.`);
}

/** REINT.STANDAARDTERM: the standard term for a word or phrase, in the case of the input. */
export function standardTermOf(defs: EffectiveDefinitions, input: string): string {
  const text = input.trim();
  if (text === '') throw notAvailable('Geef een woord of een woordgroep op.');
  const index = termIndex(defs);
  const word = nonConformingWord(index, text);
  if (word !== undefined) return word.suggestions.map((s) => keepCase(text, s)).join(' of ');
  const term = findTerm(defs, index, text);
  if (term !== undefined) return keepCase(text, term.term);
  throw notAvailable(`'${text}' staat niet in de definitieset ${defs.version}.`);
}
