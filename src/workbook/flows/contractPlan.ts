/**
 * The standard contract as sheet specs (pure data, like markPlan.ts): the
 * sheet `Overeenkomst` with the articles, and `Bijlage definities` with the
 * definition of every term the contract uses and of the report's terms.
 */
import type { AnnexEntry, ContractText } from '../../engine/templates/contractText';
import type { CellInput, SheetSpec } from '../port';

export const CONTRACT_SHEET = 'Overeenkomst';
export const ANNEX_SHEET = 'Bijlage definities';
export const ANNEX_COLUMNS = ['Term', 'Definitie', 'Gebruikt in'] as const;

export function contractSheet(text: ContractText): SheetSpec {
  const rows: CellInput[][] = [[{ value: text.title, bold: true }]];
  if (text.reference !== null) rows.push([null, `Kenmerk: ${text.reference}`]);
  rows.push([]);
  for (const line of text.preamble) rows.push([null, { value: line, wrap: true }]);
  for (const article of text.articles) {
    rows.push([]);
    rows.push([{ value: `Artikel ${article.number}`, bold: true }, { value: article.title, bold: true }]);
    for (const clause of article.clauses) rows.push([clause.number === '' ? null : clause.number, { value: clause.text, wrap: true }]);
  }
  for (const block of text.signatures) {
    rows.push([], []);
    for (const line of block) if (line !== '') rows.push([null, line]);
    rows.push([null, 'Handtekening:']);
  }
  return { name: CONTRACT_SHEET, rows, columns: [{ width: 11 }, { width: 100 }], printOnePageWide: true };
}

/** Where a term is used, in words: "artikel 1, 7; uniforme rapportage". */
export function usedIn(entry: AnnexEntry): string {
  const parts: string[] = [];
  if (entry.articles.length > 0) parts.push(`artikel ${entry.articles.join(', ')}`);
  if (entry.inReport) parts.push('uniforme rapportage');
  return parts.join('; ');
}

export function annexSheet(entries: readonly AnnexEntry[], version: string, profile: string | null): SheetSpec {
  const rows: CellInput[][] = [ANNEX_COLUMNS.map((label) => ({ value: label, bold: true }))];
  for (const entry of entries) rows.push([{ value: entry.term.term, bold: true }, { value: entry.definition, wrap: true }, usedIn(entry)]);
  rows.push([]);
  rows.push([null, `Definitieset versie ${version}${profile !== null ? `, met de afwijkingen van contractprofiel ${profile}` : ''}.`]);
  return { name: ANNEX_SHEET, rows, columns: [{ width: 30 }, { width: 100 }, { width: 28 }], frozenRows: 1, printOnePageWide: true };
}
