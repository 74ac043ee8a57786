/**
 * Builds the bundled examples (run: `npm run examples`):
 * - examples/profiel-noord-kennemerland.json: a contract profile;
 * - examples/inzending-noord-kennemerland.xlsx: a submission of a fictional
 *   vendor for the Noord-Kennemerland municipalities, with a handful of
 *   typical mistakes (listed in examples/README.md);
 * - examples/inzending-noord-kennemerland-arbeidspoort.xlsx: a second
 *   vendor's clean submission for the same period (with the first: `vergelijk`);
 * - examples/contract-noord-kennemerland.xlsx: contract clauses with
 *   non-conforming terms, for `reintegratie termen`.
 * Deterministic: the same files every run.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardDefinitionSet } from '../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile } from '../src/definitions/profile';
import { checkWorkbook } from '../src/engine/checkWorkbook';
import { serialFromDate } from '../src/engine/excelDate';
import type { RawValue } from '../src/engine/grid';
import { formatIndicator } from '../src/engine/management';
import { generateSubmission, toWorkbookData, type GenerateOptions, type Row } from './submissionGenerator';
import { buildTemplateExamples, templateExamplesReadme } from './build-template-examples';
import { SECOND_VENDOR } from './exampleVendors';

const DIR = join(__dirname, '..', 'examples');
const DATE_FORMAT = 'dd-mm-yyyy';

export const PROFILE = {
  naam: 'Noord-Kennemerland 2009',
  gemeente: 'Alkmaar',
  basisversie: standardDefinitionSet().version,
  afwijkingen: [
    {
      term: 'duurzame-plaatsing',
      parameter: 'minimumMaanden',
      waarde: 12,
      motivering: 'Regionale afspraak van de acht gemeenten: een plaatsing is duurzaam bij een arbeidsovereenkomst van een jaar of langer.',
    },
    {
      term: 'prestatienorm',
      toelichting: 'Een niet gehaalde prestatienorm wordt niet betaald.',
      motivering: 'Aanbesteding 2009-2011: niet halen van de norm is niet betalen.',
    },
  ],
};

const d = (day: number, month: number, year: number) => serialFromDate(year, month, day) as number;

/**
 * The mistakes put into the submission: what, the expected code, and how;
 * `apply` returns the index of the data row it changed (null for the sheet).
 */
export const MISTAKES: { what: string; code: string; apply: (rows: Row[]) => number | null }[] = [
  { what: 'kolomkop Klantnummer in plaats van Cliëntnummer', code: 'KOP_NIET_CONFORM', apply: () => null },
  { what: 'eigen kolom Klantmanager van het bedrijf', code: 'KOP_ONBEKEND', apply: () => null },
  { what: 'een BSN als cliëntnummer', code: 'PRIVACY_BSN', apply: (rows) => set(rows, 11, { clientnummer: 123456782 }) },
  { what: 'Bijstand in plaats van WWB', code: 'WAARDE_NIET_CONFORM', apply: (rows) => set(rows, 22, { doelgroep: 'Bijstand' }) },
  {
    what: 'een tikfout in de status',
    code: 'WAARDE_ONBEKEND',
    apply: (rows) => set(rows, first(rows, 30, (r) => r.status === 'Lopend'), { status: 'Lopnd' }),
  },
  {
    what: 'een proefplaatsing als plaatsing gemeld',
    code: 'PLAATSING_GEEN_WERK',
    apply: (rows) => set(rows, first(rows, 46, isPlaced), { soortWerk: 'Proefplaatsing', duurzaam: 'Nee' }),
  },
  {
    what: 'duurzame plaatsing Ja bij een arbeidsovereenkomst van 9 maanden (het profiel vraagt 12)',
    code: 'DUURZAAM_ONTERECHT',
    apply: (rows) => set(rows, first(rows, 57, isPlaced), { soortWerk: 'Regulier werk', arbeidsovereenkomst: 'Ja', duur: 9, duurzaam: 'Ja' }),
  },
  {
    what: 'datum intake voor datum aanmelding',
    code: 'DATUMVOLGORDE',
    apply: (rows) => {
      const i = first(rows, 63, (r) => r.intake !== null);
      return set(rows, i, { intake: (rows[i].aanmelding as number) - 9 });
    },
  },
  {
    what: 'een datum die niet bestaat (31-02-2009)',
    code: 'TYPE_DATUM',
    apply: (rows) => set(rows, 76, { aanmelding: '31-02-2009' }),
  },
  {
    what: 'dezelfde cliënt, dienst en datum aanmelding nog eens',
    code: 'DUBBEL_CLIENT',
    apply: (rows) => set(rows, 90, { clientnummer: rows[89].clientnummer, dienst: rows[89].dienst, aanmelding: rows[89].aanmelding }),
  },
  {
    what: 'teruggemeld na 60 dagen (reclametermijn 6 weken)',
    code: 'TERUGMELDING_TE_LAAT',
    apply: (rows) => {
      const i = first(rows, 104, (r) => r.status === 'Teruggemeld');
      return set(rows, i, { einde: (rows[i].aanmelding as number) + 60 });
    },
  },
  {
    what: 'toelichting met klantmanager en vaste plaatsing',
    code: 'TERM_NIET_CONFORM',
    apply: (rows) => set(rows, 117, { toelichting: 'Na overleg met de klantmanager is een vaste plaatsing in zicht.' }),
  },
  {
    what: 'de foutwaarde #N/A bij uren per week',
    code: 'FOUTWAARDE',
    apply: (rows) => set(rows, first(rows, 139, isPlaced), { uren: { error: '#N/A' } }),
  },
  { what: 'Aantal plaatsingen in het blad Management één te hoog', code: 'MANAGEMENT_AFWIJKING', apply: () => null },
  { what: 'reïntegratietrajecten in het blad Toelichting', code: 'TERM_NIET_CONFORM', apply: () => null },
];

