/**
 * Rows of the uniform report checked exactly as the checker checks the
 * client sheet: the header row recognised by the same rules, every cell read
 * as its column's type, the same row rules. A function gets values without
 * number formats, so numbers in date columns are taken as dates (in the
 * workbook's date system, moved to the 1900 count as the checker does).
 */
import { findHeader, type HeaderResult } from '../engine/clientHeader';
import { checkClients, type ClientCheck } from '../engine/clientSheet';
import { toDateSystem1900 } from '../engine/dateSystem';
import type { RawValue, SheetData } from '../engine/grid';
import { invalid } from './functionErrors';
import type { FunctionsContext } from './functionsRuntime';

/** A date format for numbers in date columns (any date format does). */
const DATE_FORMAT = 'dd-mm-yyyy';

export interface RowsCheck {
  readonly header: HeaderResult;
  readonly clients: ClientCheck;
}

/** Checks rows whose first rows hold the header; throws a Dutch error when no header row is recognised. */
export function checkClientRows(ctx: FunctionsContext, rows: readonly (readonly RawValue[])[]): RowsCheck {
  const { format, defs } = ctx;
  const plain: SheetData = { name: format.data.sheets.clients.name, values: rows };
  const found = findHeader(plain, format);
  if (found.headerRow < 0) {
    throw invalid(
      `De kopregel bevat te weinig kolomnamen van de uniforme rapportage (minstens ${format.data.header.minRecognised}, bijvoorbeeld ${format.columns
        .slice(0, 3)
        .map((c) => c.header)
        .join(', ')}).`,
    );
  }
  const dateColumns = found.bindings.filter((b) => b.column.type === 'date').map((b) => b.col);
  const formats = rows.map((row, r) => {
    if (r <= found.headerRow) return undefined;
    let out: (string | undefined)[] | undefined;
    for (const c of dateColumns) if (typeof row[c] === 'number') (out ??= [])[c] = DATE_FORMAT;
    return out;
  });
  const sheet = toDateSystem1900({ ...plain, formats }, ctx.dateSystem);
  const header = findHeader(sheet, format);
  const clients = checkClients({ sheet, header, format, defs, matcher: ctx.matcher(), durable: ctx.durable() });
  return { header, clients };
}

/** The header row of the given fields, in the format's words. */
export function headerOf(ctx: FunctionsContext, fields: readonly string[]): string[] {
  return fields.map((field) => {
    const column = ctx.format.columnByField.get(field);
    if (column === undefined) throw new Error(`veld ${field} ontbreekt in de uniforme rapportage`);
    return column.header;
  });
}
