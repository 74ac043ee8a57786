/**
 * The convention every benchmark follows (see bench/README.md).
 *
 * A benchmark is a file bench/<name>.bench.ts that exports
 *
 *   export const title = 'One line: what it measures';
 *   export async function run(): Promise<BenchResult | void> { ... }
 *
 * `run` prints its own report to stdout and returns the targets it missed
 * (if it has targets); it throws only when it cannot run at all. Importing
 * the module must have no side effects: bench/run.ts imports every bench
 * before deciding which to run. For `npx tsx bench/<name>.bench.ts`, end the
 * file with `runIfMain(module, run)`.
 */

export interface BenchResult {
  /** One line per missed target ("speed-up 12.3× < 20×"); empty when all are met. */
  readonly failures: readonly string[];
}

export type BenchRun = () => Promise<BenchResult | void> | BenchResult | void;

/** Runs `run` when the file is executed directly instead of imported. */
export function runIfMain(mod: NodeModule, run: BenchRun): void {
  if (require.main !== mod) return;
  Promise.resolve(run())
    .then((result) => {
      if (result && result.failures.length > 0) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exitCode = 2;
    });
}
