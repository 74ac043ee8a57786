/**
 * Runs the benchmarks in bench/: every *.bench.ts in name order, or those
 * named on the command line (`npm run bench -- termScan`; a name matches a
 * file whose base name, without .bench.ts, equals it or starts with it,
 * ignoring case). The convention a benchmark follows is in bench/benchmark.ts.
 *
 * Exit status: 0 all targets met, 1 a target missed, 2 a benchmark failed to
 * run or a name matched nothing.
 */
import { readdirSync } from 'fs';
import { basename, join } from 'path';
import { performance } from 'perf_hooks';
import type { BenchResult, BenchRun } from './benchmark';

const SUFFIX = '.bench.ts';

interface BenchModule {
  readonly title?: string;
  readonly run?: BenchRun;
}

function benchFiles(): string[] {
  return readdirSync(__dirname)
    .filter((name) => name.endsWith(SUFFIX))
    .sort()
    .map((name) => join(__dirname, name));
}

function nameOf(file: string): string {
  return basename(file, SUFFIX);
}

function select(files: string[], wanted: string[]): string[] | undefined {
  if (wanted.length === 0) return files;
  const chosen: string[] = [];
  for (const want of wanted) {
    const w = want.replace(/\.bench(\.ts)?$/, '').toLowerCase();
    const hits = files.filter((f) => nameOf(f).toLowerCase().startsWith(w));
    const exact = hits.filter((f) => nameOf(f).toLowerCase() === w);
    const use = exact.length > 0 ? exact : hits;
    if (use.length === 0) {
      console.error(`No benchmark matches '${want}'. Available: ${files.map(nameOf).join(', ') || '(none)'}`);
      return undefined;
    }
    for (const f of use) if (!chosen.includes(f)) chosen.push(f);
  }
  return chosen;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes('--list')) {
    for (const file of benchFiles()) {
      const mod = (await import(file)) as BenchModule;
      console.log(`${nameOf(file).padEnd(24)} ${mod.title ?? ''}`);
    }
    return 0;
  }
  const files = select(benchFiles(), args.filter((a) => !a.startsWith('-')));
  if (files === undefined) return 2;
  console.log(`Node ${process.version}, ${process.platform}/${process.arch}`);

  const summary: [string, string][] = [];
  let status = 0;
  for (const file of files) {
    const name = nameOf(file);
    const started = performance.now();
    try {
      const mod = (await import(file)) as BenchModule;
      if (typeof mod.run !== 'function') throw new Error(`${basename(file)} does not export a run() function`);
      console.log(`\n=== ${name}${mod.title ? `: ${mod.title}` : ''}`);
      const result = (await mod.run()) as BenchResult | undefined;
      const failures = result?.failures ?? [];
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      if (failures.length > 0) status = Math.max(status, 1);
      summary.push([name, failures.length === 0 ? `ok (${seconds} s)` : `target missed: ${failures.join('; ')} (${seconds} s)`]);
    } catch (error) {
      status = 2;
      console.error(`\n${name} failed:`, error);
      summary.push([name, 'ERROR (see above)']);
    }
  }
  console.log('\n=== Summary');
  for (const [name, outcome] of summary) console.log(`  ${name.padEnd(24)} ${outcome}`);
  return status;
}

main().then(
  (status) => {
    process.exitCode = status;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 2;
  },
);
