/**
 * Generates submissions in the uniform report format: clean ones of any size
 * (for the property tests and the benchmark), with the generator's own counts
 * of every management indicator, worked out while generating and not by the
 * engine. Columns, codes and labels come from the format data.
 */
import ExcelJS from 'exceljs';
import type { Indicator } from '../src/definitions/formatSchema';
import { standardReportFormat, type ReportFormat } from '../src/definitions/reportFormat';
import { addMonths, serialFromDate } from '../src/engine/excelDate';
import type { RawValue, SheetData, WorkbookData } from '../src/engine/grid';

/** The services of the example region: its four segments (the single services such as Work First stay out). */
const SEGMENTS = ['voortraject', 'aanbodversterking', 'werkervaring', 'bemiddeling-en-nazorg'];

/** A small deterministic PRNG (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Row = Record<string, RawValue>;

export interface Submission {
  readonly format: ReportFormat;
  /** Values by field id (dates as serials). */
  readonly rows: Row[];
  readonly period: { readonly start: number; readonly end: number };
  readonly municipality: string;
  readonly vendor: string;
  /** The generator's own value of every indicator, by indicator id (null = n.v.t.). */
  readonly expected: Record<string, number | null>;
}

export interface GenerateOptions {
  readonly rows: number;
  readonly seed?: number;
  readonly municipalities?: readonly string[];
  readonly vendor?: string;
  /** Minimum months for a durable placement (a profile may raise it). */
  readonly minimumMonths?: number;
  /** Share of each status id (default: a vendor of middling results). */
  readonly statusWeights?: readonly (readonly [string, number])[];
  /** Prefix of the client numbers (default NK). */
  readonly clientPrefix?: string;
}

const MUNICIPALITIES = ['Alkmaar', 'Bergen', 'Castricum', 'Graft-de Rijp', 'Heerhugowaard', 'Heiloo', 'Langedijk', 'Schermer'];
const REMARKS = [
  'Cliënt werkt aan een re-integratieplan met de werkcoach.',
  'Intake afgerond; diagnose volgt.',
  'Na de plaatsing is nazorg afgesproken met de werkgever.',
  'Jobcoaching op de werkplek gedurende de eerste weken.',
  'Sollicitatietraining gevolgd.',
  '',
  '',
  '',
];

function code(format: ReportFormat, list: string, id: string): string {
  const entry = format.codeLists.get(list)?.byId.get(id);
  if (entry === undefined) throw new Error(`code ${list}.${id} ontbreekt`);
  return entry.code;
}

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)];
}

function between(rnd: () => number, low: number, high: number): number {
  return low + Math.floor(rnd() * (high - low + 1));
}

