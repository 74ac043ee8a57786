/**
 * A text's shape must not change what a scan costs per word: a text that is
 * one long line (no line breaks, as taken from a PDF) or one long paragraph
 * (no blank lines) was read again for every word found (the line's start
 * looked up from the word, the paragraph searched for the standard term),
 * so 1 MB on one line took 27 s and 3 MB in one paragraph 135 s; a run of
 * letters without a space with many terms in it was walked again for each
 * (240 KB: 37 s), and so was a text without spaces, to see whether each word
 * is part of a web or e-mail address (2 MB: 16 s).
 *
 * No speed target here (that is bench/'s business): each text is large
 * enough that reading it again per word takes 40 s to minutes, against a
 * quarter of a second for one reading, and the limit lies far between.
 * (A synchronous test is not stopped by jest's time-out: the scan is timed.)
 */
import { TermMatcher } from '../../src/engine/termMatcher';
import { standardDefs } from '../support/workbooks';

const matcher = new TermMatcher(standardDefs);
const SENTENCE = 'De klantmanager belt de cliënt over de reïntegratie. ';
const REPEATS = 36_000; // about 2 MB
const LIMIT_MS = 15_000;

/** The findings of `text`, scanned within LIMIT_MS. */
function scanWithinLimit(text: string) {
  const started = performance.now();
  const findings = matcher.scan(text);
  expect(performance.now() - started).toBeLessThan(LIMIT_MS);
  return findings;
}

/** The findings of the sentence on its own, repeated: what each shape must give. */
function expectEveryRepeat(text: string, separator: string): void {
  const one = matcher.scan(SENTENCE).map((f) => [f.fragment, f.start]);
  expect(one.map(([fragment]) => fragment)).toEqual(['klantmanager', 'reïntegratie']);
  const all = scanWithinLimit(text);
  expect(all).toHaveLength(REPEATS * one.length);
  const stride = SENTENCE.length + separator.length;
  const last = REPEATS - 1;
  expect(all.slice(-2).map((f) => [f.fragment, f.start])).toEqual(one.map(([fragment, start]) => [fragment, (start as number) + last * stride]));
}

test('one line of 2 MB, no line breaks', () => {
  expectEveryRepeat(SENTENCE.repeat(REPEATS), '');
});

test('one paragraph of 36,000 lines, no blank line', () => {
  expectEveryRepeat(`${SENTENCE}\n`.repeat(REPEATS), '\n');
});

test('one run of 240,000 letters with 20,000 terms in it: one finding for the word', () => {
  const word = 'klantmanager'.repeat(20_000);
  const findings = scanWithinLimit(word);
  expect(findings).toHaveLength(1);
  expect(findings[0]).toMatchObject({ start: 0, end: word.length, fragment: word });
  expect(findings[0].suggestions).toEqual(['werkcoach'.repeat(20_000)]);
});

test('a text of 1 MB without spaces: every word checked against the one run of characters it is in', () => {
  // Dots between the words, so the run looks like it could be an address (and is not: no domain, no @).
  const findings = scanWithinLimit('zie.de.klantmanager.en.de.werkcoach.'.repeat(28_000));
  expect(findings).toHaveLength(28_000);
  expect(new Set(findings.map((f) => f.fragment))).toEqual(new Set(['klantmanager']));
  // The same words in an address are left alone.
  expect(matcher.scan('Zie www.klantmanager.nl en mail klantmanager@gemeente.nl of de klantmanager.')).toHaveLength(1);
});
