/**
 * The profile editor's draft: what the user types, turned into the
 * profile's public JSON and validated by the same schema and rules the
 * command line uses (parseProfile), with each Dutch error placed at the
 * field it is about.
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { parseProfile, ProfileError, type Profile } from '../../definitions/profile';

export type DeviationKind = 'parameter' | 'toelichting';

export interface DeviationDraft {
  /** Stable key for the list (not saved). */
  readonly key: number;
  readonly term: string;
  readonly kind: DeviationKind;
  readonly parameter: string;
  /** The value as typed ("12", "12,5"; "ja"/"nee" for a yes/no parameter). */
  readonly value: string;
  readonly toelichting: string;
  readonly motivering: string;
}

export interface ProfileDraft {
  readonly naam: string;
  readonly gemeente: string;
  readonly deviations: readonly DeviationDraft[];
}

export type DeviationField = 'term' | 'parameter' | 'value' | 'toelichting' | 'motivering';

export interface DraftErrors {
  readonly naam?: string;
  readonly gemeente?: string;
  /** By deviation key. */
  readonly deviations: ReadonlyMap<number, Partial<Record<DeviationField, string>>>;
  /** An error that belongs to no single field. */
  readonly general?: string;
}

export interface DraftCheck {
  /** The valid profile, or null when there are errors. */
  readonly profile: Profile | null;
  readonly errors: DraftErrors;
  readonly valid: boolean;
}

let nextKey = 1;

export function emptyDeviation(term = ''): DeviationDraft {
  return { key: nextKey++, term, kind: 'parameter', parameter: '', value: '', toelichting: '', motivering: '' };
}

export const EMPTY_DRAFT: ProfileDraft = Object.freeze({ naam: '', gemeente: '', deviations: [] });

function valueText(value: unknown): string {
  if (typeof value === 'boolean') return value ? 'ja' : 'nee';
  if (typeof value === 'number') return String(value).replace('.', ',');
  return value === undefined || value === null ? '' : String(value);
}

/** The draft of a profile (the stored one, an imported one). */
export function draftFromProfile(profile: Profile | null): ProfileDraft {
  if (profile === null) return EMPTY_DRAFT;
  return {
    naam: profile.naam,
    gemeente: profile.gemeente,
    deviations: profile.afwijkingen.map((d) => ({
      key: nextKey++,
      term: d.term,
      kind: d.parameter !== undefined ? 'parameter' : 'toelichting',
      parameter: d.parameter ?? '',
      value: valueText(d.waarde),
      toelichting: d.toelichting ?? '',
      motivering: d.motivering,
    })),
  };
}

const textOf = (v: unknown): string => (typeof v === 'string' ? v : '');

/** A best-effort draft of any stored profile object, also an invalid one, so that the user can repair it. */
export function draftFromRaw(raw: unknown): ProfileDraft {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return EMPTY_DRAFT;
  const r = raw as Record<string, unknown>;
  const list = Array.isArray(r.afwijkingen) ? r.afwijkingen : [];
  return {
    naam: textOf(r.naam),
    gemeente: textOf(r.gemeente),
    deviations: list.map((item): DeviationDraft => {
      const d = typeof item === 'object' && item !== null ? (item as Record<string, unknown>) : {};
      const parameter = textOf(d.parameter);
      return {
        key: nextKey++,
        term: textOf(d.term),
        kind: parameter !== '' || d.waarde !== undefined || d.toelichting === undefined ? 'parameter' : 'toelichting',
        parameter,
        value: valueText(d.waarde),
        toelichting: textOf(d.toelichting),
        motivering: textOf(d.motivering),
      };
    }),
  };
}

/** A typed value as JSON: a number where it reads as one (decimal comma or point), true/false for ja/nee, else the text as typed. */
function rawValue(text: string, set: DefinitionSet, d: DeviationDraft): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const parameter = set.byId.get(d.term)?.parameters.find((p) => p.id === d.parameter);
  if (parameter?.type === 'boolean') {
    if (/^(ja|true|waar)$/i.test(t)) return true;
    if (/^(nee|false|onwaar)$/i.test(t)) return false;
    return t;
  }
  if (/^-?\d+([.,]\d+)?$/.test(t)) return Number(t.replace(',', '.'));
  return t;
}

function rawDeviation(d: DeviationDraft, set: DefinitionSet): Record<string, unknown> {
  const out: Record<string, unknown> = { term: d.term.trim() };
  if (d.kind === 'parameter') {
    if (d.parameter.trim() !== '') out.parameter = d.parameter.trim();
    const value = rawValue(d.value, set, d);
    if (value !== undefined) out.waarde = value;
  } else {
    out.toelichting = d.toelichting;
  }
  out.motivering = d.motivering;
  return out;
}

