/**
 * Scanning a large text on two threads (on a machine with four cores or
 * more, see secondCoreFree): the main thread scans the first part
 * while a worker (scanWorker.ts) scans the rest; both see the whole text, so
 * what the text says about itself (its date, its titles) counts in both
 * parts. The parts meet at a paragraph break after a sentence end, where no
 * word, sentence or number statement can cross, so the findings are exactly
 * those of one scan (tests/cli/parallelScan.test.ts).
 */
import { join } from 'node:path';
import type { Profile } from '../definitions/profile';
import type { TermMatcher, TextFinding } from '../engine/termMatcher';

/** Texts from this length on are scanned on two threads (when the machine has two cores). */
export const PARALLEL_FROM = 1 << 20;

/** The share of the text the main thread scans; the worker starts later, so it takes the smaller part. */
const MAIN_SHARE = 0.55;

export interface ScanJob {
  readonly text: string;
  readonly from: number;
  readonly to: number;
  readonly profile: Profile | null;
}

/**
 * Where the text may be split near `at`: the start of a paragraph (after a
 * blank line) whose previous paragraph ends a sentence. -1 if there is none
 * within a tenth of the text.
 */
export function splitPoint(text: string, at: number): number {
  const window = Math.floor(text.length / 10);
  const re = /[.!?:;]["'’”)]*[ \t]*\r?\n(?:[ \t]*\r?\n)+/g;
  re.lastIndex = Math.max(0, at - window);
  for (let m = re.exec(text); m !== null && m.index <= at + window; m = re.exec(text)) {
    if (m.index + m[0].length >= at) return m.index + m[0].length;
  }
  return -1;
}

/**
 * Whether a second core is free for a worker: the machine has four or more,
 * and the load of the last minute leaves one idle. On two cores the worker
 * competes with V8's own compiler and garbage-collector threads and the whole
 * run gets slower (measured on a 2-core machine: 4 MiB in 0.89 s on two
 * threads against 0.60 s on one, 16 MiB in 1.83 s against 1.63 s).
 */
export function secondCoreFree(): boolean {
  // node:os and node:worker_threads are loaded when a text is large enough (a small one does not pay for them).
  const { availableParallelism, loadavg } = require('node:os') as typeof import('node:os');
  const cores = availableParallelism();
  return cores >= MIN_CORES && loadavg()[0] <= cores - 1;
}

/** The fewest cores on which a text is scanned on two threads. */
export const MIN_CORES = 4;

/**
 * The findings of `matcher.scan(text)`, on two threads for a large text when
 * a second core is free (`parallel` forces the choice, for tests).
 */
export async function scanText(
  matcher: TermMatcher,
  text: string,
  profile: Profile | null,
  parallel: boolean = text.length >= PARALLEL_FROM && secondCoreFree(),
): Promise<TextFinding[]> {
  if (!parallel) return matcher.scan(text);
  const split = splitPoint(text, Math.floor(text.length * MAIN_SHARE));
  if (split <= 0 || split >= text.length) return matcher.scan(text);
  const rest = scanOnWorker({ text, from: split, to: text.length, profile }).catch(() => undefined);
  const first = matcher.scan(text, { from: 0, to: split });
  // A worker that could not run is no reason to fail: scan its part here.
  const second = (await rest) ?? matcher.scan(text, { from: split, to: text.length });
  return first.concat(second);
}

/** The findings of a part of the text, scanned on a worker thread. */
export function scanOnWorker(job: ScanJob): Promise<TextFinding[]> {
  const { Worker } = require('node:worker_threads') as typeof import('node:worker_threads');
  const worker = new Worker(join(__dirname, 'scanWorker.js'), { workerData: job });
  return new Promise<TextFinding[]>((resolve, reject) => {
    worker.once('message', (findings: TextFinding[]) => {
      resolve(findings);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`scanWorker stopte met ${code}`)));
  });
}
