/**
 * A deterministic Dutch test corpus for the term benchmarks: contract and
 * report prose built from sentence templates, a neutral filler vocabulary
 * (below) and whatever the definition set holds at run time: standard terms
 * and their forms, value labels, non-conforming words (as written, without
 * diacritics, in capitals, inside compounds), numbers with the units of the
 * term parameters (some contradicting the definition) and the example
 * sentences of the data. Paragraphs are wrapped into lines of about 76
 * characters, and now and then a word is hyphenated at a line end, as in text
 * copied from a PDF.
 *
 * No word of the definition set is written here: with an empty set the corpus
 * is filler only.
 */
import type { EffectiveDefinitions } from '../src/definitions/profile';
import { stripMarks } from '../src/engine/letterCase';
import { random } from '../scripts/submissionGenerator';

// ---- seeded PRNG -------------------------------------------------------------

/** The generator's mulberry32, shared with the submission generator. */
export const prng = random;

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
}

// ---- neutral filler vocabulary ------------------------------------------------

const GEMEENTEN = [
  'Haarlem', 'Zandvoort', 'Bloemendaal', 'Heemstede', 'Velsen', 'Beverwijk', 'Alkmaar', 'Den Helder',
  'Hoorn', 'Zaanstad', 'Purmerend', 'Edam-Volendam', 'Castricum', 'Heiloo', 'Uitgeest', 'Schagen',
];
const MAANDEN = [
  'januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober',
  'november', 'december',
];
const ONDERWERPEN = [
  'de opdrachtnemer', 'de opdrachtgever', 'het college', 'de gemeente', 'de contractmanager', 'de aanbieder',
  'de leverancier', 'het projectteam', 'de afdeling Werk en Inkomen', 'de beleidsmedewerker', 'de regio',
  'de accountmanager', 'de stuurgroep', 'het dagelijks bestuur', 'de uitvoerder', 'de kwaliteitsmedewerker',
];
const WERKWOORDEN = [
  'rapporteert over', 'legt verantwoording af over', 'bespreekt', 'evalueert', 'registreert', 'monitort',
  'beschrijft', 'toetst', 'beoordeelt', 'verantwoordt', 'onderbouwt', 'leidt', 'organiseert', 'bewaakt',
  'analyseert', 'verbetert', 'documenteert',
];
const ZELFSTANDIG = [
  'de voortgang', 'de resultaten', 'het plan van aanpak', 'de kwartaalrapportage', 'de afspraken',
  'de prestatie-indicatoren', 'de dienstverlening', 'het budget', 'de doelstellingen', 'de inzet van middelen',
  'de werkzaamheden', 'de tevredenheid van deelnemende werkgevers', 'het verbeterplan', 'de planning',
  'de administratie', 'de gegevenslevering', 'het jaarverslag', 'de tussentijdse evaluatie', 'de facturen',
  'de privacyafspraken', 'de klachtenregeling', 'het kwaliteitssysteem', 'de samenwerking met werkgevers',
  'de aansluiting op de arbeidsmarkt', 'de wachtlijst', 'de caseload', 'de kosten per traject',
];
const BIJWOORDELIJK = [
  'per kwartaal', 'elke maand', 'aan het einde van het jaar', 'zo spoedig mogelijk', 'in overleg met de opdrachtgever',
  'volgens het bestek', 'conform de overeenkomst', 'op verzoek van de gemeente', 'binnen de afgesproken termijn',
  'na afloop van de periode', 'met inachtneming van de AVG', 'in de eerstvolgende rapportage', 'schriftelijk',
  'aantoonbaar', 'zonder aanvullende kosten', 'tijdens het voortgangsoverleg', 'op basis van de registratie',
];
const BIJVOEGLIJK = ['goed', 'voldoende', 'onvoldoende', 'wisselend', 'stabiel', 'hoger dan verwacht', 'lager dan begroot'];
const KOPPEN = [
  'Inleiding', 'Uitgangspunten', 'Dienstverlening', 'Rapportage en verantwoording', 'Financiering', 'Kwaliteit',
  'Looptijd en beëindiging', 'Resultaten', 'Werkwijze', 'Samenwerking', 'Privacy', 'Bijlagen',
];
const WOORDDELEN_VOOR = ['regio', 'team', 'hoofd', 'senior', 'project', 'ketens', 'contract'];
const WOORDDELEN_NA = ['overleg', 'team', 'gesprek', 'functie', 'pool', 'capaciteit', 'rapportage', 'verslag', 'beleid'];
const NA_WOORD = ['cijfers', 'lijst', 'regeling'];
const GETAL_EENHEDEN = ['weken', 'maanden', 'dagen', 'uur', 'jaar', 'werkdagen', 'kalenderdagen'];
const KWALIFICATIES = ['binnen', 'na', 'uiterlijk na', 'minimaal', 'maximaal', 'gedurende', 'ten minste', 'ten hoogste', 'ongeveer'];

