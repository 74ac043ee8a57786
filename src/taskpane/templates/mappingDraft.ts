/**
 * The mapping editor's state: the proposal as rows the user confirms or
 * changes (a target per source column, a code per vendor label), and the
 * confirmed mapping it makes. Pure: the section renders it and applies the
 * mapping through the flow.
 */
import type { Column } from '../../definitions/formatSchema';
import type { ReportFormat } from '../../definitions/reportFormat';
import type { Mapping } from '../../engine/templates/mapping';
import { proposeValues, type ColumnBasis, type MappingProposal, type ValueBasis } from '../../engine/templates/mappingProposal';
import type { VendorTable } from '../../engine/templates/vendorTable';

export interface ColumnRow {
  /** 0-based column of the source sheet. */
  readonly col: number;
  readonly source: string;
  readonly target: string | null;
  /** How it was proposed; 'gekozen' once the user changed it. */
  readonly basis: ColumnBasis | 'gekozen';
}

export interface ValueRow {
  readonly field: string;
  readonly source: string;
  /** The standard value, "" to leave empty, or null while open. */
  readonly target: string | null;
  readonly basis: ValueBasis | 'gekozen';
  readonly count: number;
  readonly firstCell: string;
  readonly reason: string | null;
}

export interface MappingDraft {
  /** The vendor's table (to propose the values of a column the user maps anew). */
  readonly table: VendorTable;
  readonly sheet: string;
  readonly headerRow: number;
  readonly columns: readonly ColumnRow[];
  readonly values: readonly ValueRow[];
  /** Per field: a fixed value for a column the source lacks. */
  readonly constants: Readonly<Record<string, string>>;
}

export function draftFromProposal(proposal: MappingProposal): MappingDraft {
  return {
    table: proposal.table,
    sheet: proposal.mapping.sheet ?? proposal.table.sheet.name,
    headerRow: proposal.table.headerRow,
    columns: proposal.columns.map((c) => ({ col: c.col, source: c.source, target: c.target, basis: c.basis })),
    values: proposal.values.map((v) => ({ ...v })),
    constants: { ...proposal.mapping.constants },
  };
}

/** A draft from a saved mapping (values the mapping knows are shown as chosen). */
export function draftFromMapping(mapping: Mapping, proposal: MappingProposal): MappingDraft {
  const fresh = draftFromProposal(proposal);
  const columns = fresh.columns.map((c) => {
    const saved = mapping.columns.find((m) => m.source === c.source);
    return saved === undefined ? c : { ...c, target: saved.target, basis: 'gekozen' as const };
  });
  const values = fresh.values.map((v) => {
    const table = mapping.values[v.field];
    return table !== undefined && v.source in table ? { ...v, target: table[v.source], basis: 'gekozen' as const } : v;
  });
  return { ...fresh, columns, values, constants: { ...mapping.constants } };
}

/**
 * Sets the target of a source column (a target chosen elsewhere is taken
 * from there) and proposes the translations of its labels for the new
 * target, keeping what the user chose for labels that still apply.
 */
export function chooseColumn(draft: MappingDraft, col: number, target: string | null, format: ReportFormat): MappingDraft {
  const columns = draft.columns.map((c) => {
    if (c.col === col) return { ...c, target, basis: 'gekozen' as const };
    if (target !== null && c.target === target) return { ...c, target: null, basis: 'gekozen' as const };
    return c;
  });
  const constants = { ...draft.constants };
  if (target !== null) delete constants[target];
  let values = draft.values.filter((v) => columns.some((c) => c.target === v.field));
  if (target !== null) {
    const chosen = new Map(draft.values.filter((v) => v.field === target && v.basis === 'gekozen').map((v) => [v.source, v]));
    const fresh = proposeValues(format, draft.table, [{ col, target }]).map((v) => chosen.get(v.source) ?? v);
    values = [...values.filter((v) => v.field !== target), ...fresh];
  }
  return { ...draft, columns, values, constants };
}

/** Sets the translation of a vendor label. */
export function chooseValue(draft: MappingDraft, field: string, source: string, target: string | null): MappingDraft {
  return {
    ...draft,
    values: draft.values.map((v) => (v.field === field && v.source === source ? { ...v, target, basis: 'gekozen' as const } : v)),
  };
}

export function chooseConstant(draft: MappingDraft, field: string, value: string | null): MappingDraft {
  const constants = { ...draft.constants };
  if (value === null || value.trim() === '') delete constants[field];
  else constants[field] = value;
  return { ...draft, constants };
}

/** Values still open (the user has to choose before the mapping can be applied whole). */
export function openValues(draft: MappingDraft): ValueRow[] {
  return draft.values.filter((v) => v.target === null && v.field !== '' && isMapped(draft, v.field));
}

function isMapped(draft: MappingDraft, field: string): boolean {
  return draft.columns.some((c) => c.target === field);
}

/** Required report columns without a source column or fixed value. */
export function missingColumns(draft: MappingDraft, format: ReportFormat): Column[] {
  return format.columns.filter((c) => c.required === 'always' && !isMapped(draft, c.field) && draft.constants[c.field] === undefined);
}

/** The choices for a value of a column: its codes (or Ja/Nee), and "leave empty". */
export function valueChoices(format: ReportFormat, field: string): string[] {
  const column = format.columnByField.get(field);
  if (column === undefined) return [];
  if (column.type === 'yesNo') return [format.data.yesNo.yes.code, format.data.yesNo.no.code];
  if (column.codeList !== undefined) return (format.codeLists.get(column.codeList)?.entries ?? []).map((e) => e.code);
  return [];
}

/** The confirmed mapping. */
export function draftMapping(draft: MappingDraft): Mapping {
  const values: Record<string, Record<string, string | null>> = {};
  for (const v of draft.values) {
    if (!isMapped(draft, v.field)) continue;
    (values[v.field] ??= {})[v.source] = v.target;
  }
  return {
    sheet: draft.sheet,
    headerRow: draft.headerRow,
    columns: draft.columns.map((c) => ({ source: c.source, target: c.target })),
    values,
    constants: { ...draft.constants },
  };
}
