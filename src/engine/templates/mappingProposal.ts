/**
 * Proposing a mapping of a vendor's own table into the report: each source
 * header to a report column (a standard header, a known header variant from
 * the format data, or else the most similar header), and each of the
 * vendor's own labels in a code column to a code (a code or known variant
 * from the data, or else the nearest code by spelling). Values that cannot
 * be read are left open. The user confirms or changes every proposal.
 */
import type { Column } from '../../definitions/formatSchema';
import { headerKey, type ReportFormat } from '../../definitions/reportFormat';
import { displayValue, isEmptyValue } from '../cellValues';
import { renderMessage } from '../findings';
import { cellAddress, type SheetData } from '../grid';
import type { Mapping } from './mapping';
import { sourceKey } from './mapping';
import { parseContextFor, readForColumn, standardValue } from './columnValues';
import { HEADER_THRESHOLD, headerSimilarity } from './similarity';
import { findHeaderRow, tableAt, type VendorTable } from './vendorTable';

/** Why a source column goes where it goes. */
export type ColumnBasis = 'kop' | 'variant' | 'gelijkenis' | 'geen';
/** Why a value translates as it does: a code, a known variant, the nearest code, or open. */
export type ValueBasis = 'variant' | 'gelijkenis' | 'open';

export interface ColumnProposal {
  readonly col: number;
  readonly source: string;
  readonly target: string | null;
  readonly basis: ColumnBasis;
  /** 0..1: 1 for a header or variant, the similarity otherwise. */
  readonly score: number;
}

export interface ValueProposal {
  readonly field: string;
  /** The source text (trimmed). */
  readonly source: string;
  /** The standard value as text, or null when open. */
  readonly target: string | null;
  readonly basis: ValueBasis;
  /** How many cells hold it, and the first one (A1). */
  readonly count: number;
  readonly firstCell: string;
  /** Why it is open (the checker's message), or null. */
  readonly reason: string | null;
}

export interface MappingProposal {
  readonly table: VendorTable;
  readonly columns: readonly ColumnProposal[];
  /** Only the values that are not already standard: variants, nearest codes and open ones. */
  readonly values: readonly ValueProposal[];
  /** Report columns that are required always and have no source column. */
  readonly missing: readonly Column[];
  /** The proposal as a mapping (open values as null). */
  readonly mapping: Mapping;
}

interface Candidate {
  readonly col: number;
  readonly field: string;
  readonly basis: ColumnBasis;
  readonly score: number;
}

const BASIS_RANK: Record<ColumnBasis, number> = { kop: 3, variant: 2, gelijkenis: 1, geen: 0 };

function candidatesFor(format: ReportFormat, col: number, key: string): Candidate[] {
  const exact = format.headers.get(key);
  if (exact !== undefined) return [{ col, field: exact.target.field, basis: exact.standard ? 'kop' : 'variant', score: 1 }];
  const best = new Map<string, number>();
  for (const [label, match] of format.headers) {
    const s = headerSimilarity(key, label);
    if (s >= HEADER_THRESHOLD && s > (best.get(match.target.field) ?? 0)) best.set(match.target.field, s);
  }
  return [...best].map(([field, score]) => ({ col, field, basis: 'gelijkenis' as const, score }));
}

/** How well a header text fits the report (finding the header row). */
function headerScore(format: ReportFormat, header: string): number {
  return format.headers.has(headerKey(header)) ? 1 : 0;
}

/** Each target to one source column: better basis first, then higher score, then the leftmost. */
export function proposeColumns(format: ReportFormat, table: VendorTable): ColumnProposal[] {
  const all = table.columns.flatMap((c) => candidatesFor(format, c.col, c.key));
  all.sort((a, b) => BASIS_RANK[b.basis] - BASIS_RANK[a.basis] || b.score - a.score || a.col - b.col);
  const byCol = new Map<number, Candidate>();
  const taken = new Set<string>();
  for (const c of all) {
    if (byCol.has(c.col) || taken.has(c.field)) continue;
    byCol.set(c.col, c);
    taken.add(c.field);
  }
  return table.columns.map((c) => {
    const chosen = byCol.get(c.col);
    return chosen === undefined
      ? { col: c.col, source: c.header, target: null, basis: 'geen' as const, score: 0 }
      : { col: c.col, source: c.header, target: chosen.field, basis: chosen.basis, score: chosen.score };
  });
}

