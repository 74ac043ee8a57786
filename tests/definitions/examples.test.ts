/**
 * Every term's examples are tests (like the specs of a prh rule file): clean
 * sentences give no finding at all, flagged sentences give exactly the
 * expected finding. Adding a term adds its tests.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { normaliseForm } from '../../src/definitions/normaliseForm';
import { effectiveDefinitions, parseProfile } from '../../src/definitions/profile';
import { TermMatcher } from '../../src/engine/termMatcher';

const set = standardDefinitionSet();
const defs = effectiveDefinitions(set);
const matcher = new TermMatcher(defs);
const terms = defs.terms.map((t) => [t.id, t] as const);

/** The matcher for an example that sets parameter values of its term through a profile. */
function matcherFor(termId: string, values: Record<string, number | boolean> | undefined): TermMatcher {
  if (values === undefined) return matcher;
  const afwijkingen = Object.entries(values).map(([parameter, waarde]) => ({ term: termId, parameter, waarde, motivering: 'Voorbeeld.' }));
  return new TermMatcher(effectiveDefinitions(set, parseProfile({ naam: 'Voorbeeldprofiel', gemeente: 'Voorbeeld', afwijkingen }, set)));
}

describe.each(terms)('%s', (_id, term) => {
  test.each(term.examples.clean.map((s) => [s]))('clean: %s', (sentence) => {
    expect(matcher.scan(sentence)).toEqual([]);
  });

  if (term.examples.flagged.length > 0) {
    test.each(term.examples.flagged.map((e) => [e.text, e]))('flagged: %s', (_text, example) => {
      const findings = matcherFor(term.id, example.profile).scan(example.text);
      const expected = typeof example.suggestion === 'string' ? [example.suggestion] : example.suggestion;
      expect(
        findings.map((f) => ({ code: f.code, term: f.term, fragment: f.fragment, suggestions: f.suggestions })),
      ).toEqual([{ code: example.code ?? 'TERM_NIET_CONFORM', term: term.id, fragment: example.fragment, suggestions: expected }]);
      expect(example.text.slice(findings[0].start, findings[0].end)).toBe(example.fragment);
    });
  }

  test('every non-conforming word and form is exercised by a flagged example', () => {
    const fragments = term.examples.flagged
      .filter((e) => (e.code ?? 'TERM_NIET_CONFORM') === 'TERM_NIET_CONFORM')
      .map((e) => normaliseForm(e.fragment.replace(/-\s*\n\s*/g, '')));
    for (const nc of term.nonConforming) {
      for (const variant of [nc.text, ...Object.keys(nc.forms ?? {})]) {
        const key = normaliseForm(variant);
        expect({ variant, covered: fragments.some((f) => f.includes(key)) }).toEqual({ variant, covered: true });
      }
    }
  });

  test('every number parameter with a bound has a DEFINITIE_STRIJDIG example', () => {
    for (const p of term.parameters.filter((p) => p.type === 'number' && p.bound !== undefined && p.unit !== 'euro')) {
      const covered = term.examples.flagged.some((e) => e.code === 'DEFINITIE_STRIJDIG');
      expect({ parameter: p.id, covered }).toEqual({ parameter: p.id, covered: true });
    }
  });

  test('the standard term and its forms are never flagged', () => {
    const forms = [term.term, ...term.forms, ...(term.values ?? []).map((v) => v.label)];
    for (const form of forms) {
      for (const variant of [form, form.charAt(0).toUpperCase() + form.slice(1), form.toUpperCase()]) {
        expect({ variant, findings: matcher.scan(`Volgens ${variant} gaat het goed.`) }).toEqual({ variant, findings: [] });
      }
    }
  });
});

describe('the set is written in its own standard terms', () => {
  const texts: [string, string][] = [];
  for (const t of defs.terms) {
    texts.push([t.id, t.definition]);
    for (const v of t.values ?? []) texts.push([`${t.id} / ${v.id}`, v.definition]);
  }
  test.each(texts)('%s', (_id, text) => {
    expect(matcher.scan(text).map((f) => `${f.code}: ${f.fragment}`)).toEqual([]);
  });
});
