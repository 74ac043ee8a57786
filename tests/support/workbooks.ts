/** Small in-memory workbooks for engine tests, built by header label. */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile, type EffectiveDefinitions } from '../../src/definitions/profile';
import { checkWorkbook, type WorkbookCheck } from '../../src/engine/checkWorkbook';
import type { Finding } from '../../src/engine/findings';
import type { SheetData, WorkbookData } from '../../src/engine/grid';

export * from '../../scripts/exampleRows';
export const standardDefs = effectiveDefinitions(standardDefinitionSet());

export function defsWithProfile(afwijkingen: unknown[], naam = 'Bergen 2009'): EffectiveDefinitions {
  const set = standardDefinitionSet();
  return effectiveDefinitions(set, parseProfile({ naam, gemeente: 'Bergen', afwijkingen }, set));
}

export function check(sheets: SheetData[], defs: EffectiveDefinitions = standardDefs): WorkbookCheck {
  const workbook: WorkbookData = { sheets };
  return checkWorkbook(workbook, defs);
}

export const brief = (f: Finding) => `${f.code}@${f.cell}`;
export const codesOf = (findings: readonly Finding[]) => findings.map(brief);
