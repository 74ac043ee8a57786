/**
 * The management indicators as sums that can be added up: the counts, and
 * for a mean its sum and number of terms. A tally of some client rows (one
 * submission, or the rows of one service in it) added to another gives the
 * tally of both, so the indicators of any group of rows, across
 * submissions, come from the same definitions as those of one submission;
 * percentages and means are worked out from the sums at the end, never
 * averaged.
 */
import type { ReportFormat } from '../definitions/reportFormat';
import type { ClientCheck, ClientRow } from './clientSheet';
import type { DurablePlacement } from './durablePlacement';

/** An indicator's recomputed value: a number, null for n.v.t., undefined when it cannot be judged. */
export type Recomputed = number | null | undefined;

/** A mean's sum and number of terms. */
export interface MeanSum {
  sum: number;
  n: number;
}

export interface IndicatorTally {
  /** Client rows counted. */
  rows: number;
  /** Count indicators by id; null when a column they need is missing (not judged). */
  readonly counts: Record<string, number | null>;
  /** Mean indicators by id; null when a column they need is missing. */
  readonly means: Record<string, MeanSum | null>;
}

/** A tally of no rows. */
export function emptyTally(format: ReportFormat): IndicatorTally {
  const counts: Record<string, number | null> = {};
  const means: Record<string, MeanSum | null> = {};
  for (const indicator of format.data.management.indicators) {
    if (indicator.kind === 'count') counts[indicator.id] = 0;
    else if (indicator.kind === 'meanDays') means[indicator.id] = { sum: 0, n: 0 };
  }
  return { rows: 0, counts, means };
}

/**
 * Tallies client rows. Call `add` for each row (any subset of the rows of
 * `clients`, in any grouping); a tally whose indicator needs a missing
 * column holds null for it.
 */
export class RowTallier {
  private readonly counters: ((row: ClientRow) => boolean)[] = [];
  private readonly countIds: string[] = [];
  private readonly meanIds: string[] = [];
  private readonly meanTerms: ((row: ClientRow) => number | undefined)[] = [];
  private readonly judged: ReadonlySet<string>;
  /** One row's answers, reused from row to row (addToAll). */
  private readonly hits: Uint8Array;
  private readonly terms: (number | undefined)[];

  constructor(
    clients: ClientCheck,
    private readonly format: ReportFormat,
    durable: DurablePlacement,
  ) {
    const { present, field } = clients;
    const has = (...fields: string[]) => fields.every((f) => present[field[f]]);
    const judged = new Set<string>();
    for (const indicator of format.data.management.indicators) {
      if (indicator.kind === 'count') {
        const [kind, arg] = (indicator.rows as string).split(':');
        let counter: ((row: ClientRow) => boolean) | undefined;
        if (kind === 'all') counter = () => true;
        else if (kind === 'status') {
          if (has('status')) counter = (r) => r.cells[field.status].code?.id === arg;
        } else if (kind === 'validDate') {
          if (has(arg)) counter = (r) => r.cells[field[arg]].date !== undefined;
        } else if (has('status', 'soortWerk', 'arbeidsovereenkomst', 'duur')) {
          counter = (r) =>
            durable.judge({
              status: r.cells[field.status],
              soortWerk: r.cells[field.soortWerk],
              arbeidsovereenkomst: r.cells[field.arbeidsovereenkomst],
              duur: r.cells[field.duur],
            }).durable === true;
        }
        if (counter === undefined) continue;
        this.countIds.push(indicator.id);
        this.counters.push(counter);
        judged.add(indicator.id);
      } else if (indicator.kind === 'meanDays') {
        if (!has('status', indicator.from as string, indicator.to as string)) continue;
        const from = field[indicator.from as string];
        const to = field[indicator.to as string];
        const status = indicator.status;
        this.meanIds.push(indicator.id);
        this.meanTerms.push((r) => {
          if (r.cells[field.status].code?.id !== status) return undefined;
          const a = r.cells[from].date;
          const b = r.cells[to].date;
          return a === undefined || b === undefined ? undefined : b - a;
        });
        judged.add(indicator.id);
      }
    }
    this.judged = judged;
    this.hits = new Uint8Array(this.counters.length);
    this.terms = new Array<number | undefined>(this.meanTerms.length).fill(undefined);
  }

