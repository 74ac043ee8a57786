/**
 * The term check as a user feels it: the whole process, from starting node
 * to the last byte of JSON, side by side in one run with the peer.
 *
 * 1. `reintegratie termen <4 MiB of Dutch text> --json` (the built CLI in
 *    dist/) against `textlint --format json` with textlint-rule-prh and the
 *    same word list (prh rules generated from our lexicon, see prhRules.ts),
 *    runs interleaved. Target: textlint / ours at least 10×.
 * 2. `reintegratie --versie`: target under 150 ms (median), with `node -e 0`
 *    as the floor any Node program pays.
 *
 *   npm run bench -- termProcess
 */
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join } from 'path';
import { runIfMain, type BenchResult } from './benchmark';
import { generateCorpus } from './corpus';
import { benchDefinitions } from './definitions';
import { loadEngine } from './engine';
import { writePrhRules } from './prhRules';
import { heading, int, line, measure, measureInterleaved, mib, ms, ratio, runsLabel, table } from './timing';

export const title = 'Whole process: termen --json vs textlint + prh on 4 MiB; reintegratie --versie';

const ROOT = join(__dirname, '..');
const CACHE = join(__dirname, '.cache');
const CORPUS_BYTES = Number(process.env.BENCH_BYTES ?? 4 * 1024 * 1024);
const SEED = 20240611;
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const TEXTLINT = join(ROOT, 'node_modules', 'textlint', 'bin', 'textlint.js');
const PROCESS_RATIO_TARGET = 10;
const VERSION_TARGET_MS = 150;

interface Run {
  readonly status: number | null;
  readonly bytes: number;
}

/** Runs a node process to completion; stdout is counted, not kept. */
function runNode(args: readonly string[]): Run {
  const result = spawnSync(process.execPath, args, { encoding: 'buffer', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) throw result.error;
  if (result.status !== 0 && result.status !== 1) {
    throw new Error(`${args.join(' ')} ended with ${result.status}: ${result.stderr.toString().slice(0, 400)}`);
  }
  return { status: result.status, bytes: result.stdout.length };
}

export async function run(): Promise<BenchResult> {
  const failures: string[] = [];
  mkdirSync(CACHE, { recursive: true });
  const { defs, source } = benchDefinitions();
  const { buildLexicon } = loadEngine();
  const lexicon = buildLexicon(defs);
  const { text, stats } = generateCorpus(defs, { targetBytes: CORPUS_BYTES, seed: SEED });
  const corpusPath = join(CACHE, 'termProcess-corpus.txt');
  writeFileSync(corpusPath, text, 'utf8');
  const rulesPath = join(CACHE, 'termProcess-prh.yml');
  const prh = writePrhRules(lexicon, rulesPath, source);
  const configPath = join(CACHE, 'termProcess-textlintrc.json');
  writeFileSync(configPath, JSON.stringify({ rules: { prh: { rulePaths: [rulesPath] } } }, null, 2));

  heading('Inputs');
  line('corpus', `${mib(stats.bytes)}, ${int(stats.lines)} lines, written to bench/.cache/termProcess-corpus.txt`);
  line('ours', `node dist/cli/main.js termen <corpus> --json (definitions: ${source})`);
  line('peer', `node node_modules/textlint/bin/textlint.js --config <prh rules> --format json <corpus>; ${int(prh.rules.length)} prh rules`);

  const ours = (): Run => runNode([CLI, 'termen', corpusPath, '--json']);
  const peer = (): Run => runNode([TEXTLINT, '--config', configPath, '--format', 'json', corpusPath]);
  const [oursTime, peerTime] = measureInterleaved({ runs: 5, budgetMs: 90_000 }, [ours, peer]);

  heading('Whole process, interleaved (each after 1 warm-up run; 1* = the warm-up run only)');
  table([
    ['', 'runs', 'median', 'min', 'max', 'stdout'],
    ['ours: termen --json', runsLabel(oursTime), ms(oursTime.median), ms(oursTime.min), ms(oursTime.max), mib(oursTime.value.bytes)],
    ['textlint + prh --format json', runsLabel(peerTime), ms(peerTime.median), ms(peerTime.min), ms(peerTime.max), mib(peerTime.value.bytes)],
  ]);
  const processRatio = peerTime.median / oursTime.median;
  line(
    'ratio textlint / ours',
    `${ratio(processRatio)}   ${processRatio >= PROCESS_RATIO_TARGET ? 'PASS' : 'FAIL'} (target ≥ ${PROCESS_RATIO_TARGET}×, whole process)`,
  );
  if (processRatio < PROCESS_RATIO_TARGET) failures.push(`whole process ${ratio(processRatio)} < ${PROCESS_RATIO_TARGET}×`);

  const version = measure({ runs: 15 }, () => runNode([CLI, '--versie']));
  const floor = measure({ runs: 15 }, () => runNode(['-e', '0']));
  heading('Start');
  table([
    ['', 'runs', 'median', 'min', 'max'],
    ['reintegratie --versie', runsLabel(version), ms(version.median), ms(version.min), ms(version.max)],
    ['node -e 0 (floor)', runsLabel(floor), ms(floor.median), ms(floor.min), ms(floor.max)],
  ]);
  line('--versie', `${ms(version.median)}   ${version.median < VERSION_TARGET_MS ? 'PASS' : 'FAIL'} (target < ${VERSION_TARGET_MS} ms)`);
  if (version.median >= VERSION_TARGET_MS) failures.push(`--versie ${ms(version.median)} ≥ ${VERSION_TARGET_MS} ms`);
  return { failures };
}

runIfMain(module, run);
