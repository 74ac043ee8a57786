/**
 * The finding catalogue: every code once, with its severity and its Dutch
 * message template. Rules only say which code and with what values; the
 * wording lives here (compare Frictionless's error catalogue).
 */
import type { RawValue } from './grid';

export type Severity = 'fout' | 'waarschuwing' | 'info';

export interface CatalogueEntry {
  readonly severity: Severity;
  /** What the rule checks, for the docs and the task pane. */
  readonly rule: string;
  /** Message with {placeholders}; see renderMessage. */
  readonly template: string;
}

export const CATALOGUE = {
  KOP_ONTBREEKT: {
    severity: 'fout',
    rule: 'Een altijd verplichte kolom ontbreekt.',
    template: "De verplichte kolom '{kolom}' ontbreekt in blad {blad}.{hint}",
    // {hint}: HEADER_HINTS.seenLower, or empty.
  },
  KOP_NIET_CONFORM: {
    severity: 'waarschuwing',
    rule: 'Een kolomkop is een bekende variant van een standaardkop.',
    template: "Kolomkop '{waarde}' wijkt af van de uniforme rapportage; de standaardkop is '{suggestie}'.",
  },
  KOP_ONBEKEND: {
    severity: 'info',
    rule: 'Een kolom hoort niet bij de uniforme rapportage.',
    template: "Kolom '{waarde}' {reden}",
    // {reden}: one of UNKNOWN_COLUMN_REASONS.
  },
  FOUTWAARDE: {
    severity: 'fout',
    rule: 'Een cel bevat een Excel-foutwaarde (#N/A, #REF!, ...) in plaats van een waarde (toevoeging op het format).',
    template: '{kolom} bevat de foutwaarde {waarde} in plaats van een waarde; herstel de formule of vul de waarde in.',
  },
  FORMULE_ZONDER_WAARDE: {
    severity: 'fout',
    rule: 'Een cel bevat een formule zonder berekende waarde: het bestand is opgeslagen door een programma dat niet rekent (toevoeging op het format).',
    template:
      '{kolom} bevat de formule {formule} zonder berekende waarde, dus de waarde is onbekend. Open het bestand in Excel of LibreOffice Calc, laat alles herberekenen en sla het op, of vul de waarde zelf in.',
  },
  VERPLICHT_LEEG: {
    severity: 'fout',
    rule: 'Een altijd verplichte cel is leeg.',
    template: '{kolom} is altijd verplicht in de uniforme rapportage en is leeg.',
  },
  TYPE_DATUM: {
    severity: 'fout',
    rule: 'Een datumcel bevat geen geldige datum.',
    template: "{kolom}: '{waarde}' is geen geldige datum; gebruik een Excel-datum of d-m-jjjj.",
  },
  TYPE_GETAL: {
    severity: 'fout',
    rule: 'Een getalcel bevat geen getal.',
    template: "{kolom}: '{waarde}' is geen getal.",
  },
  WAARDE_ONBEKEND: {
    severity: 'fout',
    rule: 'Een waarde staat niet in de codelijst van de kolom.',
    template: "{kolom}: '{waarde}' staat niet in de codelijst ({codes}).{hint}",
  },
  WAARDE_NIET_CONFORM: {
    severity: 'waarschuwing',
    rule: 'Een waarde is een bekende variant van een code.',
    template: "{kolom}: '{waarde}' is geen standaardcode; gebruik '{suggestie}'{definitie}.",
  },
  BEREIK: {
    severity: 'fout',
    rule: 'Een getal of positie valt buiten het bereik, of een datum ligt voor 1-1-1990.',
    template: '{kolom}: {waarde} ligt buiten het toegestane bereik ({bereik}).',
  },
  DATUMVOLGORDE: {
    severity: 'fout',
    rule: 'De volgorde aanmelding ≤ intake ≤ start ≤ plaatsing ≤ einde is geschonden.',
    template: '{kolom} ligt voor {eerder} ({eerderWaarde}).',
  },
  DATUM_NA_PERIODE: {
    severity: 'waarschuwing',
    rule: "Een datum ligt na 'Periode tot' van het blad Management.",
    template: '{kolom} ({waarde}) ligt na het einde van de rapportageperiode ({periodeTot}).',
  },
  STATUS_VELDEN: {
    severity: 'fout',
    rule: 'Een veld dat bij de status verplicht is, is leeg, of een veld dat leeg moet zijn, is gevuld.',
    // {eis}: STATUS_REQUIREMENTS.required or .empty with the column filled in.
    template: 'Bij status {status} {eis}.',
  },
  PLAATSING_GEEN_WERK: {
    severity: 'fout',
    rule: 'Status Geplaatst met Soort werk Proefplaatsing of Werkervaringsplaats.',
    template:
      'Een {soortWerk} is geen plaatsing: een plaatsing is werk met een arbeidsovereenkomst of als zelfstandig ondernemer (definitie plaatsing).',
  },
  PLAATSING_GEEN_AO: {
    severity: 'fout',
    rule: 'Status Geplaatst zonder arbeidsovereenkomst, terwijl het geen zelfstandig ondernemer is.',
    template:
      'Een plaatsing vraagt een arbeidsovereenkomst, behalve bij een zelfstandig ondernemer (definitie plaatsing); hier staat {waarde}.',
  },
  DUURZAAM_ONTERECHT: {
    severity: 'fout',
    rule: 'Duurzame plaatsing staat op Ja, maar de rij voldoet niet aan de definitie.',
    template: 'Geen duurzame plaatsing: {reden}. {definitie}',
  },
  PLAATSING_NA_24_MAANDEN: {
    severity: 'waarschuwing',
    rule: 'De plaatsing ligt later dan de termijn van uitstroom naar werk na de start van het traject.',
    template:
      'De plaatsing ligt meer dan {termijn} maanden na de start van het traject ({start}) en telt niet als uitstroom naar werk binnen {termijn} maanden{profiel}.',
  },
  TERUGMELDING_TE_LAAT: {
    severity: 'waarschuwing',
    rule: 'Een terugmelding valt na de reclametermijn.',
    template:
      'De terugmelding valt {dagen} dagen na de aanmelding ({aanmelding}), na de reclametermijn van {weken} weken{profiel}.',
  },
  DUBBEL_CLIENT: {
    severity: 'fout',
    rule: 'Dezelfde cliënt, dienst en datum aanmelding staan al in een eerdere rij.',
    template: 'Cliëntnummer {waarde} staat met dezelfde dienst en datum aanmelding al in rij {eerdereRij}.',
  },
  PRIVACY_BSN: {
    severity: 'fout',
    rule: 'Een waarde is een BSN (9 cijfers, of 8 zonder voorloopnul, die de elfproef doorstaan).',
    template:
      "'{bsn}' lijkt een burgerservicenummer (het doorstaat de elfproef); een rapportage bevat alleen een pseudoniem cliëntnummer.",
  },
  MANAGEMENT_AFWIJKING: {
    severity: 'fout',
    rule: 'Een waarde in het blad Management wijkt af van de herberekende waarde.',
    template: '{kolom}: opgegeven {waarde}, herberekend uit de cliëntrijen {suggestie} (definitie {term}).',
  },
  TERM_NIET_CONFORM: {
    severity: 'waarschuwing',
    rule: 'Een woord in een tekstcel is geen term uit de definitieset.',
    template: "'{fragment}' is geen standaardterm; gebruik {suggesties}. {reden}",
  },
  DEFINITIE_STRIJDIG: {
    severity: 'fout',
    rule: 'Een tekst noemt een getal dat in strijd is met de (effectieve) definitie.',
    template: "'{fragment}' is in strijd met de definitie van {term} ({regel}{profiel}).",
  },
} as const satisfies Record<string, CatalogueEntry>;

