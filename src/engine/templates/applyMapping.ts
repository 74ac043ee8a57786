/**
 * Applying a confirmed mapping to a vendor's table: every row becomes a row
 * of the report, each value translated by the mapping or read exactly as
 * the checker reads it (codes and their known variants, dates, numbers with
 * a decimal comma). Nothing is guessed here: a value that the mapping does
 * not translate and the checker cannot read is listed as unresolved, and
 * its row is left out whole (a row is never written half). Nothing is
 * dropped silently: every left-out row and every unread column is reported.
 */
import type { Column } from '../../definitions/formatSchema';
import { codeKey, headerKey, type ReportFormat } from '../../definitions/reportFormat';
import { bsnInIdentifier } from '../bsn';
import { displayValue, isEmptyValue, type ParseContext } from '../cellValues';
import { renderMessage } from '../findings';
import { cellAddress, type RawValue, type SheetData } from '../grid';
import { MappingError, sourceKey, type Mapping } from './mapping';
import { parseContextFor, readForColumn, standardValue } from './columnValues';
import { findHeaderRow, tableAt, type SourceColumn, type VendorTable } from './vendorTable';

export interface UnresolvedValue {
  /** 0-based sheet row and column of the source cell, and its A1 address. */
  readonly row: number;
  readonly col: number;
  readonly cell: string;
  /** The source column's header and the report column it goes to. */
  readonly source: string;
  readonly field: string;
  readonly target: string;
  /** The value as text (the key a translation in the mapping uses). */
  readonly value: string;
  /** open: a label without a translation (yet); onleesbaar: the checker cannot read it as the column's type; bsn: a BSN where a pseudonymous number belongs. */
  readonly kind: UnresolvedKind;
  readonly reason: string;
}

export type UnresolvedKind = 'open' | 'onleesbaar' | 'bsn';

export interface MappedTable {
  readonly table: VendorTable;
  /** Report rows (values in the format's column order), for the rows without unresolved values. */
  readonly rows: readonly (readonly RawValue[])[];
  /** The 0-based source row of each report row. */
  readonly sourceRows: readonly number[];
  readonly unresolved: readonly UnresolvedValue[];
  /** Source rows left out because one of their values is unresolved. */
  readonly skippedRows: readonly number[];
  /** Source columns that the mapping does not know (new since the mapping was made): not taken over. */
  readonly newColumns: readonly string[];
  /** Source columns the mapping leaves out on purpose. */
  readonly ignoredColumns: readonly string[];
}

export interface MappingProgress {
  readonly done: number;
  readonly total: number;
}

/** Rows mapped between two progress steps. */
export const STEP_ROWS = 2000;

interface Binding {
  readonly source: SourceColumn;
  readonly column: Column;
  readonly index: number;
  readonly ctx: ParseContext;
  /** Translations by exact text and by folded text. */
  readonly exact: ReadonlyMap<string, string | null>;
  readonly folded: ReadonlyMap<string, string | null>;
}

function matchColumns(table: VendorTable, mapping: Mapping, format: ReportFormat, fieldIndex: ReadonlyMap<string, number>) {
  const free = table.columns.slice();
  const take = (header: string): SourceColumn | undefined => {
    let i = free.findIndex((c) => c.header === header.trim());
    if (i < 0) i = free.findIndex((c) => c.key === headerKey(header));
    return i < 0 ? undefined : free.splice(i, 1)[0];
  };
  const bindings: Binding[] = [];
  const ignored: string[] = [];
  const missing: string[] = [];
  for (const m of mapping.columns) {
    const source = take(m.source);
    if (m.target === null) {
      if (source !== undefined) ignored.push(source.header);
      continue;
    }
    const column = format.columnByField.get(m.target) as Column;
    if (source === undefined) {
      missing.push(`Kolom '${m.source}' uit de koppeling (naar ${column.header}) staat niet in de bron.`);
      continue;
    }
    const table = mapping.values[m.target] ?? {};
    bindings.push({
      source,
      column,
      index: fieldIndex.get(m.target) as number,
      ctx: parseContextFor(format, column),
      exact: new Map(Object.entries(table)),
      folded: new Map(Object.entries(table).map(([k, v]) => [codeKey(k), v])),
    });
  }
  if (missing.length > 0) throw new MappingError(missing);
  return { bindings, ignored, newColumns: free.map((c) => c.header) };
}

type CellOutcome = { readonly value: RawValue } | { readonly kind: UnresolvedKind; readonly reason: string };

function translate(raw: RawValue, numberFormat: string | undefined, b: Binding, format: ReportFormat): CellOutcome {
  if (isEmptyValue(raw)) return { value: null };
  const key = sourceKey(raw, displayValue(raw, numberFormat));
  const translated = b.exact.has(key) ? b.exact.get(key) : b.folded.get(codeKey(key));
  if (translated === null) return { kind: 'open', reason: `'${key}' staat nog open in de koppeling; kies een waarde voor ${b.column.header}.` };
  if (translated !== undefined) return readStandard(translated, undefined, b, format);
  return readStandard(raw, numberFormat, b, format);
}

