/**
 * The standard contract in Dutch, written with the standard terms of the
 * definition set and the effective values of the profile (so the term
 * engine finds nothing to flag in our own text), and its annex: the
 * definition of every term the contract text uses and of the terms of the
 * uniform report.
 */
import type { CodeEntry } from '../../definitions/formatSchema';
import type { EffectiveDefinitions, EffectiveTerm } from '../../definitions/profile';
import type { ReportFormat } from '../../definitions/reportFormat';
import { definitionText } from './definitionText';
import type { ContractData, PerformanceStandard } from './contractData';
import { amount, dateInWords, listWords, numberText } from './dutchText';
import { termMentions } from './termMentions';

export interface Clause {
  /** "1.2"; empty for a list item under a clause. */
  readonly number: string;
  readonly text: string;
}

export interface Article {
  readonly number: number;
  readonly title: string;
  readonly clauses: readonly Clause[];
}

export interface ContractText {
  readonly title: string;
  readonly reference: string | null;
  readonly preamble: readonly string[];
  readonly articles: readonly Article[];
  /** Signature lines: one block per party. */
  readonly signatures: readonly (readonly string[])[];
}

function term(defs: EffectiveDefinitions, id: string): EffectiveTerm {
  const t = defs.byId.get(id);
  if (t === undefined) throw new Error(`term ${id} ontbreekt in de definitieset`);
  return t;
}

/** A code, with its term's name where that says more ("NUG (niet-uitkeringsgerechtigde)"). */
function codeName(defs: EffectiveDefinitions, entry: CodeEntry): string {
  const name = defs.byId.get(entry.term)?.term;
  return name === undefined || name.toLowerCase() === entry.code.toLowerCase() ? entry.code : `${entry.code} (${name})`;
}

function party(p: ContractData['json']['opdrachtgever'], role: string): string {
  const parts = [p.naam];
  if (p.plaats !== undefined) parts.push(`gevestigd te ${p.plaats}`);
  if (p.vertegenwoordiger !== undefined) parts.push(`vertegenwoordigd door ${p.vertegenwoordiger}`);
  return `${parts.join(', ')}, hierna: de ${role};`;
}

function parameterText(value: number | boolean, unit: string | undefined): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  return `${numberText(value)}${unit !== undefined ? ` ${unit}` : ''}`;
}

/** The profile's deviations, one clause each (letters a, b, ...). */
function deviationClauses(defs: EffectiveDefinitions): Clause[] {
  const profile = defs.profile;
  if (profile === null || profile.afwijkingen.length === 0) return [];
  return profile.afwijkingen.map((d, i) => {
    const t = term(defs, d.term);
    const letter = String.fromCharCode(97 + i);
    if (d.parameter !== undefined) {
      const p = t.parameters.find((x) => x.id === d.parameter);
      const label = p?.label ?? d.parameter;
      // The standard value without its unit: "6 maanden" next to the term would state the standard as this contract's value.
      const standard = p !== undefined ? ` (de definitieset gaat uit van ${parameterText(p.default, undefined)})` : '';
      return {
        number: '',
        text: `${letter}. ${t.term}: ${label.charAt(0).toLowerCase()}${label.slice(1)} is ${parameterText(d.waarde as number | boolean, p?.unit)}${standard}. Motivering: ${d.motivering}`,
      };
    }
    return { number: '', text: `${letter}. ${t.term}: ${d.toelichting} Motivering: ${d.motivering}` };
  });
}

function standardText(s: PerformanceStandard): string {
  const bound = s.bound === 'minimaal' ? 'ten minste' : 'ten hoogste';
  const unit = s.indicator.kind === 'percentage' ? ' procent' : s.indicator.kind === 'meanDays' ? ' dagen' : '';
  return `${s.indicator.label}: ${bound} ${numberText(s.value)}${unit}`;
}

