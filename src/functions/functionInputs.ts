/**
 * What Excel hands a custom function, as the engine's values: an empty cell
 * arrives as "" or null, a range as rows of values, an error value (for a
 * parameter of type any) as an error object.
 */
import type { RawValue } from '../engine/grid';

/** One value from Excel as a RawValue. */
export function rawFromInput(value: unknown): RawValue {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && value !== null && 'code' in value) return { error: String((value as { code: unknown }).code) };
  return String(value);
}

/** A range as rows of RawValues (a single value is a 1×1 range). */
export function rowsFromInput(range: unknown): RawValue[][] {
  if (!Array.isArray(range)) return [[rawFromInput(range)]];
  return range.map((row) => (Array.isArray(row) ? row.map(rawFromInput) : [rawFromInput(row)]));
}

/** The first row of a range (a header or one client row). */
export function firstRow(range: unknown): RawValue[] {
  return rowsFromInput(range)[0] ?? [];
}

/** Text of a value for a text parameter (a number typed in a cell is its digits). */
export function textOf(value: unknown): string {
  const raw = rawFromInput(value);
  if (raw === null) return '';
  if (typeof raw === 'object') return raw.error;
  return String(raw);
}

/** What a spilled result shows when there is nothing to list: one empty row of the result's width. */
export function emptyRows(width: number): string[][] {
  return [new Array<string>(width).fill('')];
}