function readStandard(raw: RawValue, numberFormat: string | undefined, b: Binding, format: ReportFormat): CellOutcome {
  if (isEmptyValue(raw)) return { value: null };
  const parsed = readForColumn(raw, numberFormat, b.ctx);
  if (parsed.state === 'bad') {
    // An unknown label is open (the user chooses its code); anything else cannot be read as the column's type.
    const kind: UnresolvedKind = parsed.problem?.code === 'WAARDE_ONBEKEND' ? 'open' : 'onleesbaar';
    return { kind, reason: parsed.problem !== undefined ? renderMessage(parsed.problem.code, parsed.problem.values) : `onleesbare waarde voor ${b.column.header}` };
  }
  if (b.column.clientId === true && (typeof raw === 'string' || typeof raw === 'number') && bsnInIdentifier(raw) !== null) {
    return { kind: 'bsn', reason: `${b.column.header} '${displayValue(raw)}' lijkt een burgerservicenummer; gebruik het pseudonieme cliëntnummer.` };
  }
  return { value: standardValue(parsed, b.column, format) };
}

/** Finds the header row for a mapping: the given one, or the row where most of its source headers stand. */
export function mappedHeaderRow(sheet: SheetData, mapping: Mapping): number | null {
  if (mapping.headerRow !== null) return mapping.headerRow;
  const keys = new Set(mapping.columns.map((c) => headerKey(c.source)));
  return findHeaderRow(sheet, (h) => (keys.has(headerKey(h)) ? 1 : 0));
}

/** Applies a mapping in steps (yielding progress), returning the mapped table. Throws MappingError for a mapping that does not fit the sheet. */
export function* mappingSteps(sheet: SheetData, mapping: Mapping, format: ReportFormat): Generator<MappingProgress, MappedTable> {
  const headerRow = mappedHeaderRow(sheet, mapping);
  if (headerRow === null) throw new MappingError([`Blad '${sheet.name}' is leeg.`]);
  const table = tableAt(sheet, headerRow);
  const fieldIndex = new Map(format.columns.map((c, i) => [c.field, i]));
  const { bindings, ignored, newColumns } = matchColumns(table, mapping, format, fieldIndex);
  if (bindings.length === 0) throw new MappingError([`Geen kolom van blad '${sheet.name}' (kopregel ${headerRow + 1}) hoort bij de koppeling.`]);

  const constants: [number, RawValue][] = [];
  for (const [field, text] of Object.entries(mapping.constants)) {
    const column = format.columnByField.get(field) as Column;
    const parsed = readForColumn(text, undefined, parseContextFor(format, column));
    constants.push([fieldIndex.get(field) as number, parsed.state === 'ok' ? standardValue(parsed, column, format) : null]);
  }

  const rows: RawValue[][] = [];
  const sourceRows: number[] = [];
  const unresolved: UnresolvedValue[] = [];
  const skippedRows: number[] = [];
  const total = table.dataRows.length;
  for (let i = 0; i < total; i++) {
    const r = table.dataRows[i];
    const out: RawValue[] = format.columns.map(() => null);
    let complete = true;
    let filled = false;
    for (const b of bindings) {
      const raw = sheet.values[r]?.[b.source.col] ?? null;
      const numberFormat = sheet.formats?.[r]?.[b.source.col];
      const outcome = translate(raw, numberFormat, b, format);
      if ('reason' in outcome) {
        complete = false;
        unresolved.push({
          row: r,
          col: b.source.col,
          cell: cellAddress(r, b.source.col),
          source: b.source.header,
          field: b.column.field,
          target: b.column.header,
          value: sourceKey(raw, displayValue(raw, numberFormat)),
          kind: outcome.kind,
          reason: outcome.reason,
        });
      } else {
        out[b.index] = outcome.value;
        if (outcome.value !== null) filled = true;
      }
    }
    if (!complete) skippedRows.push(r);
    else if (filled) {
      for (const [index, value] of constants) out[index] = value;
      rows.push(out);
      sourceRows.push(r);
    }
    if ((i + 1) % STEP_ROWS === 0) yield { done: i + 1, total };
  }
  return { table, rows, sourceRows, unresolved, skippedRows, newColumns, ignoredColumns: ignored };
}

/** Applies a mapping at once. */
export function applyMapping(sheet: SheetData, mapping: Mapping, format: ReportFormat): MappedTable {
  const steps = mappingSteps(sheet, mapping, format);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/**
 * The mapping with every unresolved value as an open entry (null), so the
 * user can choose its translation in the mapping. A BSN is never copied
 * into a mapping.
 */
export function withOpenValues(mapping: Mapping, unresolved: readonly UnresolvedValue[]): Mapping {
  const values: Record<string, Record<string, string | null>> = {};
  for (const [field, table] of Object.entries(mapping.values)) values[field] = { ...table };
  for (const u of unresolved) {
    if (u.kind === 'bsn') continue;
    const table = (values[u.field] ??= {});
    if (!(u.value in table)) table[u.value] = null;
  }
  return { ...mapping, values };
}

/** The distinct unresolved values per report column and source text, with their cells (for a list to resolve). */
export interface UnresolvedGroup {
  readonly target: string;
  readonly field: string;
  readonly value: string;
  readonly kind: UnresolvedKind;
  readonly reason: string;
  readonly cells: string[];
}

export function unresolvedByValue(unresolved: readonly UnresolvedValue[]): UnresolvedGroup[] {
  const groups = new Map<string, UnresolvedGroup>();
  for (const u of unresolved) {
    const key = `${u.field}\u0000${u.value}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { target: u.target, field: u.field, value: u.value, kind: u.kind, reason: u.reason, cells: [u.cell] });
    else group.cells.push(u.cell);
  }
  return [...groups.values()];
}
