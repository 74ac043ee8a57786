/**
 * The prebuilt standard definition set and report format: the data of
 * src/definitions/data/ validated (zod schema and cross-references) and
 * written as compact JSON to src/definitions/generated/, which is what the
 * product loads at run time. `npm run build` writes them; a test checks that
 * they equal a fresh validation.
 */
import { buildReportFormat } from '../src/definitions/reportFormat';
import { SOURCE_FILES, SOURCE_FORMAT, SOURCE_META } from '../src/definitions/sourceData';
import { buildDefinitionSet } from '../src/definitions/validateDefinitions';

export const PREBUILT_SET = 'src/definitions/generated/definitieset.json';
export const PREBUILT_FORMAT = 'src/definitions/generated/uniforme-rapportage.json';
export const PREBUILT_VERSION = 'src/definitions/generated/versie.json';

/** Path (relative to the repository) to file content. */
export function prebuiltDefinitions(): Record<string, string> {
  const set = buildDefinitionSet(SOURCE_META, SOURCE_FILES);
  const format = buildReportFormat(SOURCE_FORMAT, set);
  const setData = { version: set.version, title: set.title, categories: set.categories, terms: set.terms };
  return {
    [PREBUILT_SET]: JSON.stringify(setData) + '\n',
    [PREBUILT_FORMAT]: JSON.stringify(format.data) + '\n',
    [PREBUILT_VERSION]: JSON.stringify({ version: set.version, title: set.title }) + '\n',
  };
}
