/**
 * A term's definition as the templates show it: the definition of the set,
 * followed by what the contract profile changes (a parameter's value, a
 * note), so that a template never shows a standard that the profile
 * overrides without saying so.
 */
import type { EffectiveDefinitions, EffectiveParameter, EffectiveTerm } from '../../definitions/profile';

function shown(p: EffectiveParameter, value: number | boolean): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return `${String(value).replace('.', ',')}${p.unit !== undefined ? ` ${p.unit}` : ''}`;
}

/** The profile's changes to a term, one sentence each (empty without a profile or without changes). */
export function deviationSentences(term: EffectiveTerm, defs: EffectiveDefinitions): string[] {
  const name = defs.profile?.naam ?? null;
  if (name === null) return [];
  const out: string[] = [];
  for (const p of term.parameters) {
    if (p.deviation === undefined) continue;
    out.push(`Profiel ${name}: ${lowerFirst(p.label)}: ${shown(p, p.value)} (standaard ${shown(p, p.default)}).`);
  }
  for (const note of term.notes) out.push(`Profiel ${name}: ${note.toelichting}`);
  return out;
}

/** The definition with the profile's changes after it. */
export function definitionText(term: EffectiveTerm, defs: EffectiveDefinitions): string {
  return [term.definition, ...deviationSentences(term, defs)].join(' ');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** Shortens text to at most `max` characters at a word boundary, ending in an ellipsis when cut. */
export function shorten(text: string, max: number): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const room = clean.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.(–-]+$/, '')}…`;
}