/** Singular and plural unit words per parameter unit. */
const UNIT_WORDS: Record<string, [string, string]> = {
  maanden: ['maand', 'maanden'],
  weken: ['week', 'weken'],
  dagen: ['dag', 'dagen'],
  jaren: ['jaar', 'jaar'],
  uren: ['uur', 'uur'],
};

/**
 * Sentence templates. Slots: {S} subject, {V} verb phrase, {O} filler object,
 * {A} adverbial, {B} adjective, {T} term mention (conforming or not),
 * {C} conforming mention, {X} non-conforming mention, {N} number with a unit,
 * {G} municipality, {D} date, {E} amount in euro, {P} percentage, {K} count.
 */
const TEMPLATES = [
  '{S} {V} {T} {A}.',
  '{S} {V} {O} {A}.',
  '{S} {V} {O} en {T} {A}.',
  'In {D} {V} {S} {T}.',
  'De gemeente {G} vraagt de opdrachtnemer {N} na de start een overzicht van {T} te leveren.',
  'Over {T} rapporteert {S} {A}; de gegevens worden {N} na afloop van het kwartaal aangeleverd.',
  'Voor {T} geldt een vergoeding van {E} per deelnemer.',
  'In het eerste kwartaal waren er {K} meldingen over {T}, dat is {P} van het totaal.',
  'De score op {T} was {B}.',
  'Bij {T} betrekt {S} ook {O}.',
  '{S} meldt {T} {N} na de aanmelding.',
  'Zie artikel {K} van de overeenkomst voor de afspraken over {T}.',
  'Het aandeel {T} in {G} bedroeg {P} in {D}.',
  'De uitvoering van {T} en {T} gebeurt {A}.',
  '{S} zorgt ervoor dat {T} {A} wordt vastgelegd.',
  'Het budget voor {D} is vastgesteld op {E}.',
  '{S} stelt {O} vast en informeert {S} {A}.',
  'Indien {S} {O} niet tijdig levert, volgt een herstelperiode van {N}.',
  'De looptijd van de overeenkomst is {N}, met een optie tot verlenging van {N}.',
  'Deelnemers die zich na {D} aanmelden, krijgen {N} na de intakedatum een vervolgafspraak.',
  'Het gemiddelde aantal contacturen bedroeg {K} uur per week.',
  'Vanaf {D} werkt {S} met een nieuwe registratie van {C}.',
  'Niet {X}, maar {C} is de afgesproken term in {G}.',
  'In de rapportage over {D} staat {X} waar {C} bedoeld is.',
  'Volgens {S} is {X} {B} verlopen.',
];

// ---- what the definition set contributes ---------------------------------------

interface NonConformingWord {
  readonly text: string;
  readonly compound: boolean;
  readonly caseSensitive: boolean;
}

interface ParameterSentenceSource {
  readonly forms: readonly string[];
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly unit: [string, string];
  readonly bound: 'minimum' | 'maximum' | 'exact';
}

interface Vocabulary {
  readonly conforming: readonly string[];
  readonly nonConforming: readonly NonConformingWord[];
  readonly parameters: readonly ParameterSentenceSource[];
  readonly examples: readonly string[];
}

function vocabulary(defs: EffectiveDefinitions): Vocabulary {
  const conforming: string[] = [];
  const nonConforming: NonConformingWord[] = [];
  const parameters: ParameterSentenceSource[] = [];
  const examples: string[] = [];
  for (const term of defs.terms) {
    const forms = [term.term, ...term.forms];
    conforming.push(...forms);
    for (const value of term.values ?? []) conforming.push(value.label);
    for (const nc of term.nonConforming) {
      for (const text of [nc.text, ...Object.keys(nc.forms ?? {})]) {
        nonConforming.push({ text, compound: nc.compound === true, caseSensitive: nc.caseSensitive === true });
      }
    }
    for (const p of term.parameters) {
      const unit = p.unit !== undefined ? UNIT_WORDS[p.unit] : undefined;
      if (p.type !== 'number' || unit === undefined || p.bound === undefined || typeof p.value !== 'number') continue;
      parameters.push({ forms, value: p.value, min: p.min ?? 1, max: p.max ?? p.value * 2, unit, bound: p.bound });
    }
    examples.push(...term.examples.clean, ...term.examples.flagged.map((f) => f.text));
  }
  return { conforming, nonConforming, parameters, examples };
}

