/**
 * Cold start of the REINT functions: how long after Excel loads
 * dist/addin/functions.js the runtime answers. Each sample is a fresh Node
 * process (no compilation cache shared between samples) that evaluates the
 * built bundle in a new vm context with Excel's globals stubbed, lets the
 * runtime read the workbook's profile and date system, and times the first
 * answer (REINT.DEFINITIE) and the first answer of all eight functions.
 *
 * Target: ready in under 100 ms, with and without a profile stored in the
 * workbook. Peer, in the same run and the same kind of fresh process: zod
 * validating the same definition data at load, the work the functions
 * runtime must not do each time Excel starts it.
 */
import { execFileSync } from 'child_process';
import { existsSync } from 'fs';
import { join } from 'path';
import { runIfMain, type BenchResult } from './benchmark';
import { median } from './timing';

export const title = 'REINT functions: cold start of the built bundle (fresh process, stubbed Excel) against zod validation of the data';

const ROOT = join(__dirname, '..');
const BUNDLE = join(ROOT, 'dist', 'addin', 'functions.js');
const CHILD = join(__dirname, 'functionsColdStart.child.js');
const RUNS = 9;
const TARGET_MS = 100;

interface Sample {
  readonly associated: number;
  readonly evaluate: number;
  readonly ready: number;
  readonly allAnswered: number;
  readonly bundleBytes: number;
}

function child<T>(mode: string): T {
  const out = execFileSync(process.execPath, [CHILD, mode === 'peer' ? '-' : BUNDLE, mode], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop() as string) as T;
}

const ms = (x: number) => `${x.toFixed(1)} ms`.padStart(10);

export async function run(): Promise<BenchResult> {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} ontbreekt: run \`npm run build\` first (npm run bench does).`);
  const failures: string[] = [];
  const rows: string[] = [];
  const samples: Record<string, Sample[]> = { standard: [], profile: [] };
  const peers: number[] = [];
  let peerNote: string | null = null;
  // Interleaved, so that a noisy moment on a shared machine hits every kind alike.
  for (let i = 0; i < RUNS; i++) {
    for (const mode of ['standard', 'profile']) samples[mode].push(child<Sample>(mode));
    const p = child<{ validate?: number; unavailable?: string }>('peer');
    if (p.validate !== undefined) peers.push(p.validate);
    else peerNote = p.unavailable ?? 'onbekend';
  }
  const peer = peers.length > 0 ? median(peers) : NaN;
  console.log(`Bundle ${BUNDLE} (${(samples.standard[0].bundleBytes / 1024).toFixed(1)} KiB), ${RUNS} fresh processes each, medians:`);
  console.log(`${'workbook'.padEnd(26)}${'evaluated'.padStart(10)}${'ready'.padStart(10)}${'all 8 answered'.padStart(16)}`);
  for (const [mode, list] of Object.entries(samples)) {
    if (list.some((s) => s.associated !== 8)) failures.push(`${mode}: not all eight functions registered`);
    const ready = median(list.map((s) => s.ready));
    const label = mode === 'standard' ? 'no stored profile' : 'stored profile (12 mnd)';
    rows.push(`${label.padEnd(26)}${ms(median(list.map((s) => s.evaluate)))}${ms(ready)}${ms(median(list.map((s) => s.allAnswered))).padStart(16)}`);
    if (!(ready < TARGET_MS)) failures.push(`${label}: ready in ${ready.toFixed(1)} ms ≥ ${TARGET_MS} ms`);
  }
  for (const r of rows) console.log(r);
  if (Number.isNaN(peer)) console.log(`Peer not measured: ${peerNote}.`);
  else {
    const ready = median(samples.standard.map((s) => s.ready));
    console.log(`Peer: zod validating the definition data at load: ${peer.toFixed(1)} ms; the whole functions start (ready) is ${(ready / peer).toFixed(2)}× that.`);
  }
  console.log(failures.length === 0 ? `Target met: ready in under ${TARGET_MS} ms.` : `Missed: ${failures.join('; ')}`);
  return { failures };
}

runIfMain(module, run);
