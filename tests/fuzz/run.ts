/**
 * Long fuzz runs of `reintegratie controleer` (the suite runs a few hundred
 * cases; this runs as many as asked):
 *
 *   npm run fuzz -- --cases 5000 --seed 7
 *
 * Failing cases are kept in the output folder (default fuzz-uit/) with the
 * properties they broke; exit status 1 when any case failed.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE, fuzzCase, runBatch, type FuzzCase } from './fuzzCases';

function option(name: string, fallback: number | string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1] : String(fallback);
}

const cases = Number(option('cases', 2000));
const seed = Number(option('seed', Date.now() % 1_000_000));
const keep = option('uit', 'fuzz-uit');
const batchSize = 50;
const base = new Uint8Array(readFileSync(EXAMPLE));
const work = mkdtempSync(join(tmpdir(), 'reintegratie-fuzz-'));

let failed = 0;
let reported = 0;
let unusable = 0;
const started = Date.now();
for (let from = 0; from < cases; from += batchSize) {
  const batch: FuzzCase[] = [];
  for (let i = from; i < Math.min(cases, from + batchSize); i++) batch.push(fuzzCase(base, seed, i));
  const dir = join(work, `b${from}`);
  const result = runBatch(batch, dir, (from / batchSize) % 2 === 1);
  reported += result.outcomes.report;
  unusable += result.outcomes.unusable;
  if (result.failures.length > 0) {
    failed += result.failures.length;
    mkdirSync(keep, { recursive: true });
    for (const c of batch) if (result.failures.some((f) => f.includes(c.name))) copyFileSync(join(dir, `${c.name}.xlsx`), join(keep, `${c.name}.xlsx`));
    writeFileSync(join(keep, `failures-${seed}-${from}.txt`), result.failures.join('\n') + '\n');
    for (const f of result.failures) console.log(`FOUT ${f}`);
  }
  rmSync(dir, { recursive: true, force: true });
  const done = Math.min(cases, from + batchSize);
  process.stdout.write(`\r${done}/${cases} gevallen, ${reported} gecontroleerd, ${unusable} onbruikbaar, ${failed} fouten (${Math.round((Date.now() - started) / 1000)} s)`);
}
process.stdout.write('\n');
rmSync(work, { recursive: true, force: true });
console.log(failed === 0 ? `seed ${seed}: alle ${cases} gevallen in orde.` : `seed ${seed}: ${failed} fouten; gevallen in ${keep}/.`);
process.exitCode = failed === 0 ? 0 : 1;