/** The profile's public JSON for a draft (what is stored and exported), valid or not. */
export function rawProfile(draft: ProfileDraft, set: DefinitionSet): Record<string, unknown> {
  return {
    naam: draft.naam,
    gemeente: draft.gemeente,
    basisversie: set.version,
    afwijkingen: draft.deviations.map((d) => rawDeviation(d, set)),
  };
}

/** What to fill in, for the schema's "'x' is leeg" and "'x' ontbreekt" at a field the form shows. */
const FILL_IN: Readonly<Record<string, string>> = {
  naam: 'Vul de naam van het profiel in.',
  gemeente: 'Vul de gemeente in.',
  motivering: 'Vul een motivering in: waarom wijkt de gemeente af?',
  toelichting: 'Vul de toelichting bij de definitie in.',
  waarde: 'Vul een waarde in.',
  parameter: 'Kies een parameter.',
};

/**
 * The reason of a ProfileError without its lead ("Profiel ongeldig:
 * afwijking 1 (…): "), starting with a capital; an empty or missing field
 * as what to fill in.
 */
function reason(message: string): string {
  const empty = /^Profiel ongeldig: (?:afwijking \d+(?: \([^)]*\))?(?:, |: ))?'(\w+)' (?:is leeg|ontbreekt)\.?$/.exec(message);
  if (empty !== null && FILL_IN[empty[1]] !== undefined) return FILL_IN[empty[1]];
  const bare = message.replace(/^Profiel ongeldig: /, '').replace(/^afwijking \d+( \([^)]*\))?: /, '').replace(/^afwijking \d+, /, '');
  return bare.charAt(0).toUpperCase() + bare.slice(1);
}

function problem(raw: unknown, set: DefinitionSet): string | null {
  try {
    parseProfile(raw, set);
    return null;
  } catch (error) {
    if (error instanceof ProfileError) return error.message;
    throw error;
  }
}

/** Which field of a deviation a message is about. */
function fieldOf(message: string): DeviationField {
  if (/'motivering'/.test(message)) return 'motivering';
  if (/'toelichting'|een toelichting/.test(message)) return 'toelichting';
  if (/: term '/.test(message) || /'term'/.test(message)) return 'term';
  if (/onbekende parameter|geef 'parameter' op|'parameter'|staat al eerder/.test(message)) return 'parameter';
  return 'value';
}

/** Validates the draft field by field with parseProfile; the profile when all is well. */
export function checkDraft(draft: ProfileDraft, set: DefinitionSet): DraftCheck {
  const filler = { naam: 'x', gemeente: 'x', afwijkingen: [] as unknown[] };
  const naam = problem({ ...filler, naam: draft.naam }, set);
  const gemeente = problem({ ...filler, gemeente: draft.gemeente }, set);
  const deviations = new Map<number, Partial<Record<DeviationField, string>>>();
  draft.deviations.forEach((d) => {
    if (d.term.trim() === '') {
      deviations.set(d.key, { term: 'Kies een term.' });
      return;
    }
    // The motivation on its own, and the rest with a stand-in motivation, so that both errors show at once.
    const found: Partial<Record<DeviationField, string>> = {};
    const motivation = problem({ ...filler, afwijkingen: [{ term: set.terms[0].id, toelichting: 'x', motivering: d.motivering }] }, set);
    if (motivation !== null) found.motivering = reason(motivation);
    const rest = problem({ ...filler, afwijkingen: [rawDeviation({ ...d, motivering: motivation === null ? d.motivering : 'x' }, set)] }, set);
    if (rest !== null) found[fieldOf(rest)] = reason(rest);
    if (Object.keys(found).length > 0) deviations.set(d.key, found);
  });
  const errors: { naam?: string; gemeente?: string; deviations: typeof deviations; general?: string } = { deviations };
  if (naam !== null) errors.naam = reason(naam);
  if (gemeente !== null) errors.gemeente = reason(gemeente);
  if (naam !== null || gemeente !== null || deviations.size > 0) return { profile: null, errors, valid: false };
  // Each part is valid on its own; what is left are rules over the whole (a parameter changed twice).
  const raw = rawProfile(draft, set);
  try {
    return { profile: parseProfile(raw, set), errors, valid: true };
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    const index = /afwijking (\d+)/.exec(error.message);
    const d = index === null ? undefined : draft.deviations[Number(index[1]) - 1];
    if (d !== undefined) deviations.set(d.key, { [fieldOf(error.message)]: reason(error.message) });
    else errors.general = error.message;
    return { profile: null, errors, valid: false };
  }
}