export type FindingCode = keyof typeof CATALOGUE;

/** The reasons KOP_ONBEKEND gives. */
export const UNKNOWN_COLUMN_REASONS = {
  notInFormat: 'hoort niet bij de uniforme rapportage en wordt niet gecontroleerd.',
  secondColumn: (standard: string, first: string) =>
    `is een tweede kolom '${standard}' (de eerste is '${first}') en wordt niet gecontroleerd.`,
  notALabel: (sheet: string) => `is geen label van het blad ${sheet} en wordt niet gecontroleerd.`,
};

/** What KOP_ONTBREEKT adds when a header row was seen below the rows searched. */
export const HEADER_HINTS = {
  seenLower: (row: number, searched: number) =>
    ` Rij ${row} lijkt de kopregel, maar de kopregel moet in de eerste ${searched} rijen staan: verwijder de rijen erboven.`,
};

/** What STATUS_VELDEN says a status asks of a column. */
export const STATUS_REQUIREMENTS = {
  required: (column: string) => `is ${column} verplicht`,
  empty: (column: string) => `moet ${column} leeg zijn`,
};
export const FINDING_CODES = Object.keys(CATALOGUE) as FindingCode[];

export type MessageValues = Record<string, string | number>;

/** Each template split once into literal text and placeholder names (odd positions). */
const compiled = new Map<FindingCode, string[]>();

/** Fills a template; a placeholder without a value is a programming error. */
export function renderMessage(code: FindingCode, values: MessageValues): string {
  let parts = compiled.get(code);
  if (parts === undefined) {
    parts = CATALOGUE[code].template.split(/\{(\w+)\}/);
    compiled.set(code, parts);
  }
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const value = values[parts[i]];
    if (value === undefined) throw new Error(`bericht ${code} mist waarde '${parts[i]}'`);
    out += String(value) + parts[i + 1];
  }
  return out;
}

/** One finding, as the engine reports it (the CLI maps it to Dutch keys). */
export interface Finding {
  readonly sheet: string | null;
  /** A1 address, or null for plain text. */
  readonly cell: string | null;
  /** Excel row number, or the line number in a text file. */
  readonly row: number | null;
  /** Column header (or column letter where a sheet has no header). */
  readonly column: string | null;
  readonly code: FindingCode;
  readonly severity: Severity;
  /** Id of the definition involved, or null. */
  readonly term: string | null;
  readonly message: string;
  /** The original cell value. */
  readonly value: RawValue;
  /** The suggestion as one string (alternatives joined with " of "), or null. */
  readonly suggestion: string | null;
  /** All alternatives of the suggestion. */
  readonly suggestions: readonly string[];
  /** For text findings: the matched fragment and its offset in the text. */
  readonly fragment: string | null;
  readonly offset: number | null;
}

export function joinSuggestions(suggestions: readonly string[]): string | null {
  return suggestions.length === 0 ? null : suggestions.join(' of ');
}

export interface FindingSummary {
  readonly fout: number;
  readonly waarschuwing: number;
  readonly info: number;
}

export function summarise(findings: readonly { severity: Severity }[]): FindingSummary {
  const summary = { fout: 0, waarschuwing: 0, info: 0 };
  for (const f of findings) summary[f.severity]++;
  return summary;
}
