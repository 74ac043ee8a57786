/**
 * scanPlainText places each hit on its line (`rij`, and the line as `waarde`
 * without its line end) and counts the lines, as splitting the text at its
 * line ends does: for any text and any hits, also hits out of text order.
 */
import fc from 'fast-check';
import { lineExcerpt, LONG_LINE, scanPlainText } from '../../src/cli/termsCommand';
import type { TermMatcher, TextFinding } from '../../src/engine/termMatcher';

/** What splitting gives: the 1-based line of each offset, the line's text, and the number of lines. */
function byLines(text: string, offsets: readonly number[]) {
  const lines = text.split('\n');
  const starts: number[] = [];
  let at = 0;
  for (const line of lines) {
    starts.push(at);
    at += line.length + 1;
  }
  const placed = offsets.map((offset) => {
    let row = 0;
    while (row + 1 < starts.length && starts[row + 1] <= offset) row++;
    return { row: row + 1, value: lines[row].endsWith('\r') ? lines[row].slice(0, -1) : lines[row] };
  });
  const count = text.length === 0 ? 0 : lines.length - (text.endsWith('\n') ? 1 : 0);
  return { placed, count };
}

const hit = (start: number): TextFinding => ({
  code: 'TERM_NIET_CONFORM',
  term: 'werkcoach',
  start,
  end: start + 1,
  fragment: 'x',
  suggestions: ['werkcoach'],
  message: 'bericht',
});

const text = fc
  .array(fc.constantFrom('a', 'b', ' ', '\n', '\r\n', '\r', '\n\n', 'één’'), { maxLength: 60 })
  .map((parts) => parts.join(''));

test('lines and values of hits in and out of text order, and the line count', () => {
  fc.assert(
    fc.property(
      text.chain((t) =>
        fc.tuple(
          fc.constant(t),
          fc.array(fc.nat(Math.max(0, t.length - 1)), { maxLength: 12 }).map((offsets) => (t.length === 0 ? [] : offsets)),
          fc.boolean(),
        ),
      ),
      ([t, offsets, sorted]) => {
        const order = sorted ? [...offsets].sort((a, b) => a - b) : offsets;
        const { findings, lines } = scanPlainText(null as unknown as TermMatcher, t, order.map(hit));
        const expected = byLines(t, order);
        expect(lines).toBe(expected.count);
        expect(findings.map((f) => ({ row: f.row, value: f.value }))).toEqual(expected.placed);
        expect(findings.map((f) => f.offset)).toEqual(order);
      },
    ),
    { numRuns: 2000 },
  );
});

test('a text that starts with line ends, hits going back to the first line', () => {
  const t = '\n\nab\ncd';
  const { findings, lines } = scanPlainText(null as unknown as TermMatcher, t, [5, 2, 0, 1, 5].map(hit));
  expect(findings.map((f) => [f.row, f.value])).toEqual([
    [4, 'cd'],
    [3, 'ab'],
    [1, ''],
    [2, ''],
    [4, 'cd'],
  ]);
  expect(lines).toBe(4);
});

describe('a line longer than LONG_LINE', () => {
  // A text without line breaks: 30 numbered sentences (each once) on one line of about 1,600 characters.
  const sentences = Array.from({ length: 30 }, (_, k) => `Zin ${k + 10}: de klantmanager belt de cliënt over de baan. `);
  const line = sentences.join('');
  const t = `Kop\n${line}\nSlot`;
  const at = (k: number) => 4 + line.indexOf(sentences[k]) + 8; // "klantmanager" in sentence k
  const starts = [4, at(15), at(29)];

  test('each finding on it carries an excerpt around its fragment, cut at spaces, with … where the line goes on', () => {
    expect(line.length).toBeGreaterThan(LONG_LINE);
    const { findings } = scanPlainText(null as unknown as TermMatcher, t, starts.map(hit));
    const values = findings.map((f) => f.value as string);
    expect(findings.map((f) => f.row)).toEqual([2, 2, 2]);
    expect(findings.map((f) => f.offset)).toEqual(starts);
    // The first starts the line: nothing cut before it; the last is near the line's end: nothing cut after it.
    expect(values.map((v) => [v.startsWith('…'), v.endsWith('…')])).toEqual([
      [false, true],
      [true, true],
      [true, false],
    ]);
    for (const [k, value] of values.entries()) {
      const inner = value.replace(/^…|…$/g, '');
      const from = 4 + line.indexOf(inner);
      // A part of the line, around the finding's offset, at most 120 characters on each side.
      expect(from).toBeGreaterThanOrEqual(4);
      expect(from).toBeLessThanOrEqual(starts[k]);
      expect(from + inner.length).toBeGreaterThanOrEqual(starts[k] + 1);
      expect(starts[k] - from).toBeLessThanOrEqual(120);
      expect(from + inner.length - (starts[k] + 1)).toBeLessThanOrEqual(120);
      // Cut at spaces: no word is broken at either end.
      if (value.startsWith('…')) expect(t.charAt(from - 1)).toBe(' ');
      if (value.endsWith('…')) expect(t.charAt(from + inner.length)).toBe(' ');
    }
  });

  test('a line of exactly LONG_LINE characters is still given whole', () => {
    const whole = 'x'.repeat(LONG_LINE);
    const { findings } = scanPlainText(null as unknown as TermMatcher, whole, [hit(500)]);
    expect(findings[0].value).toBe(whole);
  });

  test('lineExcerpt of a line without spaces cuts at the character limit', () => {
    const long = 'y'.repeat(5000);
    expect(lineExcerpt(long, 0, long.length, 2000, 2010)).toBe(`…${'y'.repeat(250)}…`);
  });
});