// ---- generator ---------------------------------------------------------------

export interface CorpusOptions {
  /** Stop once the text holds at least this many UTF-8 bytes. */
  readonly targetBytes: number;
  readonly seed: number;
  /** Share of term mentions ({T}) written with a non-conforming word. */
  readonly nonConformingShare?: number;
  /** Line width for wrapping paragraphs. */
  readonly width?: number;
}

export interface CorpusStats {
  readonly bytes: number;
  readonly chars: number;
  readonly sentences: number;
  readonly paragraphs: number;
  readonly lines: number;
  readonly conformingMentions: number;
  readonly nonConformingMentions: number;
  readonly parameterSentences: number;
  readonly exampleSentences: number;
  readonly hyphenatedLineEnds: number;
}

export interface Corpus {
  readonly text: string;
  readonly stats: CorpusStats;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatEuro(amount: number): string {
  return `€ ${amount.toLocaleString('nl-NL')}`;
}

class Generator {
  readonly counts = {
    sentences: 0,
    conformingMentions: 0,
    nonConformingMentions: 0,
    parameterSentences: 0,
    exampleSentences: 0,
    hyphenatedLineEnds: 0,
    lines: 0,
  };

  constructor(
    private readonly r: Random,
    private readonly vocab: Vocabulary,
    private readonly ncShare: number,
    private readonly width: number,
  ) {}

  private conforming(): string {
    if (this.vocab.conforming.length === 0) return this.r.pick(ZELFSTANDIG);
    this.counts.conformingMentions++;
    const form = this.r.pick(this.vocab.conforming);
    return this.r.chance(0.5) ? `de ${form}` : form;
  }

  private nonConforming(): string {
    if (this.vocab.nonConforming.length === 0) return this.conforming();
    this.counts.nonConformingMentions++;
    const r = this.r;
    const word = r.pick(this.vocab.nonConforming);
    let text = word.text;
    if (word.caseSensitive) {
      // Mostly the flagged capitals; sometimes lower case, which is not flagged.
      return r.chance(0.75) ? text : text.toLowerCase();
    }
    if (r.chance(0.2) && stripMarks(text) !== text) text = stripMarks(text);
    if (word.compound && r.chance(0.4)) {
      text = r.chance(0.5) ? `${r.pick(WOORDDELEN_VOOR)}${text.toLowerCase()}` : `${text}${r.pick(WOORDDELEN_NA)}`;
    } else if (!word.compound && r.chance(0.06)) {
      // A longer word that merely contains a whole-word-only entry: not flagged.
      text = `${text}${r.pick(NA_WOORD)}`;
    }
    if (r.chance(0.04)) text = text.toUpperCase();
    return text;
  }

  private mention(): string {
    return this.r.chance(this.ncShare) ? this.nonConforming() : this.conforming();
  }

  private numberWithUnit(): string {
    const r = this.r;
    const n = r.chance(0.15) ? r.pick(['twee', 'drie', 'vier', 'zes', 'acht', 'twaalf']) : String(r.int(1, 52));
    return `${r.pick(KWALIFICATIES)} ${n} ${r.pick(GETAL_EENHEDEN)}`;
  }

  private fill(template: string): string {
    const r = this.r;
    return template.replace(/\{([A-Z])\}/g, (_, slot: string) => {
      switch (slot) {
        case 'S':
          return r.pick(ONDERWERPEN);
        case 'V':
          return r.pick(WERKWOORDEN);
        case 'O':
          return r.pick(ZELFSTANDIG);
        case 'A':
          return r.pick(BIJWOORDELIJK);
        case 'B':
          return r.pick(BIJVOEGLIJK);
        case 'T':
          return this.mention();
        case 'C':
          return this.conforming();
        case 'X':
          return this.nonConforming();
        case 'N':
          return this.numberWithUnit();
        case 'G':
          return r.pick(GEMEENTEN);
        case 'D':
          return `${r.pick(MAANDEN)} ${r.int(2019, 2026)}`;
        case 'E':
          return formatEuro(r.int(2, 400) * 125);
        case 'P':
          return r.chance(0.5) ? `${r.int(1, 99)} procent` : `${r.int(1, 99)},${r.int(0, 9)}%`;
        case 'K':
          return String(r.int(2, 480));
        default:
          return slot;
      }
    });
  }