const isPlaced = (row: Row) => row.status === 'Geplaatst';

/** The index of the first row at or after `from` that satisfies `test`. */
function first(rows: Row[], from: number, test: (row: Row) => boolean): number {
  const i = rows.findIndex((r, k) => k >= from && test(r));
  if (i < 0) throw new Error(`geen passende rij vanaf ${from}`);
  return i;
}

function set(rows: Row[], index: number, values: Row): number {
  Object.assign(rows[index], values);
  return index;
}

/** The Excel row of data row `index`: three rows above the data, one empty row after index 200. */
export function excelRowOf(index: number): number {
  return index + 4 + (index >= EMPTY_ROW_AFTER ? 1 : 0);
}

const EMPTY_ROW_AFTER = 200;

function excelValue(value: RawValue, isDate: boolean): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object') return { error: value.error } as ExcelJS.CellErrorValue;
  if (isDate && typeof value === 'number') return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
  return value;
}


interface SubmissionSpec {
  readonly file: string;
  readonly generate: GenerateOptions;
  /** The mistakes put in on purpose (and one wrong management figure): the first vendor's only. */
  readonly mistakes: boolean;
  readonly municipalityText: string;
}

async function buildSubmission(spec: SubmissionSpec): Promise<(number | null)[]> {
  const submission = generateSubmission(spec.generate);
  const { format } = submission;
  const changed = spec.mistakes ? MISTAKES.map((mistake) => mistake.apply(submission.rows)) : [];

  // Management figures: recomputed from the rows as delivered, then one deliberate mistake.
  const set = standardDefinitionSet();
  const defs = effectiveDefinitions(set, parseProfile(PROFILE, set));
  const recomputed = checkWorkbook(toWorkbookData(submission), defs).indicators;

  const wb = new ExcelJS.Workbook();
  wb.creator = submission.vendor;
  const clients = wb.addWorksheet(format.data.sheets.clients.name);
  clients.addRow(['Rapportage re-integratie Noord-Kennemerland, eerste halfjaar 2009']).font = { bold: true, size: 13 };
  clients.mergeCells('A1:F1');
  clients.addRow([`Opdrachtnemer: ${submission.vendor}`]);
  const headers = format.columns.map((c) => (c.field === 'clientnummer' && spec.mistakes ? 'Klantnummer' : c.header));
  const header = clients.addRow([...headers, ...(spec.mistakes ? ['Klantmanager'] : [])]);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  const consultants = ['J. de Vries', 'M. Bakker', 'S. Jansen'];
  submission.rows.forEach((row, i) => {
    if (i === EMPTY_ROW_AFTER) clients.addRow([]); // an empty row between the data, as exports have
    const values = format.columns.map((c) => excelValue(row[c.field] ?? null, c.type === 'date'));
    const excelRow = clients.addRow([...values, ...(spec.mistakes ? [consultants[i % consultants.length]] : [])]);
    format.columns.forEach((c, k) => {
      if (c.numberFormat !== undefined && row[c.field] !== null) excelRow.getCell(k + 1).numFmt = c.numberFormat;
    });
    if (i === 150) excelRow.hidden = true; // hidden rows are checked all the same
  });
  format.columns.forEach((c, k) => (clients.getColumn(k + 1).width = c.width ?? 14));
  clients.views = [{ state: 'frozen', ySplit: 3 }];

  const management = wb.addWorksheet(format.data.sheets.management.name);
  const m = format.data.management;
  const meta: Record<string, ExcelJS.CellValue> = {
    gemeente: spec.municipalityText,
    opdrachtnemer: submission.vendor,
    periodeVan: excelValue(submission.period.start, true),
    periodeTot: excelValue(submission.period.end, true),
  };
  for (const label of m.metadata) {
    const row = management.addRow([label.label, meta[label.id] ?? null]);
    if (label.type === 'date') row.getCell(2).numFmt = DATE_FORMAT;
  }
  for (const indicator of m.indicators) {
    const value = recomputed.get(indicator.id);
    let written: ExcelJS.CellValue = value === undefined ? null : value === null ? m.notApplicable[0] : Number(formatIndicator(indicator, value, '').replace(',', '.'));
    if (spec.mistakes && indicator.id === 'plaatsingen' && typeof written === 'number') written += 1;
    const row = management.addRow([indicator.label, written]);
    if (indicator.kind === 'percentage' && typeof written === 'number') {
      row.getCell(2).value = written / 100;
      row.getCell(2).numFmt = '0.0%';
    }
  }
  management.getColumn(1).width = 46;
  management.getColumn(2).width = 30;

  const notes = wb.addWorksheet('Toelichting');
  notes.getColumn(1).width = 100;
  notes.addRow(['Toelichting bij de rapportage']).font = { bold: true };
  notes.addRow(['In de verslagperiode zijn de reïntegratietrajecten volgens plan verlopen.']);
  notes.addRow(['Plaatsingen zijn gerapporteerd volgens de definitieset; nazorg loopt zes maanden na de plaatsing.']);

  await wb.xlsx.writeFile(join(DIR, spec.file));
  return changed;
}

