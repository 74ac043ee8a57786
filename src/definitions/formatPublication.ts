/**
 * The uniform report format for people (docs/uniforme-rapportage.md),
 * generated from the format data: sheets, columns, code lists with their
 * known variants, the status table and the management indicators.
 */
import type { DefinitionSet } from './definitionSet';
import type { ReportFormat } from './reportFormat';

const TYPE_NAMES: Record<string, string> = {
  text: 'tekst',
  code: 'code',
  date: 'datum',
  number: 'getal',
  yesNo: 'Ja/Nee',
  position: 'positie 0–6',
  duration: 'maanden of onbepaald',
  freeText: 'vrije tekst',
};

const REQUIRED: Record<string, string> = { always: 'altijd', status: 'per status', no: 'nee' };

function esc(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function reportFormatMarkdown(format: ReportFormat, set: DefinitionSet): string {
  const data = format.data;
  const term = (id: string | null) => (id === null ? '' : `[${set.byId.get(id)?.term ?? id}](definitieset.md#term-${id})`);
  const lines: string[] = [
    `# ${data.title}`,
    '',
    '> Dit document wordt gemaakt uit `src/definitions/data/uniforme-rapportage.json` (`npm run docs`).',
    '',
    `Een inzending is een werkmap met het blad **${data.sheets.clients.name}** (ook herkend: ${data.sheets.clients.variants.join(', ')}) ` +
      `en het blad **${data.sheets.management.name}**. De kopregel van ${data.sheets.clients.name} is de eerste regel binnen de eerste ` +
      `${data.header.searchRows} regels met minstens ${data.header.minRecognised} herkende kolomkoppen; koppen worden herkend ongeacht ` +
      'hoofdletters, accenten, spaties en leestekens.',
    '',
    `## Blad ${data.sheets.clients.name}`,
    '',
    '| # | Kolomkop | Type | Verplicht | Definitie | Ook herkend (waarschuwing) |',
    '|---|---|---|---|---|---|',
    ...data.columns.map(
      (c, i) =>
        `| ${i + 1} | ${esc(c.header)} | ${TYPE_NAMES[c.type]}${c.codeList ? ` (${c.codeList})` : ''}${
          c.min !== undefined ? `, ${c.minExclusive ? '>' : '≥'} ${c.min}` : ''
        }${c.max !== undefined ? `, ≤ ${c.max}` : ''} | ${REQUIRED[c.required]} | ${term(c.term)} | ${esc(c.variants.join(', '))} |`,
    ),
    '',
    `Ja/Nee: **${data.yesNo.yes.code}** (ook ${data.yesNo.yes.variants.join(', ')}) en **${data.yesNo.no.code}** (ook ${data.yesNo.no.variants.join(', ')}); ` +
      'Excel-waarden WAAR en ONWAAR gelden ook.',
    '',
    '## Codelijsten',
    '',
  ];
  for (const [id, list] of format.codeLists) {
    lines.push(`### ${id}`, '', '| Code | Definitie | Bekende varianten (waarschuwing) |', '|---|---|---|');
    for (const e of list.entries) {
      const accepted = e.accepted && e.accepted.length > 0 ? ` (ook: ${e.accepted.join(', ')})` : '';
      lines.push(`| ${esc(e.code)}${accepted} | ${term(e.term)}${e.value ? ` · ${e.value}` : ''} | ${esc(e.variants.join(', '))} |`);
    }
    lines.push('');
  }
  const statuses = format.codeLists.get('status')?.entries ?? [];
  const header = (field: string) => format.columnByField.get(field)?.header ?? field;
  lines.push('## Velden per status', '', '| Status | Verplicht | Moet leeg zijn |', '|---|---|---|');
  for (const s of statuses) {
    const rule = data.statusRules[s.id];
    lines.push(`| ${s.code} | ${rule.required.map(header).join(', ') || '—'} | ${rule.empty.map(header).join(', ') || '—'} |`);
  }
  lines.push('', `Datumvolgorde: ${data.dateOrder.map(header).join(' ≤ ')}; datums voor ${data.earliestDate.split('-').reverse().join('-')} vallen buiten het bereik.`, '');
  lines.push(`## Blad ${data.sheets.management.name}`, '', 'Kolom A bevat de labels, kolom B de waarden.', '');
  lines.push('| Label | Soort | Definitie | Ook herkend |', '|---|---|---|---|');
  for (const m of data.management.metadata) lines.push(`| ${m.label} | gegeven (${m.type === 'date' ? 'datum' : 'tekst'}) | ${term(m.term)} | ${esc(m.variants.join(', '))} |`);
  const kinds: Record<string, string> = { count: 'aantal', percentage: 'percentage', meanDays: 'gemiddelde in dagen' };
  for (const i of data.management.indicators) {
    const tolerance = i.tolerance > 0 ? ` (±${i.tolerance})` : '';
    lines.push(`| ${esc(i.label)} | ${kinds[i.kind]}${tolerance} | ${term(i.term)} | ${esc(i.variants.join(', '))} |`);
  }
  lines.push(
    '',
    'Aantallen moeten precies kloppen. Percentages mogen als 0–100 of als Excel-percentage; ze kloppen als ze na afronding op één ' +
      `decimaal gelijk zijn. Een percentage zonder noemer is ${data.management.notApplicable[0]}.`,
    '',
  );
  return lines.join('\n');
}
