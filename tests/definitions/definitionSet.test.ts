import { DefinitionDataError, standardDefinitionSet } from '../../src/definitions/definitionSet';
import { buildDefinitionSet } from '../../src/definitions/validateDefinitions';
import { CATEGORIES } from '../../src/definitions/schema';

const set = standardDefinitionSet();

const META = {
  version: 't',
  title: 'T',
  categories: Object.fromEntries(CATEGORIES.map((c) => [c, c])),
};

function term(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    term: id.replace(/-/g, ' '),
    category: 'proces',
    definition: 'Een definitie.',
    usage: ['contract'],
    forms: [],
    nonConforming: [],
    parameters: [],
    related: [],
    examples: { clean: ['Zin.'], flagged: [] },
    source: 'test',
    ...extra,
  };
}

describe('the shipped definition set', () => {
  test('has a version and at least 70 terms in every category', () => {
    expect(set.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(set.terms.length).toBeGreaterThanOrEqual(70);
    for (const category of CATEGORIES) {
      expect({ category, present: set.terms.some((t) => t.category === category) }).toEqual({ category, present: true });
    }
  });

  test('holds the fixed terms and parameters of the report contract', () => {
    const param = (termId: string, id: string) => set.byId.get(termId)?.parameters.find((p) => p.id === id);
    expect(param('duurzame-plaatsing', 'minimumMaanden')).toMatchObject({ type: 'number', default: 6, bound: 'minimum' });
    expect(param('duurzame-plaatsing', 'gesubsidieerdWerkTelt')).toMatchObject({ type: 'boolean', default: false });
    expect(param('terugmelding', 'reclametermijnWeken')).toMatchObject({ type: 'number', default: 6, unit: 'weken' });
    expect(param('uitstroom-naar-werk', 'termijnMaanden')).toMatchObject({ type: 'number', default: 24, unit: 'maanden' });
  });

  test('every definition has one to four sentences', () => {
    for (const t of set.terms) {
      const sentences = t.definition.split(/(?<=[.!?])\s+(?=[A-Z0-9ÀÉÈËÏÖÜ'(])/).filter((s) => s.trim() !== '');
      expect({ id: t.id, ok: sentences.length >= 1 && sentences.length <= 4 && /[.!?]$/.test(t.definition) }).toEqual({
        id: t.id,
        ok: true,
      });
    }
  });

  test('related terms point both ways or at least exist', () => {
    for (const t of set.terms) for (const r of t.related) expect(set.byId.has(r)).toBe(true);
  });
});

describe('loading rejects inconsistent data', () => {
  const load = (terms: unknown[]) => () => buildDefinitionSet(META, { proces: terms });

  test('a valid minimal set loads', () => {
    expect(load([term('a'), term('b', { related: ['a'] })])().terms).toHaveLength(2);
  });

  test('schema errors name the file and the path', () => {
    expect(load([term('a', { usage: ['overal'] })])).toThrow(/proces\.json: 0\.usage\.0/);
    expect(load([term('Niet Kebab')])).toThrow(DefinitionDataError);
    expect(load([term('a', { parameters: [{ id: 'x', label: 'x', type: 'number', default: 5 }] })])).toThrow(/min, max of eenheid/);
    expect(load([term('a', { parameters: [{ id: 'x', label: 'x', type: 'number', default: 99, unit: 'maanden', min: 1, max: 12 }] })])).toThrow(
      /buiten het bereik/,
    );
  });

  test('duplicate ids, unknown references and a wrong category file are refused', () => {
    expect(load([term('a'), term('a')])).toThrow(/dubbele term-id: a/);
    expect(load([term('a', { related: ['b'] })])).toThrow(/verwante term b bestaat niet/);
    expect(load([term('a', { nonConforming: [{ text: 'x', reason: 'r', alsoTerms: ['zz'] }] })])).toThrow(/term zz bestaat niet/);
    expect(() => buildDefinitionSet(META, { actoren: [term('a')] })).toThrow(/categorie proces staat in actoren\.json/);
  });

  test('a word cannot be conforming and non-conforming, nor belong to two terms', () => {
    expect(load([term('a', { forms: ['klant'] }), term('b', { nonConforming: [{ text: 'Klant', reason: 'r' }] })])).toThrow(
      /'Klant' is ook een conforme vorm van a/,
    );
    expect(
      load([term('a', { nonConforming: [{ text: 'x', reason: 'r' }] }), term('b', { nonConforming: [{ text: 'X', reason: 'r' }] })]),
    ).toThrow(/'X' staat ook bij a/);
  });
});
