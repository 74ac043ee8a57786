/**
 * A benchmark across submissions: a quarter's submissions of several
 * vendors and municipalities side by side, every indicator recomputed from
 * the client rows by the same definitions, per vendor (the Management
 * sheet's Opdrachtnemer), municipality, service, target group and period, with the
 * quality of each (its findings) next to its figures.
 *
 * Groups add up tallies (indicatorTally.ts), so a percentage of a group is
 * worked out from all its rows, never an average of percentages.
 */
import type { ReportFormat } from '../definitions/reportFormat';
import { summarise, type Finding } from './findings';
import { formatSerial } from './excelDate';
import { addTally, emptyTally, indicatorsOf, type IndicatorTally, type Recomputed } from './indicatorTally';
import { groupKey, NOT_FILLED, NOT_VALID, ROW_DIMENSIONS, type SeverityCounts, type SubmissionFigures, type SubmissionMetadata } from './submissionGroups';

/**
 * The groupings of a comparison, in the order they are shown: the
 * submission's vendor, its rows' municipality, service and target group,
 * the submission's period (quarters side by side: a trend), and each
 * municipality's vendors side by side (the same clients' municipality,
 * different vendors: the comparison a contract manager makes).
 */
export const DIMENSIONS = ['opdrachtnemer', ...ROW_DIMENSIONS, 'periode', 'gemeenteOpdrachtnemer'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** A format column's header, by field ("Gemeente"). */
export function columnHeader(format: ReportFormat, field: string): string {
  const column = format.columnByField.get(field);
  if (column === undefined) throw new Error(`kolom ${field} ontbreekt in de rapportage`);
  return column.header;
}

/** A Management label, by metadata id ("Opdrachtnemer"). */
export function metadataLabel(format: ReportFormat, id: string): string {
  const label = format.data.management.metadata.find((m) => m.id === id);
  if (label === undefined) throw new Error(`label ${id} ontbreekt op het blad Management van de rapportage`);
  return label.label;
}

/** A dimension's name as a column header: the format's own label where it has one. */
export function dimensionLabel(dimension: Dimension, format: ReportFormat): string {
  switch (dimension) {
    case 'opdrachtnemer':
      return metadataLabel(format, 'opdrachtnemer');
    case 'periode':
      return 'Periode';
    case 'gemeenteOpdrachtnemer':
      return `${columnHeader(format, 'gemeente')} en ${metadataLabel(format, 'opdrachtnemer').toLowerCase()}`;
    default:
      return columnHeader(format, dimension);
  }
}

/** A municipality's group of one vendor: "Alkmaar — Werkpad B.V.". */
export const GROUP_JOINER = ' — ';

/** One checked submission, as the comparison takes it. */
export interface SubmissionInput {
  readonly file: string;
  readonly figures: SubmissionFigures;
  /** All findings of the submission (also those outside the client rows). */
  readonly findings: SeverityCounts;
  /** Management values that differ from the recomputed ones (MANAGEMENT_AFWIJKING). */
  readonly deviations: number;
}

/** A checked submission as the comparison takes it: its figures, and the counts of the findings it reports (accepted ones left out). */
export function submissionInput(file: string, figures: SubmissionFigures, findings: readonly Finding[]): SubmissionInput {
  return {
    file,
    figures,
    findings: summarise(findings),
    deviations: findings.filter((f) => f.code === 'MANAGEMENT_AFWIJKING').length,
  };
}

export interface ComparedGroup {
  readonly name: string;
  /** Submissions with rows in this group. */
  readonly submissions: number;
  readonly rows: number;
  /** Findings on the group's client rows. */
  readonly findings: SeverityCounts;
  /** Findings of severity fout per 100 client rows (null without rows). */
  readonly errorsPer100: number | null;
  readonly indicators: ReadonlyMap<string, Recomputed>;
}

export interface ComparedSubmission {
  readonly file: string;
  readonly metadata: SubmissionMetadata;
  readonly rows: number;
  readonly findings: SeverityCounts;
  readonly rowFindings: SeverityCounts;
  readonly errorsPer100: number | null;
  readonly deviations: number;
  readonly indicators: ReadonlyMap<string, Recomputed>;
}

/** Two submissions with rows about the same clients (ClientRow.key: the same client number, service and registration date). */
export interface SharedClients {
  /** Indexes of the two submissions, the first the earlier. */
  readonly first: number;
  readonly second: number;
  /** Clients in both. */
  readonly clients: number;
}

export interface Comparison {
  readonly submissions: readonly ComparedSubmission[];
  /** Pairs of submissions that hold the same clients: counted twice in every group both are in. */
  readonly shared: readonly SharedClients[];
  readonly groupings: Readonly<Record<Dimension, readonly ComparedGroup[]>>;
  /** All submissions together. */
  readonly total: ComparedGroup;
  /** What an analyst must know before reading the figures (Dutch sentences). */
  readonly notes: readonly string[];
}

interface Accumulator {
  name: string;
  /** What the group is ordered by, where that is not its name (a period: its dates), part by part. */
  readonly order?: readonly (string | number)[];
  readonly files: Set<number>;
  readonly tally: IndicatorTally;
  readonly findings: SeverityCounts;
}

const none = (): SeverityCounts => ({ fout: 0, waarschuwing: 0, info: 0 });

function addCounts(into: SeverityCounts, counts: SeverityCounts): void {
  into.fout += counts.fout;
  into.waarschuwing += counts.waarschuwing;
  into.info += counts.info;
}

const per100 = (errors: number, rows: number): number | null => (rows === 0 ? null : (errors / rows) * 100);

/** 0 for a name, 1 for the group of invalid values, 2 for the group of missing ones: they come last. */
const rankOf = (name: string): number => (name === NOT_FILLED ? 2 : name === NOT_VALID ? 1 : 0);

/** Groups in Dutch order of their names (periods by their dates); the groups of missing and invalid values last. */
function inOrder(a: Accumulator, b: Accumulator): number {
  const byRank = rankOf(a.name) - rankOf(b.name);
  if (byRank !== 0) return byRank;
  if (a.order !== undefined && b.order !== undefined) {
    for (let i = 0; i < Math.min(a.order.length, b.order.length); i++) {
      const x = a.order[i];
      const y = b.order[i];
      const by = typeof x === 'number' && typeof y === 'number' ? x - y : dutchOrder(String(x), String(y));
      if (by !== 0) return by;
    }
  }
  return dutchOrder(a.name, b.name);
}

function dutchOrder(a: string, b: string): number {
  return a.localeCompare(b, 'nl', { sensitivity: 'base', numeric: true });
}

/** Whether two submissions cover the same period. */
function periodKey(m: SubmissionMetadata): string {
  return `${m.periodeVan ?? '?'}–${m.periodeTot ?? '?'}`;
}

/** A period as a group name ("01-01-2009 t/m 31-03-2009") and its order (by its dates). */
function period(m: SubmissionMetadata): { name: string; order: number[] } {
  if (m.periodeVan === null && m.periodeTot === null) return { name: NOT_FILLED, order: [] };
  const date = (serial: number | null) => (serial === null ? '?' : formatSerial(serial));
  return { name: `${date(m.periodeVan)} t/m ${date(m.periodeTot)}`, order: [m.periodeVan ?? 0, m.periodeTot ?? 0] };
}

/** Compares checked submissions. */
export function compareSubmissions(inputs: readonly SubmissionInput[], format: ReportFormat): Comparison {
  const groups = {} as Record<Dimension, Map<string, Accumulator>>;
  for (const dimension of DIMENSIONS) groups[dimension] = new Map();
  const total: Accumulator = { name: 'Totaal', files: new Set(), tally: emptyTally(format), findings: none() };

  const add = (dimension: Dimension, name: string, file: number, tally: IndicatorTally, findings: SeverityCounts, order?: readonly (string | number)[]) => {
    const key = groupKey(name);
    let group = groups[dimension].get(key);
    if (group === undefined) {
      group = { name, order, files: new Set(), tally: emptyTally(format), findings: none() };
      groups[dimension].set(key, group);
    }
    group.files.add(file);
    addTally(group.tally, tally);
    addCounts(group.findings, findings);
  };

  inputs.forEach((input, file) => {
    const { figures } = input;
    add('opdrachtnemer', figures.metadata.opdrachtnemer ?? NOT_FILLED, file, figures.total, figures.rowFindings);
    const { name: periodName, order } = period(figures.metadata);
    add('periode', periodName, file, figures.total, figures.rowFindings, order);
    for (const dimension of ROW_DIMENSIONS) {
      for (const group of figures.dimensions[dimension]) add(dimension, group.label, file, group.tally, group.findings);
    }
    const vendor = figures.metadata.opdrachtnemer ?? NOT_FILLED;
    for (const group of figures.dimensions.gemeente) {
      // In the order of the municipality, then the vendor (the groups of missing values last within each).
      const order = [rankOf(group.label), group.label, rankOf(vendor), vendor];
      add('gemeenteOpdrachtnemer', `${group.label}${GROUP_JOINER}${vendor}`, file, group.tally, group.findings, order);
    }
    total.files.add(file);
    addTally(total.tally, figures.total);
    addCounts(total.findings, figures.rowFindings);
  });

  const finish = (group: Accumulator): ComparedGroup => ({
    name: group.name,
    submissions: group.files.size,
    rows: group.tally.rows,
    findings: group.findings,
    errorsPer100: per100(group.findings.fout, group.tally.rows),
    indicators: indicatorsOf(group.tally, format),
  });
  const groupings = {} as Record<Dimension, ComparedGroup[]>;
  for (const dimension of DIMENSIONS) groupings[dimension] = [...groups[dimension].values()].sort(inOrder).map(finish);

  const submissions = inputs.map(
    (input): ComparedSubmission => ({
      file: input.file,
      metadata: input.figures.metadata,
      rows: input.figures.total.rows,
      findings: input.findings,
      rowFindings: input.figures.rowFindings,
      errorsPer100: per100(input.figures.rowFindings.fout, input.figures.total.rows),
      deviations: input.deviations,
      indicators: indicatorsOf(input.figures.total, format),
    }),
  );
  const shared = sharedClients(inputs);
  return { submissions, shared, groupings, total: finish(total), notes: [...notesOn(inputs, format), ...sharedNotes(inputs, shared, format)] };
}

/** The pairs of submissions with clients in common, in the order of the submissions. */
function sharedClients(inputs: readonly SubmissionInput[]): SharedClients[] {
  const firstSeen = new Map<string, number[]>();
  const counts = new Map<number, number>();
  const n = inputs.length;
  inputs.forEach((input, k) => {
    for (const key of input.figures.clientKeys) {
      const earlier = firstSeen.get(key);
      if (earlier === undefined) {
        firstSeen.set(key, [k]);
        continue;
      }
      for (const e of earlier) counts.set(e * n + k, (counts.get(e * n + k) ?? 0) + 1);
      earlier.push(k);
    }
  });
  return [...counts]
    .map(([pair, clients]) => ({ first: Math.floor(pair / n), second: pair % n, clients }))
    .sort((a, b) => a.first - b.first || a.second - b.second);
}

/** How many shared pairs are named one by one in the notes. */
const SHARED_NOTES = 10;

function sharedNotes(inputs: readonly SubmissionInput[], shared: readonly SharedClients[], format: ReportFormat): string[] {
  const key = `${columnHeader(format, 'clientnummer')}, ${columnHeader(format, 'dienst')} en ${columnHeader(format, 'aanmelding')}`;
  const notes = shared.slice(0, SHARED_NOTES).map(({ first, second, clients }) => {
    const a = inputs[first];
    const b = inputs[second];
    const all = clients === a.figures.clientKeys.length && clients === b.figures.clientKeys.length;
    const rows = clients === 1 ? '1 cliënt' : `${clients} cliënten`;
    return all
      ? `${a.file} en ${b.file} gaan over precies dezelfde ${rows} (${key}): het lijkt twee keer dezelfde inzending, en de groepen tellen ze dubbel.`
      : `${a.file} en ${b.file} hebben ${rows} gemeen (zelfde ${key}); zijn het dezelfde cliënten, dan tellen de groepen waarin beide vallen ze dubbel.`;
  });
  if (shared.length > SHARED_NOTES) notes.push(`Nog ${shared.length - SHARED_NOTES} paren inzendingen hebben cliënten gemeen.`);
  return notes;
}

function notesOn(inputs: readonly SubmissionInput[], format: ReportFormat): string[] {
  const notes: string[] = [];
  const management = format.data.sheets.management.name;
  if (new Set(inputs.map((i) => periodKey(i.figures.metadata))).size > 1) {
    notes.push(
      `De inzendingen gaan niet over dezelfde periode (${metadataLabel(format, 'periodeVan')} en ${metadataLabel(format, 'periodeTot')} op het blad ${management}): de groepen tellen cijfers van verschillende perioden bij elkaar. Per periode staan de perioden naast elkaar.`,
    );
  }
  const unnamed = inputs.filter((i) => i.figures.metadata.opdrachtnemer === null).length;
  if (unnamed > 0) {
    notes.push(`${unnamed === 1 ? '1 inzending noemt' : `${unnamed} inzendingen noemen`} geen ${metadataLabel(format, 'opdrachtnemer')} op het blad ${management}; ${unnamed === 1 ? 'die staat' : 'die staan'} onder ${NOT_FILLED}.`);
  }
  const lacking = inputs
    .map((input) => ({ file: input.file, indicators: indicatorsOf(input.figures.total, format) }))
    .filter(({ indicators }) => [...indicators.values()].some((v) => v === undefined));
  if (lacking.length > 0) {
    const labels = format.data.management.indicators.filter((i) => lacking.some((l) => l.indicators.get(i.id) === undefined)).map((i) => i.label);
    const one = lacking.length === 1;
    notes.push(
      `${lacking.map((l) => l.file).join(', ')} ${one ? 'mist' : 'missen'} een kolom voor ${labels.join(', ')}: die ${labels.length === 1 ? 'indicator is' : 'indicatoren zijn'} niet te bepalen in elke groep met rijen uit ${one ? 'die inzending' : 'die inzendingen'}.`,
    );
  }
  return notes;
}

/** The line for a workbook without a client sheet: no submission to compare (the file is named). */
export function notASubmission(name: string, format: ReportFormat): string {
  return `${name}: is geen rapportage (geen blad ${format.data.sheets.clients.name}); vergelijken leest alleen inzendingen in de uniforme rapportage.`;
}