/** A clean submission: every row valid, every management figure right. */
export function generateSubmission(options: GenerateOptions): Submission {
  const format = standardReportFormat();
  const rnd = random(options.seed ?? 2009);
  const municipalities = options.municipalities ?? MUNICIPALITIES;
  const minimumMonths = options.minimumMonths ?? 6;
  const period = { start: serialFromDate(2008, 1, 1) as number, end: serialFromDate(2009, 6, 30) as number };
  const ids = (list: string) => (format.codeLists.get(list)?.entries ?? []).map((e) => e.id);
  const [yes, no] = [format.data.yesNo.yes.code, format.data.yesNo.no.code];
  const statusWeights: readonly (readonly [string, number])[] = options.statusWeights ?? [
    ['aangemeld', 0.08],
    ['teruggemeld', 0.05],
    ['lopend', 0.3],
    ['geplaatst', 0.32],
    ['uitgevallen', 0.15],
    ['afgerond-zonder-plaatsing', 0.1],
  ];
  const counts = { all: 0, started: 0, durable: 0, leadDays: 0, leadRows: 0 } as Record<string, number>;
  const byStatus = new Map<string, number>();
  const rows: Row[] = [];

  for (let i = 0; i < options.rows; i++) {
    let roll = rnd();
    let status = statusWeights[statusWeights.length - 1][0];
    for (const [id, weight] of statusWeights) {
      if (roll < weight) {
        status = id;
        break;
      }
      roll -= weight;
    }
    const aanmelding = period.start + between(rnd, 0, 330);
    const row: Row = {
      clientnummer: `${options.clientPrefix ?? 'NK'}-${String(100000 + i)}`,
      gemeente: pick(rnd, municipalities),
      doelgroep: code(format, 'doelgroep', pick(rnd, ids('doelgroep'))),
      dienst: code(format, 'dienst', pick(rnd, SEGMENTS)),
      positie: between(rnd, 0, 6),
      aanmelding,
      intake: null,
      start: null,
      status: code(format, 'status', status),
      redenUitval: null,
      einde: null,
      plaatsing: null,
      soortWerk: null,
      arbeidsovereenkomst: null,
      uren: null,
      duur: null,
      duurzaam: null,
      uitstroom: null,
      nazorg: null,
      toelichting: pick(rnd, REMARKS) || null,
    };
    const intake = aanmelding + between(rnd, 3, 14);
    const start = intake + between(rnd, 3, 20);
    if (status !== 'aangemeld' && status !== 'teruggemeld') row.intake = intake;
    if (status === 'teruggemeld') row.einde = aanmelding + between(rnd, 5, 42);
    if (['lopend', 'geplaatst', 'afgerond-zonder-plaatsing'].includes(status)) row.start = start;
    if (status === 'uitgevallen') {
      if (rnd() < 0.7) row.start = start;
      row.einde = start + between(rnd, 10, 120);
      row.redenUitval = code(format, 'redenUitval', pick(rnd, ids('redenUitval')));
    }
    if (status === 'afgerond-zonder-plaatsing') row.einde = start + between(rnd, 60, 200);
    if (status === 'geplaatst') {
      const plaatsing = Math.min(start + between(rnd, 20, 300), period.end - 1, addMonths(start, 24));
      row.plaatsing = plaatsing;
      const kind = pick(rnd, ['regulier-werk', 'regulier-werk', 'regulier-werk', 'werk-met-loonkostensubsidie', 'gesubsidieerd-werk', 'zelfstandig-ondernemer']);
      row.soortWerk = code(format, 'soortWerk', kind);
      const needsContract = kind !== 'zelfstandig-ondernemer';
      row.arbeidsovereenkomst = needsContract ? yes : pick(rnd, [yes, no]);
      row.uren = pick(rnd, [12, 16, 20, 24, 28, 32, 36, 38, 40]);
      const duration = pick(rnd, [3, 6, 7, 12, 24, 'onbepaald', 'onbepaald'] as const);
      row.duur = duration;
      const longEnough = duration === 'onbepaald' || duration >= minimumMonths;
      const durable = kind !== 'gesubsidieerd-werk' && longEnough && (!needsContract || row.arbeidsovereenkomst === yes);
      row.duurzaam = durable ? yes : no;
      if (durable) counts.durable++;
      row.uitstroom = code(format, 'uitstroom', pick(rnd, ['volledig', 'volledig', 'gedeeltelijk', 'geen']));
      row.nazorg = pick(rnd, [yes, no]);
      counts.leadDays += plaatsing - start;
      counts.leadRows++;
      if (rnd() < 0.3) row.einde = plaatsing + between(rnd, 30, 120);
    }
    if (row.einde !== null && (row.einde as number) > period.end) row.einde = period.end;
    if (row.start !== null) counts.started++;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    counts.all++;
    rows.push(row);
  }

  const status = (id: string) => byStatus.get(id) ?? 0;
  const base: Record<string, number> = {
    aanmeldingen: counts.all,
    teruggemeld: status('teruggemeld'),
    gestart: counts.started,
    lopend: status('lopend'),
    plaatsingen: status('geplaatst'),
    duurzamePlaatsingen: counts.durable,
    uitgevallen: status('uitgevallen'),
    afgerondZonderPlaatsing: status('afgerond-zonder-plaatsing'),
  };
  const ended = base.plaatsingen + base.uitgevallen + base.afgerondZonderPlaatsing;
  const expected: Record<string, number | null> = {
    ...base,
    plaatsingspercentage: ended === 0 ? null : (base.plaatsingen / ended) * 100,
    uitvalpercentage: ended === 0 ? null : (base.uitgevallen / ended) * 100,
    percentageDuurzaam: base.plaatsingen === 0 ? null : (base.duurzamePlaatsingen / base.plaatsingen) * 100,
    doorlooptijd: counts.leadRows === 0 ? null : counts.leadDays / counts.leadRows,
  };
  for (const indicator of format.data.management.indicators) {
    if (!(indicator.id in expected)) throw new Error(`de generator kent indicator ${indicator.id} niet`);
  }
  return { format, rows, period, municipality: municipalities[0], vendor: options.vendor ?? 'Werkpad Re-integratie B.V.', expected };
}

