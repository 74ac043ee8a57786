/** `reintegratie definities`: prints the effective definition set. */
import { definitionSetJson, formatParameter, termsByCategory } from '../definitions/publication';
import type { EffectiveDefinitions } from '../definitions/profile';
import { loadDefinitions, type CommonOptions, type Output } from './context';

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

export function definitionsText(defs: EffectiveDefinitions, colour: boolean): string {
  const bold = (s: string) => (colour ? `\u001b[1m${s}\u001b[22m` : s);
  const out: string[] = [];
  out.push(
    bold(`${defs.title} — versie ${defs.version}`) +
      (defs.profile ? `, profiel ${defs.profile.naam} (${defs.profile.gemeente})` : ', standaardset'),
  );
  for (const [label, terms] of termsByCategory(defs)) {
    out.push('', bold(label.toUpperCase()));
    for (const t of terms) {
      out.push('', `${bold(t.term)} (${t.id}) [${t.usage.join(', ')}]`, wrap(t.definition, 100, '  '));
      for (const note of t.notes) out.push(wrap(`Profiel: ${note.toelichting} (${note.motivering})`, 100, '  '));
      for (const v of t.values ?? []) out.push(wrap(`• ${v.label}: ${v.definition}`, 100, '  '));
      for (const p of t.parameters) out.push(wrap(`Parameter ${p.id} — ${formatParameter(p)}`, 100, '  '));
      if (t.nonConforming.length > 0) {
        out.push(wrap(`Schrijf niet: ${t.nonConforming.map((nc) => nc.text).join(', ')}`, 100, '  '));
      }
    }
  }
  return out.join('\n');
}

export function definitionsCommand(options: CommonOptions, output: Output): number {
  const defs = loadDefinitions(options);
  output.out(options.json ? JSON.stringify(definitionSetJson(defs), null, 2) : definitionsText(defs, output.colour));
  return 0;
}
