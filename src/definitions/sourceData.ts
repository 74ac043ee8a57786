/**
 * The data files as written in src/definitions/data/, before validation.
 * Only the build step (scripts/build-definitions.ts) and the tests read them;
 * the product loads the validated, prebuilt copy in ./generated/.
 */
import meta from './data/meta.json';
import actoren from './data/actoren.json';
import doelgroepen from './data/doelgroepen.json';
import proces from './data/proces.json';
import instrumenten from './data/instrumenten.json';
import resultaten from './data/resultaten.json';
import indicatoren from './data/indicatoren.json';
import contract from './data/contract.json';
import rapportage from './data/rapportage.json';
import format from './data/uniforme-rapportage.json';
import type { Category } from './constants';

export const SOURCE_META: unknown = meta;

export const SOURCE_FILES: Record<Category, unknown> = {
  actoren,
  doelgroepen,
  proces,
  instrumenten,
  resultaten,
  indicatoren,
  contract,
  rapportage,
};

export const SOURCE_FORMAT: unknown = format;
