/**
 * The contract form's state: what the user types (text, as typed), the
 * contract JSON it makes, and the Dutch problem of each field (the schema's
 * own lines, keyed by the field path they start with), for inline
 * validation. Pure: the section renders it.
 */
import type { EffectiveDefinitions } from '../../definitions/profile';
import type { ReportFormat } from '../../definitions/reportFormat';
import { parseNumberText } from '../../engine/cellValues';
import { ContractDataError, parseContract, type ContractData, type ContractJson } from '../../engine/templates/contractData';

export interface PartyForm {
  readonly naam: string;
  readonly plaats: string;
  readonly vertegenwoordiger: string;
}

export interface NormForm {
  readonly indicator: string;
  readonly bound: 'minimaal' | 'maximaal';
  readonly value: string;
}

export interface ContractForm {
  readonly titel: string;
  readonly kenmerk: string;
  readonly opdrachtgever: PartyForm;
  readonly opdrachtnemer: PartyForm;
  readonly diensten: readonly string[];
  readonly doelgroepen: readonly string[];
  readonly aantallen: readonly { readonly jaar: string; readonly aantal: string }[];
  readonly bedrag: string;
  readonly btw: '' | 'inclusief' | 'exclusief';
  readonly financieringsvorm: string;
  readonly prestatienormen: readonly NormForm[];
  readonly van: string;
  readonly tot: string;
  readonly verlenging: string;
  readonly evaluatiemomenten: readonly string[];
  readonly instroomgarantie: string;
  readonly frequentie: string;
  readonly inleverenBinnenWerkdagen: string;
  readonly clientniveau: string;
  readonly protocol: string;
  readonly bewaartermijnMaanden: string;
  readonly ondertekeningPlaats: string;
  readonly ondertekeningDatum: string;
}

const party = (): PartyForm => ({ naam: '', plaats: '', vertegenwoordiger: '' });

export function emptyContractForm(): ContractForm {
  return {
    titel: '',
    kenmerk: '',
    opdrachtgever: party(),
    opdrachtnemer: party(),
    diensten: [],
    doelgroepen: [],
    aantallen: [{ jaar: '', aantal: '' }],
    bedrag: '',
    btw: 'exclusief',
    financieringsvorm: '',
    prestatienormen: [{ indicator: '', bound: 'minimaal', value: '' }],
    van: '',
    tot: '',
    verlenging: '',
    evaluatiemomenten: [''],
    instroomgarantie: '',
    frequentie: 'per kwartaal',
    inleverenBinnenWerkdagen: '',
    clientniveau: 'alleen probleemgevallen',
    protocol: '',
    bewaartermijnMaanden: '',
    ondertekeningPlaats: '',
    ondertekeningDatum: '',
  };
}

/** A number as typed (decimal comma allowed); text that is no number stays text, so the schema names it. */
function num(text: string): number | string | undefined {
  if (text.trim() === '') return undefined;
  return parseNumberText(text) ?? text;
}

const opt = (text: string): string | undefined => (text.trim() === '' ? undefined : text.trim());

function partyJson(p: PartyForm) {
  return { naam: p.naam.trim(), plaats: opt(p.plaats), vertegenwoordiger: opt(p.vertegenwoordiger) };
}

/** The contract JSON the form makes (empty optional fields left out). */
export function contractJsonOf(form: ContractForm): Record<string, unknown> {
  const signed = opt(form.ondertekeningPlaats) !== undefined || opt(form.ondertekeningDatum) !== undefined;
  const json: Record<string, unknown> = {
    titel: opt(form.titel),
    kenmerk: opt(form.kenmerk),
    opdrachtgever: partyJson(form.opdrachtgever),
    opdrachtnemer: partyJson(form.opdrachtnemer),
    diensten: [...form.diensten],
    doelgroepen: [...form.doelgroepen],
    aantallen: form.aantallen.filter((a) => a.jaar.trim() !== '' || a.aantal.trim() !== '').map((a) => ({ jaar: num(a.jaar), aantal: num(a.aantal) })),
    budget: { bedrag: num(form.bedrag), btw: form.btw === '' ? undefined : form.btw },
    financieringsvorm: form.financieringsvorm,
    prestatienormen: form.prestatienormen
      .filter((n) => n.indicator !== '' || n.value.trim() !== '')
      .map((n) => ({ indicator: n.indicator, [n.bound]: num(n.value) })),
    looptijd: { van: form.van.trim(), tot: form.tot.trim(), verlenging: opt(form.verlenging) },
    evaluatiemomenten: form.evaluatiemomenten.map((e) => e.trim()).filter((e) => e !== ''),
    instroomgarantie: form.instroomgarantie.trim() === '' ? null : { aantalPerJaar: num(form.instroomgarantie) },
    rapportage: { frequentie: form.frequentie, inleverenBinnenWerkdagen: num(form.inleverenBinnenWerkdagen), clientniveau: form.clientniveau || undefined },
    privacy: { protocol: form.protocol.trim(), bewaartermijnMaanden: num(form.bewaartermijnMaanden) },
    ondertekening: signed ? { plaats: form.ondertekeningPlaats.trim(), datum: form.ondertekeningDatum.trim() } : undefined,
  };
  return JSON.parse(JSON.stringify(json)) as Record<string, unknown>;
}

