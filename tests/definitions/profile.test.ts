import { effectiveDefinitions, parameterValue, parseProfile, parseProfileJson, ProfileError } from '../../src/definitions/profile';
import { fixtureSet } from '../support/fixtureDefinitions';

const valid = {
  naam: 'Noord-Kennemerland 2009',
  gemeente: 'Alkmaar',
  basisversie: 'test-1',
  afwijkingen: [
    { term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak: duurzaam is een jaar.' },
    { term: 'duurzame-plaatsing', parameter: 'gesubsidieerdWerkTelt', waarde: true, motivering: 'Beleidsvrijheid WWB.' },
    { term: 'plaatsing', toelichting: 'Gesubsidieerd werk telt mee als plaatsing.', motivering: 'Raadsbesluit.' },
  ],
};

function error(raw: unknown): string {
  try {
    parseProfile(raw, fixtureSet);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as Error).message;
  }
  throw new Error('geen fout');
}

const withDeviation = (deviation: Record<string, unknown>) => ({ ...valid, afwijkingen: [deviation] });

describe('contract profile', () => {
  test('effective definitions = standard set + deviations', () => {
    const defs = effectiveDefinitions(fixtureSet, parseProfile(valid, fixtureSet));
    expect(parameterValue(defs, 'duurzame-plaatsing', 'minimumMaanden')).toBe(12);
    expect(parameterValue(defs, 'duurzame-plaatsing', 'gesubsidieerdWerkTelt')).toBe(true);
    expect(parameterValue(defs, 'terugmelding', 'reclametermijnWeken')).toBe(6);
    expect(defs.byId.get('plaatsing')?.notes).toEqual([
      { toelichting: 'Gesubsidieerd werk telt mee als plaatsing.', motivering: 'Raadsbesluit.' },
    ]);
    expect(defs.byId.get('duurzame-plaatsing')?.parameters[0].deviation).toEqual({
      motivering: 'Regionale afspraak: duurzaam is een jaar.',
    });
    expect(defs.profile?.naam).toBe('Noord-Kennemerland 2009');
    // The standard set itself is untouched.
    expect(parameterValue(effectiveDefinitions(fixtureSet), 'duurzame-plaatsing', 'minimumMaanden')).toBe(6);
  });

  test('an unknown term is named', () => {
    expect(error(withDeviation({ term: 'duurzaam', parameter: 'x', waarde: 1, motivering: 'm' }))).toBe(
      "Profiel ongeldig: afwijking 1: term 'duurzaam' bestaat niet in definitieset test-1.",
    );
  });

  test('an unknown parameter is named, with the known ones', () => {
    expect(error(withDeviation({ term: 'duurzame-plaatsing', parameter: 'minMaanden', waarde: 1, motivering: 'm' }))).toBe(
      "Profiel ongeldig: afwijking 1 (duurzame-plaatsing): onbekende parameter 'minMaanden'; deze term kent: minimumMaanden, gesubsidieerdWerkTelt.",
    );
  });

  test('a value out of range, of the wrong type or not whole is refused', () => {
    expect(error(withDeviation({ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 100, motivering: 'm' }))).toBe(
      'Profiel ongeldig: afwijking 1 (duurzame-plaatsing.minimumMaanden): waarde 100 ligt buiten het bereik 1–60 maanden.',
    );
    expect(error(withDeviation({ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 'twaalf', motivering: 'm' }))).toMatch(
      /waarde "twaalf" is geen getal/,
    );
    expect(error(withDeviation({ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 6.5, motivering: 'm' }))).toMatch(
      /waarde 6,5 moet een geheel getal zijn/,
    );
    expect(error(withDeviation({ term: 'duurzame-plaatsing', parameter: 'gesubsidieerdWerkTelt', waarde: 'ja', motivering: 'm' }))).toMatch(
      /geen ja\/nee-waarde/,
    );
    expect(error(withDeviation({ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', motivering: 'm' }))).toMatch(/'waarde' ontbreekt/);
  });

  test('a base version that does not match is refused', () => {
    expect(error({ ...valid, basisversie: '0.9' })).toBe(
      "Profiel 'Noord-Kennemerland 2009' bouwt op definitieset 0.9, maar deze definitieset is versie test-1.",
    );
  });

  test('structure errors are described in Dutch', () => {
    expect(error({ gemeente: 'A', afwijkingen: [] })).toBe("Profiel ongeldig: 'naam' ontbreekt.");
    expect(error({ ...valid, afwijkingen: [{ term: 'plaatsing', toelichting: 't' }] })).toBe(
      "Profiel ongeldig: afwijking 1, 'motivering' ontbreekt.",
    );
    expect(error({ ...valid, extra: 1 })).toBe("Profiel ongeldig: onbekend veld 'extra'.");
    expect(error({ ...valid, naam: 5 })).toBe("Profiel ongeldig: 'naam' heeft het verkeerde type (verwacht: tekst).");
    expect(error({ ...valid, afwijkingen: 'geen' })).toBe("Profiel ongeldig: 'afwijkingen' heeft het verkeerde type (verwacht: lijst).");
    expect(error([])).toMatch(/verwacht een JSON-object/);
    expect(error(withDeviation({ term: 'plaatsing', motivering: 'm' }))).toMatch(/geef een parameter met een waarde of een toelichting/);
    expect(() => parseProfileJson('{ naam: ', fixtureSet)).toThrow('Profiel ongeldig: het bestand is geen geldige JSON.');
  });

  test('the same parameter twice is refused', () => {
    const d = { term: 'terugmelding', parameter: 'reclametermijnWeken', waarde: 8, motivering: 'm' };
    expect(error({ ...valid, afwijkingen: [d, d] })).toMatch(/afwijking 2 \(terugmelding\.reclametermijnWeken\) staat al eerder/);
  });
});
