/**
 * The context rules of the term engine (textContext.ts) and its number
 * rules (units.ts, numberStatements.ts), on the shipped definitions: each
 * rule with a case it must flag and a case it must leave alone.
 */
import { TextContext } from '../../src/engine/textContext';
import { TermMatcher } from '../../src/engine/termMatcher';
import { comparable, convert, formatAmount, parameterUnit, UNIT_WORDS } from '../../src/engine/units';
import { defsWithProfile, standardDefs } from '../support/workbooks';

const matcher = new TermMatcher(standardDefs);
const found = (text: string, m = matcher) => m.scan(text).map((f) => `${f.code}:${f.fragment}>${f.suggestions.join('|')}`);

describe('units', () => {
  test('months and days compare only where the length of a month does not matter', () => {
    expect(convert(2, UNIT_WORDS.maanden, parameterUnit('weken')!)).toEqual([8, 62 / 7]);
    expect(convert(6, UNIT_WORDS.weken, parameterUnit('maanden')!)?.[1]).toBeCloseTo(1.5);
    expect(convert(2, UNIT_WORDS.jaar, parameterUnit('maanden')!)).toEqual([24, 24]);
    expect(comparable(UNIT_WORDS.uur, parameterUnit('maanden')!)).toBe(false);
    expect(convert(1, UNIT_WORDS.euro, parameterUnit('weken')!)).toBeUndefined();
  });

  test('amounts the Dutch way', () => {
    expect([formatAmount(1, 'weken'), formatAmount(3, 'dagen'), formatAmount(1, 'dagen'), formatAmount(40, 'uren')]).toEqual([
      '1 week',
      '3 dagen',
      '1 dag',
      '40 uur',
    ]);
    expect([formatAmount(200000, 'euro'), formatAmount(1500, 'euro'), formatAmount(12.5, 'procent'), formatAmount(1, 'maanden')]).toEqual([
      '€ 200.000',
      '€ 1.500',
      '12,5%',
      '1 maand',
    ]);
  });
});

describe('numbers that contradict a definition', () => {
  test('amounts in euro before or after the number, with thousands and millions', () => {
    expect(found('De vrije ruimte kent overeenkomsten van € 250.000,- per jaar.')).toEqual(['DEFINITIE_STRIJDIG:€ 250.000>€ 200.000']);
    expect(found('De vrije ruimte kent overeenkomsten tot EUR 1,6 miljoen.')).toEqual(['DEFINITIE_STRIJDIG:EUR 1,6 miljoen>€ 200.000']);
    expect(found('Deze overeenkomst in de vrije ruimte is 150.000 euro waard.')).toEqual([]);
    // A different maximum stated as the maximum contradicts it.
    expect(found('Een overeenkomst in de vrije ruimte is hoogstens 150.000 euro waard.')).toEqual(['DEFINITIE_STRIJDIG:150.000 euro>€ 200.000']);
  });

  test('a month against weeks only where the answer is certain', () => {
    expect(found('De opdrachtnemer mag de cliënt binnen een maand terugmelden.')).toEqual([]);
    expect(found('De opdrachtnemer mag de cliënt binnen twee maanden terugmelden.')).toEqual(['DEFINITIE_STRIJDIG:twee maanden>6 weken']);
  });

  test('a term right after the number owns it; a comma or a new clause ends the reach', () => {
    expect(found('Na een duurzame plaatsing volgt drie maanden nazorg.')).toEqual([]);
    expect(found('Het traject duurt ten hoogste vier maanden, daarna kan de cliënt worden teruggemeld.')).toEqual([]);
    // "teruggemeld" is a form of terugmelding and a value of trajectstatus: a mention of both.
    expect(found('De cliënt wordt binnen acht weken na de aanmelding door de opdrachtnemer teruggemeld.')).toEqual([
      'DEFINITIE_STRIJDIG:acht weken>6 weken',
    ]);
  });

  test('a mention counts up to 12 words before the number, also before a number of several words', () => {
    const twelve = 'is voor deze man bij de bakker in de straat van het';
    expect(found(`Een duurzame plaatsing ${twelve} drie (3) volle maanden.`)).toEqual(['DEFINITIE_STRIJDIG:drie (3) volle maanden>6 maanden']);
    expect(found(`Een duurzame plaatsing ${twelve} dorp drie (3) volle maanden.`)).toEqual([]);
    expect(found(`Een duurzame plaatsing ${twelve}. Drie (3) volle maanden.`)).toEqual([]);
  });

  test("UWV's limit counts only when a profile sets it", () => {
    const text = 'Een proefplaatsing duurt ten hoogste zes maanden.';
    expect(found(text)).toEqual([]);
    const withLimit = new TermMatcher(defsWithProfile([{ term: 'proefplaatsing', parameter: 'maximumMaanden', waarde: 3, motivering: 'UWV-regel.' }]));
    expect(found(text, withLimit)).toEqual(['DEFINITIE_STRIJDIG:zes maanden>3 maanden']);
  });

  test('numbers inside a URL or a title are not statements', () => {
    expect(found("Zie het rapport 'Uitstroom naar werk binnen 36 maanden' van het ministerie.")).toEqual([]);
  });
});

