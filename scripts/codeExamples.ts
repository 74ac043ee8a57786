/**
 * One small situation per finding code, checked by the real engine: the
 * documentation of the codes (docs/bevindingen.md) shows what the engine
 * really says, and a test fails when a code has no working example.
 */
import type { EffectiveDefinitions } from '../src/definitions/profile';
import { checkWorkbook } from '../src/engine/checkWorkbook';
import { CATALOGUE, FINDING_CODES, type Finding, type FindingCode } from '../src/engine/findings';
import type { SheetData } from '../src/engine/grid';
import { clientSheet, d, HEADERS, managementSheet, placedRow, runningRow } from './exampleRows';

export interface CodeExample {
  /** What the example shows (Dutch). */
  readonly situation: string;
  readonly sheets: () => SheetData[];
}

const rows = (...values: Parameters<typeof placedRow>[0][]) => () => [clientSheet({ rows: values.map((v) => placedRow(v)) })];

export const CODE_EXAMPLES: Record<FindingCode, CodeExample> = {
  KOP_ONTBREEKT: {
    situation: 'Het blad Cliënten heeft geen kolom Doelgroep.',
    sheets: () => [clientSheet({ headers: HEADERS.filter((h) => h !== 'Doelgroep'), rows: [placedRow()] })],
  },
  KOP_NIET_CONFORM: {
    situation: 'De eerste kolom heet Klantnummer, een bekende variant van Cliëntnummer.',
    sheets: () => [clientSheet({ headers: ['Klantnummer', ...HEADERS.slice(1)], rows: [placedRow({ Klantnummer: 'NK-1' })] })],
  },
  KOP_ONBEKEND: {
    situation: 'Het bedrijf heeft een eigen kolom Klantmanager toegevoegd.',
    sheets: () => [clientSheet({ headers: [...HEADERS, 'Klantmanager'], rows: [placedRow()] })],
  },
  FOUTWAARDE: {
    situation: 'Uren per week komt uit een formule die #N/A geeft.',
    sheets: rows({ 'Uren per week': { error: '#N/A' } }),
  },
  FORMULE_ZONDER_WAARDE: {
    situation: 'Uren per week is een formule die het programma dat het bestand maakte niet heeft uitgerekend (geen opgeslagen waarde).',
    sheets: rows({ 'Uren per week': { error: '=B2*8' } }),
  },
  VERPLICHT_LEEG: { situation: 'De gemeente is niet ingevuld.', sheets: rows({ Gemeente: null }) },
  TYPE_DATUM: { situation: 'Datum aanmelding is 31-02-2008, een datum die niet bestaat.', sheets: rows({ 'Datum aanmelding': '31-02-2008' }) },
  TYPE_GETAL: { situation: 'Uren per week is "fulltime".', sheets: rows({ 'Uren per week': 'fulltime' }) },
  WAARDE_ONBEKEND: { situation: 'De status is verkeerd gespeld: Geplaatsd.', sheets: rows({ Status: 'Geplaatsd' }) },
  WAARDE_NIET_CONFORM: { situation: 'De doelgroep is Bijstand in plaats van WWB.', sheets: rows({ Doelgroep: 'Bijstand' }) },
  BEREIK: { situation: 'Uren per week is 70.', sheets: rows({ 'Uren per week': 70 }) },
  DATUMVOLGORDE: {
    situation: 'De plaatsing ligt voor de start van het traject.',
    sheets: rows({ 'Datum start traject': d(1, 3, 2008), 'Datum plaatsing': d(15, 2, 2008) }),
  },
  DATUM_NA_PERIODE: {
    situation: 'De plaatsing ligt na Periode tot (30-06-2009) van het blad Management.',
    sheets: () => [
      clientSheet({ rows: [placedRow({ 'Datum plaatsing': d(6, 7, 2009) })] }),
      managementSheet([['Periode tot', d(30, 6, 2009), 'dd-mm-yyyy']]),
    ],
  },
  STATUS_VELDEN: {
    situation: 'Een lopend traject heeft al een datum einde traject.',
    sheets: () => [clientSheet({ rows: [runningRow({ 'Datum einde traject': d(1, 5, 2008) })] })],
  },
  PLAATSING_GEEN_WERK: {
    situation: 'Een proefplaatsing is gemeld als plaatsing.',
    sheets: rows({ 'Soort werk': 'Proefplaatsing', 'Duurzame plaatsing': 'Nee' }),
  },
  PLAATSING_GEEN_AO: {
    situation: 'Een plaatsing in regulier werk zonder arbeidsovereenkomst.',
    sheets: rows({ Arbeidsovereenkomst: 'Nee', 'Duurzame plaatsing': 'Nee' }),
  },
  DUURZAAM_ONTERECHT: {
    situation: 'Duurzame plaatsing staat op Ja bij een arbeidsovereenkomst van 3 maanden.',
    sheets: rows({ 'Duur arbeidsovereenkomst (maanden)': 3 }),
  },
  PLAATSING_NA_24_MAANDEN: {
    situation: 'De plaatsing ligt 25 maanden na de start van het traject.',
    sheets: rows({ 'Datum start traject': d(1, 2, 2008), 'Datum plaatsing': d(1, 3, 2010) }),
  },
  TERUGMELDING_TE_LAAT: {
    situation: 'Een cliënt is 50 dagen na de aanmelding teruggemeld.',
    sheets: () => [
      clientSheet({
        rows: [runningRow({ Status: 'Teruggemeld', 'Datum intake': null, 'Datum start traject': null, 'Datum einde traject': d(7, 1, 2008) + 50 })],
      }),
    ],
  },
  DUBBEL_CLIENT: {
    situation: 'Dezelfde cliënt staat twee keer met dezelfde dienst en datum aanmelding in de rapportage.',
    sheets: () => [clientSheet({ rows: [placedRow(), runningRow()] })],
  },
  PRIVACY_BSN: { situation: 'Als cliëntnummer is een BSN ingevuld.', sheets: rows({ Cliëntnummer: 123456782 }) },
  MANAGEMENT_AFWIJKING: {
    situation: 'Het blad Management meldt 2 plaatsingen; de cliëntrijen tellen er 1.',
    sheets: () => [clientSheet({ rows: [placedRow()] }), managementSheet([['Aantal plaatsingen', 2]])],
  },
  TERM_NIET_CONFORM: {
    situation: 'In de toelichting staat "klantmanager".',
    sheets: rows({ Toelichting: 'Overleg met de klantmanager gepland.' }),
  },
  DEFINITIE_STRIJDIG: {
    situation: 'Een tekst noemt een duurzame plaatsing van drie maanden.',
    sheets: () => [{ name: 'Contract', values: [['Een duurzame plaatsing is een plaatsing van drie maanden.']] }],
  },
};

