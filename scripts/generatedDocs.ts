/** The documents generated from the data, by path relative to the repository. */
import { standardDefinitionSet } from '../src/definitions/definitionSet';
import { effectiveDefinitions } from '../src/definitions/profile';
import { definitionSetMarkdown } from '../src/definitions/publication';

export function generatedDocs(): Record<string, string> {
  return {
    'docs/definitieset.md': definitionSetMarkdown(effectiveDefinitions(standardDefinitionSet())),
  };
}
