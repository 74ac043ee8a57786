/**
 * The data of a re-integration contract, validated by a schema with a Dutch
 * line for every field that is wrong: the parties, the services (Dienst
 * codes) and target groups (Doelgroep codes) from the report format, the
 * numbers per year, the budget, the form of financing (a term of the set),
 * the performance standards (indicators of the report format), the term
 * and evaluation moments, the reclamation period (the effective definition:
 * a different value belongs in the profile), the intake guarantee, the
 * reporting arrangements and privacy. Codes and terms are looked up in the
 * data, never listed here a second time.
 *
 * The JSON (Dutch keys) is a public input of `reintegratie contract`.
 */
import { z } from 'zod';
import type { CodeEntry, Indicator } from '../../definitions/formatSchema';
import { normaliseForm } from '../../definitions/normaliseForm';
import { parameterValue, type EffectiveDefinitions, type EffectiveTerm } from '../../definitions/profile';
import { codeKey, headerKey, type ReportFormat } from '../../definitions/reportFormat';
import { parseDateText } from '../cellValues';
import { formatSerial } from '../excelDate';

/** The four forms of financing of a contract (term ids of the set). */
export const FINANCING_TERMS = ['no-cure-no-pay', 'no-cure-less-pay', 'inspanningsfinanciering', 'resultaatfinanciering'] as const;

export const REPORT_FREQUENCIES = ['maandelijks', 'per kwartaal', 'per halfjaar', 'jaarlijks'] as const;
export const CLIENT_LEVEL = ['alleen probleemgevallen', 'alle cliënten'] as const;

const text = z.string().trim().min(1);
const party = z
  .object({
    naam: text,
    vertegenwoordiger: text.optional(),
    plaats: text.optional(),
  })
  .strict();

const dateText = z.string().trim().min(1);
const count = z.number().int().min(0);

export const contractSchema = z
  .object({
    titel: text.optional(),
    kenmerk: text.optional(),
    opdrachtgever: party,
    opdrachtnemer: party,
    diensten: z.array(text).min(1),
    doelgroepen: z.array(text).min(1),
    aantallen: z.array(z.object({ jaar: z.number().int().min(1990).max(2200), aantal: count }).strict()).min(1),
    budget: z.object({ bedrag: z.number().min(0), btw: z.enum(['inclusief', 'exclusief']).optional() }).strict(),
    financieringsvorm: text,
    prestatienormen: z
      .array(z.object({ indicator: text, minimaal: z.number().min(0).optional(), maximaal: z.number().min(0).optional() }).strict())
      .min(1),
    looptijd: z.object({ van: dateText, tot: dateText, verlenging: text.optional() }).strict(),
    evaluatiemomenten: z.array(dateText).min(1),
    reclametermijnWeken: z.number().optional(),
    instroomgarantie: z.object({ aantalPerJaar: count }).strict().nullable(),
    rapportage: z
      .object({
        frequentie: z.enum(REPORT_FREQUENCIES),
        inleverenBinnenWerkdagen: z.number().int().min(1).max(60),
        clientniveau: z.enum(CLIENT_LEVEL).optional(),
      })
      .strict(),
    privacy: z.object({ protocol: text, bewaartermijnMaanden: z.number().int().min(1).max(240) }).strict(),
    ondertekening: z.object({ plaats: text, datum: dateText }).strict().optional(),
  })
  .strict();

export type ContractJson = z.infer<typeof contractSchema>;

export interface PerformanceStandard {
  readonly indicator: Indicator;
  readonly bound: 'minimaal' | 'maximaal';
  readonly value: number;
}

/** Validated contract data, with codes, terms and dates resolved. */
export interface ContractData {
  readonly json: ContractJson;
  readonly services: readonly CodeEntry[];
  readonly targetGroups: readonly CodeEntry[];
  readonly financing: EffectiveTerm;
  readonly standards: readonly PerformanceStandard[];
  readonly start: number;
  readonly end: number;
  readonly evaluations: readonly number[];
  readonly reclaimWeeks: number;
  readonly clientLevel: (typeof CLIENT_LEVEL)[number];
  readonly signed: { readonly place: string; readonly date: number } | null;
}

