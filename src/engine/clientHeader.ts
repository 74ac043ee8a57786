/**
 * Finding the header row of the client sheet and mapping its columns to the
 * report format: the first row within the first rows (format: searchRows)
 * with at least `minRecognised` recognised headers. Headers match ignoring
 * case, diacritics and punctuation; variants are mapped and flagged.
 */
import type { Column } from '../definitions/formatSchema';
import { headerKey, type ReportFormat } from '../definitions/reportFormat';
import { HEADER_HINTS, UNKNOWN_COLUMN_REASONS, type Finding } from './findings';
import type { SheetData } from './grid';
import { findingAt } from './located';

export interface ColumnBinding {
  readonly column: Column;
  /** 0-based column index in the sheet. */
  readonly col: number;
  /** Index of the column in the format (field index). */
  readonly field: number;
}

export interface HeaderResult {
  /** 0-based header row, or -1 when no row qualifies. */
  readonly headerRow: number;
  readonly bindings: readonly ColumnBinding[];
  /** Column of each format field in the sheet, or -1. */
  readonly columnOfField: readonly number[];
  readonly findings: readonly Finding[];
}

function recognised(format: ReportFormat, value: unknown): Column | undefined {
  return typeof value === 'string' ? format.headers.get(headerKey(value))?.target : undefined;
}

/** How far down a header row is looked for to say where it was seen (it is not used from there). */
const LOOK_FURTHER = 1000;

export function findHeader(sheet: SheetData, format: ReportFormat): HeaderResult {
  const { searchRows, minRecognised } = format.data.header;
  const fieldIndex = new Map(format.columns.map((c, i) => [c.field, i]));
  const columnOfField: number[] = format.columns.map(() => -1);
  const findings: Finding[] = [];

  let headerRow = -1;
  for (let r = 0; r < Math.min(searchRows, sheet.values.length); r++) {
    const row = sheet.values[r] ?? [];
    const distinct = new Set(row.map((v) => recognised(format, v)).filter((c) => c !== undefined));
    if (distinct.size >= minRecognised) {
      headerRow = r;
      break;
    }
  }

  // No header row where the format looks: a header row further down is named in the findings.
  let seenRow = -1;
  if (headerRow < 0) {
    for (let r = searchRows; r < Math.min(LOOK_FURTHER, sheet.values.length); r++) {
      const row = sheet.values[r] ?? [];
      const distinct = new Set(row.map((v) => recognised(format, v)).filter((c) => c !== undefined));
      if (distinct.size >= minRecognised) {
        seenRow = r;
        break;
      }
    }
  }

  const bindings: ColumnBinding[] = [];
  let firstHeaderCol = 0;
  if (headerRow >= 0) {
    const row = sheet.values[headerRow] ?? [];
    firstHeaderCol = row.findIndex((v) => v !== null && v !== undefined && v !== '');
    for (let c = 0; c < row.length; c++) {
      const value = row[c];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const place = { sheet: sheet.name, row: headerRow, col: c, column: value, value };
      const match = format.headers.get(headerKey(value));
      if (match === undefined) {
        findings.push(
          findingAt('KOP_ONBEKEND', place, { waarde: value, reden: UNKNOWN_COLUMN_REASONS.notInFormat }),
        );
        continue;
      }
      const field = fieldIndex.get(match.target.field) as number;
      if (columnOfField[field] >= 0) {
        const first = sheet.values[headerRow]?.[columnOfField[field]];
        findings.push(
          findingAt('KOP_ONBEKEND', place, {
            waarde: value,
            reden: UNKNOWN_COLUMN_REASONS.secondColumn(match.target.header, String(first)),
          }, { term: match.target.term }),
        );
        continue;
      }
      columnOfField[field] = c;
      bindings.push({ column: match.target, col: c, field });
      if (!match.standard) {
        findings.push(
          findingAt('KOP_NIET_CONFORM', { ...place, column: match.target.header }, { waarde: value, suggestie: match.target.header }, {
            term: match.target.term,
            suggestion: match.target.header,
          }),
        );
      }
    }
  }

  const anchorRow = headerRow >= 0 ? headerRow : Math.max(seenRow, 0);
  if (seenRow >= 0) firstHeaderCol = (sheet.values[seenRow] ?? []).findIndex((v) => v !== null && v !== undefined && v !== '');
  const anchorCol = Math.max(firstHeaderCol, 0);
  const hint = seenRow >= 0 ? HEADER_HINTS.seenLower(seenRow + 1, searchRows) : '';
  for (const column of format.columns) {
    if (column.required !== 'always' || columnOfField[fieldIndex.get(column.field) as number] >= 0) continue;
    findings.push(
      findingAt(
        'KOP_ONTBREEKT',
        { sheet: sheet.name, row: anchorRow, col: anchorCol, column: column.header, value: sheet.values[anchorRow]?.[anchorCol] ?? null },
        { kolom: column.header, blad: sheet.name, hint },
        { term: column.term, suggestion: column.header },
      ),
    );
  }
  return { headerRow, bindings, columnOfField, findings };
}
