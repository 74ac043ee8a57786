/**
 * A vendor's own export from its case-management system, as vendors really
 * deliver it: a title row above the table, its own column headers (known
 * header variants of the format, and a few of its own), its own labels for
 * the codes (the known variants from the format data), dates as text, hours
 * with a decimal comma, J/N for Ja/Nee, and columns the report does not
 * have. Built from a clean generated submission, so the same rows mapped
 * into the report must check clean. Used by the tests and `npm run examples`.
 */
import type { Column } from '../src/definitions/formatSchema';
import { standardReportFormat, type ReportFormat } from '../src/definitions/reportFormat';
import { formatSerial } from '../src/engine/excelDate';
import type { RawValue, SheetData, WorkbookData } from '../src/engine/grid';
import { generateSubmission, random, type Submission } from './submissionGenerator';

/**
 * The vendor's headers: a header variant from the format data where the
 * vendor happens to use one (by its position in the variant list), or a
 * header of its own that only resembles the standard one.
 */
const OWN_HEADERS: Record<string, { variant: number } | { own: string }> = {
  clientnummer: { variant: 2 }, // Klantnr
  gemeente: { variant: 1 }, // Woongemeente
  doelgroep: { variant: 0 }, // Uitkering
  dienst: { variant: 0 }, // Product
  positie: { variant: 3 }, // Trede
  aanmelding: { variant: 0 }, // Aanmelddatum
  intake: { variant: 1 }, // Datum intakegesprek
  start: { variant: 1 }, // Startdatum traject
  status: { variant: 2 }, // Stand van zaken
  redenUitval: { variant: 1 }, // Reden beëindiging
  einde: { variant: 0 }, // Einddatum
  plaatsing: { own: 'Datum plaatsing werk' },
  soortWerk: { variant: 2 }, // Soort baan
  arbeidsovereenkomst: { variant: 1 }, // Contract
  uren: { own: 'Uren/week' },
  duur: { variant: 4 }, // Contractduur (maanden)
  duurzaam: { variant: 0 }, // Duurzaam
  uitstroom: { variant: 0 }, // Uitstroom uit uitkering
  nazorg: { variant: 0 }, // Nazorg gestart
  toelichting: { variant: 1 }, // Opmerkingen
};

/** Columns of the vendor's own that are not in the report. */
export const EXTRA_HEADERS = ['Klantmanager', 'Geboortejaar'] as const;
const CASE_MANAGERS = ['J. de Vries', 'A. Bakker', 'M. Jansen', 'S. Visser'];

export function vendorHeader(column: Column): string {
  const choice = OWN_HEADERS[column.field];
  if (choice === undefined) return column.header;
  if ('own' in choice) return choice.own;
  return column.variants[choice.variant] ?? column.variants[0] ?? column.header;
}

/** The vendor's own label for a code: its first known variant in the data, or the code itself. */
function ownLabel(format: ReportFormat, column: Column, code: string): string {
  const entry = format.codeLists.get(column.codeList as string)?.entries.find((e) => e.code === code);
  return entry?.variants[0] ?? code;
}

export interface VendorExportOptions {
  readonly rows: number;
  readonly seed?: number;
  /** First client number (period two continues after period one). */
  readonly firstClient?: number;
  /** Labels to put in the status column of a few rows instead of the vendor's usual label (a new, unknown label). */
  readonly unknownStatus?: string;
  readonly minimumMonths?: number;
}

export interface VendorExport {
  readonly workbook: WorkbookData;
  readonly submission: Submission;
  /** The vendor's headers in order (report columns, then the extra ones). */
  readonly headers: readonly string[];
  /** 0-based rows of the export sheet holding the unknown status label. */
  readonly unknownRows: readonly number[];
}

export const EXPORT_SHEET = 'Export';
const TITLE_ROWS = 2;

export function vendorExport(options: VendorExportOptions): VendorExport {
  const format = standardReportFormat();
  const submission = generateSubmission({ rows: options.rows, seed: options.seed ?? 31, minimumMonths: options.minimumMonths });
  const rnd = random((options.seed ?? 31) + 1);
  const { yes, no } = format.data.yesNo;
  const yesNo = (value: RawValue) => (value === yes.code ? yes.variants[0] : value === no.code ? no.variants[0] : value);
  const columns = format.columns;
  const headers = [...columns.map(vendorHeader), ...EXTRA_HEADERS];
  const values: RawValue[][] = [[`Export trajecten ${submission.vendor}`], [], headers];
  const formats: (string | undefined)[][] = [[], [], []];
  const unknownRows: number[] = [];
  submission.rows.forEach((row, i) => {
    const cells: RawValue[] = [];
    const cellFormats: (string | undefined)[] = [];
    for (const column of columns) {
      let value = row[column.field] ?? null;
      let numberFormat: string | undefined;
      if (column.field === 'clientnummer') value = `K${String((options.firstClient ?? 1) + i).padStart(6, '0')}`;
      else if (value === null) value = null;
      else if (column.type === 'code') value = ownLabel(format, column, String(value));
      else if (column.type === 'yesNo') value = yesNo(value);
      else if (column.type === 'date' && typeof value === 'number') {
        // Text dates (d-m-jjjj) in most date columns; the intake date as a real Excel date.
        if (column.field === 'intake') numberFormat = 'd-m-yyyy';
        else value = formatSerial(value).replace(/^0/, '').replace(/-0/, '-');
      } else if (column.type === 'number' && typeof value === 'number') value = String(value).replace('.', ',');
      else if (column.type === 'duration' && value === 'onbepaald') value = (column.indefinite ?? ['onbepaald'])[2] ?? 'onbepaald';
      cells.push(value);
      cellFormats.push(numberFormat);
    }
    cells.push(CASE_MANAGERS[Math.floor(rnd() * CASE_MANAGERS.length)], 1950 + Math.floor(rnd() * 50));
    values.push(cells);
    formats.push(cellFormats);
  });
  if (options.unknownStatus !== undefined) {
    const statusCol = columns.findIndex((c) => c.field === 'status');
    for (let r = TITLE_ROWS + 1 + 3; r < values.length; r += 40) {
      // Only rows that stay valid under any status without dates of their own (Aangemeld-like rows).
      if (values[r][columns.findIndex((c) => c.field === 'start')] === null && values[r][columns.findIndex((c) => c.field === 'einde')] === null) {
        values[r][statusCol] = options.unknownStatus;
        unknownRows.push(r);
      }
    }
    if (unknownRows.length === 0) {
      values[TITLE_ROWS + 1][statusCol] = options.unknownStatus;
      unknownRows.push(TITLE_ROWS + 1);
    }
  }
  const sheet: SheetData = { name: EXPORT_SHEET, values, formats };
  return { workbook: { sheets: [sheet] }, submission, headers, unknownRows };
}
