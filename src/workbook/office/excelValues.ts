/**
 * Cell values between Excel's API and the engine's RawValue, both ways.
 *
 * Reading: Excel gives "" for an empty cell and the error's text ("#N/A")
 * for an error value; which cells hold an error comes from the special cells
 * of type "Errors" (or from valueTypes), so a text that merely reads "#N/A"
 * stays text.
 *
 * Writing: `range.values` takes a string as if the user had typed it, so
 * "=SOM(A1)" would become a formula, "0123" the number 123, "TRUE" a
 * boolean and "'s-Hertogenbosch" would lose its apostrophe. A text that
 * Excel might read as anything but that text is written so that it stays
 * text: as a typed string value (valuesAsJson, ExcelApi 1.16) or, before
 * 1.16, behind the apostrophe that tells Excel "this is text" (Excel keeps
 * the text and drops the apostrophe).
 */
import { isCellError, type RawValue } from '../../engine/grid';

const BOOLEAN_WORDS = /^(true|false|waar|onwaar)$/i;
/** English month names followed by a number: Excel reads "May 5" or "Jan-2020" as a date. */
const ENGLISH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s.\-/]*\d/i;

/** Whether Excel could take this text for something else (a formula, a number, a date, a boolean, an error) or change it. */
export function textNeedsGuard(text: string): boolean {
  if (text === '') return false;
  const first = text[0];
  if (first.toLowerCase() === first.toUpperCase()) return true; // not a letter: = + - @ ' digits # ( spaces, ...
  return BOOLEAN_WORDS.test(text) || ENGLISH_DATE.test(text);
}

/** A value for `range.values`: guarded text gets the apostrophe (used where valuesAsJson is not available). */
export function valueForExcel(value: RawValue, apostrophe: boolean): string | number | boolean {
  if (value === null) return '';
  if (isCellError(value)) return apostrophe ? `'${value.error}` : value.error;
  if (typeof value === 'string') return apostrophe && textNeedsGuard(value) ? `'${value}` : value;
  return value;
}

/** A typed string for `range.valuesAsJson`: Excel stores it as text, whatever it reads like. */
export function stringCellValue(text: string): { type: 'String'; basicValue: string } {
  return { type: 'String', basicValue: text };
}

/** A value read from Excel as the engine's RawValue. */
export function rawFromExcel(value: unknown, isError: boolean): RawValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') return isError ? { error: value } : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  return String(value);
}

/** The approximate size in bytes of a value in a JSON request or response (with its separator). */
export function valueBytes(value: unknown): number {
  if (typeof value === 'string') return value.length + 3;
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || Math.abs(value) >= 1e9) return 19;
    const a = Math.abs(value);
    return (value < 0 ? 2 : 1) + (a < 10 ? 1 : a < 100 ? 2 : a < 1e3 ? 3 : a < 1e4 ? 4 : a < 1e5 ? 5 : a < 1e6 ? 6 : 9);
  }
  if (typeof value === 'boolean') return 6;
  if (value === null || value === undefined) return 5;
  return JSON.stringify(value).length + 1;
}
