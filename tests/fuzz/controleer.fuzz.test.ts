/**
 * The fuzz test in the suite: a few hundred mutated copies of the bundled
 * example (zip-level and XML-level, see fuzzCases.ts) through the built
 * command line, with and without --uit. FUZZ_CASES and FUZZ_SEED change
 * the count and the seed; tests/fuzz/run.ts does long runs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../support/runCli';
import { EXAMPLE, fuzzCase, runBatch, type FuzzCase } from './fuzzCases';

const CASES = Number(process.env.FUZZ_CASES ?? 240);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const BATCH = 40;

const base = new Uint8Array(readFileSync(EXAMPLE));
const cases: FuzzCase[] = Array.from({ length: CASES }, (_, i) => fuzzCase(base, SEED, i));
const batches: FuzzCase[][] = [];
for (let i = 0; i < cases.length; i += BATCH) batches.push(cases.slice(i, i + BATCH));
const dir = tempDir();

describe(`controleer on ${CASES} mutated workbooks (seed ${SEED})`, () => {
  const totals = { report: 0, unusable: 0 };
  afterAll(() => {
    // The mutations must reach both outcomes, or the test proves little.
    expect(totals.report).toBeGreaterThan(CASES / 10);
    expect(totals.unusable).toBeGreaterThan(CASES / 10);
  });

  test.each(batches.map((b, i) => [i + 1, b] as const))('batch %i: exit 0, 1 or 2; one Dutch line per unusable file; no hang; inputs unchanged; copies read back', (i, batch) => {
    // Every other batch writes marked copies.
    const { failures, outcomes } = runBatch(batch, join(dir, `batch-${i}`), i % 2 === 0);
    totals.report += outcomes.report;
    totals.unusable += outcomes.unusable;
    expect(failures).toEqual([]);
  }, 300_000);
});