/** The contract's articles. */
export function contractText(data: ContractData, defs: EffectiveDefinitions): ContractText {
  const json = data.json;
  const durable = term(defs, 'duurzame-plaatsing');
  const minimumMonths = durable.parameters.find((p) => p.id === 'minimumMaanden')?.value as number;
  const subsidised = durable.parameters.find((p) => p.id === 'gesubsidieerdWerkTelt')?.value === true;
  const articles: Article[] = [];
  const add = (title: string, texts: (string | Clause)[]) => {
    const number = articles.length + 1;
    let n = 0;
    const clauses = texts.map((t) => (typeof t === 'string' ? { number: `${number}.${++n}`, text: t } : t));
    articles.push({ number, title, clauses });
  };

  const profile = defs.profile;
  const deviations = deviationClauses(defs);
  add('Definities', [
    `Op deze overeenkomst is de ${defs.title} van toepassing, versie ${defs.version}. Een begrip in deze overeenkomst, in de bijlagen en in de rapportages heeft de betekenis die de definitieset eraan geeft; de definities van de gebruikte begrippen staan in de Bijlage definities.`,
    ...(deviations.length > 0 && profile !== null
      ? [`De opdrachtgever wijkt op de volgende punten af van de definitieset (contractprofiel ${profile.naam}, ${profile.gemeente}):`, ...deviations]
      : ['De opdrachtgever wijkt niet af van de definitieset.']),
  ]);

  add('Opdracht', [
    `De opdrachtgever geeft de opdrachtnemer opdracht re-integratietrajecten uit te voeren in ${data.services.length === 1 ? 'het segment' : 'de segmenten'} ${listWords(data.services.map((s) => codeName(defs, s)))}, voor cliënten uit ${data.targetGroups.length === 1 ? 'de doelgroep' : 'de doelgroepen'} ${listWords(data.targetGroups.map((g) => codeName(defs, g)))}.`,
    `De opdrachtnemer begeleidt iedere aangemelde cliënt naar een plaatsing, bij voorkeur een duurzame plaatsing: een plaatsing met een arbeidsovereenkomst van minimaal ${minimumMonths} maanden of voor onbepaalde tijd${subsidised ? ', waarbij gesubsidieerd werk meetelt' : ''}.`,
  ]);

  const guarantee = json.instroomgarantie;
  add('Aantallen en instroomgarantie', [
    `De opdrachtgever verwacht de volgende aantallen aanmeldingen: ${listWords(json.aantallen.map((a) => `${a.aantal} in ${a.jaar}`))}.`,
    guarantee === null
      ? 'De opdrachtgever geeft geen instroomgarantie.'
      : `De opdrachtgever geeft een instroomgarantie van ${guarantee.aantalPerJaar} aanmeldingen per kalenderjaar.`,
  ]);

  add('Looptijd en evaluatie', [
    `De looptijd van deze overeenkomst loopt van ${dateInWords(data.start)} tot en met ${dateInWords(data.end)}.${json.looptijd.verlenging !== undefined ? ` ${json.looptijd.verlenging}` : ''}`,
    `Opdrachtgever en opdrachtnemer toetsen de prestaties aan de prestatienormen op ${data.evaluations.length === 1 ? 'het evaluatiemoment' : 'de evaluatiemomenten'} ${listWords(data.evaluations.map(dateInWords))}.`,
  ]);

  add('Budget en financiering', [
    `Het budget voor de looptijd bedraagt € ${amount(json.budget.bedrag)}${json.budget.btw !== undefined ? `, ${json.budget.btw} btw` : ''}.`,
    `De opdrachtgever betaalt de opdrachtnemer volgens ${data.financing.term}, zoals omschreven in de Bijlage definities.`,
  ]);

  add('Prestatienormen', [
    `De opdrachtnemer haalt per kalenderjaar de volgende prestatienormen, berekend volgens de uniforme rapportage uit de rapportage op cliëntniveau:`,
    ...data.standards.map((s, i) => ({ number: '', text: `${String.fromCharCode(97 + i)}. ${standardText(s)}.` })),
  ]);

  add('Aanmelding en terugmelding', [
    'De opdrachtgever meldt cliënten aan bij de opdrachtnemer; de datum aanmelding is de dag waarop de aanmelding de opdrachtnemer bereikt.',
    `De opdrachtnemer kan een aangemelde cliënt binnen de reclametermijn van ${data.reclaimWeeks} weken na de datum aanmelding terugmelden als de cliënt niet tot de doelgroep van deze overeenkomst behoort.`,
  ]);

  const level =
    data.clientLevel === 'alleen probleemgevallen'
      ? 'Inhoudelijke verslaglegging over een afzonderlijke cliënt, buiten de uniforme rapportage, levert de opdrachtnemer alleen bij probleemgevallen: een cliënt bij wie het traject stagneert of uitval dreigt.'
      : 'Inhoudelijke verslaglegging over een afzonderlijke cliënt, buiten de uniforme rapportage, levert de opdrachtnemer voor iedere cliënt.';
  add('Rapportage', [
    `De opdrachtnemer levert ${json.rapportage.frequentie} de uniforme rapportage, met de rapportage op cliëntniveau en de rapportage op managementniveau, binnen ${json.rapportage.inleverenBinnenWerkdagen} werkdagen na het einde van de rapportageperiode.`,
    level,
  ]);

  add('Privacy', [
    `Opdrachtgever en opdrachtnemer wisselen persoonsgegevens van cliënten alleen uit volgens het privacyprotocol ${json.privacy.protocol}.`,
    'In de rapportages wordt een cliënt alleen met zijn pseudonieme cliëntnummer aangeduid.',
    `De opdrachtnemer bewaart persoonsgegevens van een cliënt niet langer dan ${json.privacy.bewaartermijnMaanden} maanden na het einde traject.`,
  ]);

  const signed = data.signed;
  add('Slotbepaling', [
    signed !== null
      ? `Aldus overeengekomen en in tweevoud ondertekend te ${signed.place} op ${dateInWords(signed.date)}.`
      : 'Aldus overeengekomen en in tweevoud ondertekend.',
  ]);

  return {
    title: json.titel ?? 'Overeenkomst re-integratiedienstverlening',
    reference: json.kenmerk ?? null,
    preamble: ['De ondergetekenden:', party(json.opdrachtgever, 'opdrachtgever'), party(json.opdrachtnemer, 'opdrachtnemer'), 'komen het volgende overeen.'],
    articles,
    signatures: [
      ['Namens de opdrachtgever', json.opdrachtgever.naam, json.opdrachtgever.vertegenwoordiger ?? ''],
      ['Namens de opdrachtnemer', json.opdrachtnemer.naam, json.opdrachtnemer.vertegenwoordiger ?? ''],
    ],
  };
}