/** A form filled from contract JSON (a file the user loads). */
export function contractFormOf(json: ContractJson): ContractForm {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).replace('.', ','));
  const partyForm = (p: ContractJson['opdrachtgever']): PartyForm => ({ naam: p.naam, plaats: p.plaats ?? '', vertegenwoordiger: p.vertegenwoordiger ?? '' });
  return {
    titel: json.titel ?? '',
    kenmerk: json.kenmerk ?? '',
    opdrachtgever: partyForm(json.opdrachtgever),
    opdrachtnemer: partyForm(json.opdrachtnemer),
    diensten: json.diensten,
    doelgroepen: json.doelgroepen,
    aantallen: json.aantallen.map((a) => ({ jaar: String(a.jaar), aantal: String(a.aantal) })),
    bedrag: text(json.budget.bedrag),
    btw: json.budget.btw ?? '',
    financieringsvorm: json.financieringsvorm,
    prestatienormen: json.prestatienormen.map((n) => ({
      indicator: n.indicator,
      bound: n.maximaal !== undefined ? 'maximaal' : 'minimaal',
      value: text(n.maximaal ?? n.minimaal),
    })),
    van: json.looptijd.van,
    tot: json.looptijd.tot,
    verlenging: json.looptijd.verlenging ?? '',
    evaluatiemomenten: json.evaluatiemomenten,
    instroomgarantie: json.instroomgarantie === null ? '' : String(json.instroomgarantie.aantalPerJaar),
    frequentie: json.rapportage.frequentie,
    inleverenBinnenWerkdagen: String(json.rapportage.inleverenBinnenWerkdagen),
    clientniveau: json.rapportage.clientniveau ?? 'alleen probleemgevallen',
    protocol: json.privacy.protocol,
    bewaartermijnMaanden: String(json.privacy.bewaartermijnMaanden),
    ondertekeningPlaats: json.ondertekening?.plaats ?? '',
    ondertekeningDatum: json.ondertekening?.datum ?? '',
  };
}

export interface FormCheck {
  readonly data: ContractData | null;
  /** Field path ("budget.bedrag", "diensten[1]", "prestatienormen[2].indicator") → its Dutch problem. */
  readonly problems: ReadonlyMap<string, string>;
}

/** Validates the form as the command line validates the JSON. */
export function checkContractForm(form: ContractForm, defs: EffectiveDefinitions, format: ReportFormat): FormCheck {
  try {
    return { data: parseContract(contractJsonOf(form), defs, format), problems: new Map() };
  } catch (error) {
    if (!(error instanceof ContractDataError)) throw error;
    const problems = new Map<string, string>();
    for (const line of error.problems) {
      const at = line.indexOf(': ');
      const path = at < 0 ? 'gegevens' : line.slice(0, at);
      if (!problems.has(path)) problems.set(path, at < 0 ? line : line.slice(at + 2));
    }
    return { data: null, problems };
  }
}

/** The problem for a field and everything below it ("looptijd" also shows "looptijd.van"). */
export function problemOf(check: FormCheck, path: string): string | undefined {
  const own = check.problems.get(path);
  if (own !== undefined) return own;
  for (const [key, problem] of check.problems) if (key.startsWith(`${path}.`) || key.startsWith(`${path}[`)) return problem;
  return undefined;
}
