/**
 * The REINT functions called through their wrappers, with a stubbed
 * CustomFunctions global: answers from the definitions and the workbook's
 * profile, the checker's own rules and numbers, and Dutch error values.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile } from '../../src/definitions/profile';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { checkWorkbook } from '../../src/engine/checkWorkbook';
import type { RawValue } from '../../src/engine/grid';
import {
  controleerrij,
  definitie,
  doorlooptijd,
  duurzaam,
  indicator,
  positie,
  standaardterm,
  termen,
} from '../../src/functions/functions';
import { startFunctionsRuntime, useProfile } from '../../src/functions/functionsRuntime';
import { functionsProfileChanged } from '../../src/functions/profileChannel';
import { generateSubmission, toWorkbookData } from '../../scripts/submissionGenerator';
import { clientSheet, d, HEADERS, placedRow, runningRow } from '../support/workbooks';
import { errorOf, installCustomFunctions } from './customFunctionsStub';

installCustomFunctions();
const set = standardDefinitionSet();
const profile12 = {
  naam: 'Regio 12',
  gemeente: 'Alkmaar',
  afwijkingen: [
    { term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak.' },
    { term: 'plaatsing', toelichting: 'Gesubsidieerd werk telt mee als plaatsing.', motivering: 'Raadsbesluit.' },
  ],
};

beforeEach(() => {
  startFunctionsRuntime(null);
  useProfile(null);
});

describe('DEFINITIE and STANDAARDTERM', () => {
  test('the definition by standard term, form or id; a profile adds its deviations', async () => {
    const standard = set.byId.get('duurzame-plaatsing')?.definition as string;
    expect(await definitie('duurzame plaatsing')).toBe(standard);
    expect(await definitie('Duurzame plaatsingen')).toBe(standard);
    expect(await definitie('duurzame-plaatsing')).toBe(standard);
    useProfile(profile12);
    const withProfile = await definitie('duurzame plaatsing');
    expect(withProfile.startsWith(standard)).toBe(true);
    expect(withProfile).toMatch(/Profiel Regio 12: .*12 maanden \(standaard 6 maanden; afwijking: Regionale afspraak\.\)\.$/);
    expect(await definitie('plaatsing')).toMatch(/ Profiel Regio 12: Gesubsidieerd werk telt mee als plaatsing\.$/);
  });

  test('a listed value has its own definition', async () => {
    const value = set.byId.get('re-integratiepositie')?.values?.find((v) => v.id === 'arbeidsactivering');
    expect(await definitie('3 Arbeidsactivering')).toBe(value?.definition);
    expect(await definitie('arbeidsactivering')).toBe(value?.definition);
  });

  test('a non-conforming word or an unknown term is #N/A with a Dutch message', async () => {
    const word = await errorOf(definitie('klantmanager'));
    expect(word.code).toBe('#N/A');
    expect(word.message).toBe("'klantmanager' is geen standaardterm; gebruik 'werkcoach'.");
    const unknown = await errorOf(definitie('fietsenstalling'));
    expect(unknown.code).toBe('#N/A');
    expect(unknown.message).toBe(`'fietsenstalling' staat niet in de definitieset ${set.version}.`);
    expect((await errorOf(definitie(''))).code).toBe('#N/A');
  });

  test('the standard term for a conforming or non-conforming word, in the case of the input', async () => {
    expect(await standaardterm('klantmanager')).toBe('werkcoach');
    expect(await standaardterm('Klantmanagers')).toBe('Werkcoaches');
    expect(await standaardterm('reïntegratie')).toBe('re-integratie');
    expect(await standaardterm('Duurzame plaatsingen')).toBe('Duurzame plaatsing');
    expect((await errorOf(standaardterm('fietsenstalling'))).code).toBe('#N/A');
  });
});

describe('TERMEN', () => {
  test('one row per non-conforming word with its suggestion; one empty row for a clean text', async () => {
    expect(await termen('De klantmanager belt over de reïntegratie.')).toEqual([
      ['klantmanager', 'werkcoach'],
      ['reïntegratie', 're-integratie'],
    ]);
    expect(await termen('De werkcoach belt.')).toEqual([['', '']]);
  });

  test('a number that contradicts the definition comes with the engine’s message', async () => {
    const rows = await termen('Een duurzame plaatsing duurt minimaal 3 maanden.');
    expect(rows.length).toBe(1);
    expect(rows[0][1]).toMatch(/6 maanden/);
  });
});

describe('DUURZAAM', () => {
  test('by the effective definition', async () => {
    expect(await duurzaam('Regulier werk', 'Ja', 6)).toBe(true);
    expect(await duurzaam('Regulier werk', 'Ja', 5)).toBe(false);
    expect(await duurzaam('Regulier werk', true, 'onbepaald')).toBe(true);
    expect(await duurzaam('Regulier werk', 'Nee', 12)).toBe(false);
    expect(await duurzaam('Proefplaatsing', 'Nee', 12)).toBe(false);
    useProfile(profile12);
    expect(await duurzaam('Regulier werk', 'Ja', 6)).toBe(false);
    expect(await duurzaam('Regulier werk', 'Ja', '12 maanden')).toBe(true);
  });

  test('a value that cannot be read is #VALUE! with the checker’s message', async () => {
    const error = await errorOf(duurzaam('Ruimtevaart', 'Ja', 6));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/Soort werk/);
    expect((await errorOf(duurzaam('Regulier werk', 'Ja', 'lang'))).code).toBe('#VALUE!');
  });
});

describe('POSITIE', () => {
  test('the number from a label, the label from a number', async () => {
    expect(await positie(3)).toBe('3 Arbeidsactivering');
    expect(await positie('5')).toBe('5 Werk met ondersteuning');
    expect(await positie('Arbeidsactivering')).toBe(3);
    expect(await positie('3 Arbeidsactivering')).toBe(3);
    expect(await positie('Trede 6')).toBe(6);
  });

  test('outside the ladder or unknown is #VALUE!; empty is #N/A', async () => {
    const error = await errorOf(positie(9));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/0 tot en met 6/);
    expect((await errorOf(positie('Ruimtevaart'))).code).toBe('#VALUE!');
    expect((await errorOf(positie(''))).code).toBe('#N/A');
  });
});

describe('DOORLOOPTIJD', () => {
  test('calendar days between Excel dates or dates as text', async () => {
    expect(await doorlooptijd(d(1, 2, 2008), d(2, 6, 2008))).toBe(d(2, 6, 2008) - d(1, 2, 2008));
    expect(await doorlooptijd('01-02-2009', '03-03-2009')).toBe(30);
    expect(await doorlooptijd(d(1, 2, 2009), '2009-02-11')).toBe(10);
  });

  test('in a 1904 workbook a date number is moved before it meets a date text', async () => {
    startFunctionsRuntime(async () => ({ profile: null, dateSystem: 1904 }));
    expect(await doorlooptijd(d(1, 2, 2009) - 1462, '11-02-2009')).toBe(10);
  });

  test('an end before the start or a text that is no date is #VALUE!; an empty date is #N/A', async () => {
    expect((await errorOf(doorlooptijd('03-03-2009', '01-02-2009'))).message).toBe('De einddatum ligt voor de begindatum.');
    expect((await errorOf(doorlooptijd('gisteren', '01-02-2009'))).code).toBe('#VALUE!');
    expect((await errorOf(doorlooptijd('', '01-02-2009'))).code).toBe('#N/A');
  });
});

describe('CONTROLEERRIJ', () => {
  /** The row findings the checker gives for the same row in a sheet (header findings left out). */
  function checkerFindings(values: Record<string, RawValue>): string[][] {
    const sheet = clientSheet({ rows: [values] });
    return checkWorkbook({ sheets: [sheet] }, effectiveDefinitions(set))
      .findings.filter((f) => f.row === 2)
      .map((f) => [f.code, f.message]);
  }
  const asRange = (row: Record<string, RawValue>) => [HEADERS.map((h) => row[h] ?? '')];

  test.each([
    ['a placement that is not durable', placedRow({ 'Duur arbeidsovereenkomst (maanden)': 3 })],
    ['a code with a typo and a term', runningRow({ Doelgroep: 'Bijstnd', Toelichting: 'De klantmanager belt.' })],
    ['dates in the wrong order', runningRow({ 'Datum start traject': d(1, 1, 2008) })],
  ])('%s: the checker’s findings for the row', async (_what, row) => {
    const expected = checkerFindings(row);
    expect(expected.length).toBeGreaterThan(0);
    expect(await controleerrij([HEADERS], asRange(row))).toEqual(expected);
  });

  test('a clean row gives one empty row; a header that is not the report’s is #VALUE!', async () => {
    expect(await controleerrij([HEADERS], asRange(placedRow()))).toEqual([['', '']]);
    const error = await errorOf(controleerrij([['Naam', 'Adres']], [['a', 'b']]));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^De kopregel bevat te weinig kolomnamen/);
  });
});

