/**
 * `reintegratie vergelijk` as a whole process: four generated clean
 * submissions of four vendors (25,000 client rows each), compared, side by
 * side in one run with `controleer` of the same four files, the check the
 * comparison is built on. What the comparison adds (the tallies per
 * municipality, service, target group and period, the clients of every
 * submission, the groupings) must stay small next to the check itself.
 * Target: vergelijk at most 1.5× controleer of the same files.
 *
 *   npm run bench -- vergelijk
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import { join } from 'path';
import { generateSubmission, toWorkbookData, writeWorkbookXlsx } from '../scripts/submissionGenerator';
import { runIfMain, type BenchResult } from './benchmark';
import { heading, int, line, measureInterleaved, ms, ratio, runsLabel, table } from './timing';

export const title = 'vergelijk of 4 × 25,000 rows vs controleer of the same files (whole processes)';

const ROWS = Number(process.env.BENCH_ROWS ?? 25_000);
const CACHE = join(__dirname, '.cache');
const CLI = join(__dirname, '..', 'dist', 'cli', 'main.js');
const RATIO_TARGET = 1.5;

const VENDORS = [
  { vendor: 'Werkpad Re-integratie B.V.', prefix: 'WP', municipalities: ['Alkmaar', 'Bergen', 'Castricum', 'Heiloo'] },
  { vendor: 'Arbeidspoort B.V.', prefix: 'AP', municipalities: ['Alkmaar', 'Heerhugowaard', 'Langedijk'] },
  { vendor: 'Stap Verder', prefix: 'SV', municipalities: ['Castricum', 'Graft-de Rijp', 'Schermer'] },
  { vendor: 'Baanbrekers', prefix: 'BB', municipalities: ['Heerhugowaard', 'Heiloo', 'Langedijk', 'Schermer'] },
];

interface Run {
  readonly status: number | null;
  readonly stdout: string;
}

function runCli(args: readonly string[]): Run {
  const result = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} ended with ${result.status}: ${result.stderr.slice(-400)}`);
  return { status: result.status, stdout: result.stdout };
}

export async function run(): Promise<BenchResult> {
  if (!existsSync(CLI)) throw new Error('dist/cli/main.js ontbreekt: draai eerst npm run build');
  mkdirSync(CACHE, { recursive: true });
  const files = VENDORS.map((v, k) => join(CACHE, `vergelijk-${k + 1}-${ROWS}.xlsx`));
  for (const [k, v] of VENDORS.entries()) {
    if (existsSync(files[k])) continue;
    const submission = generateSubmission({ rows: ROWS, seed: 41 + k, vendor: v.vendor, municipalities: v.municipalities, clientPrefix: v.prefix });
    await writeWorkbookXlsx(toWorkbookData(submission), files[k]);
  }

  heading('Inputs');
  line('submissions', `${VENDORS.length} vendors × ${int(ROWS)} client rows, bench/.cache/vergelijk-*.xlsx`);

  const ours = () => runCli(['vergelijk', ...files, '--json']);
  const peer = () => runCli(['controleer', ...files, '--json']);
  const [oursTime, peerTime] = measureInterleaved({ runs: 5, budgetMs: 120_000 }, [ours, peer]);

  // The comparison saw every row, and per vendor the rows of its submission.
  const json = JSON.parse(oursTime.value.stdout) as { totaal: { rijen: number }; groeperingen: { opdrachtnemer: { rijen: number }[] } };
  const complete = json.totaal.rijen === ROWS * VENDORS.length && json.groeperingen.opdrachtnemer.every((g) => g.rijen === ROWS);

  heading('Whole process, interleaved (each after 1 warm-up run; 1* = the warm-up run only)');
  table([
    ['', 'runs', 'median', 'min', 'max'],
    ['vergelijk --json', runsLabel(oursTime), ms(oursTime.median), ms(oursTime.min), ms(oursTime.max)],
    ['controleer --json (the same files)', runsLabel(peerTime), ms(peerTime.median), ms(peerTime.min), ms(peerTime.max)],
  ]);
  const cost = oursTime.median / peerTime.median;
  line('rows compared', `${int(json.totaal.rijen)}   ${complete ? 'PASS' : 'FAIL'} (every row, per vendor its own)`);
  line('ratio vergelijk / controleer', `${ratio(cost)}   ${cost <= RATIO_TARGET ? 'PASS' : 'FAIL'} (target ≤ ${RATIO_TARGET}×)`);

  const failures: string[] = [];
  if (!complete) failures.push(`vergelijk counted ${json.totaal.rijen} rows, not ${ROWS * VENDORS.length}`);
  if (cost > RATIO_TARGET) failures.push(`vergelijk ${ratio(cost)} controleer > ${RATIO_TARGET}×`);
  return { failures };
}

runIfMain(module, run);
