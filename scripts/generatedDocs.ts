/** The documents generated from the data, by path relative to the repository. */
import { standardDefinitionSet } from '../src/definitions/definitionSet';
import { effectiveDefinitions } from '../src/definitions/profile';
import { definitionSetMarkdown } from '../src/definitions/publication';
import { reportFormatMarkdown } from '../src/definitions/formatPublication';
import { standardReportFormat } from '../src/definitions/reportFormat';
import { findingCodesMarkdown } from './codeExamples';

export function generatedDocs(): Record<string, string> {
  const defs = effectiveDefinitions(standardDefinitionSet());
  return {
    'docs/definitieset.md': definitionSetMarkdown(defs),
    'docs/bevindingen.md': findingCodesMarkdown(defs),
    'docs/uniforme-rapportage.md': reportFormatMarkdown(standardReportFormat(), standardDefinitionSet()),
  };
}
