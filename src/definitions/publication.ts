/**
 * The definition set for people: the public JSON (Dutch keys, as in the CLI
 * contract) and the Markdown publication docs/definitieset.md. Both derive
 * from the effective definitions; nothing here is a second source of facts.
 */
import type { EffectiveDefinitions, EffectiveParameter, EffectiveTerm } from './profile';
import { CATEGORIES, USAGES } from './constants';

function parameterJson(p: EffectiveParameter) {
  return {
    id: p.id,
    omschrijving: p.label,
    waarde: p.value,
    standaard: p.default,
    eenheid: p.unit ?? null,
    bereik: p.type === 'number' ? { min: p.min, max: p.max } : null,
    afwijking: p.deviation ?? null,
  };
}

export function termJson(term: EffectiveTerm) {
  return {
    id: term.id,
    term: term.term,
    categorie: term.category,
    definitie: term.definition,
    toelichtingen: term.notes,
    gebruik: USAGES.filter((u) => term.usage.includes(u)),
    vormen: term.forms,
    nietConform: term.nonConforming.map((nc) => ({
      tekst: nc.text,
      toelichting: nc.reason,
      suggestie: nc.replacement ?? term.term,
      ook: nc.alsoTerms ?? [],
      vormen: nc.forms ?? {},
    })),
    parameters: term.parameters.map(parameterJson),
    verwant: term.related,
    waarden: (term.values ?? []).map((v) => ({ id: v.id, label: v.label, definitie: v.definition })),
    gevallen: (term.examples.cases ?? []).map((c) => ({ situatie: c.situation, oordeel: c.verdict })),
    bron: term.source,
  };
}

export function definitionSetJson(defs: EffectiveDefinitions) {
  return {
    versie: defs.version,
    titel: defs.title,
    profiel: defs.profile?.naam ?? null,
    gemeente: defs.profile?.gemeente ?? null,
    afwijkingen: defs.profile?.afwijkingen ?? [],
    termen: defs.terms.map(termJson),
  };
}

/** Terms grouped by category in the set's category order. */
export function termsByCategory(defs: EffectiveDefinitions): [string, EffectiveTerm[]][] {
  return CATEGORIES.map((c) => [defs.categories[c], defs.terms.filter((t) => t.category === c)] as [string, EffectiveTerm[]]).filter(
    ([, terms]) => terms.length > 0,
  );
}

export function formatParameter(p: EffectiveParameter): string {
  const show = (v: number | boolean) => (typeof v === 'boolean' ? (v ? 'ja' : 'nee') : `${v}${p.unit ? ' ' + p.unit : ''}`);
  let out = `${p.label}: ${show(p.value)}`;
  if (p.deviation !== undefined) out += ` (standaard ${show(p.default)}; afwijking: ${p.deviation.motivering})`;
  else if (p.type === 'number') out += ` (bereik ${p.min}–${p.max})`;
  if (p.onlyWithProfile === true && p.deviation === undefined) out += '; geen toetsnorm tenzij een contractprofiel een waarde vastlegt';
  return out;
}

function anchor(id: string): string {
  return `term-${id}`;
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown publication of the set (docs/definitieset.md). */
export function definitionSetMarkdown(defs: EffectiveDefinitions): string {
  const lines: string[] = [];
  lines.push(`# ${defs.title}`, '');
  lines.push(
    `Versie ${defs.version} · ${defs.terms.length} termen · ` +
      (defs.profile ? `profiel ${defs.profile.naam} (${defs.profile.gemeente})` : 'standaardset zonder profiel'),
    '',
  );
  lines.push(
    '> Dit document wordt gemaakt uit de gegevens van de definitieset (`npm run docs`); wijzig de gegevens, niet dit bestand.',
    '',
  );
  lines.push('Gebruik: **B** = bestek, **C** = contract, **M** = monitoring.', '');
  for (const [label, terms] of termsByCategory(defs)) {
    lines.push(`## ${label}`, '');
    lines.push('| Term | Gebruik |', '|---|---|');
    for (const t of terms) {
      const usage = USAGES.map((u) => (t.usage.includes(u) ? u.charAt(0).toUpperCase() : '·')).join(' ');
      lines.push(`| [${escapeCell(t.term)}](#${anchor(t.id)}) | ${usage} |`);
    }
    lines.push('');
    for (const t of terms) {
      lines.push(`<a id="${anchor(t.id)}"></a>`, `### ${t.term}`, '');
      lines.push(`\`${t.id}\` · gebruik: ${USAGES.filter((u) => t.usage.includes(u)).join(', ')}`, '');
      lines.push(t.definition, '');
      for (const note of t.notes) lines.push(`*Toelichting van het profiel:* ${note.toelichting} (${note.motivering})`, '');
      if (t.values && t.values.length > 0) {
        lines.push('Waarden:', '');
        for (const v of t.values) lines.push(`- **${v.label}**: ${v.definition}`);
        lines.push('');
      }
      if (t.parameters.length > 0) {
        lines.push('Parameters:', '');
        for (const p of t.parameters) lines.push(`- \`${p.id}\`: ${formatParameter(p)}`);
        lines.push('');
      }
      const cases = t.examples.cases ?? [];
      if (cases.length > 0) {
        lines.push('Gevallen:', '');
        for (const c of cases) lines.push(`- ${c.situation} **${c.verdict}**`);
        lines.push('');
      }
      if (t.forms.length > 0) lines.push(`Conforme vormen: ${t.forms.join(', ')}.`, '');
      if (t.nonConforming.length > 0) {
        lines.push('Schrijf niet:', '');
        for (const nc of t.nonConforming) {
          const alternatives = [nc.replacement ?? t.term, ...(nc.alsoTerms ?? []).map((id) => defs.byId.get(id)?.term ?? id)];
          const extra = nc.compound ? ' (ook in samenstellingen)' : '';
          lines.push(`- ~~${nc.text}~~${extra} → ${alternatives.map((a) => `*${a}*`).join(' of ')}: ${nc.reason}`);
        }
        lines.push('');
      }
      if (t.related.length > 0) {
        lines.push(
          `Zie ook: ${t.related.map((id) => `[${defs.byId.get(id)?.term ?? id}](#${anchor(id)})`).join(', ')}.`,
          '',
        );
      }
      lines.push(`Bron: ${t.source}`, '');
    }
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
