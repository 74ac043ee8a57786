import { TermMatcher } from '../../src/engine/termMatcher';
import { fixtureDefs, fixtureDefsWithProfile } from '../support/fixtureDefinitions';

const matcher = new TermMatcher(fixtureDefs);

function only(text: string) {
  const findings = matcher.scan(text);
  expect(findings).toHaveLength(1);
  const [f] = findings;
  expect(text.slice(f.start, f.end)).toBe(f.fragment);
  return f;
}

describe('TERM_NIET_CONFORM', () => {
  test('a flagged word at the start of a sentence keeps its capital in the suggestion', () => {
    const f = only('Klantmanagers bespreken de voortgang.');
    expect(f).toMatchObject({ code: 'TERM_NIET_CONFORM', term: 'werkcoach', fragment: 'Klantmanagers', suggestions: ['Werkcoaches'] });
    expect(only('Dat doet de klantmanager.').suggestions).toEqual(['werkcoach']);
  });

  test('inflected forms map to the inflected replacement', () => {
    expect(only('Twee vaste plaatsingen in mei.')).toMatchObject({ fragment: 'vaste plaatsingen', suggestions: ['duurzame plaatsingen'] });
  });

  test('old spelling with and without diaeresis, in compounds not listed anywhere', () => {
    expect(only('De reïntegratiebedrijven leveren.')).toMatchObject({
      fragment: 'reïntegratiebedrijven',
      suggestions: ['re-integratiebedrijven'],
    });
    expect(only('Reintegratietrajecten duren lang.')).toMatchObject({ suggestions: ['Re-integratietrajecten'] });
    expect(only('Arbeidsreïntegratie is maatwerk.').suggestions).toEqual(['Arbeidsre-integratie']);
    expect(only('Hij is gereïntegreerd.').suggestions).toEqual(['gere-integreerd']);
  });

  test('the longest non-conforming word in a compound wins', () => {
    expect(only('De reïntegratiecoaches overleggen.')).toMatchObject({ term: 're-integratie', suggestions: ['werkcoaches'] });
  });

  test('a word in capitals gets a suggestion in capitals', () => {
    expect(only('OVERLEG MET DE KLANTMANAGER').suggestions).toEqual(['WERKCOACH']);
    // An abbreviation says nothing about the case of the words it stands for.
    expect(only('Zie NCNP.').suggestions).toEqual(['no cure no pay']);
    expect(only('NCNP geldt.').suggestions).toEqual(['No cure no pay']);
  });

  test('hyphenation across a line break inside a cell', () => {
    const text = 'Het reïntegratie-\nbedrijf meldt.';
    const f = only(text);
    expect(f.fragment).toBe('reïntegratie-\nbedrijf');
    expect(f.suggestions).toEqual(['re-integratiebedrijf']);
    expect(matcher.scan('Het klantma-\r\nnager overleg.')[0].suggestions).toEqual(['werkcoach']);
  });

  test('a standard term broken at its own hyphen is not flagged', () => {
    expect(matcher.scan('Het re-\nintegratiebedrijf meldt.')).toEqual([]);
    expect(matcher.scan('Het re-\n  integratietraject loopt.')).toEqual([]);
  });

  test('no flag for a word inside a longer standard term or a conforming compound', () => {
    expect(matcher.scan('De uitstroom naar werk steeg.')).toEqual([]);
    expect(matcher.scan('Reden: uitstroom zonder werk.')).toEqual([]);
    expect(matcher.scan('De werkcoach en de jobcoaches overleggen.')).toEqual([]);
    expect(only('De loopbaancoach overlegt.').fragment).toBe('loopbaancoach');
  });

  test('word boundaries: no flag inside an unrelated longer word', () => {
    expect(matcher.scan('De uitstroomcijfers en de vaste plaatsingsgraad.')).toEqual([]);
    expect(matcher.scan('Een niet-uitstroom-regeling.')).toEqual([]);
    expect(matcher.scan('xncnp en ncnpx')).toEqual([]);
  });

  test('a word that can mean two terms gets both as the suggestion', () => {
    const f = only('De uitstroom was hoog.');
    expect(f.suggestions).toEqual(['uitstroom naar werk', 'uitstroom uit de uitkering']);
    expect(f.message).toContain("'uitstroom naar werk' of 'uitstroom uit de uitkering'");
    expect(only('Uitstroom: 12 cliënten.').suggestions).toEqual(['Uitstroom naar werk', 'Uitstroom uit de uitkering']);
  });

  test('case-sensitive words: only the listed capitals are flagged', () => {
    expect(only('Het contract werkt met No Cure No Pay.').suggestions).toEqual(['no cure no pay']);
    expect(matcher.scan('Het contract werkt met no cure no pay.')).toEqual([]);
    expect(matcher.scan('No cure no pay is het uitgangspunt.')).toEqual([]);
    expect(only('No Cure No Pay geldt.').suggestions).toEqual(['No cure no pay']);
  });

  test('never a flag on a standard term or a conforming form', () => {
    for (const term of fixtureDefs.terms) {
      for (const form of [term.term, ...term.forms, ...(term.values ?? []).map((v) => v.label)]) {
        for (const variant of [form, form.toUpperCase(), form.charAt(0).toUpperCase() + form.slice(1)]) {
          expect({ variant, findings: matcher.scan(`Zie ${variant} hier.`) }).toEqual({ variant, findings: [] });
        }
      }
    }
  });

  test('characters that fold to several characters (Hangul, Arabic) keep the offsets right', () => {
    const text = '한국 cliënten: de klantmanager أ belt.';
    const f = only(text);
    expect(f.fragment).toBe('klantmanager');
    expect(text.slice(f.start, f.end)).toBe('klantmanager');
  });

  test('long texts: findings far apart, number checks only near their terms', () => {
    const filler = 'Het overleg verliep goed en de afspraken zijn vastgelegd in het verslag. '.repeat(2000);
    const text = `${filler}De klantmanager belt. ${filler}Een duurzame plaatsing van 3 maanden. ${filler}`;
    expect(matcher.scan(text).map((f) => f.fragment)).toEqual(['klantmanager', '3 maanden']);
  });

  test('the message names the fragment, the suggestion and the reason', () => {
    expect(only('De klantmanager belt.').message).toBe("'klantmanager' is geen standaardterm; gebruik 'werkcoach'. Afgesproken naam.");
  });
});