async function buildContract(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Contract');
  sheet.getColumn(1).width = 12;
  sheet.getColumn(2).width = 110;
  const clauses: [string, string][] = [
    ['Artikel 1', 'Opdrachtgever: de gemeente Alkmaar, mede namens de gemeenten in Noord-Kennemerland.'],
    ['Artikel 2', 'Opdrachtnemer voert reïntegratietrajecten uit voor cliënten met een WWB-uitkering en nuggers.'],
    ['Artikel 3', 'De klantmanager van de gemeente meldt de cliënt aan; de opdrachtnemer start binnen vier weken.'],
    ['Artikel 4', 'Een vaste plaatsing is een plaatsing in regulier werk met een arbeidsovereenkomst van minimaal 3 maanden.'],
    ['Artikel 5', 'De opdrachtnemer kan een cliënt binnen de reclametermijn van acht weken terugmelden.'],
    ['Artikel 6', 'Financiering volgens No Cure No Pay: een niet gehaalde prestatienorm wordt niet betaald.'],
    ['Artikel 7', 'De opdrachtnemer rapporteert maandelijks de uitstroom en de drop-outs per kavel.'],
    ['Artikel 8', 'De rapportage op cliëntniveau bevat geen BSN; het cliëntnummer is een pseudoniem.'],
  ];
  sheet.addRow(['Raamovereenkomst re-integratie Noord-Kennemerland 2009-2011']).font = { bold: true, size: 13 };
  sheet.addRow([]);
  for (const clause of clauses) sheet.addRow(clause).alignment = { wrapText: true, vertical: 'top' };
  await wb.xlsx.writeFile(join(DIR, 'contract-noord-kennemerland.xlsx'));
}

