/**
 * How a finding is shown to people, once for every output: the public JSON
 * (Dutch keys), the terminal table, the Controle sheet of a marked copy and
 * the task pane. A field's Dutch column name, its JSON key and how its value
 * is written live here and nowhere else.
 */
import { CATALOGUE, type Finding, type Severity } from './findings';
import { isCellError, type RawValue } from './grid';
import { numberText } from '../definitions/numberText';

/** A cell value as JSON: an Excel error by its name, anything else as it is. */
export function jsonValue(value: RawValue): string | number | boolean | null {
  return isCellError(value) ? value.error : value;
}

/** A cell value as text for people: errors by name, booleans as Excel shows them in Dutch, numbers with a decimal comma. */
export function valueText(value: RawValue): string {
  if (value === null) return '';
  if (isCellError(value)) return value.error;
  if (typeof value === 'boolean') return value ? 'WAAR' : 'ONWAAR';
  if (typeof value === 'number') return numberText(value);
  return value;
}

/** What a finding is about, as text: the fragment for a text finding, else the cell value. */
export function subjectText(f: Finding): string {
  return f.fragment ?? valueText(f.value);
}

/** Where a finding is: "Cliënten!L7", "L7", "regel 12" or "" (a whole file). */
export function placeText(f: Pick<Finding, 'sheet' | 'cell' | 'row'>): string {
  if (f.cell !== null) return f.sheet !== null ? `${f.sheet}!${f.cell}` : f.cell;
  if (f.row !== null) return `regel ${f.row}`;
  return '';
}

/** The severity as a word for a count: "1 fout", "3 fouten", "1 waarschuwing", "0 info". */
export function severityCount(severity: Severity, n: number): string {
  switch (severity) {
    case 'fout':
      return `${n} ${n === 1 ? 'fout' : 'fouten'}`;
    case 'waarschuwing':
      return `${n} ${n === 1 ? 'waarschuwing' : 'waarschuwingen'}`;
    default:
      return `${n} info`;
  }
}

/** One field of a finding: its JSON key, its Dutch column name and its value. */
export interface FindingField {
  /** Key in the public JSON (shared/design/uniforme-rapportage.md). */
  readonly key: string;
  /** Column name in tables and in the Controle sheet. */
  readonly label: string;
  readonly json: (f: Finding) => unknown;
  /** As a cell of the Controle sheet: text, a number or empty. */
  readonly cell: (f: Finding) => string | number | null;
}

const text = (s: string | null): string | null => (s === null || s === '' ? null : s);

/** Every field in the order of the public JSON; the Controle sheet shows the same columns plus the rule. */
export const FINDING_FIELDS: readonly FindingField[] = [
  { key: 'blad', label: 'Blad', json: (f) => f.sheet, cell: (f) => f.sheet },
  { key: 'cel', label: 'Cel', json: (f) => f.cell, cell: (f) => f.cell },
  { key: 'rij', label: 'Rij', json: (f) => f.row, cell: (f) => f.row },
  { key: 'kolom', label: 'Kolom', json: (f) => f.column, cell: (f) => f.column },
  { key: 'code', label: 'Code', json: (f) => f.code, cell: (f) => f.code },
  { key: 'ernst', label: 'Ernst', json: (f) => f.severity, cell: (f) => f.severity },
  { key: 'term', label: 'Term', json: (f) => f.term, cell: (f) => f.term },
  { key: 'melding', label: 'Melding', json: (f) => f.message, cell: (f) => f.message },
  { key: 'waarde', label: 'Waarde', json: (f) => jsonValue(f.value), cell: (f) => text(valueText(f.value)) },
  { key: 'suggestie', label: 'Suggestie', json: (f) => f.suggestion, cell: (f) => f.suggestion },
  { key: 'fragment', label: 'Fragment', json: (f) => f.fragment, cell: (f) => f.fragment },
  { key: 'suggesties', label: 'Suggesties', json: (f) => f.suggestions, cell: (f) => text(f.suggestions.join(' | ')) },
  { key: 'positie', label: 'Positie', json: (f) => f.offset, cell: (f) => f.offset },
];

/** The public JSON of one finding. */
export function findingJson(f: Finding): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of FINDING_FIELDS) out[field.key] = field.json(f);
  return out;
}

/** Columns of the Controle sheet: every field but the alternatives and offset, then the rule. */
export const CONTROL_COLUMNS: readonly { readonly label: string; readonly cell: (f: Finding) => string | number | null }[] = [
  ...FINDING_FIELDS.filter((field) => field.key !== 'suggesties' && field.key !== 'positie'),
  { label: 'Regel', cell: (f) => CATALOGUE[f.code].rule },
];

/** Columns of the terminal table and the pane's list. */
export const TABLE_COLUMNS: readonly { readonly label: string; readonly text: (f: Finding) => string }[] = [
  { label: 'Plaats', text: placeText },
  { label: 'Ernst', text: (f) => f.severity },
  { label: 'Code', text: (f) => f.code },
  { label: 'Waarde', text: subjectText },
  { label: 'Suggestie', text: (f) => f.suggestion ?? '' },
  { label: 'Melding', text: (f) => f.message },
];
