/**
 * Validating definition data: the zod schema plus the cross-reference rules.
 * The standard set is validated when the product is built
 * (scripts/build-definitions.ts writes the result to ./generated/), and a
 * test checks that the prebuilt copy equals a fresh validation; data of
 * one's own (BENCH_DATA_DIR, tests) goes through buildDefinitionSet here.
 */
import type { z } from 'zod';
import { DefinitionDataError, definitionSetFrom, type DefinitionSet } from './definitionSet';
import { normaliseForm } from './normaliseForm';
import { categoryFileSchema, metaSchema, type Meta, type Term } from './schema';

function formatZodError(where: string, error: z.ZodError): string {
  const issue = error.issues[0];
  return `${where}: ${issue.path.join('.')}: ${issue.message}`;
}

/** Validates raw data into a definition set; throws DefinitionDataError. */
export function buildDefinitionSet(rawMeta: unknown, rawFiles: Record<string, unknown>): DefinitionSet {
  const metaResult = metaSchema.safeParse(rawMeta);
  if (!metaResult.success) throw new DefinitionDataError(formatZodError('meta.json', metaResult.error));
  const parsedMeta: Meta = metaResult.data;

  const terms: Term[] = [];
  for (const [category, raw] of Object.entries(rawFiles)) {
    const result = categoryFileSchema.safeParse(raw);
    if (!result.success) throw new DefinitionDataError(formatZodError(`${category}.json`, result.error));
    for (const term of result.data) {
      if (term.category !== category) {
        throw new DefinitionDataError(`${term.id}: categorie ${term.category} staat in ${category}.json`);
      }
      terms.push(term);
    }
  }

  const byId = new Map<string, Term>();
  for (const term of terms) {
    if (byId.has(term.id)) throw new DefinitionDataError(`dubbele term-id: ${term.id}`);
    byId.set(term.id, term);
  }
  checkReferences(terms, byId);
  checkForms(terms);
  return definitionSetFrom({ version: parsedMeta.version, title: parsedMeta.title, categories: parsedMeta.categories, terms });
}

function checkReferences(terms: Term[], byId: Map<string, Term>): void {
  for (const term of terms) {
    for (const id of term.related) {
      if (!byId.has(id)) throw new DefinitionDataError(`${term.id}: verwante term ${id} bestaat niet`);
      if (id === term.id) throw new DefinitionDataError(`${term.id}: verwijst naar zichzelf`);
    }
    for (const nc of term.nonConforming) {
      for (const id of nc.alsoTerms ?? []) {
        if (!byId.has(id)) throw new DefinitionDataError(`${term.id}: ${nc.text}: term ${id} bestaat niet`);
      }
    }
    if (new Set(term.usage).size !== term.usage.length) {
      throw new DefinitionDataError(`${term.id}: gebruik dubbel genoemd`);
    }
    const paramIds = new Set<string>();
    for (const p of term.parameters) {
      if (paramIds.has(p.id)) throw new DefinitionDataError(`${term.id}: parameter ${p.id} dubbel`);
      paramIds.add(p.id);
      for (const id of [...(p.mentionedBy ?? []), ...(p.about ?? [])]) {
        if (!byId.has(id)) throw new DefinitionDataError(`${term.id}.${p.id}: term ${id} bestaat niet`);
      }
    }
    const valueIds = new Set<string>();
    for (const v of term.values ?? []) {
      if (valueIds.has(v.id)) throw new DefinitionDataError(`${term.id}: waarde ${v.id} dubbel`);
      valueIds.add(v.id);
    }
    for (const example of [...term.examples.flagged, ...(term.examples.cases ?? [])]) {
      for (const id of Object.keys(example.profile ?? {})) {
        if (!paramIds.has(id)) throw new DefinitionDataError(`${term.id}: voorbeeld noemt onbekende parameter ${id}`);
      }
    }
  }
}

/**
 * A word may be conforming (a form, or a phrase that names a term) or
 * non-conforming, never both, and one
 * non-conforming word belongs to one term (a word with two meanings names the
 * other term in `alsoTerms`).
 */
function checkForms(terms: Term[]): void {
  const conforming = new Map<string, string>();
  for (const term of terms) {
    for (const form of [term.term, ...term.forms, ...(term.mentions ?? [])]) conforming.set(normaliseForm(form), term.id);
  }
  const seen = new Map<string, string>();
  for (const term of terms) {
    for (const nc of term.nonConforming) {
      const variants = [nc.text, ...Object.keys(nc.forms ?? {})];
      for (const variant of variants) {
        const key = normaliseForm(variant);
        const owner = conforming.get(key);
        if (owner !== undefined && !nc.caseSensitive) {
          throw new DefinitionDataError(`${term.id}: '${variant}' is ook een conforme vorm van ${owner}`);
        }
        const previous = seen.get(key);
        if (previous !== undefined && !nc.caseSensitive) {
          throw new DefinitionDataError(`${term.id}: '${variant}' staat ook bij ${previous}`);
        }
        seen.set(key, term.id);
      }
    }
  }
}
