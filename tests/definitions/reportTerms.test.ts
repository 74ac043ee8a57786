/**
 * The parts of the shipped definition set that other code and the public
 * report contract depend on: fixed term ids, listed values, parameters, and
 * "every code of the report format is a term or a listed value of a term".
 * The codes are copied from shared/design/uniforme-rapportage.md on purpose,
 * so this test does not depend on the format data it guards.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { normaliseForm } from '../../src/definitions/normaliseForm';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import type { Category } from '../../src/definitions/schema';

const set = standardDefinitionSet();

const REQUIRED: Record<Category, string[]> = {
  actoren: ['opdrachtgever', 'opdrachtnemer', 're-integratiebedrijf', 'werkcoach', 'client', 'werkgever', 'jobcoach'],
  doelgroepen: ['wwb', 'ioaw', 'ioaz', 'anw', 'niet-uitkeringsgerechtigde', 'ww', 'wia', 'wao', 'wajong', 'zw', 'uitkeringsgerechtigde'],
  proces: [
    're-integratie', 'aanmelding', 'terugmelding', 'intake', 'diagnose', 're-integratieplan', 'start-traject', 'segment',
    'voortraject', 'aanbodversterking', 'werkervaring', 'bemiddeling-en-nazorg', 'nazorg', 'einde-traject', 'doorlooptijd',
    're-integratiepositie', 're-integratietraject',
  ],
  instrumenten: [
    'scholing', 'opstapje', 'voorschakeltraject', 'sociale-activering', 'work-first', 'proefplaatsing', 'werkervaringsplaats',
    'leerwerkplaats', 'participatieplaats', 'loonkostensubsidie', 'jobcoaching', 'iro', 'persoonsgebonden-re-integratiebudget',
  ],
  resultaten: [
    'plaatsing', 'duurzame-plaatsing', 'regulier-werk', 'gesubsidieerd-werk', 'werk-met-ondersteuning', 'werk-met-loonkostensubsidie',
    'zelfstandig-ondernemer', 'arbeidsovereenkomst', 'algemeen-geaccepteerde-arbeid', 'passende-arbeid', 'uitstroom-naar-werk',
    'uitstroom-uit-de-uitkering', 'uitval',
  ],
  indicatoren: ['plaatsingspercentage', 'uitvalpercentage', 'percentage-duurzaam', 'gemiddelde-doorlooptijd-tot-plaatsing'],
  contract: [
    'bestek', 'aanbesteding', 'gunningscriteria', 'kavel', 'looptijd', 'evaluatiemoment', 'instroomgarantie', 'reclametermijn',
    'no-cure-no-pay', 'no-cure-less-pay', 'inspanningsfinanciering', 'resultaatfinanciering', 'prestatienorm', 'bonus-malus',
    'toegangsovereenkomst', 'mantelovereenkomst', 'keurmerk',
  ],
  rapportage: [
    'rapportage-op-clientniveau', 'rapportage-op-managementniveau', 'uniforme-rapportage', 'rapportageperiode', 'clientnummer',
    'privacyprotocol', 'trajectstatus',
  ],
};

const VALUES: Record<string, [string, string][]> = {
  're-integratiepositie': [
    ['nulfase', '0 Nulfase'],
    ['zorg', '1 Zorg'],
    ['maatschappelijke-activering', '2 Maatschappelijke activering'],
    ['arbeidsactivering', '3 Arbeidsactivering'],
    ['arbeidstoeleiding', '4 Arbeidstoeleiding'],
    ['werk-met-ondersteuning', '5 Werk met ondersteuning'],
    ['regulier-werk', '6 Regulier werk'],
  ],
  uitval: [
    ['ziekte', 'Ziekte'],
    ['zorg-of-maatschappelijke-problemen', 'Zorg of maatschappelijke problemen'],
    ['verhuizing', 'Verhuizing'],
    ['onvoldoende-medewerking', 'Onvoldoende medewerking'],
    ['uitstroom-zonder-werk', 'Uitstroom zonder werk'],
    ['werk-gevonden-zonder-bemiddeling', 'Werk gevonden zonder bemiddeling'],
    ['overig', 'Overig'],
  ],
  'uitstroom-uit-de-uitkering': [
    ['volledig', 'Volledig'],
    ['gedeeltelijk', 'Gedeeltelijk'],
    ['geen', 'Geen'],
  ],
  trajectstatus: [
    ['aangemeld', 'Aangemeld'],
    ['teruggemeld', 'Teruggemeld'],
    ['lopend', 'Lopend'],
    ['geplaatst', 'Geplaatst'],
    ['uitgevallen', 'Uitgevallen'],
    ['afgerond-zonder-plaatsing', 'Afgerond zonder plaatsing'],
  ],
};

/** The code lists of the report (uniforme-rapportage.md, sheet Cliënten). */
const REPORT_CODES = [
  'WWB', 'IOAW', 'IOAZ', 'Anw', 'NUG', 'WW', 'WIA', 'WAO', 'Wajong', 'ZW',
  'Voortraject', 'Aanbodversterking', 'Werkervaring', 'Bemiddeling en nazorg',
  ...VALUES['re-integratiepositie'].map(([, label]) => label),
  ...VALUES.trajectstatus.map(([, label]) => label),
  ...VALUES.uitval.map(([, label]) => label),
  'Regulier werk', 'Werk met loonkostensubsidie', 'Gesubsidieerd werk', 'Zelfstandig ondernemer', 'Proefplaatsing', 'Werkervaringsplaats',
  ...VALUES['uitstroom-uit-de-uitkering'].map(([, label]) => label),
];