const DATE_FORMAT = 'dd-mm-yyyy';

/** How an indicator value is written in the Management sheet (one decimal for percentages). */
export function writtenIndicator(indicator: Indicator, value: number | null, notApplicable: string): RawValue {
  if (value === null) return notApplicable;
  return indicator.kind === 'count' ? value : Math.round(value * 10) / 10;
}

/** The submission as the engine's grid types (what an xlsx reader would return). */
export function toWorkbookData(submission: Submission): WorkbookData {
  const { format } = submission;
  const columns = format.columns;
  const header = columns.map((c) => c.header);
  const values: RawValue[][] = [header];
  const formats: (string | undefined)[][] = [columns.map(() => undefined)];
  for (const row of submission.rows) {
    values.push(columns.map((c) => row[c.field] ?? null));
    formats.push(columns.map((c) => (c.type === 'date' && row[c.field] !== null ? DATE_FORMAT : undefined)));
  }
  const clients: SheetData = { name: format.data.sheets.clients.name, values, formats };
  return { sheets: [clients, managementSheet(submission)] };
}

function managementSheet(submission: Submission): SheetData {
  const { format } = submission;
  const m = format.data.management;
  const values: RawValue[][] = [];
  const formats: (string | undefined)[][] = [];
  const meta: Record<string, RawValue> = {
    gemeente: submission.municipality,
    opdrachtnemer: submission.vendor,
    periodeVan: submission.period.start,
    periodeTot: submission.period.end,
  };
  for (const label of m.metadata) {
    values.push([label.label, meta[label.id] ?? null]);
    formats.push([undefined, label.type === 'date' ? DATE_FORMAT : undefined]);
  }
  for (const indicator of m.indicators) {
    values.push([indicator.label, writtenIndicator(indicator, submission.expected[indicator.id], m.notApplicable[0])]);
    formats.push([undefined, undefined]);
  }
  return { name: format.data.sheets.management.name, values, formats };
}

function excelDate(serial: number): Date {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);
}

/** Writes a workbook (as grids) to .xlsx with ExcelJS's streaming writer. */
export async function writeWorkbookXlsx(workbook: WorkbookData, path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: true });
  for (const sheet of workbook.sheets) {
    const ws = writer.addWorksheet(sheet.name);
    sheet.values.forEach((row, r) => {
      const formats = sheet.formats?.[r];
      const cells = (row ?? []).map((v, c) => (typeof v === 'number' && formats?.[c] === DATE_FORMAT ? excelDate(v) : v));
      const excelRow = ws.addRow(cells.map((v) => (v !== null && typeof v === 'object' && 'error' in v ? { error: v.error } : v)));
      formats?.forEach((f, c) => {
        if (f !== undefined) excelRow.getCell(c + 1).numFmt = f;
      });
      if (r === 0 && sheet.name === workbook.sheets[0].name) excelRow.font = { bold: true };
      excelRow.commit();
    });
    ws.commit();
  }
  await writer.commit();
}