describe('INDICATOR', () => {
  /** Client rows as Excel gives them to a function: values only, dates as numbers. */
  function range(minimumMonths = 6) {
    const submission = generateSubmission({ rows: 400, seed: 11, minimumMonths });
    const [clients] = toWorkbookData(submission).sheets;
    const rows: RawValue[][] = clients.values.map((row) => (row ?? []).map((v) => v ?? ''));
    return { rows, clients, expected: submission.expected };
  }

  test('every indicator as the generator counted it (n.v.t. where the denominator is empty)', async () => {
    const { rows, expected } = range();
    for (const i of standardReportFormat().data.management.indicators) {
      const value = await indicator(i.label, rows);
      if (expected[i.id] === null) expect(value).toBe('n.v.t.');
      else if (i.kind === 'count') expect(value).toBe(expected[i.id]);
      else expect(value as number).toBeCloseTo(expected[i.id] as number, 6);
    }
  });

  test('with the profile of the workbook: duurzaam by its minimum', async () => {
    const { rows, expected } = range(12);
    useProfile(profile12);
    expect(await indicator('Aantal duurzame plaatsingen', rows)).toBe(expected.duurzamePlaatsingen);
    expect(await indicator('percentageDuurzaam', rows)).toBeCloseTo(expected.percentageDuurzaam as number, 6);
  });

  test('the same number the checker recomputes for the Management sheet', async () => {
    const { rows, clients } = range();
    const check = checkWorkbook({ sheets: [clients] }, effectiveDefinitions(set));
    expect(await indicator('Gemiddelde doorlooptijd tot plaatsing (dagen)', rows)).toBe(check.indicators.get('doorlooptijd'));
    expect(await indicator('Plaatsingspercentage', rows)).toBe(check.indicators.get('plaatsingspercentage'));
  });

  test('an unknown indicator or a missing column is #N/A with a Dutch message', async () => {
    const { rows } = range();
    expect((await errorOf(indicator('Geluk', rows))).message).toMatch(/^Onbekende indicator 'Geluk'\. Kies uit: Aantal aanmeldingen;/);
    const withoutStatus = rows.map((row) => row.filter((_, c) => c !== HEADERS.indexOf('Status')));
    const error = await errorOf(indicator('Aantal plaatsingen', withoutStatus));
    expect(error.code).toBe('#N/A');
    expect(error.message).toBe('Aantal plaatsingen kan niet worden berekend: het bereik mist de kolom Status.');
  });
});

