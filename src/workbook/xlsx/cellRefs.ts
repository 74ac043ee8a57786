/**
 * A1 references and Excel's grid limits.
 */

/** Rows in a sheet (Excel 2007 and later). */
export const MAX_ROWS = 1048576;
/** Columns in a sheet: A to XFD. */
export const MAX_COLUMNS = 16384;

export interface CellRef {
  /** 0-based; may be beyond the limits (the caller checks). */
  readonly row: number;
  readonly col: number;
}

/** Parses `B7` or `$B$7` into 0-based indexes; undefined when it is not a cell reference. */
export function parseCellRef(ref: string): CellRef | undefined {
  const m = /^\$?([A-Za-z]{1,10})\$?(\d{1,15})$/.exec(ref.trim());
  if (m === null) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1) return undefined;
  return { row: row - 1, col: col - 1 };
}

export interface RangeRef {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** Parses `A1:C3` (or a single cell) into a 0-based inclusive range; undefined when malformed. */
export function parseRangeRef(ref: string): RangeRef | undefined {
  const parts = ref.split(':');
  if (parts.length > 2) return undefined;
  const a = parseCellRef(parts[0]);
  const b = parts.length === 2 ? parseCellRef(parts[1]) : a;
  if (a === undefined || b === undefined) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}