/** The finding each example gives for its code (undefined when it does not). */
export function exampleFinding(code: FindingCode, defs: EffectiveDefinitions): Finding | undefined {
  const result = checkWorkbook({ sheets: CODE_EXAMPLES[code].sheets() }, defs);
  return result.findings.find((f) => f.code === code);
}

function cell(text: string | null): string {
  return (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** docs/bevindingen.md: every code with its severity, rule and a real example. */
export function findingCodesMarkdown(defs: EffectiveDefinitions): string {
  const lines = [
    '# Bevindingen',
    '',
    '> Dit document wordt gemaakt uit de foutencatalogus en de voorbeelden in `scripts/codeExamples.ts` (`npm run docs`);',
    '> elk voorbeeld is echt door de controle gedraaid.',
    '',
    'Elke bevinding heeft een blad, een cel, een code, een ernst (`fout`, `waarschuwing`, `info`), de definitie waar het om gaat,',
    'een melding, de oorspronkelijke waarde en waar mogelijk een suggestie. Een `fout` geeft afsluitstatus 1.',
    '',
    '| Code | Ernst | Regel |',
    '|---|---|---|',
    ...FINDING_CODES.map((code) => `| [${code}](#${code.toLowerCase()}) | ${CATALOGUE[code].severity} | ${cell(CATALOGUE[code].rule)} |`),
    '',
  ];
  for (const code of FINDING_CODES) {
    const example = CODE_EXAMPLES[code];
    const finding = exampleFinding(code, defs);
    if (finding === undefined) throw new Error(`het voorbeeld van ${code} geeft geen bevinding ${code}`);
    lines.push(`## ${code}`, '', `**${CATALOGUE[code].severity}** · ${CATALOGUE[code].rule}`, '');
    lines.push(`Voorbeeld: ${example.situation}`, '');
    lines.push('| Cel | Kolom | Waarde | Term | Suggestie |', '|---|---|---|---|---|');
    const value = finding.value === null ? '' : typeof finding.value === 'object' ? finding.value.error : String(finding.value);
    lines.push(
      `| ${finding.sheet}!${finding.cell} | ${cell(finding.column)} | ${cell(value)} | ${cell(finding.term)} | ${cell(finding.suggestion)} |`,
      '',
    );
    lines.push(`> ${finding.message}`, '');
  }
  return lines.join('\n');
}