function readme(changed: (number | null)[]): string {
  return [
    '# Voorbeelden',
    '',
    'Gemaakt door `npm run examples` (scripts/build-examples.ts); niet met de hand wijzigen.',
    '',
    '- `inzending-noord-kennemerland.xlsx`: een rapportage van het fictieve bedrijf Werkpad Re-integratie B.V. voor de acht',
    '  gemeenten in Noord-Kennemerland (320 cliëntrijen, een lege en een verborgen rij, bladen Cliënten, Management en Toelichting).',
    `- \`${SECOND_VENDOR.file}\`: een rapportage over dezelfde periode van een tweede fictief bedrijf, ${SECOND_VENDOR.vendor},`,
    `  voor ${SECOND_VENDOR.municipalities.length} van de gemeenten (180 cliëntrijen, zonder opzettelijke fouten): samen met de eerste een benchmark.`,
    '- `profiel-noord-kennemerland.json`: het contractprofiel (duurzame plaatsing vanaf 12 maanden).',
    '- `contract-noord-kennemerland.xlsx`: contractbepalingen met niet-conforme termen, voor `reintegratie termen`.',
    ...templateExamplesReadme(),
    '',
    'Fouten die met opzet in de inzending staan:',
    '',
    '| Excel-rij | Fout | Verwachte code |',
    '|---|---|---|',
    ...MISTAKES.map((m, i) => `| ${changed[i] === null ? '—' : excelRowOf(changed[i] as number)} | ${m.what} | ${m.code} |`),
    '',
    '```sh',
    'npx reintegratie controleer examples/inzending-noord-kennemerland.xlsx --profiel examples/profiel-noord-kennemerland.json --uit uit',
    'npx reintegratie termen examples/contract-noord-kennemerland.xlsx',
    `npx reintegratie vergelijk examples/inzending-noord-kennemerland.xlsx examples/${SECOND_VENDOR.file} --profiel examples/profiel-noord-kennemerland.json`,
    'npx reintegratie omzetten examples/export-werkpad-kwartaal-1.xlsx --uit uit/rapportage-kwartaal-1.xlsx',
    'npx reintegratie omzetten examples/export-werkpad-kwartaal-2.xlsx --koppeling examples/koppeling-werkpad.json --uit uit/rapportage-kwartaal-2.xlsx',
    'npx reintegratie contract --gegevens examples/contract-gegevens-noord-kennemerland.json --profiel examples/profiel-noord-kennemerland.json --uit uit/contract.xlsx',
    '```',
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'profiel-noord-kennemerland.json'), JSON.stringify(PROFILE, null, 2) + '\n');
  const changed = await buildSubmission({
    file: 'inzending-noord-kennemerland.xlsx',
    generate: { rows: 320, seed: 2009, minimumMonths: 12, vendor: 'Werkpad Re-integratie B.V.' },
    mistakes: true,
    municipalityText: 'Alkmaar, Bergen, Castricum, Graft-de Rijp, Heerhugowaard, Heiloo, Langedijk, Schermer',
  });
  await buildSubmission({
    file: SECOND_VENDOR.file,
    generate: {
      rows: 180,
      seed: 2011,
      minimumMonths: 12,
      vendor: SECOND_VENDOR.vendor,
      municipalities: SECOND_VENDOR.municipalities,
      clientPrefix: 'AP',
      // Fewer placements and more drop-out than the first vendor.
      statusWeights: [
        ['aangemeld', 0.06],
        ['teruggemeld', 0.04],
        ['lopend', 0.3],
        ['geplaatst', 0.22],
        ['uitgevallen', 0.26],
        ['afgerond-zonder-plaatsing', 0.12],
      ],
    },
    mistakes: false,
    municipalityText: SECOND_VENDOR.municipalities.join(', '),
  });
  writeFileSync(join(DIR, 'README.md'), readme(changed));
  await buildContract();
  await buildTemplateExamples(DIR);
  console.log(`voorbeelden geschreven in ${DIR}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
