/**
 * Two threads give exactly the findings of one scan: the range scan of the
 * engine and the split at a paragraph break after a sentence end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions } from '../../src/definitions/profile';
import { TermMatcher } from '../../src/engine/termMatcher';
import { splitPoint } from '../../src/cli/parallelScan';

const seeds = join(__dirname, '..', 'corpus', 'seeds');
const text = readdirSync(seeds)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(seeds, f), 'utf8'))
  .join('\n\n');
const defs = effectiveDefinitions(standardDefinitionSet());
const matcher = new TermMatcher(defs);
const brief = (fs: { code: string; start: number; end: number; suggestions: readonly string[]; message: string }[]) =>
  fs.map((f) => `${f.code}@${f.start}-${f.end} ${f.suggestions.join('|')} ${f.message}`);

test('a split is a paragraph break after a sentence end, near the asked position', () => {
  const at = splitPoint(text, Math.floor(text.length / 2));
  expect(at).toBeGreaterThan(0);
  expect(text.slice(at - 3, at)).toMatch(/\n\s*\n$|\n$/);
  expect(text.slice(0, at).trimEnd()).toMatch(/[.!?:;]["'’”)]*$/);
  expect(splitPoint('Een tekst zonder witregels. '.repeat(100), 1000)).toBe(-1);
});

test('scanning the parts gives exactly the findings of the whole scan', () => {
  const whole = matcher.scan(text);
  expect(whole.length).toBeGreaterThan(300);
  for (const share of [0.2, 0.5, 0.8]) {
    const at = splitPoint(text, Math.floor(text.length * share));
    const parts = [...matcher.scan(text, { from: 0, to: at }), ...matcher.scan(text, { from: at, to: text.length })];
    expect(brief(parts)).toEqual(brief(whole));
  }
});

test('the built CLI scans a part on a worker thread, and two threads give the result of one', async () => {
  // The compiled module, so that the worker script (dist/cli/scanWorker.js) exists.
  const { scanText, scanOnWorker } = require('../../dist/cli/parallelScan') as typeof import('../../src/cli/parallelScan');
  const { TermMatcher: BuiltMatcher } = require('../../dist/engine/termMatcher') as typeof import('../../src/engine/termMatcher');
  const built = new BuiltMatcher(defs);
  const at = splitPoint(text, Math.floor(text.length / 2));
  expect(brief(await scanOnWorker({ text, from: at, to: text.length, profile: null }))).toEqual(
    brief(built.scan(text, { from: at, to: text.length })),
  );
  expect(brief(await scanText(built, text, null, true))).toEqual(brief(built.scan(text)));
});

test('termen on a small text does not load node:os or node:worker_threads (they are for a large text only)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reintegratie-test-'));
  // A preloaded script reports, at exit, which of the two built-in modules the process loaded.
  const report = join(dir, 'report.js');
  writeFileSync(
    report,
    `process.on('exit', () => process.stderr.write(JSON.stringify(process.moduleLoadList.filter((m) => /^NativeModule (os|worker_threads)$/.test(m)))));`,
  );
  const cli = join(__dirname, '..', '..', 'dist', 'cli', 'main.js');
  const loaded = (content: string): string[] => {
    const file = join(dir, 'tekst.txt');
    writeFileSync(file, content);
    return JSON.parse(spawnSync(process.execPath, ['-r', report, cli, 'termen', file, '--json'], { encoding: 'utf8' }).stderr);
  };
  expect(loaded('De klantmanager belt de cliënt.\n')).toEqual([]);
  // From 1 MiB on the command asks how many cores the machine has.
  expect(loaded('Een zin zonder termen erin.\n'.repeat(40_000))).toContain('NativeModule os');
});
