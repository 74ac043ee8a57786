/**
 * `reintegratie definities [zoekterm...]`: prints the effective definition
 * set, or the terms a search finds (as the pane's Definities section finds
 * them: by term, form, non-conforming word, value label or definition text).
 */
import { searchTerms, type TermHit } from '../definitions/definitionSearch';
import { definitionSetJson, formatParameter, termsByCategory } from '../definitions/publication';
import type { EffectiveDefinitions, EffectiveTerm } from '../definitions/profile';
import { loadDefinitions, type CommonOptions, type Output } from './context';
import { shorten } from '../engine/templates/definitionText';

function wrap(text: string, width: number, indent: string): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line !== '' && indent.length + line.length + 1 + word.length > width) {
      lines.push(indent + line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(indent + line);
  return lines.join('\n');
}

type Style = (s: string) => string;

function termBlock(t: EffectiveTerm, bold: Style): string[] {
  const out = [`${bold(t.term)} (${t.id}) [${t.usage.join(', ')}]`, wrap(t.definition, 100, '  ')];
  for (const note of t.notes) out.push(wrap(`Profiel: ${note.toelichting} (${note.motivering})`, 100, '  '));
  for (const v of t.values ?? []) out.push(wrap(`• ${v.label}: ${v.definition}`, 100, '  '));
  for (const p of t.parameters) out.push(wrap(`Parameter ${p.id} — ${formatParameter(p)}`, 100, '  '));
  if (t.nonConforming.length > 0) {
    out.push(wrap(`Schrijf niet: ${t.nonConforming.map((nc) => nc.text).join(', ')}`, 100, '  '));
  }
  return out;
}

function heading(defs: EffectiveDefinitions, bold: Style): string {
  return (
    bold(`${defs.title} — versie ${defs.version}`) + (defs.profile ? `, profiel ${defs.profile.naam} (${defs.profile.gemeente})` : ', standaardset')
  );
}

function styler(colour: boolean): Style {
  return (s) => (colour ? `\u001b[1m${s}\u001b[22m` : s);
}

export function definitionsText(defs: EffectiveDefinitions, colour: boolean): string {
  const bold = styler(colour);
  const out: string[] = [heading(defs, bold)];
  for (const [label, terms] of termsByCategory(defs)) {
    out.push('', bold(label.toUpperCase()));
    for (const t of terms) out.push('', ...termBlock(t, bold));
  }
  return out.join('\n');
}

const VIA: Record<TermHit['via'], string> = {
  term: 'de term',
  vorm: 'de vorm',
  'niet-conform': 'het niet-conforme woord',
  waarde: 'de waarde',
  definitie: 'de tekst van de definitie',
};

/** The terms a search finds, best match first, each with what matched when it is not the term itself. */
export function searchText(defs: EffectiveDefinitions, query: string, hits: readonly TermHit[], colour: boolean): string {
  const bold = styler(colour);
  const out: string[] = [heading(defs, bold)];
  if (hits.length === 0) {
    out.push('', `Geen begrip gevonden voor '${shorten(query, 60)}'. Zoek op een term, een vorm, een woord dat men in plaats ervan schrijft, of een woord uit een definitie; 'reintegratie definities' toont de hele set.`);
    return out.join('\n');
  }
  out.push('', `${hits.length} ${hits.length === 1 ? 'begrip' : 'begrippen'} gevonden voor '${query}':`);
  for (const hit of hits) {
    out.push('', ...termBlock(hit.term, bold));
    if (hit.via === 'definitie') out.push(`  (gevonden via ${VIA[hit.via]})`);
    else if (hit.via !== 'term') out.push(`  (gevonden via ${VIA[hit.via]} '${hit.text}')`);
  }
  return out.join('\n');
}

export function definitionsCommand(query: readonly string[], options: CommonOptions, output: Output): number {
  const defs = loadDefinitions(options);
  const wanted = query.join(' ').trim();
  if (wanted === '') {
    output.out(options.json ? JSON.stringify(definitionSetJson(defs), null, 2) : definitionsText(defs, output.colour));
    return 0;
  }
  const hits = searchTerms(defs, wanted, null);
  if (options.json) {
    const all = definitionSetJson(defs);
    const byId = new Map(all.termen.map((t) => [t.id, t]));
    const termen = hits.map((h) => ({ ...byId.get(h.term.id)!, gevondenVia: h.via, gevondenOp: h.text }));
    output.out(JSON.stringify({ ...all, zoekterm: wanted, termen }, null, 2));
  } else output.out(searchText(defs, wanted, hits, output.colour));
  return 0;
}
