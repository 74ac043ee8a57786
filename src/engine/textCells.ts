/**
 * Term findings in the text cells of a sheet (TERM_NIET_CONFORM and
 * DEFINITIE_STRIJDIG), as located findings.
 */
import { CATALOGUE, joinSuggestions, type Finding } from './findings';
import { cellAddress, columnLetters, forEachCell, type RawValue, type SheetData } from './grid';
import type { TermMatcher, TextFinding } from './termMatcher';

export interface CellLocation {
  readonly sheet: string | null;
  readonly cell: string | null;
  readonly row: number | null;
  readonly column: string | null;
  readonly value: RawValue;
}

/** A text finding placed at a cell (or a line of a text file). */
export function locateTextFinding(finding: TextFinding, at: CellLocation): Finding {
  // Written out instead of spreading `at`: one object shape for every finding, which a scan with
  // tens of thousands of findings notices.
  return {
    sheet: at.sheet,
    cell: at.cell,
    row: at.row,
    column: at.column,
    value: at.value,
    code: finding.code,
    severity: CATALOGUE[finding.code].severity,
    term: finding.term,
    message: finding.message,
    suggestion: joinSuggestions(finding.suggestions),
    suggestions: finding.suggestions,
    fragment: finding.fragment,
    offset: finding.start,
  };
}

export interface TextCellOptions {
  /** The column name to report; default: the column letter. */
  readonly columnName?: (col: number) => string | null;
  /** Which cells to scan; default: every text cell. */
  readonly include?: (row: number, col: number) => boolean;
  /** The 0-based rows [from, to) to scan; default: all. */
  readonly from?: number;
  readonly to?: number;
}

/** Scans every text cell of `sheet` (or those `include` selects). */
export function scanTextCells(sheet: SheetData, matcher: TermMatcher, options: TextCellOptions = {}): Finding[] {
  const findings: Finding[] = [];
  const columnName = options.columnName ?? columnLetters;
  const end = Math.min(options.to ?? sheet.values.length, sheet.values.length);
  for (let r = options.from ?? 0; r < end; r++) {
    const row = sheet.values[r];
    if (row === undefined) continue;
    forEachCell(row, (value, c) => {
      if (typeof value !== 'string' || value.length === 0) return;
      if (options.include !== undefined && !options.include(r, c)) return;
      const hits = matcher.scan(value);
      if (hits.length === 0) return;
      const at: CellLocation = { sheet: sheet.name, cell: cellAddress(r, c), row: r + 1, column: columnName(c), value };
      for (const hit of hits) findings.push(locateTextFinding(hit, at));
    });
  }
  return findings;
}

/** Number of rows of `sheet` that hold at least one value. */
export function countFilledRows(sheet: SheetData): number {
  let n = 0;
  for (const row of sheet.values) if (row !== undefined && row.some((v) => v !== null && v !== '')) n++;
  return n;
}