describe('the context of a word', () => {
  test('sentence starts: after a full stop, a heading or list marker, a line that ends a sentence', () => {
    const text = '# Reïntegratie\n\nDe tekst. Reïntegratie loopt\nverder en Reïntegratie staat hier.\n- Reïntegratie';
    const ctx = new TextContext(text);
    const at = (word: string, nth = 0) => {
      let i = -1;
      for (let k = 0; k <= nth; k++) i = text.indexOf(word, i + 1);
      return ctx.isSentenceStart(i);
    };
    expect([at('Reïntegratie', 0), at('Reïntegratie', 1), at('Reïntegratie', 2), at('Reïntegratie', 3), at('verder')]).toEqual([
      true,
      true,
      false,
      true,
      false,
    ]);
  });

  test('a text dates itself on its first pages or in a colophon', () => {
    expect(new TextContext('Titel\n\n© april 2006, Divosa\n\nTekst.').documentYear()).toBe(2006);
    expect(new TextContext('Datum: 15 september 2008\n\nTekst.').documentYear()).toBe(2008);
    expect(new TextContext('Een contract zonder datum.').documentYear()).toBeNull();
  });

  test('historic names: right in an old text, flagged in a text of now', () => {
    expect(found('© maart 2006\n\nHet Borea Keurmerk stelt eisen aan de opleiding van consulenten.')).toEqual([]);
    expect(found('Het Borea Keurmerk stelt eisen aan de opleiding van consulenten.')).toEqual([
      'TERM_NIET_CONFORM:Borea Keurmerk>Keurmerk Blik op Werk',
    ]);
    expect(found('Thans geldt voor deze cliënten nog de Abw, anders dan in 2003.')).toEqual(['TERM_NIET_CONFORM:Abw>WWB']);
  });

  test('code the text marks (Markdown): a span between backticks, a closed fenced block; a stray backtick or fence hides nothing', () => {
    expect(found('Het veld `klantmanager` in de export heet voortaan anders, maar de klantmanager belt.')).toEqual(['TERM_NIET_CONFORM:klantmanager>werkcoach']);
    const block = 'Voorbeeld:\n\n```json\n{ "klantmanager": "A. Bakker", "duurzame plaatsing": "3 maanden" }\n```\n\nDe klantmanager belt.\n';
    expect(matcher.scan(block).map((f) => f.start)).toEqual([block.lastIndexOf('klantmanager')]);
    // A fence that is never closed, and a lone backtick, mark nothing.
    expect(found('```\nDe klantmanager belt.\n')).toEqual(['TERM_NIET_CONFORM:klantmanager>werkcoach']);
    expect(found('Zo`n klantmanager belt.')).toEqual(['TERM_NIET_CONFORM:klantmanager>werkcoach']);
    // Closed by a fence of the same kind and at least as long; a longer inner fence line is content.
    const nested = '~~~~\nklantmanager\n~~~\nklantmanager\n~~~~\nDe klantmanager.\n';
    expect(matcher.scan(nested).map((f) => f.start)).toEqual([nested.lastIndexOf('klantmanager')]);
  });

  test('addresses, glossary lines and citations', () => {
    expect(found('Mail naar klantmanager@gemeente.nl of kijk op https://www.reintegratie.nl/klantmanager.')).toEqual([]);
    // A Markdown link: its text is prose, its target an address ("<…>" and "(…)" end the run).
    expect(found('Lees [de gids voor de klantmanager](https://www.example.nl/gids-klantmanager.pdf) of <https://klantmanager.nl>.')).toEqual([
      'TERM_NIET_CONFORM:klantmanager>werkcoach',
    ]);
    const link = 'Lees [de gids voor de klantmanager](https://www.example.nl/x.pdf).';
    expect(matcher.scan(link).map((f) => f.start)).toEqual([link.indexOf('klantmanager')]);
    expect(found('Klantmanager: zie werkcoach.')).toEqual([]);
    expect(found('Doelgroep: nuggers en WWB-gerechtigden.')).toEqual(['TERM_NIET_CONFORM:nuggers>niet-uitkeringsgerechtigden']);
    expect(found('<sup>3</sup> Jansen, P. e.a. (2004), De reïntegratiemarkt in beeld, Amsterdam.')).toEqual([]);
    expect(found('<sup>3</sup> In de praktijk zijn reïntegratiebedrijven vaak kleine ondernemingen.')).toEqual([
      'TERM_NIET_CONFORM:reïntegratiebedrijven>re-integratiebedrijven',
    ]);
  });

  test('a title marked once is a title wherever it recurs, also in capitals', () => {
    const text = "Het project 'Samen naar reïntegratie in de regio' start.\n\n## SAMEN NAAR REÏNTEGRATIE IN DE REGIO\n\nOver reïntegratie.";
    expect(found(text)).toEqual(['TERM_NIET_CONFORM:reïntegratie>re-integratie']);
  });

  test('a casemanager of the vendor is not a werkcoach, one of the municipality is', () => {
    expect(found('De opdrachtnemer zet een eigen casemanager in.')).toEqual([]);
    expect(found('De opdrachtnemer overlegt met de casemanager van de gemeente.')).toEqual(['TERM_NIET_CONFORM:casemanager>werkcoach']);
  });
});