/** The term ids of the uniform report: its columns, codes, management labels and indicators. */
export function reportTermIds(format: ReportFormat): string[] {
  const ids: string[] = [];
  const add = (id: string | null) => {
    if (id !== null && !ids.includes(id)) ids.push(id);
  };
  for (const c of format.columns) add(c.term);
  for (const list of format.codeLists.values()) for (const e of list.entries) add(e.term);
  for (const m of format.data.management.metadata) add(m.term);
  for (const i of format.data.management.indicators) add(i.term);
  return ids;
}

export interface AnnexEntry {
  readonly term: EffectiveTerm;
  readonly definition: string;
  /** Where the term is used: article numbers of the contract, and/or the uniform report. */
  readonly articles: readonly number[];
  readonly inReport: boolean;
}

/** The texts of the contract with the article they belong to (0: title, preamble and signatures). */
export function contractTexts(text: ContractText): { article: number; text: string }[] {
  const out = [{ article: 0, text: text.title }, ...text.preamble.map((p) => ({ article: 0, text: p }))];
  for (const a of text.articles) {
    out.push({ article: a.number, text: a.title });
    for (const c of a.clauses) out.push({ article: a.number, text: c.text });
  }
  for (const block of text.signatures) for (const line of block) out.push({ article: 0, text: line });
  return out;
}

/** The annex: every term the contract text uses and every term of the uniform report, in the set's order. */
export function annexEntries(text: ContractText, defs: EffectiveDefinitions, format: ReportFormat): AnnexEntry[] {
  const mentions = termMentions(defs);
  const articles = new Map<string, number[]>();
  for (const { article, text: t } of contractTexts(text)) {
    for (const id of mentions.termsIn(t)) {
      const list = articles.get(id) ?? [];
      if (article > 0 && !list.includes(article)) list.push(article);
      articles.set(id, list);
    }
  }
  const report = new Set(reportTermIds(format));
  return defs.terms
    .filter((t) => articles.has(t.id) || report.has(t.id))
    .map((t) => ({ term: t, definition: definitionText(t, defs), articles: articles.get(t.id) ?? [], inReport: report.has(t.id) }));
}
