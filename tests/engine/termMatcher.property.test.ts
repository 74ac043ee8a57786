/**
 * Properties of the term engine on generated text: it never throws, every
 * fragment is where it says, and fixing everything leaves nothing to fix.
 */
import fc from 'fast-check';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, type EffectiveDefinitions } from '../../src/definitions/profile';
import { fixAll } from '../../src/engine/fixText';
import { TermMatcher } from '../../src/engine/termMatcher';
import { fixtureDefs } from '../support/fixtureDefinitions';

const DIACRITICS: Record<string, string> = { i: 'ï', e: 'ë', o: 'ö', u: 'ü', a: 'á' };

/** Words the engine cares about, taken from the definitions themselves. */
function vocabulary(defs: EffectiveDefinitions): string[] {
  const words = new Set<string>();
  for (const t of defs.terms) {
    words.add(t.term);
    t.forms.forEach((f) => words.add(f));
    for (const nc of t.nonConforming) {
      words.add(nc.text);
      Object.keys(nc.forms ?? {}).forEach((f) => words.add(f));
      Object.values(nc.forms ?? {}).forEach((f) => words.add(f));
      if (nc.replacement) words.add(nc.replacement);
    }
  }
  return [...words];
}

const FILLER = ['de', 'het', 'een', 'van', 'minimaal', 'binnen', 'maximaal', 'en', 'bedrijf', 'traject', '3', 'zes', 'twaalf', '(6)'];
const UNITS = ['maanden', 'maand', 'jaar', 'weken', 'dagen'];
const SEPARATORS = [' ', ' ', ' ', '\n', '-\n', '. ', ', ', '', '-', "'", '\n\n', ' (', ') ', '\u00ad', '\u200b'];

function textArbitrary(words: string[]): fc.Arbitrary<string> {
  const word = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.constantFrom(...FILLER, ...UNITS) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
  );
  const styled = fc
    .tuple(word, fc.constantFrom('keep', 'upper', 'capital', 'marks'))
    .map(([w, style]) => {
      if (style === 'upper') return w.toUpperCase();
      if (style === 'capital') return w.charAt(0).toUpperCase() + w.slice(1);
      if (style === 'marks') return w.replace(/[ieoua]/, (c) => DIACRITICS[c]);
      return w;
    });
  return fc
    .array(fc.tuple(styled, fc.constantFrom(...SEPARATORS)), { maxLength: 25 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
}

const sets: [string, EffectiveDefinitions][] = [
  ['fixture set', fixtureDefs],
  ['shipped set', effectiveDefinitions(standardDefinitionSet())],
];

describe.each(sets)('%s', (_name, defs) => {
  const matcher = new TermMatcher(defs);
  const words = vocabulary(defs);
  const text = words.length > 0 ? textArbitrary(words) : fc.string();

  test('random text never throws and every fragment is at its offset', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const f of matcher.scan(t)) {
          expect(f.start).toBeLessThan(f.end);
          expect(t.slice(f.start, f.end)).toBe(f.fragment);
          expect(f.suggestions.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1500 },
    );
  });

  test('arbitrary unicode never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (t) => {
        for (const f of matcher.scan(t)) expect(t.slice(f.start, f.end)).toBe(f.fragment);
      }),
      { numRuns: 500 },
    );
  });

  test('fixing everything and scanning again gives no TERM_NIET_CONFORM', () => {
    fc.assert(
      fc.property(text, (t) => {
        const fixed = fixAll(matcher, t).text;
        const left = matcher.scan(fixed).filter((f) => f.code === 'TERM_NIET_CONFORM');
        expect({ text: t, fixed, left: left.map((f) => f.fragment) }).toEqual({ text: t, fixed, left: [] });
      }),
      { numRuns: 1500 },
    );
  });
});

test('fixing everything converges when a fix changes the context of a nearby word (found by the property above)', () => {
  const matcher = new TermMatcher(fixtureDefs);
  const t = 're-integratie (uitstroom (reintegre ';
  const fixed = fixAll(matcher, t).text;
  expect(matcher.scan(fixed).filter((f) => f.code === 'TERM_NIET_CONFORM')).toEqual([]);
  expect(fixed).not.toBe(t);
});