/** Contract data that cannot be used: one Dutch line per field. */
export class ContractDataError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'ContractDataError';
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key + 1}]` : `${out === '' ? '' : '.'}${String(key)}`;
  return out === '' ? 'gegevens' : out;
}

function dutchType(expected: string): string {
  return { string: 'tekst', number: 'een getal', boolean: 'true of false', array: 'een lijst', object: 'een object' }[expected] ?? expected;
}

function issueLine(issue: z.core.$ZodIssue): string {
  const where = fieldPath(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `${where}: ontbreekt.`;
      if (issue.expected === 'int') return `${where}: moet een geheel getal zijn.`;
      return `${where}: verwacht ${dutchType(issue.expected)}.`;
    case 'too_small':
      if (issue.origin === 'string') return `${where}: is leeg.`;
      if (issue.origin === 'array') return `${where}: noem er minstens één.`;
      return `${where}: moet minstens ${String(issue.minimum)} zijn.`;
    case 'too_big':
      return `${where}: mag hoogstens ${String(issue.maximum)} zijn.`;
    case 'invalid_value':
      return `${where}: kies uit ${issue.values.map((v) => `'${String(v)}'`).join(', ')}.`;
    case 'unrecognized_keys':
      return `${where === 'gegevens' ? 'gegevens' : where}: onbekend veld ${issue.keys.map((k) => `'${k}'`).join(', ')}.`;
    default:
      return `${where}: is ongeldig.`;
  }
}

/** A code of a list by its code or accepted spelling; a known variant gives a Dutch hint. */
function lookUpCode(format: ReportFormat, listId: string, value: string, where: string, problems: string[]): CodeEntry | undefined {
  const list = format.codeLists.get(listId);
  if (list === undefined) throw new Error(`codelijst ${listId} ontbreekt`);
  const exact = list.exact.get(value.trim().toLowerCase());
  if (exact !== undefined) return exact;
  const variant = list.folded.get(codeKey(value));
  if (variant !== undefined) problems.push(`${where}: schrijf '${variant.code}' in plaats van '${value}'.`);
  else problems.push(`${where}: '${value}' is onbekend; kies uit ${list.entries.map((e) => `'${e.code}'`).join(', ')}.`);
  return undefined;
}

function financingTerm(defs: EffectiveDefinitions, value: string, problems: string[]): EffectiveTerm | undefined {
  const key = normaliseForm(value);
  const terms = FINANCING_TERMS.map((id) => defs.byId.get(id)).filter((t): t is EffectiveTerm => t !== undefined);
  const found = terms.find((t) => [t.term, ...t.forms].some((f) => normaliseForm(f) === key));
  if (found !== undefined) return found;
  const variant = terms.find((t) => t.nonConforming.some((n) => normaliseForm(n.text) === key));
  if (variant !== undefined) problems.push(`financieringsvorm: schrijf '${variant.term}' in plaats van '${value}'.`);
  else problems.push(`financieringsvorm: '${value}' is onbekend; kies uit ${terms.map((t) => `'${t.term}'`).join(', ')}.`);
  return undefined;
}

function indicatorOf(format: ReportFormat, value: string, where: string, problems: string[]): Indicator | undefined {
  const match = format.managementLabels.get(headerKey(value));
  const indicators = format.data.management.indicators;
  if (match !== undefined && 'kind' in match.target) {
    if (!match.standard) problems.push(`${where}: schrijf '${match.target.label}' in plaats van '${value}'.`);
    return match.standard ? match.target : undefined;
  }
  problems.push(`${where}: '${value}' is geen indicator van de uniforme rapportage; kies uit ${indicators.map((i) => `'${i.label}'`).join(', ')}.`);
  return undefined;
}

function date(value: string, where: string, problems: string[]): number | undefined {
  const serial = parseDateText(value);
  if (serial === undefined) problems.push(`${where}: '${value}' is geen datum (schrijf dd-mm-jjjj of jjjj-mm-dd).`);
  return serial;
}

/** Validates contract data against the schema, the report format and the effective definitions; throws ContractDataError. */
export function parseContract(raw: unknown, defs: EffectiveDefinitions, format: ReportFormat): ContractData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ContractDataError(['gegevens: verwacht een JSON-object.']);
  const parsed = contractSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    const seen = new Set<string>();
    const lines: string[] = [];
    for (const issue of parsed.error.issues) {
      const line = issueLine(issue);
      const field = line.slice(0, line.indexOf(':'));
      if (seen.has(field)) continue;
      seen.add(field);
      lines.push(line);
    }
    throw new ContractDataError(lines);
  }
  const json = parsed.data;
  const problems: string[] = [];
  const dienst = format.columnByField.get('dienst')?.codeList ?? 'dienst';
  const doelgroep = format.columnByField.get('doelgroep')?.codeList ?? 'doelgroep';
  const services = json.diensten.map((d, i) => lookUpCode(format, dienst, d, `diensten[${i + 1}]`, problems));
  const targetGroups = json.doelgroepen.map((d, i) => lookUpCode(format, doelgroep, d, `doelgroepen[${i + 1}]`, problems));
  const financing = financingTerm(defs, json.financieringsvorm, problems);

  const standards: PerformanceStandard[] = [];
  json.prestatienormen.forEach((norm, i) => {
    const where = `prestatienormen[${i + 1}]`;
    const indicator = indicatorOf(format, norm.indicator, `${where}.indicator`, problems);
    const bounds = (['minimaal', 'maximaal'] as const).filter((b) => norm[b] !== undefined);
    if (bounds.length !== 1) {
      problems.push(`${where}: geef precies één van 'minimaal' en 'maximaal'.`);
      return;
    }
    const value = norm[bounds[0]] as number;
    if (indicator?.kind === 'percentage' && value > 100) problems.push(`${where}.${bounds[0]}: een percentage ligt tussen 0 en 100.`);
    if (indicator !== undefined) standards.push({ indicator, bound: bounds[0], value });
  });

  const start = date(json.looptijd.van, 'looptijd.van', problems);
  const end = date(json.looptijd.tot, 'looptijd.tot', problems);
  if (start !== undefined && end !== undefined && end < start) problems.push(`looptijd.tot: ligt voor looptijd.van (${formatSerial(start)}).`);
  const evaluations: number[] = [];
  json.evaluatiemomenten.forEach((value, i) => {
    const where = `evaluatiemomenten[${i + 1}]`;
    const serial = date(value, where, problems);
    if (serial === undefined) return;
    if (start !== undefined && end !== undefined && (serial < start || serial > end)) {
      problems.push(`${where}: ${formatSerial(serial)} valt buiten de looptijd (${formatSerial(start)} tot en met ${formatSerial(end)}).`);
    }
    evaluations.push(serial);
  });
  const years = new Set<number>();
  json.aantallen.forEach((a, i) => {
    if (years.has(a.jaar)) problems.push(`aantallen[${i + 1}].jaar: ${a.jaar} staat er al.`);
    years.add(a.jaar);
    if (start !== undefined && end !== undefined) {
      const [from, to] = [formatSerial(start).slice(6), formatSerial(end).slice(6)].map(Number);
      if (a.jaar < from || a.jaar > to) problems.push(`aantallen[${i + 1}].jaar: ${a.jaar} valt buiten de looptijd (${from}–${to}).`);
    }
  });

  const reclaimWeeks = parameterValue(defs, 'terugmelding', 'reclametermijnWeken') as number;
  if (json.reclametermijnWeken !== undefined && json.reclametermijnWeken !== reclaimWeeks) {
    const source = defs.profile !== null ? `het profiel ${defs.profile.naam}` : 'de definitieset';
    problems.push(
      `reclametermijnWeken: ${json.reclametermijnWeken} weken wijkt af van ${source} (${reclaimWeeks} weken); leg een andere termijn vast als afwijking in het contractprofiel (terugmelding, reclametermijnWeken).`,
    );
  }
  let signed: ContractData['signed'] = null;
  if (json.ondertekening !== undefined) {
    const serial = date(json.ondertekening.datum, 'ondertekening.datum', problems);
    if (serial !== undefined) signed = { place: json.ondertekening.plaats, date: serial };
  }
  if (problems.length > 0) throw new ContractDataError(problems);
  return {
    json,
    services: services as CodeEntry[],
    targetGroups: targetGroups as CodeEntry[],
    financing: financing as EffectiveTerm,
    standards,
    start: start as number,
    end: end as number,
    evaluations,
    reclaimWeeks,
    clientLevel: json.rapportage.clientniveau ?? CLIENT_LEVEL[0],
    signed,
  };
}

/** Reads contract JSON text; a file that is no JSON is one Dutch line. */
export function parseContractJson(jsonText: string, defs: EffectiveDefinitions, format: ReportFormat): ContractData {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch {
    throw new ContractDataError(['gegevens: het bestand is geen geldige JSON.']);
  }
  return parseContract(raw, defs, format);
}