  /** A sentence about a term with a number parameter: the number matches the definition or not. */
  private parameterSentence(p: ParameterSentenceSource): string {
    const r = this.r;
    this.counts.parameterSentences++;
    this.counts.conformingMentions++;
    const form = r.pick(p.forms);
    const value = r.chance(0.6) ? p.value : r.int(Math.max(1, p.min), Math.max(p.min, p.max));
    const unit = value === 1 ? p.unit[0] : p.unit[1];
    const qualifier = p.bound === 'minimum' ? 'minimaal' : p.bound === 'maximum' ? 'maximaal' : 'precies';
    switch (r.int(0, 2)) {
      case 0:
        return `Voor ${form} geldt in ${r.pick(GEMEENTEN)} een termijn van ${qualifier} ${value} ${unit}.`;
      case 1:
        return `Een ${form} van ${value} ${unit} telt mee in de rapportage.`;
      default:
        return `${capitalise(form)}: ${qualifier} ${value} ${unit}, ${r.pick(BIJWOORDELIJK)}.`;
    }
  }

  sentence(): string {
    const r = this.r;
    this.counts.sentences++;
    if (this.vocab.examples.length > 0 && r.chance(0.02)) {
      this.counts.exampleSentences++;
      return r.pick(this.vocab.examples);
    }
    if (this.vocab.parameters.length > 0 && r.chance(0.04)) return this.parameterSentence(r.pick(this.vocab.parameters));
    return capitalise(this.fill(r.pick(TEMPLATES)));
  }

  heading(): string {
    const r = this.r;
    const title = this.vocab.conforming.length > 0 && r.chance(0.3) ? capitalise(this.mention()) : r.pick(KOPPEN);
    const text = `${r.int(1, 12)}.${r.int(1, 9)} ${title}`;
    return r.chance(0.1) ? text.toUpperCase() : text;
  }

  /** Greedy wrap; now and then a long word is hyphenated across the line end. */
  wrap(paragraph: string): string {
    const r = this.r;
    const words = paragraph.split(' ');
    const lines: string[] = [];
    let current = '';
    for (let i = 0; i < words.length; i++) {
      const word = words[i];
      if (current === '') {
        current = word;
        continue;
      }
      if (current.length + 1 + word.length <= this.width) {
        current += ' ' + word;
        continue;
      }
      const room = this.width - current.length - 1;
      if (room >= 5 && word.length >= 10 && /^[a-zà-ÿ]+$/.test(word) && r.chance(0.15)) {
        const cut = Math.min(room - 1, word.length - 4);
        if (cut >= 4) {
          lines.push(`${current} ${word.slice(0, cut)}-`);
          current = word.slice(cut);
          this.counts.hyphenatedLineEnds++;
          continue;
        }
      }
      lines.push(current);
      current = word;
    }
    if (current !== '') lines.push(current);
    this.counts.lines += lines.length;
    return lines.join('\n');
  }
}

export function generateCorpus(defs: EffectiveDefinitions, options: CorpusOptions): Corpus {
  const r = new Random(options.seed);
  const gen = new Generator(r, vocabulary(defs), options.nonConformingShare ?? 0.2, options.width ?? 76);
  const parts: string[] = [];
  let bytes = 0;
  let paragraphs = 0;
  while (bytes < options.targetBytes) {
    let block = '';
    if (r.chance(0.12)) {
      block = gen.heading() + '\n\n';
      gen.counts.lines++;
    }
    const sentences: string[] = [];
    const n = r.int(2, 7);
    for (let i = 0; i < n; i++) sentences.push(gen.sentence());
    block += gen.wrap(sentences.join(' ')) + '\n\n';
    paragraphs++;
    parts.push(block);
    bytes += Buffer.byteLength(block, 'utf8');
  }
  const text = parts.join('');
  const c = gen.counts;
  return {
    text,
    stats: {
      bytes,
      chars: text.length,
      sentences: c.sentences,
      paragraphs,
      lines: c.lines,
      conformingMentions: c.conformingMentions,
      nonConformingMentions: c.nonConformingMentions,
      parameterSentences: c.parameterSentences,
      exampleSentences: c.exampleSentences,
      hyphenatedLineEnds: c.hyphenatedLineEnds,
    },
  };
}
