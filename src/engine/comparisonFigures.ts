/**
 * How a comparison of submissions shows its figures in a table, one way for
 * every host (the command line's tables, the task pane's): which indicators
 * stand side by side, and a figure as text with a decimal comma.
 */
import type { Indicator } from '../definitions/formatSchema';
import type { ReportFormat } from '../definitions/reportFormat';
import type { Recomputed } from './indicatorTally';

/** The indicators shown side by side in a table (those with a short label). */
export function tableIndicators(format: ReportFormat): Indicator[] {
  return format.data.management.indicators.filter((i) => i.shortLabel !== undefined);
}

/** One decimal, always shown, with a decimal comma: figures in a column line up. */
const decimal = (x: number): string => (Math.round(x * 10) / 10).toFixed(1).replace('.', ',');

/** A figure as a table shows it: a count as it is, others with one decimal; n.v.t.; or — when it cannot be judged. */
export function figureText(indicator: Indicator, value: Recomputed, format: ReportFormat): string {
  if (value === undefined) return '—';
  if (value === null) return format.data.management.notApplicable[0];
  return indicator.kind === 'count' ? String(value) : decimal(value);
}

/** Errors per 100 rows as a table shows them: one decimal, or — without rows. */
export function perHundredText(x: number | null): string {
  return x === null ? '—' : decimal(x);
}