/** The distinct non-standard values of the mapped columns, with their proposed translation. */
export function proposeValues(
  format: ReportFormat,
  table: VendorTable,
  columns: readonly { readonly col: number; readonly target: string | null }[],
): ValueProposal[] {
  const out: ValueProposal[] = [];
  for (const proposal of columns) {
    if (proposal.target === null) continue;
    const column = format.columnByField.get(proposal.target) as Column;
    if (column.type === 'text' || column.type === 'freeText') continue;
    const ctx = parseContextFor(format, column);
    /** Per distinct source text: its proposal and count, or null when it is standard already (or a valid date, number). */
    const seen = new Map<string, { entry: Omit<ValueProposal, 'count'>; count: number } | null>();
    for (const r of table.dataRows) {
      const raw = table.sheet.values[r]?.[proposal.col] ?? null;
      if (isEmptyValue(raw)) continue;
      const numberFormat = table.sheet.formats?.[r]?.[proposal.col];
      const key = sourceKey(raw, displayValue(raw, numberFormat));
      const known = seen.get(key);
      if (known !== undefined) {
        if (known !== null) known.count++;
        continue;
      }
      const parsed = readForColumn(raw, numberFormat, ctx);
      if (parsed.state === 'ok' && parsed.problem === undefined) {
        seen.set(key, null);
        continue;
      }
      const base = { field: column.field, source: key, firstCell: cellAddress(r, proposal.col) };
      let entry: Omit<ValueProposal, 'count'>;
      if (parsed.state === 'ok') {
        entry = { ...base, target: String(standardValue(parsed, column, format)), basis: 'variant', reason: null };
      } else if (parsed.problem?.code === 'WAARDE_ONBEKEND' && parsed.problem.suggestion !== null) {
        entry = { ...base, target: parsed.problem.suggestion, basis: 'gelijkenis', reason: null };
      } else {
        const reason = parsed.problem !== undefined ? renderMessage(parsed.problem.code, parsed.problem.values) : null;
        entry = { ...base, target: null, basis: 'open', reason };
      }
      seen.set(key, { entry, count: 1 });
    }
    for (const value of seen.values()) if (value !== null) out.push({ ...value.entry, count: value.count });
  }
  return out;
}

/** Proposes a mapping for the table on a sheet (header row found automatically unless given). */
export function proposeMapping(sheet: SheetData, format: ReportFormat, headerRow?: number): MappingProposal | null {
  const row = headerRow ?? findHeaderRow(sheet, (h) => headerScore(format, h));
  if (row === null) return null;
  const table = tableAt(sheet, row);
  const columns = proposeColumns(format, table);
  const values = proposeValues(format, table, columns);
  const mapped = new Set(columns.map((c) => c.target).filter((t) => t !== null));
  const missing = format.columns.filter((c) => c.required === 'always' && !mapped.has(c.field));
  const translations: Record<string, Record<string, string | null>> = {};
  for (const v of values) (translations[v.field] ??= {})[v.source] = v.target;
  const mapping: Mapping = {
    sheet: sheet.name,
    headerRow: row,
    columns: columns.map((c) => ({ source: c.source, target: c.target })),
    values: translations,
    constants: {},
  };
  return { table, columns, values, missing, mapping };
}

/**
 * Whether a sheet is a table of client rows at all, to be chosen without
 * asking: at least two of its columns go to the report, one of them a column
 * the report always requires. (A notes sheet whose one header resembles
 * "Toelichting" is not.)
 */
export function looksLikeClientTable(proposal: MappingProposal, format: ReportFormat): boolean {
  const targets = new Set(proposal.columns.map((c) => c.target).filter((t) => t !== null));
  const required = format.columns.filter((c) => c.required === 'always');
  return targets.size >= 2 && proposal.missing.length < required.length;
}

/** How well a proposal fits: the sum of its column scores (choosing the source sheet). */
export function proposalScore(proposal: MappingProposal): number {
  return proposal.columns.reduce((sum, c) => sum + c.score, 0);
}
