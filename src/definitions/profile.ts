/**
 * A contract profile: a municipality's deviations from the standard set, and
 * the effective definitions (standard + profile) that every check uses.
 * The profile JSON is a public contract (Dutch keys); see
 * shared/design/uniforme-rapportage.md, "Contract profile file". The zod
 * schema of the profile is in profileSchema.ts and is loaded only when a
 * profile is parsed.
 */
import { numberText } from './numberText';
import type { DefinitionSet } from './definitionSet';
import type { Deviation, Profile } from './profileSchema';
import type { Parameter, Term } from './schema';

export type { Deviation, Profile } from './profileSchema';

/**
 * CommonJS `require` (Node, webpack bundles): the zod schema is loaded only on
 * the path that validates, never when the module itself loads.
 */
declare const require: (id: string) => unknown;

/** A profile that cannot be used; the message is one Dutch line for the user. */
export class ProfileError extends Error {}

export interface EffectiveParameter extends Parameter {
  readonly value: number | boolean;
  /** Set when the profile changed this parameter. */
  readonly deviation?: { readonly motivering: string };
}

export interface DefinitionNote {
  readonly toelichting: string;
  readonly motivering: string;
}

export interface EffectiveTerm extends Omit<Term, 'parameters'> {
  readonly parameters: readonly EffectiveParameter[];
  /** Notes the profile adds to the definition. */
  readonly notes: readonly DefinitionNote[];
}

export interface EffectiveDefinitions {
  readonly version: string;
  readonly title: string;
  readonly categories: DefinitionSet['categories'];
  readonly profile: Profile | null;
  readonly terms: readonly EffectiveTerm[];
  readonly byId: ReadonlyMap<string, EffectiveTerm>;
}

/** Parses and validates a profile object against the set; throws ProfileError. */
export function parseProfile(raw: unknown, set: DefinitionSet): Profile {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new ProfileError('Profiel ongeldig: verwacht een JSON-object met naam, gemeente en afwijkingen.');
  }
  // zod is loaded only here, when a profile is read: the standard set needs none.
  const { parseProfileShape } = require('./profileSchema') as typeof import('./profileSchema');
  const profile = parseProfileShape(raw);
  if (profile.basisversie !== undefined && profile.basisversie !== set.version) {
    throw new ProfileError(
      `Profiel '${profile.naam}' bouwt op definitieset ${profile.basisversie}, maar deze definitieset is versie ${set.version}.`,
    );
  }
  const seen = new Set<string>();
  profile.afwijkingen.forEach((deviation, index) => {
    const key = checkDeviation(deviation, index, set);
    if (key !== null) {
      if (seen.has(key)) {
        throw new ProfileError(`Profiel ongeldig: afwijking ${index + 1} (${key}) staat al eerder in het profiel.`);
      }
      seen.add(key);
    }
  });
  return profile;
}

/** Checks one deviation; returns "term.parameter" for a parameter deviation. */
function checkDeviation(deviation: Deviation, index: number, set: DefinitionSet): string | null {
  const label = `afwijking ${index + 1}`;
  const term = set.byId.get(deviation.term);
  if (term === undefined) {
    throw new ProfileError(
      `Profiel ongeldig: ${label}: term '${deviation.term}' bestaat niet in definitieset ${set.version}.`,
    );
  }
  if (deviation.parameter === undefined) {
    if (deviation.waarde !== undefined) {
      throw new ProfileError(`Profiel ongeldig: ${label} (${term.id}): een waarde hoort bij een parameter; geef 'parameter' op.`);
    }
    if (deviation.toelichting === undefined) {
      throw new ProfileError(
        `Profiel ongeldig: ${label} (${term.id}): geef een parameter met een waarde of een toelichting bij de definitie.`,
      );
    }
    return null;
  }
  const where = `${label} (${term.id}.${deviation.parameter})`;
  const parameter = term.parameters.find((p) => p.id === deviation.parameter);
  if (parameter === undefined) {
    const known = term.parameters.map((p) => p.id).join(', ');
    throw new ProfileError(
      `Profiel ongeldig: ${label} (${term.id}): onbekende parameter '${deviation.parameter}'` +
        (known ? `; deze term kent: ${known}.` : '; deze term heeft geen parameters.'),
    );
  }
  if (deviation.waarde === undefined) {
    throw new ProfileError(`Profiel ongeldig: ${where}: 'waarde' ontbreekt.`);
  }
  checkValue(parameter, deviation.waarde, where);
  return `${term.id}.${parameter.id}`;
}

function checkValue(parameter: Parameter, value: unknown, where: string): void {
  if (parameter.type === 'boolean') {
    if (typeof value !== 'boolean') {
      throw new ProfileError(`Profiel ongeldig: ${where}: waarde ${JSON.stringify(value)} is geen ja/nee-waarde (true of false).`);
    }
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ProfileError(`Profiel ongeldig: ${where}: waarde ${JSON.stringify(value)} is geen getal.`);
  }
  if (parameter.integer && !Number.isInteger(value)) {
    throw new ProfileError(`Profiel ongeldig: ${where}: waarde ${numberText(value)} moet een geheel getal zijn.`);
  }
  const min = parameter.min as number;
  const max = parameter.max as number;
  if (value < min || value > max) {
    throw new ProfileError(
      `Profiel ongeldig: ${where}: waarde ${numberText(value)} ligt buiten het bereik ${numberText(min)}–${numberText(max)} ${parameter.unit}.`,
    );
  }
}

/** The effective definitions: the standard set with the profile applied. */
export function effectiveDefinitions(set: DefinitionSet, profile: Profile | null = null): EffectiveDefinitions {
  const terms = set.terms.map((term): EffectiveTerm => {
    const deviations = profile?.afwijkingen.filter((d) => d.term === term.id) ?? [];
    const parameters = term.parameters.map((p): EffectiveParameter => {
      const deviation = deviations.find((d) => d.parameter === p.id);
      if (deviation === undefined) return { ...p, value: p.default };
      return { ...p, value: deviation.waarde as number | boolean, deviation: { motivering: deviation.motivering } };
    });
    const notes = deviations
      .filter((d) => d.parameter === undefined && d.toelichting !== undefined)
      .map((d) => ({ toelichting: d.toelichting as string, motivering: d.motivering }));
    return { ...term, parameters, notes };
  });
  return {
    version: set.version,
    title: set.title,
    categories: set.categories,
    profile,
    terms,
    byId: new Map(terms.map((t) => [t.id, t])),
  };
}

/** The effective value of a parameter; throws when the set lacks it (a data error). */
export function parameterValue(defs: EffectiveDefinitions, termId: string, parameterId: string): number | boolean {
  const parameter = defs.byId.get(termId)?.parameters.find((p) => p.id === parameterId);
  if (parameter === undefined) throw new Error(`parameter ${termId}.${parameterId} ontbreekt in de definitieset`);
  return parameter.value;
}

/** Parses profile JSON text (as read from a file or a workbook). */
export function parseProfileJson(json: string, set: DefinitionSet): Profile {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ProfileError('Profiel ongeldig: het bestand is geen geldige JSON.');
  }
  return parseProfile(raw, set);
}
