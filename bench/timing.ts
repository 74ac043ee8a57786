/**
 * Small helpers shared by the benchmarks: wall-clock timing with a warm-up
 * and a median, and plain aligned output.
 */
import { performance } from 'perf_hooks';

export interface Measurement<T> {
  /** Milliseconds per run, in run order (warm-up excluded unless it is the only run). */
  readonly samples: readonly number[];
  /** The function was too slow to repeat: the warm-up run is the only sample. */
  readonly warmupOnly: boolean;
  readonly median: number;
  readonly min: number;
  readonly max: number;
  /** What the last run returned. */
  readonly value: T;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function summarise<T>(samples: number[], value: T, warmupMs: number): Measurement<T> {
  const warmupOnly = samples.length === 0;
  if (warmupOnly) samples = [warmupMs];
  return { samples, warmupOnly, median: median(samples), min: Math.min(...samples), max: Math.max(...samples), value };
}

/** "7", or "1 (warm-up only)". */
export function runsLabel(m: Measurement<unknown>): string {
  return m.warmupOnly ? '1*' : String(m.samples.length);
}

/** Times `fn` once (no warm-up); for one-off steps such as a compile. */
export function timeOnce<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

export interface MeasureOptions {
  /** Most timed runs. */
  readonly runs: number;
  /** Untimed runs first (default 1). */
  readonly warmup?: number;
  /**
   * Time the timed runs may take together, estimated from the last warm-up
   * run: a slow function gets fewer runs, so one slow case cannot stretch a
   * benchmark to many minutes. When a single run takes longer than the whole
   * budget, the warm-up run itself is the only sample. Default: no limit.
   */
  readonly budgetMs?: number;
}

function runCount(options: MeasureOptions, warmupMs: number): number {
  const budget = options.budgetMs ?? Infinity;
  const fit = warmupMs > 0 ? Math.floor(budget / warmupMs) : options.runs;
  return Math.min(options.runs, fit);
}

/** Runs `fn` `warmup` times untimed, then up to `runs` times timed. */
export function measure<T>(options: MeasureOptions, fn: () => T): Measurement<T> {
  let value!: T;
  let warmupMs = 0;
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    const start = performance.now();
    value = fn();
    warmupMs = performance.now() - start;
  }
  const samples: number[] = [];
  const runs = runCount(options, warmupMs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples, value, warmupMs);
}

export async function measureAsync<T>(options: MeasureOptions, fn: () => Promise<T>): Promise<Measurement<T>> {
  let value!: T;
  let warmupMs = 0;
  for (let i = 0; i < (options.warmup ?? 1); i++) {
    const start = performance.now();
    value = await fn();
    warmupMs = performance.now() - start;
  }
  const samples: number[] = [];
  const runs = runCount(options, warmupMs);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    value = await fn();
    samples.push(performance.now() - start);
  }
  return summarise(samples, value, warmupMs);
}

/**
 * Times several functions with interleaved runs (a b a b ...), so a drift of
 * the machine (another process, CPU clock) hits all of them alike. The budget
 * counts one round (all functions once).
 */
export function measureInterleaved<T>(options: MeasureOptions, fns: readonly (() => T)[]): Measurement<T>[] {
  const values: T[] = new Array<T>(fns.length);
  const warmupMs: number[] = fns.map(() => 0);
  for (let w = 0; w < (options.warmup ?? 1); w++) {
    fns.forEach((fn, i) => {
      const start = performance.now();
      values[i] = fn();
      warmupMs[i] = performance.now() - start;
    });
  }
  const roundMs = warmupMs.reduce((a, b) => a + b, 0);
  const samples: number[][] = fns.map(() => []);
  const runs = runCount(options, roundMs);
  for (let r = 0; r < runs; r++) {
    fns.forEach((fn, i) => {
      const start = performance.now();
      values[i] = fn();
      samples[i].push(performance.now() - start);
    });
  }
  return fns.map((_, i) => summarise(samples[i], values[i], warmupMs[i]));
}

// ---- output ----------------------------------------------------------------

const numberFormat = new Intl.NumberFormat('en-US');

/** 1234567 → "1,234,567". */
export function int(n: number): string {
  return numberFormat.format(Math.round(n));
}

/** Milliseconds with a precision that suits the size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value >= 1000) return `${numberFormat.format(Math.round(value))} ms`;
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(value >= 100 ? 0 : value >= 10 ? 1 : 2)}×` : String(value);
}

export function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(2)} MiB`;
}

/** One aligned line: a label column and a value column. */
export function line(label: string, value: string, indent = 2, width = 30): void {
  console.log(`${' '.repeat(indent)}${label.padEnd(width)} ${value}`);
}

/** An aligned table: first column left, the others right-aligned. */
export function table(rows: readonly (readonly string[])[], indent = 2): void {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  for (const row of rows) {
    const cells = row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])));
    console.log(' '.repeat(indent) + cells.join('  ').trimEnd());
  }
}

export function heading(text: string): void {
  console.log(`\n${text}`);
}