  /** A tally of no rows, with null for what these rows cannot judge. */
  empty(): IndicatorTally {
    const tally = emptyTally(this.format);
    for (const id of Object.keys(tally.counts)) if (!this.judged.has(id)) tally.counts[id] = null;
    for (const id of Object.keys(tally.means)) if (!this.judged.has(id)) tally.means[id] = null;
    return tally;
  }

  /** Adds one row to `tally`. */
  add(tally: IndicatorTally, row: ClientRow): void {
    this.addToAll([tally], row);
  }

  /**
   * Adds one row to each of `tallies` (the submission's and those of its
   * groups): the row is judged once, whatever the number of tallies.
   */
  addToAll(tallies: readonly IndicatorTally[], row: ClientRow): void {
    const hits = this.hits;
    for (let k = 0; k < this.counters.length; k++) hits[k] = this.counters[k](row) ? 1 : 0;
    const terms = this.terms;
    for (let k = 0; k < this.meanTerms.length; k++) terms[k] = this.meanTerms[k](row);
    for (const tally of tallies) {
      tally.rows++;
      const { counts, means } = tally;
      for (let k = 0; k < hits.length; k++) if (hits[k] === 1) counts[this.countIds[k]] = (counts[this.countIds[k]] as number) + 1;
      for (let k = 0; k < terms.length; k++) {
        const term = terms[k];
        if (term === undefined) continue;
        const mean = means[this.meanIds[k]] as MeanSum;
        mean.sum += term;
        mean.n++;
      }
    }
  }
}

/** `into` plus `tally` (into is changed); a value not judged in either stays not judged. */
export function addTally(into: IndicatorTally, tally: IndicatorTally): IndicatorTally {
  into.rows += tally.rows;
  for (const [id, value] of Object.entries(tally.counts)) {
    const known = into.counts[id];
    into.counts[id] = known === null || known === undefined || value === null ? null : known + value;
  }
  for (const [id, value] of Object.entries(tally.means)) {
    const known = into.means[id];
    into.means[id] = known === null || known === undefined || value === null ? null : { sum: known.sum + value.sum, n: known.n + value.n };
  }
  return into;
}

/** Every indicator from a tally: counts as they are, percentages and means from the sums. */
export function indicatorsOf(tally: IndicatorTally, format: ReportFormat): Map<string, Recomputed> {
  const out = new Map<string, Recomputed>();
  const indicators = format.data.management.indicators;
  for (const indicator of indicators) {
    if (indicator.kind === 'count') out.set(indicator.id, tally.counts[indicator.id] ?? undefined);
  }
  for (const indicator of indicators) {
    if (indicator.kind !== 'percentage') continue;
    const numerator = out.get(indicator.numerator as string);
    const parts = (indicator.denominator as string[]).map((id) => out.get(id));
    if (numerator === undefined || numerator === null || parts.some((p) => p === undefined || p === null)) {
      out.set(indicator.id, undefined);
      continue;
    }
    const denominator = (parts as number[]).reduce((a, b) => a + b, 0);
    out.set(indicator.id, denominator === 0 ? null : (numerator / denominator) * 100);
  }
  for (const indicator of indicators) {
    if (indicator.kind !== 'meanDays') continue;
    const mean = tally.means[indicator.id];
    out.set(indicator.id, mean === null || mean === undefined ? undefined : mean.n === 0 ? null : mean.sum / mean.n);
  }
  return out;
}

/** The indicators of all client rows of a submission. */
export function recomputeIndicators(clients: ClientCheck, format: ReportFormat, durable: DurablePlacement): Map<string, Recomputed> {
  const tallier = new RowTallier(clients, format, durable);
  const tally = tallier.empty();
  for (const row of clients.rows) tallier.add(tally, row);
  return indicatorsOf(tally, format);
}
