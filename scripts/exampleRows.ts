/**
 * Builders for small client and management sheets by header label, used by
 * the documentation of the finding codes and by the tests.
 */
import { headerKey, standardReportFormat } from '../src/definitions/reportFormat';
import { serialFromDate } from '../src/engine/excelDate';
import type { RawValue, SheetData } from '../src/engine/grid';

export const format = standardReportFormat();
export const HEADERS = format.columns.map((c) => c.header);

/** An Excel date (serial) for a calendar date. */
export const d = (day: number, month: number, year: number): number => serialFromDate(year, month, day) as number;

export type ClientValues = Record<string, RawValue>;

/** A valid Geplaatst row, durable; override by header label. */
export function placedRow(overrides: ClientValues = {}): ClientValues {
  return {
    Cliëntnummer: 'NK-100001',
    Gemeente: 'Alkmaar',
    Doelgroep: 'WWB',
    Dienst: 'Bemiddeling en nazorg',
    'Re-integratiepositie start': 4,
    'Datum aanmelding': d(7, 1, 2008),
    'Datum intake': d(14, 1, 2008),
    'Datum start traject': d(1, 2, 2008),
    Status: 'Geplaatst',
    'Reden uitval': null,
    'Datum einde traject': null,
    'Datum plaatsing': d(2, 6, 2008),
    'Soort werk': 'Regulier werk',
    Arbeidsovereenkomst: 'Ja',
    'Uren per week': 32,
    'Duur arbeidsovereenkomst (maanden)': 12,
    'Duurzame plaatsing': 'Ja',
    'Uitstroom uitkering': 'Volledig',
    Nazorg: 'Ja',
    Toelichting: null,
    ...overrides,
  };
}

/** A valid Lopend row. */
export function runningRow(overrides: ClientValues = {}): ClientValues {
  return placedRow({
    Status: 'Lopend',
    'Datum plaatsing': null,
    'Soort werk': null,
    Arbeidsovereenkomst: null,
    'Uren per week': null,
    'Duur arbeidsovereenkomst (maanden)': null,
    'Duurzame plaatsing': null,
    'Uitstroom uitkering': null,
    Nazorg: null,
    ...overrides,
  });
}

const isDateHeader = (h: string) => format.headers.get(headerKey(h))?.target.type === 'date';

export interface SheetSpec {
  headers?: string[];
  rows: ClientValues[];
  /** Rows placed above the header. */
  above?: RawValue[][];
  name?: string;
}

export function clientSheet(spec: SheetSpec): SheetData {
  const headers = spec.headers ?? HEADERS;
  const above = spec.above ?? [];
  const values: RawValue[][] = [...above, headers];
  const formats: (string | undefined)[][] = [...above.map(() => []), headers.map(() => undefined)];
  for (const row of spec.rows) {
    values.push(headers.map((h) => row[h] ?? null));
    formats.push(headers.map((h) => (isDateHeader(h) && typeof row[h] === 'number' ? 'dd-mm-yyyy' : undefined)));
  }
  return { name: spec.name ?? 'Cliënten', values, formats };
}

export function managementSheet(pairs: [string, RawValue, string?][]): SheetData {
  return {
    name: 'Management',
    values: pairs.map(([label, value]) => [label, value]),
    formats: pairs.map(([, , fmt]) => [undefined, fmt]),
  };
}

