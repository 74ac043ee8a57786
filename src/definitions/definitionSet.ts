/**
 * The standard definition set: loads the JSON data, validates it with the zod
 * schema and the cross-reference rules, and exposes it read-only.
 */
import { z } from 'zod';
import meta from './data/meta.json';
import actoren from './data/actoren.json';
import doelgroepen from './data/doelgroepen.json';
import proces from './data/proces.json';
import instrumenten from './data/instrumenten.json';
import resultaten from './data/resultaten.json';
import indicatoren from './data/indicatoren.json';
import contract from './data/contract.json';
import rapportage from './data/rapportage.json';
import { categoryFileSchema, metaSchema, type Category, type Meta, type Term } from './schema';
import { normaliseForm } from './normaliseForm';

export interface DefinitionSet {
  readonly version: string;
  readonly title: string;
  readonly categories: Readonly<Record<Category, string>>;
  readonly terms: readonly Term[];
  readonly byId: ReadonlyMap<string, Term>;
}

const RAW_FILES: Record<Category, unknown> = {
  actoren,
  doelgroepen,
  proces,
  instrumenten,
  resultaten,
  indicatoren,
  contract,
  rapportage,
};

export class DefinitionDataError extends Error {}

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
  return Object.freeze({
    version: parsedMeta.version,
    title: parsedMeta.title,
    categories: parsedMeta.categories as Record<Category, string>,
    terms: Object.freeze(terms),
    byId,
  });
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
  }
}

/**
 * A word may be conforming or non-conforming, never both, and one
 * non-conforming word belongs to one term (a word with two meanings names the
 * other term in `alsoTerms`).
 */
function checkForms(terms: Term[]): void {
  const conforming = new Map<string, string>();
  for (const term of terms) {
    for (const form of [term.term, ...term.forms]) conforming.set(normaliseForm(form), term.id);
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

let standard: DefinitionSet | undefined;

/** The standard set shipped with the product (validated once, then cached). */
export function standardDefinitionSet(): DefinitionSet {
  standard ??= buildDefinitionSet(meta, RAW_FILES);
  return standard;
}
