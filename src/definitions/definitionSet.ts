/**
 * The standard definition set. Its data (./data/*.json) is validated when the
 * product is built: scripts/build-definitions.ts runs the zod schema and the
 * cross-reference rules (validateDefinitions.ts) and writes the result to
 * ./generated/definitieset.json. Loading the standard set therefore neither
 * runs nor imports zod, which keeps the command line's start and the Excel
 * add-in's custom functions fast; a test checks that the prebuilt copy equals
 * a fresh validation of the data.
 */
import prebuilt from './generated/definitieset.json';
import type { Category } from './constants';
import type { Term } from './schema';

export interface DefinitionSet {
  readonly version: string;
  readonly title: string;
  readonly categories: Readonly<Record<Category, string>>;
  readonly terms: readonly Term[];
  readonly byId: ReadonlyMap<string, Term>;
}

/** Validated data of a set, as the build step writes it. */
export interface DefinitionSetData {
  readonly version: string;
  readonly title: string;
  readonly categories: Readonly<Partial<Record<Category, string>>>;
  readonly terms: readonly Term[];
}

export class DefinitionDataError extends Error {}

/** A set from validated data (the lookups only; validation is validateDefinitions.ts). */
export function definitionSetFrom(data: DefinitionSetData): DefinitionSet {
  const terms = Object.freeze([...data.terms]);
  return Object.freeze({
    version: data.version,
    title: data.title,
    categories: data.categories as Record<Category, string>,
    terms,
    byId: new Map(terms.map((t) => [t.id, t])),
  });
}

let standard: DefinitionSet | undefined;

/** The standard set shipped with the product (validated when it was built). */
export function standardDefinitionSet(): DefinitionSet {
  standard ??= definitionSetFrom(prebuilt as unknown as DefinitionSetData);
  return standard;
}