describe('the runtime', () => {
  test('reads the workbook’s profile once at the start; functions wait for it', async () => {
    let reads = 0;
    startFunctionsRuntime(async () => {
      reads++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { profile: profile12, dateSystem: 1900 };
    });
    const [a, b] = await Promise.all([duurzaam('Regulier werk', 'Ja', 6), duurzaam('Regulier werk', 'Ja', 12)]);
    expect([a, b]).toEqual([false, true]);
    await definitie('plaatsing');
    expect(reads).toBe(1);
  });

  test('the pane’s notice of a new profile reaches the functions', async () => {
    startFunctionsRuntime(async () => ({ profile: profile12, dateSystem: 1900 }));
    expect(await duurzaam('Regulier werk', 'Ja', 6)).toBe(false);
    expect(functionsProfileChanged(null)).toBe(true);
    expect(await duurzaam('Regulier werk', 'Ja', 6)).toBe(true);
    functionsProfileChanged(profile12);
    expect(await duurzaam('Regulier werk', 'Ja', 6)).toBe(false);
  });

  test('an invalid stored profile or an unreadable workbook makes every function #VALUE! with the reason', async () => {
    useProfile({ naam: 'Kapot', gemeente: 'X', afwijkingen: [{ term: 'bestaat-niet', motivering: 'x' }] });
    const error = await errorOf(definitie('plaatsing'));
    expect(error.code).toBe('#VALUE!');
    expect(error.message).toMatch(/^Het profiel in de werkmap is ongeldig: /);
    expect(() => parseProfile(profile12, set)).not.toThrow();
    startFunctionsRuntime(async () => {
      throw new Error('Excel antwoordt niet.');
    });
    expect((await errorOf(termen('x'))).message).toBe('De gegevens van de werkmap konden niet worden gelezen: Excel antwoordt niet.');
  });
});
