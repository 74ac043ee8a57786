/**
 * A value of a vendor's table read for a column of the report exactly as the
 * checker reads it (cellValues.ts), and the value to write for it: the
 * standard code, Ja/Nee, a date serial, a number, or the text.
 */
import type { Column } from '../../definitions/formatSchema';
import { codeKey, type ReportFormat } from '../../definitions/reportFormat';
import { parseCell, type ParseContext, type ParsedCell } from '../cellValues';
import type { RawValue } from '../grid';
import { earliestSerial } from './managementFormulas';

/** The checker's reading context for a column (the same as clientSheet.ts builds). */
export function parseContextFor(format: ReportFormat, column: Column): ParseContext {
  const { yes, no } = format.data.yesNo;
  return {
    column,
    label: column.header,
    codeList: column.codeList !== undefined ? format.codeLists.get(column.codeList) : undefined,
    earliestDate: earliestSerial(format),
    yes: { code: yes.code, variants: new Set(yes.variants.map(codeKey)) },
    no: { code: no.code, variants: new Set(no.variants.map(codeKey)) },
  };
}

/** The value to write for a cell the checker reads as `ok`. */
export function standardValue(parsed: ParsedCell, column: Column, format: ReportFormat): RawValue {
  if (parsed.code !== undefined) return parsed.code.code;
  if (parsed.bool !== undefined) return parsed.bool ? format.data.yesNo.yes.code : format.data.yesNo.no.code;
  if (parsed.date !== undefined) return parsed.date;
  if (parsed.indefinite === true) return (column.indefinite ?? ['onbepaald'])[0];
  if (parsed.number !== undefined) return parsed.number;
  return parsed.text ?? null;
}

/** Reads a cell for a column: the checker's reading. */
export function readForColumn(raw: RawValue, numberFormat: string | undefined, ctx: ParseContext): ParsedCell {
  return parseCell(raw, numberFormat, ctx);
}
