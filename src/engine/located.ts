/** Building located findings from a code and its message values. */
import { CATALOGUE, joinSuggestions, renderMessage, type Finding, type FindingCode, type MessageValues } from './findings';
import { cellAddress, type RawValue } from './grid';

export interface Place {
  readonly sheet: string;
  /** 0-based row and column. */
  readonly row: number;
  readonly col: number;
  readonly column: string | null;
  readonly value: RawValue;
}

export interface FindingExtras {
  readonly term?: string | null;
  readonly suggestion?: string | null;
  readonly fragment?: string | null;
  readonly offset?: number | null;
}

export function findingAt(code: FindingCode, place: Place, values: MessageValues, extras: FindingExtras = {}): Finding {
  const suggestion = extras.suggestion ?? null;
  const suggestions = suggestion === null ? [] : [suggestion];
  return {
    sheet: place.sheet,
    cell: cellAddress(place.row, place.col),
    row: place.row + 1,
    column: place.column,
    code,
    severity: CATALOGUE[code].severity,
    term: extras.term ?? null,
    message: renderMessage(code, values),
    value: place.value,
    suggestion: joinSuggestions(suggestions),
    suggestions,
    fragment: extras.fragment ?? null,
    offset: extras.offset ?? null,
  };
}
