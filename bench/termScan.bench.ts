/**
 * Term scan benchmark.
 *
 * 1. Speed: our TermMatcher.scan versus textlint with textlint-rule-prh, both
 *    loaded with the same word list (prh rules generated from our lexicon),
 *    on the same generated Dutch text of about 3 MiB. Target: textlint / ours
 *    at least 20×, aim 50×.
 * 2. Scaling: the same scan with the lexicon inflated to 10× its entries with
 *    synthetic terms. Target: time grows less than 1.5×.
 *
 *   npm run bench -- termScan
 *   BENCH_DATA_DIR=path/to/data npm run bench -- termScan   (other definition data)
 */
import { writeFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import { TextlintKernelDescriptor, type TextlintMessage } from '@textlint/kernel';
import textPlugin from '@textlint/textlint-plugin-text';
import { createLinter } from 'textlint';
import prhRule from 'textlint-rule-prh';
import type { LexiconEntry, TermMatcher, TextFinding } from '../src/engine/termMatcher';
import { runIfMain, type BenchResult } from './benchmark';
import { generateCorpus } from './corpus';
import { benchDefinitions } from './definitions';
import { loadEngine } from './engine';
import { writePrhRules } from './prhRules';
import { syntheticEntries } from './syntheticLexicon';
import { heading, int, line, measure, measureAsync, measureInterleaved, mib, ms, ratio, runsLabel, table, timeOnce } from './timing';

export const title = 'Term scan: our engine vs textlint + textlint-rule-prh; scaling with 10× the terms';

const CACHE = join(__dirname, '.cache');
const CORPUS_BYTES = 3 * 1024 * 1024;
const SEED = 20240611;
/** Runs per measurement: at most `runs`, fewer when a run is slow (see timing.ts). */
const OURS = { runs: 7, budgetMs: 20_000 };
const TEXTLINT = { runs: 3, budgetMs: 30_000 };
const SCALING = { runs: 7, budgetMs: 30_000 };
const SPEED_TARGET = 20;
const SPEED_AIM = 50;
const INFLATION = 10;
const SCALING_LIMIT = 1.5;

function countKinds(lexicon: readonly LexiconEntry[]): string {
  const n = (kind: string): number => lexicon.filter((e) => e.kind === kind).length;
  const compound = lexicon.filter((e) => e.kind === 'nonconform' && e.compound).length;
  return `${int(lexicon.length)} entries (${int(n('conform'))} conforming, ${int(n('nonconform'))} non-conforming of which ${int(compound)} compound, ${int(n('unit'))} unit words)`;
}

function describe(findings: readonly TextFinding[]): { terms: TextFinding[]; numbers: number } {
  const terms = findings.filter((f) => f.code === 'TERM_NIET_CONFORM');
  return { terms, numbers: findings.length - terms.length };
}

/** A short one-line excerpt of the corpus around [start, end). */
function excerpt(text: string, start: number, end: number): string {
  const before = text.slice(Math.max(0, start - 25), start);
  const after = text.slice(end, end + 25);
  return `…${before}[${text.slice(start, end)}]${after}…`.replace(/\n/g, '⏎');
}

/** Index of the finding that contains `offset`, or -1 (findings sorted by start, not overlapping). */
function findingAt(findings: readonly TextFinding[], offset: number): number {
  let lo = 0;
  let hi = findings.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = findings[mid];
    if (offset < f.start) hi = mid - 1;
    else if (offset >= f.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** The line around `offset`: [start, end) without the line break. */
function lineAround(text: string, offset: number): [number, number] {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const next = text.indexOf('\n', offset);
  return [start, next < 0 ? text.length : next];
}

function compareHits(
  corpus: string,
  ours: readonly TextFinding[],
  prh: readonly TextlintMessage[],
  matcher: TermMatcher,
): void {
  const matched = new Uint8Array(ours.length);
  const prhOnly: TextlintMessage[] = [];
  for (const m of prh) {
    const i = findingAt(ours, m.range[0]);
    if (i >= 0) matched[i] = 1;
    else prhOnly.push(m);
  }
  const unmatched = ours.filter((_, i) => matched[i] === 0);
  const acrossLines = unmatched.filter((f) => /[\r\n]/.test(f.fragment));
  const other = unmatched.filter((f) => !/[\r\n]/.test(f.fragment));
  // A prh message our engine also gives when it reads that line alone: the
  // difference comes from the context across lines ("uitstroom⏎naar werk").
  const byLine = prhOnly.filter((m) => {
    const [start, end] = lineAround(corpus, m.range[0]);
    const offset = m.range[0] - start;
    return matcher.scan(corpus.slice(start, end)).some((f) => f.code === 'TERM_NIET_CONFORM' && f.start <= offset && offset < f.end);
  });
  const prhOther = prhOnly.filter((m) => !byLine.includes(m));
  const both = ours.length - unmatched.length;
  const prhInMatched = prh.length - prhOnly.length;
  table([
    ['our term findings also reported by prh', int(both), `(by ${int(prhInMatched)} prh messages)`],
    ['ours only: across a line break', int(acrossLines.length), '(the text plugin gives prh one line at a time)'],
    ['ours only: other', int(other.length), ''],
    ['prh only: line read without its neighbours', int(byLine.length), '(ours flags it too when given that line alone)'],
    ['prh only: other', int(prhOther.length), ''],
  ]);
  const show = (label: string, items: string[]): void => {
    if (items.length === 0) return;
    console.log(`  ${label}:`);
    for (const item of items.slice(0, 5)) console.log(`    ${item}`);
    if (items.length > 5) console.log(`    … and ${int(items.length - 5)} more`);
  };
  show('e.g. across a line break', acrossLines.map((f) => excerpt(corpus, f.start, f.end)));
  show('e.g. ours only', other.map((f) => excerpt(corpus, f.start, f.end)));
  show(
    'e.g. prh only, line context',
    byLine.map((m) => {
      const actual = /^(.*?) => /s.exec(m.message)?.[1] ?? '';
      return excerpt(corpus, m.range[0], m.range[0] + actual.length);
    }),
  );
  show(
    'e.g. prh only, other',
    prhOther.map((m) => {
      const actual = /^(.*?) => /s.exec(m.message)?.[1] ?? '';
      return excerpt(corpus, m.range[0], m.range[0] + actual.length);
    }),
  );
}

export async function run(): Promise<BenchResult> {
  const failures: string[] = [];
  mkdirSync(CACHE, { recursive: true });

  // ---- inputs ----------------------------------------------------------------
  const { defs, source } = benchDefinitions();
  const { TermMatcher, buildLexicon, foldText, Automaton, ...engine } = loadEngine();
  const lexicon = buildLexicon(defs);
  const nonConforming = lexicon.filter((e) => e.kind === 'nonconform').length;
  const generated = timeOnce(() => generateCorpus(defs, { targetBytes: CORPUS_BYTES, seed: SEED }));
  const corpus = generated.value.text;
  const stats = generated.value.stats;
  const corpusPath = join(CACHE, 'termScan-corpus.txt');
  writeFileSync(corpusPath, corpus, 'utf8');
  const rulesPath = join(CACHE, 'termScan-prh.yml');
  const prh = writePrhRules(lexicon, rulesPath, source);

  heading('Inputs');
  line('engine', engine.source + (engine.warning ? ` (WARNING: ${engine.warning})` : ''));
  line('definitions', `${source}: ${int(defs.terms.length)} terms`);
  line('lexicon', countKinds(lexicon));
  line('corpus', `${mib(stats.bytes)}, ${int(stats.chars)} chars, ${int(stats.lines)} lines, ${int(stats.paragraphs)} paragraphs, ${int(stats.sentences)} sentences`);
  line('', `planted: ${int(stats.nonConformingMentions)} non-conforming and ${int(stats.conformingMentions)} conforming mentions, ${int(stats.parameterSentences)} number sentences, ${int(stats.exampleSentences)} data examples, ${int(stats.hyphenatedLineEnds)} words hyphenated at a line end`);
  line('', `seed ${SEED}, generated in ${ms(generated.ms)}, written to bench/.cache/termScan-corpus.txt`);
  line('prh rules', `${int(prh.rules.length)} rules (accepted by prh), written to bench/.cache/termScan-prh.yml`);
  if (nonConforming === 0) {
    console.log('\n  NOTE: the definition data has no non-conforming words yet, so neither tool has anything');
    console.log('  to find; the times below are the bare cost of reading the text. Targets are not judged.');
  }

  // ---- our engine ----------------------------------------------------------------
  const compile = measure(OURS, () => new TermMatcher(defs));
  const matcher = compile.value;
  const ours = measure(OURS, () => matcher.scan(corpus));
  const ourHits = describe(ours.value);
  // Diagnostic: the same scan without number parameters (no DEFINITIE_STRIJDIG
  // checks), to show how the time splits between term and number findings.
  const noNumberDefs = { ...defs, terms: defs.terms.map((t) => ({ ...t, parameters: [] })) };
  const withoutNumbers = new TermMatcher(noNumberDefs, lexicon);
  const termsOnly = measure(OURS, () => withoutNumbers.scan(corpus));

  // ---- textlint + prh ------------------------------------------------------------
  const descriptor = new TextlintKernelDescriptor({
    rules: [{ ruleId: 'prh', rule: prhRule, options: { rulePaths: [rulesPath] } }],
    plugins: [{ pluginId: 'text', plugin: textPlugin }],
    filterRules: [],
  });
  const linter = createLinter({ descriptor });
  const textlint = await measureAsync(TEXTLINT, () => linter.lintText(corpus, corpusPath));
  const prhMessages = [...textlint.value.messages].sort((a, b) => a.range[0] - b.range[0]);

  heading('Speed (each after 1 warm-up run; fewer runs when a run is slow, 1* = the warm-up run only)');
  table([
    ['', 'runs', 'median', 'min', 'max', 'hits'],
    ['ours: compile (new TermMatcher)', runsLabel(compile), ms(compile.median), ms(compile.min), ms(compile.max), ''],
    ['ours: scan', runsLabel(ours), ms(ours.median), ms(ours.min), ms(ours.max), `${int(ourHits.terms.length)} TERM_NIET_CONFORM + ${int(ourHits.numbers)} DEFINITIE_STRIJDIG`],
    ['  of which without number checks', runsLabel(termsOnly), ms(termsOnly.median), ms(termsOnly.min), ms(termsOnly.max), `${int(termsOnly.value.length)} TERM_NIET_CONFORM`],
    ['textlint + prh: lintText', runsLabel(textlint), ms(textlint.median), ms(textlint.min), ms(textlint.max), `${int(prhMessages.length)} prh messages`],
  ]);
  const speedup = textlint.median / ours.median;
  const verdict =
    nonConforming === 0
      ? 'not judged (no terms)'
      : speedup >= SPEED_TARGET
        ? `PASS (target ≥ ${SPEED_TARGET}×); aim ≥ ${SPEED_AIM}×: ${speedup >= SPEED_AIM ? 'met' : 'not met'}`
        : `FAIL (target ≥ ${SPEED_TARGET}×)`;
  line('ratio textlint / ours', `${ratio(speedup)}   ${verdict}`);
  line('  without number checks', ratio(textlint.median / termsOnly.median));
  if (nonConforming > 0 && speedup < SPEED_TARGET) failures.push(`speed-up ${ratio(speedup)} < ${SPEED_TARGET}×`);

  heading('Same work? (a prh message counts as shared when it falls inside one of our findings)');
  compareHits(corpus, ourHits.terms, prhMessages, matcher);

  // ---- scaling -------------------------------------------------------------------
  const folded = foldText(corpus).text;
  const tokens = [...new Set(folded.split(/[^a-z]+/))];
  const occurs = (key: string): boolean => (key.includes(' ') ? folded.includes(key) : tokens.some((t) => t.includes(key)));
  const synthetic = syntheticEntries(lexicon, { count: (INFLATION - 1) * lexicon.length, seed: SEED + 1, reject: occurs });
  const inflated = [...lexicon, ...synthetic.entries];
  const bigCompile = measure(OURS, () => new TermMatcher(defs, inflated));
  const big = bigCompile.value;
  const [small, large] = measureInterleaved(SCALING, [() => matcher.scan(corpus), () => big.scan(corpus)]);
  const bigWithoutNumbers = new TermMatcher(noNumberDefs, inflated);
  const [smallTerms, largeTerms] = measureInterleaved(SCALING, [
    () => withoutNumbers.scan(corpus),
    () => bigWithoutNumbers.scan(corpus),
  ]);
  const states = (entries: readonly LexiconEntry[]): number => new Automaton(entries.map((e) => e.key)).stateCount;
  const same =
    small.value.length === large.value.length &&
    small.value.every((f, i) => f.start === large.value[i].start && f.end === large.value[i].end && f.code === large.value[i].code);

  heading(`Scaling (lexicon inflated ${INFLATION}× with synthetic terms; scans interleaved)`);
  table([
    ['', 'entries', 'states', 'compile', 'scan', 'findings', 'scan without number checks'],
    ['original lexicon', int(lexicon.length), int(states(lexicon)), ms(compile.median), ms(small.median), int(small.value.length), ms(smallTerms.median)],
    ['inflated lexicon', int(inflated.length), int(states(inflated)), ms(bigCompile.median), ms(large.median), int(large.value.length), ms(largeTerms.median)],
    ['runs', '', '', '', runsLabel(small), '', runsLabel(smallTerms)],
  ]);
  line('synthetic entries', `${int(synthetic.entries.length)} added, ${int(synthetic.rejected)} candidates rejected (occur in the corpus or already exist)`);
  line('same findings', same ? 'yes' : 'NO: the synthetic terms changed the findings');
  const growth = large.median / small.median;
  line(
    'ratio inflated / original',
    `${ratio(growth)}   ${growth < SCALING_LIMIT ? 'PASS' : 'FAIL'} (target < ${SCALING_LIMIT}×)` +
      (small.warmupOnly ? '; one sample each, so only a rough figure' : ''),
  );
  line('  without number checks', ratio(largeTerms.median / smallTerms.median));
  if (growth >= SCALING_LIMIT) failures.push(`scan time grows ${ratio(growth)} with ${INFLATION}× the terms (limit ${SCALING_LIMIT}×)`);
  if (!same) failures.push('inflated lexicon changed the findings');

  return { failures };
}

runIfMain(module, run);