describe('DEFINITIE_STRIJDIG', () => {
  const strijdig = (text: string, m = matcher) => m.scan(text).filter((f) => f.code === 'DEFINITIE_STRIJDIG');

  test('a number below a minimum contradicts the definition', () => {
    const [f] = strijdig('Een duurzame plaatsing van 3 maanden telt mee.');
    expect(f).toMatchObject({ term: 'duurzame-plaatsing', fragment: '3 maanden', suggestions: ['6 maanden'] });
    expect(f.message).toBe(
      "'3 maanden' is in strijd met de definitie van duurzame plaatsing (minimale duur van de arbeidsovereenkomst: minimaal 6 maanden).",
    );
  });

  test('Dutch number words, parenthesised digits and years', () => {
    expect(strijdig('Een duurzame plaatsing: een contract van drie maanden.')[0].fragment).toBe('drie maanden');
    expect(strijdig('Duurzaam geplaatst is wie twee (2) maanden werkt.')[0].fragment).toBe('twee (2) maanden');
    expect(strijdig('Een duurzame plaatsing duurt een half jaar.')).toEqual([]);
    expect(strijdig('Een duurzame plaatsing duurt een jaar.')).toEqual([]);
    expect(strijdig('Een duurzame plaatsing duurt vier volle maanden.')[0].fragment).toBe('vier volle maanden');
  });

  test('a sentence that agrees is not flagged', () => {
    expect(strijdig('Een duurzame plaatsing vraagt een arbeidsovereenkomst van minimaal zes maanden.')).toEqual([]);
    expect(strijdig('Een duurzame plaatsing vraagt een arbeidsovereenkomst van zes (6) maanden.')).toEqual([]);
    expect(strijdig('Een duurzame plaatsing van 12 maanden is mooi meegenomen.')).toEqual([]);
  });

  test('a different bound stated as the bound contradicts', () => {
    expect(strijdig('Een duurzame plaatsing vraagt minimaal 12 maanden werk.')[0].fragment).toBe('12 maanden');
    expect(strijdig('Uitstroom naar werk telt tot maximaal 36 maanden na de start.')[0].suggestions).toEqual(['24 maanden']);
    expect(strijdig('De terugmelding kan binnen 8 weken.')[0].suggestions).toEqual(['6 weken']);
    expect(strijdig('Deze cliënt is binnen 2 weken teruggemeld.')).toEqual([]);
    expect(strijdig('De terugmelding kan tot 60 dagen na aanmelding.')[0].fragment).toBe('60 dagen');
  });

  test('the number must be in the same sentence and near the term', () => {
    expect(strijdig('Een duurzame plaatsing is het doel. Het traject duurt 3 maanden.')).toEqual([]);
    expect(
      strijdig('Een duurzame plaatsing is het doel van alle partijen in de regio en daarom is er na afloop nog 3 maanden.'),
    ).toEqual([]);
    expect(strijdig('Duurzame plaatsing\n\n3 maanden nazorg.')).toEqual([]);
  });

  test('a term with durations of its own between the mention and the number takes the number', () => {
    expect(strijdig('De proefplaatsing wordt gevolgd door een arbeidsovereenkomst van zes maanden.')).toEqual([]);
    const [f] = strijdig('Een duurzame plaatsing vraagt een arbeidsovereenkomst van 3 maanden.');
    expect(f).toMatchObject({ term: 'duurzame-plaatsing', fragment: '3 maanden' });
    expect(strijdig('Een proefplaatsing duurt ten hoogste zes maanden.')[0].message).toBe(
      "'zes maanden' is in strijd met de definitie van proefplaatsing (maximale duur: maximaal 3 maanden).",
    );
  });

  test('a parameter mentioned through another term; a number just before the term', () => {
    expect(strijdig('De reclametermijn bedraagt acht weken.')[0]).toMatchObject({ term: 'terugmelding', suggestions: ['6 weken'] });
    expect(strijdig('Binnen 36 maanden uitstroom naar werk realiseren.')[0].fragment).toBe('36 maanden');
    expect(strijdig('Een cliënt die binnen een maand uitvalt, telt niet als duurzame plaatsing.')).toEqual([]);
  });

  test('the effective value of a profile is used and named', () => {
    const m = new TermMatcher(fixtureDefsWithProfile([
      { term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak.' },
    ]));
    const [f] = strijdig('Een duurzame plaatsing vraagt minimaal zes maanden.', m);
    expect(f.suggestions).toEqual(['12 maanden']);
    expect(f.message).toContain('minimaal 12 maanden, profiel Bergen 2009');
    expect(strijdig('Een duurzame plaatsing vraagt minimaal twaalf maanden.', m)).toEqual([]);
  });
});
