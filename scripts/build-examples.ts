/**
 * Builds the bundled examples (run: `npm run examples`):
 * - examples/profiel-noord-kennemerland.json: a contract profile;
 * - examples/inzending-noord-kennemerland.xlsx: a submission of a fictional
 *   vendor for the Noord-Kennemerland municipalities, with a handful of
 *   typical mistakes (listed in examples/README.md);
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
import { generateSubmission, toWorkbookData, type Row } from './submissionGenerator';

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

/** The mistakes put into the submission: row number (1-based data row), what, and the expected code. */
export const MISTAKES: { row: number | null; what: string; code: string; apply: (rows: Row[]) => void }[] = [
  { row: null, what: 'kolomkop Klantnummer in plaats van Cliëntnummer', code: 'KOP_NIET_CONFORM', apply: () => undefined },
  { row: null, what: 'eigen kolom Klantmanager van het bedrijf', code: 'KOP_ONBEKEND', apply: () => undefined },
  { row: 12, what: 'een BSN als cliëntnummer', code: 'PRIVACY_BSN', apply: (rows) => (rows[11].clientnummer = 123456782) },
  { row: 23, what: 'Bijstand in plaats van WWB', code: 'WAARDE_NIET_CONFORM', apply: (rows) => (rows[22].doelgroep = 'Bijstand') },
  {
    row: 31,
    what: 'een tikfout in de status',
    code: 'WAARDE_ONBEKEND',
    apply: (rows) => {
      const row = rows.find((r, i) => i >= 30 && r.status === 'Lopend') as Row;
      row.status = 'Lopnd';
    },
  },
  {
    row: 47,
    what: 'een proefplaatsing als plaatsing gemeld',
    code: 'PLAATSING_GEEN_WERK',
    apply: (rows) => placed(rows, 46, (r) => Object.assign(r, { soortWerk: 'Proefplaatsing', duurzaam: 'Nee' })),
  },
  {
    row: 58,
    what: 'duurzame plaatsing Ja bij een arbeidsovereenkomst van 9 maanden (het profiel vraagt 12)',
    code: 'DUURZAAM_ONTERECHT',
    apply: (rows) => placed(rows, 57, (r) => Object.assign(r, { soortWerk: 'Regulier werk', arbeidsovereenkomst: 'Ja', duur: 9, duurzaam: 'Ja' })),
  },
  {
    row: 64,
    what: 'datum intake voor datum aanmelding',
    code: 'DATUMVOLGORDE',
    apply: (rows) => {
      const r = rows.find((x, i) => i >= 63 && x.intake !== null) as Row;
      r.intake = (r.aanmelding as number) - 9;
    },
  },
  {
    row: 77,
    what: 'een datum die niet bestaat (31-02-2009)',
    code: 'TYPE_DATUM',
    apply: (rows) => (rows[76].aanmelding = '31-02-2009'),
  },
  {
    row: 91,
    what: 'dezelfde cliënt, dienst en datum aanmelding nog eens',
    code: 'DUBBEL_CLIENT',
    apply: (rows) => Object.assign(rows[90], { clientnummer: rows[89].clientnummer, dienst: rows[89].dienst, aanmelding: rows[89].aanmelding }),
  },
  {
    row: 105,
    what: 'teruggemeld na 60 dagen (reclametermijn 6 weken)',
    code: 'TERUGMELDING_TE_LAAT',
    apply: (rows) => {
      const r = rows.find((x, i) => i >= 104 && x.status === 'Teruggemeld') as Row;
      r.einde = (r.aanmelding as number) + 60;
    },
  },
  {
    row: 118,
    what: 'toelichting met klantmanager en vaste plaatsing',
    code: 'TERM_NIET_CONFORM',
    apply: (rows) => (rows[117].toelichting = 'Na overleg met de klantmanager is een vaste plaatsing in zicht.'),
  },
  {
    row: 140,
    what: 'de foutwaarde #N/A bij uren per week',
    code: 'FOUTWAARDE',
    apply: (rows) => placed(rows, 139, (r) => (r.uren = { error: '#N/A' })),
  },
  { row: null, what: 'Aantal plaatsingen in het blad Management één te hoog', code: 'MANAGEMENT_AFWIJKING', apply: () => undefined },
  { row: null, what: 'reïntegratietrajecten in het blad Toelichting', code: 'TERM_NIET_CONFORM', apply: () => undefined },
];

/** Applies `change` to the first Geplaatst row at or after index `from`. */
function placed(rows: Row[], from: number, change: (row: Row) => void): void {
  const row = rows.find((r, i) => i >= from && r.status === 'Geplaatst');
  if (row === undefined) throw new Error('geen geplaatste rij gevonden');
  change(row);
}

function excelValue(value: RawValue, isDate: boolean): ExcelJS.CellValue {
  if (value !== null && typeof value === 'object') return { error: value.error } as ExcelJS.CellErrorValue;
  if (isDate && typeof value === 'number') return new Date(Date.UTC(1899, 11, 30) + value * 86_400_000);
  return value;
}

async function buildSubmission(): Promise<void> {
  const submission = generateSubmission({ rows: 320, seed: 2009, minimumMonths: 12, vendor: 'Werkpad Re-integratie B.V.' });
  const { format } = submission;
  for (const mistake of MISTAKES) mistake.apply(submission.rows);

  // Management figures: recomputed from the rows as delivered, then one deliberate mistake.
  const set = standardDefinitionSet();
  const defs = effectiveDefinitions(set, parseProfile(PROFILE, set));
  const recomputed = checkWorkbook(toWorkbookData(submission), defs).indicators;

  const wb = new ExcelJS.Workbook();
  wb.creator = 'Werkpad Re-integratie B.V.';
  const clients = wb.addWorksheet(format.data.sheets.clients.name);
  clients.addRow(['Rapportage re-integratie Noord-Kennemerland, eerste halfjaar 2009']).font = { bold: true, size: 13 };
  clients.mergeCells('A1:F1');
  clients.addRow(['Opdrachtnemer: Werkpad Re-integratie B.V.']);
  const headers = format.columns.map((c) => (c.field === 'clientnummer' ? 'Klantnummer' : c.header));
  const header = clients.addRow([...headers, 'Klantmanager']);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
  const consultants = ['J. de Vries', 'M. Bakker', 'S. Jansen'];
  submission.rows.forEach((row, i) => {
    if (i === 200) clients.addRow([]); // an empty row between the data, as exports have
    const values = format.columns.map((c) => excelValue(row[c.field] ?? null, c.type === 'date'));
    const excelRow = clients.addRow([...values, consultants[i % consultants.length]]);
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
    gemeente: 'Alkmaar, Bergen, Castricum, Graft-de Rijp, Heerhugowaard, Heiloo, Langedijk, Schermer',
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
    if (indicator.id === 'plaatsingen' && typeof written === 'number') written += 1;
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

  await wb.xlsx.writeFile(join(DIR, 'inzending-noord-kennemerland.xlsx'));
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

async function main(): Promise<void> {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(join(DIR, 'profiel-noord-kennemerland.json'), JSON.stringify(PROFILE, null, 2) + '\n');
  await buildSubmission();
  await buildContract();
  console.log(`voorbeelden geschreven in ${DIR}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
