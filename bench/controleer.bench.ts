/**
 * `reintegratie controleer` as a whole process on a generated clean
 * submission of 100,000 client rows, side by side with a process that only
 * reads every cell of the same file with ExcelJS. Target: at most 1.5× the
 * ExcelJS read time, aim below 1.0×. Also: our reader alone, and the engine
 * alone on in-memory values (rows per second).
 *
 * And the marked copy: `controleer --uit` against the check alone on the
 * same file, runs interleaved. Targets: at most 3× the check's time and a
 * peak below 1 GiB.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { standardDefinitionSet } from '../src/definitions/definitionSet';
import { effectiveDefinitions } from '../src/definitions/profile';
import { checkWorkbook } from '../src/engine/checkWorkbook';
import { readXlsx } from '../src/workbook/xlsx/readXlsx';
import { generateSubmission, toWorkbookData, writeWorkbookXlsx } from '../scripts/submissionGenerator';
import type { BenchResult } from './benchmark';
import { median } from './timing';

export const title = 'controleer (process) vs reading every cell with ExcelJS, and --uit vs the check alone, 100,000 rows';

const ROWS = Number(process.env.BENCH_ROWS ?? 100_000);
const RUNS = 3;
const CACHE = join(__dirname, '.cache');
const CLI = join(__dirname, '..', 'dist', 'cli', 'main.js');
const PEER = join(__dirname, 'peers', 'exceljs-read.js');

interface ProcessRun {
  readonly ms: number;
  readonly peakMiB: number;
}

/** Runs a node process under /usr/bin/time for its peak memory; wall time measured here. */
function runProcess(args: string[]): ProcessRun {
  const useTime = existsSync('/usr/bin/time');
  const command = useTime ? '/usr/bin/time' : process.execPath;
  const argv = useTime ? ['-f', '%M', process.execPath, ...args] : args;
  const start = performance.now();
  const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = performance.now() - start;
  if (result.status !== 0 && !(result.status === 1 && args.includes('controleer'))) {
    throw new Error(`${args.join(' ')} ended with ${result.status}: ${result.stderr.slice(-500)}`);
  }
  const kb = useTime ? Number(result.stderr.trim().split('\n').pop()) : NaN;
  return { ms, peakMiB: kb / 1024 };
}

function timeProcess(args: string[]): { median: number; peakMiB: number; samples: number[] } {
  runProcess(args); // warm the file cache
  const runs = Array.from({ length: RUNS }, () => runProcess(args));
  return { median: median(runs.map((r) => r.ms)), peakMiB: Math.max(...runs.map((r) => r.peakMiB)), samples: runs.map((r) => r.ms) };
}

const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

export async function run(): Promise<BenchResult> {
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js ontbreekt: draai eerst npm run build');
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `inzending-${ROWS}.xlsx`);
  const submission = generateSubmission({ rows: ROWS, seed: 7 });
  if (!existsSync(file)) {
    const start = performance.now();
    await writeWorkbookXlsx(toWorkbookData(submission), file);
    console.log(`generated ${file} in ${fmt(performance.now() - start)}`);
  }
  console.log(`input: ${ROWS.toLocaleString('en')} client rows × 20 columns, ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB`);

  const ours = timeProcess([CLI, 'controleer', file, '--json']);
  const check = spawnSync(process.execPath, [CLI, 'controleer', file, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const summary = JSON.parse(check.stdout).samenvatting;
  const peer = timeProcess([PEER, file]);

  // In process: the reader alone, and the engine alone on in-memory values.
  const bytes = readFileSync(file);
  let start = performance.now();
  readXlsx(bytes);
  const readMs = performance.now() - start;
  const defs = effectiveDefinitions(standardDefinitionSet());
  const workbook = toWorkbookData(submission);
  checkWorkbook(workbook, defs); // warm-up (compiles the term matcher)
  const engineRuns: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    checkWorkbook(workbook, defs);
    engineRuns.push(performance.now() - start);
  }
  const engineMs = median(engineRuns);

  // The marked copy against the check alone, interleaved (check, --uit, check, --uit, ...).
  const out = mkdtempSync(join(tmpdir(), 'bench-uit-'));
  const checkArgs = [CLI, 'controleer', file, '--json'];
  const copyArgs = [CLI, 'controleer', file, '--json', '--uit', out];
  runProcess(copyArgs); // warm-up
  const alone: ProcessRun[] = [];
  const copying: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    alone.push(runProcess(checkArgs));
    copying.push(runProcess(copyArgs));
  }
  const copySize = statSync(join(out, `inzending-${ROWS}-gecontroleerd.xlsx`)).size;
  rmSync(out, { recursive: true, force: true });
  const aloneMs = median(alone.map((r) => r.ms));
  const copyMs = median(copying.map((r) => r.ms));
  const copyPeak = Math.max(...copying.map((r) => r.peakMiB));
  const copyRatio = copyMs / aloneMs;

  const ratio = ours.median / peer.median;
  const rows: [string, string, string][] = [
    ['reintegratie controleer (whole process)', fmt(ours.median), `${ours.peakMiB.toFixed(0)} MiB peak`],
    ['ExcelJS: read every cell (whole process)', fmt(peer.median), `${peer.peakMiB.toFixed(0)} MiB peak`],
    ['our xlsx reader alone (in process)', fmt(readMs), ''],
    ['engine alone on in-memory values', fmt(engineMs), `${Math.round(ROWS / (engineMs / 1000)).toLocaleString('en')} rows/s`],
  ];
  for (const [label, time, extra] of rows) console.log(`  ${label.padEnd(42)} ${time.padStart(9)}  ${extra}`);
  console.log(`  findings of the check: ${summary.fout} fout, ${summary.waarschuwing} waarschuwing, ${summary.info} info on ${summary.rijen} rows`);
  const verdict = ratio <= 1.0 ? 'PASS (aim < 1.0× met)' : ratio <= 1.5 ? 'PASS (target ≤ 1.5×; aim < 1.0× not met)' : 'FAIL';
  console.log(`  controleer / ExcelJS read = ${ratio.toFixed(2)}×  ${verdict}`);
  console.log('');
  console.log(`  marked copy (--uit), interleaved with the check alone, ${RUNS} runs each:`);
  console.log(`  ${'controleer (check alone)'.padEnd(42)} ${fmt(aloneMs).padStart(9)}  ${Math.max(...alone.map((r) => r.peakMiB)).toFixed(0)} MiB peak`);
  console.log(`  ${'controleer --uit (check + marked copy)'.padEnd(42)} ${fmt(copyMs).padStart(9)}  ${copyPeak.toFixed(0)} MiB peak, copy ${(copySize / 1024 / 1024).toFixed(1)} MiB`);
  const copyVerdict = copyRatio <= 3 && copyPeak < 1024 ? 'PASS (target ≤ 3×, < 1 GiB)' : 'FAIL';
  console.log(`  --uit / check alone = ${copyRatio.toFixed(2)}×, peak ${copyPeak.toFixed(0)} MiB  ${copyVerdict}`);
  const failures: string[] = [];
  if (ratio > 1.5) failures.push(`controleer ${ratio.toFixed(2)}× the ExcelJS read time > 1.5×`);
  if (copyRatio > 3) failures.push(`--uit ${copyRatio.toFixed(2)}× the check alone > 3×`);
  if (!(copyPeak < 1024)) failures.push(`--uit peak ${copyPeak.toFixed(0)} MiB ≥ 1 GiB`);
  if (summary.fout + summary.waarschuwing > 0) failures.push('the clean generated submission has findings');
  return { failures };
}