describe('terms the code and the report contract depend on', () => {
  test('the set holds at least 80 terms', () => {
    expect(set.terms.length).toBeGreaterThanOrEqual(80);
  });

  test.each(Object.entries(REQUIRED))('%s: the fixed ids exist in their category', (category, ids) => {
    for (const id of ids) expect({ id, category: set.byId.get(id)?.category }).toEqual({ id, category });
  });

  test('fixed standard spellings', () => {
    expect(set.byId.get('client')?.term).toBe('cliënt');
    expect(set.byId.get('clientnummer')?.term).toBe('cliëntnummer');
    expect(set.byId.get('wwb')?.term).toBe('WWB');
    expect(set.byId.get('zw')?.term).toBe('ZW');
    expect(set.byId.get('work-first')?.term).toBe('Work First');
    expect(set.byId.get('iro')?.term).toBe('IRO');
    expect(set.byId.get('bemiddeling-en-nazorg')?.term).toBe('bemiddeling en nazorg');
    expect(set.byId.get('niet-uitkeringsgerechtigde')?.forms).toContain('NUG');
  });

  test.each(Object.entries(VALUES))('%s lists exactly the report values', (termId, values) => {
    expect(set.byId.get(termId)?.values?.map((v) => [v.id, v.label])).toEqual(values);
  });

  test('every code of the report format is a term, a form or a listed value', () => {
    const known = new Set<string>();
    for (const t of set.terms) {
      for (const form of [t.term, ...t.forms, ...(t.values ?? []).map((v) => v.label)]) known.add(normaliseForm(form));
    }
    for (const code of REPORT_CODES) expect({ code, known: known.has(normaliseForm(code)) }).toEqual({ code, known: true });
  });

  test('fixed parameters with their exact shape', () => {
    const param = (termId: string, id: string) => set.byId.get(termId)?.parameters.find((p) => p.id === id);
    expect(param('duurzame-plaatsing', 'minimumMaanden')).toMatchObject({
      type: 'number', default: 6, unit: 'maanden', min: 1, max: 60, integer: true, bound: 'minimum',
    });
    expect(param('duurzame-plaatsing', 'gesubsidieerdWerkTelt')).toMatchObject({ type: 'boolean', default: false });
    expect(param('terugmelding', 'reclametermijnWeken')).toMatchObject({
      type: 'number', default: 6, unit: 'weken', min: 1, max: 52, integer: true, bound: 'maximum',
    });
    expect(param('uitstroom-naar-werk', 'termijnMaanden')).toMatchObject({
      type: 'number', default: 24, unit: 'maanden', min: 1, max: 60, integer: true, bound: 'maximum',
    });
    // UWV's limits, not a norm for a municipal contract: checked only when a profile sets a value.
    expect(param('proefplaatsing', 'maximumMaanden')).toMatchObject({ default: 3, unit: 'maanden', bound: 'maximum', onlyWithProfile: true });
    expect(param('scholing', 'maximumMaanden')).toMatchObject({ default: 3, unit: 'maanden', bound: 'maximum', onlyWithProfile: true });
    expect(param('iro', 'maximumJaren')).toMatchObject({ default: 2, unit: 'jaren', bound: 'maximum' });
    expect(param('vrije-ruimte', 'maximumBedrag')).toMatchObject({ default: 200000, unit: 'euro' });
  });

  test('every term has at least two clean examples and a source note', () => {
    for (const t of set.terms) {
      expect({ id: t.id, clean: t.examples.clean.length >= 2, source: t.source.length > 10 }).toEqual({
        id: t.id, clean: true, source: true,
      });
    }
  });

  test('every number parameter has a clean example that states an agreeing number', () => {
    const unitWord = /\b(?:maand|maanden|jaar|jaren|week|weken|dag|dagen|kalendermaanden|kalenderdagen)\b/i;
    for (const t of set.terms) {
      if (!t.parameters.some((p) => p.type === 'number' && p.bound !== undefined && p.unit !== 'euro')) continue;
      expect({ id: t.id, covered: t.examples.clean.some((s) => unitWord.test(s)) }).toEqual({ id: t.id, covered: true });
    }
  });

  test('a flagged example names a fragment that occurs in its text', () => {
    for (const t of set.terms) {
      for (const e of t.examples.flagged) expect({ id: t.id, text: e.text, found: e.text.includes(e.fragment) }).toMatchObject({ found: true });
    }
  });
});

describe('informal names of target groups and the code list Doelgroep', () => {
  const doelgroep = standardReportFormat().codeLists.get('doelgroep')!;
  const folded = (t: string) => normaliseForm(t);

  test('every non-conforming word of a target group is a known variant of its code, and the reverse for names of people', () => {
    for (const entry of doelgroep.entries) {
      const term = set.byId.get(entry.term)!;
      const variants = new Set(entry.variants.map(folded));
      for (const nc of term.nonConforming) {
        expect({ code: entry.code, word: nc.text, variant: variants.has(folded(nc.text)) }).toEqual({ code: entry.code, word: nc.text, variant: true });
      }
      const words = new Set(term.nonConforming.flatMap((nc) => [nc.text, ...Object.keys(nc.forms ?? {})]).map(folded));
      for (const variant of entry.variants.filter((v) => /(?:'|-)?ers?$/.test(v) && /^[A-Z]/.test(v) && !/uitkering|gerechtigd/i.test(v))) {
        expect({ code: entry.code, variant, flagged: words.has(folded(variant)) }).toEqual({ code: entry.code, variant, flagged: true });
      }
    }
  });
});
