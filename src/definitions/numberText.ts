/**
 * A number as people read it in a message or a table: at most 15
 * significant digits, as Excel shows a number (so a stored
 * 0.19699999999999998 reads 0,197), with a decimal comma.
 */
export function numberText(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  return String(Number(n.toPrecision(15))).replace('.', ',');
}
