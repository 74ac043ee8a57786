/**
 * Where the report template puts things, derived from the report format:
 * the client sheet as one Excel table (its name, the columns in the
 * format's order), the hidden sheet with the code lists that the drop-downs
 * read, and the rows of the Management sheet. The template plan, the
 * management formulas and the mapping all use this one layout.
 */
import type { Column, Indicator, MetadataLabel } from '../../definitions/formatSchema';
import { headerKey, type ReportFormat } from '../../definitions/reportFormat';
import { columnLetters } from '../grid';

/** The hidden sheet that holds the code lists of the drop-downs. */
export const CODE_LIST_SHEET = 'Codelijsten';

/** One list of the code-list sheet: a column with a title and the allowed values below it. */
export interface ListColumn {
  /** The code list id of the format, or YES_NO_LIST. */
  readonly id: string;
  readonly title: string;
  readonly values: readonly string[];
  /** 0-based column in the code-list sheet. */
  readonly col: number;
  /** The list source for a data validation: an absolute range on the code-list sheet. */
  readonly source: string;
}

export const YES_NO_LIST = 'ja-nee';

export interface ManagementRow {
  readonly target: MetadataLabel | Indicator;
  /** 0-based row on the Management sheet. */
  readonly row: number;
}

export interface ReportLayout {
  readonly format: ReportFormat;
  readonly clientSheet: string;
  readonly managementSheet: string;
  readonly codeListSheet: string;
  /** The Excel table over the client rows. */
  readonly table: string;
  /** The columns of the client table, in the format's order (column i is sheet column i). */
  readonly columns: readonly Column[];
  readonly lists: readonly ListColumn[];
  /** The rows of the Management sheet: the metadata labels, an empty row, the indicators. */
  readonly management: readonly ManagementRow[];
  /** The list a column's drop-down offers, if any. */
  listOf(column: Column): ListColumn | undefined;
  /** 0-based sheet column of a field of the client table. */
  columnOf(field: string): number;
  /** A1 address (without sheet) of the value cell of a management label or indicator, by id. */
  managementCell(id: string): string;
}

/** A table name Excel accepts (letters, digits, underscore; starting with a letter), from a sheet name. */
export function tableNameFor(sheet: string): string {
  const key = headerKey(sheet).replace(/^[^a-z]+/, '');
  return `Tabel${key.charAt(0).toUpperCase()}${key.slice(1)}`;
}

/** A sheet name as a formula writes it: quoted unless it is a plain name. */
export function sheetRef(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

let cached: { format: ReportFormat; layout: ReportLayout } | undefined;

export function reportLayout(format: ReportFormat): ReportLayout {
  if (cached?.format === format) return cached.layout;
  const data = format.data;
  const lists: ListColumn[] = [];
  const listByColumn = new Map<string, ListColumn>();
  const addList = (id: string, title: string, values: readonly string[]): ListColumn => {
    const existing = lists.find((l) => l.id === id);
    if (existing !== undefined) return existing;
    const col = lists.length;
    const letters = columnLetters(col);
    const list: ListColumn = {
      id,
      title,
      values,
      col,
      source: `=${sheetRef(CODE_LIST_SHEET)}!$${letters}$2:$${letters}$${values.length + 1}`,
    };
    lists.push(list);
    return list;
  };
  for (const column of format.columns) {
    if ((column.type === 'code' || column.type === 'position') && column.codeList !== undefined) {
      const entries = format.codeLists.get(column.codeList)?.entries ?? [];
      listByColumn.set(column.field, addList(column.codeList, column.header, entries.map((e) => e.code)));
    } else if (column.type === 'yesNo') {
      listByColumn.set(column.field, addList(YES_NO_LIST, `${data.yesNo.yes.code}/${data.yesNo.no.code}`, [data.yesNo.yes.code, data.yesNo.no.code]));
    }
  }

  const management: ManagementRow[] = [];
  let row = 0;
  for (const label of data.management.metadata) management.push({ target: label, row: row++ });
  row++;
  for (const indicator of data.management.indicators) management.push({ target: indicator, row: row++ });
  const valueColumn = columnLetters(data.management.valueColumn);
  const cellById = new Map(management.map((m) => [m.target.id, `${valueColumn}${m.row + 1}`]));
  const colByField = new Map(format.columns.map((c, i) => [c.field, i]));

  const layout: ReportLayout = {
    format,
    clientSheet: data.sheets.clients.name,
    managementSheet: data.sheets.management.name,
    codeListSheet: CODE_LIST_SHEET,
    table: tableNameFor(data.sheets.clients.name),
    columns: format.columns,
    lists,
    management,
    listOf: (column) => listByColumn.get(column.field),
    columnOf: (field) => {
      const col = colByField.get(field);
      if (col === undefined) throw new Error(`veld ${field} staat niet in de uniforme rapportage`);
      return col;
    },
    managementCell: (id) => {
      const cell = cellById.get(id);
      if (cell === undefined) throw new Error(`managementlabel ${id} staat niet in de uniforme rapportage`);
      return cell;
    },
  };
  cached = { format, layout };
  return layout;
}
