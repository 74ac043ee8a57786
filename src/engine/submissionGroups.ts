/**
 * What a benchmark across submissions needs of one submission: who sent it
 * (the Management sheet's Opdrachtnemer, Gemeente and period), the tally of
 * all its client rows, and the tallies of its rows per municipality, service
 * and target group (indicatorTally.ts: tallies of several submissions add
 * up). Findings are counted per group afterwards (countFindings), once the
 * findings the user accepted are left out (submissionFigures).
 */
import { headerKey, type ReportFormat } from '../definitions/reportFormat';
import type { ClientCheck } from './clientSheet';
import type { DurablePlacement } from './durablePlacement';
import type { Severity } from './findings';
import { RowTallier, type IndicatorTally } from './indicatorTally';
import type { ManagementSheet } from './management';

/** The groupings of rows within a submission (the submission's own grouping is its Opdrachtnemer). */
export const ROW_DIMENSIONS = ['gemeente', 'dienst', 'doelgroep'] as const;
export type RowDimension = (typeof ROW_DIMENSIONS)[number];

/** Group names for a cell that says nothing usable. */
export const NOT_FILLED = '(niet ingevuld)';
export const NOT_VALID = '(ongeldige waarde)';

export interface SubmissionMetadata {
  readonly opdrachtnemer: string | null;
  readonly gemeente: string | null;
  /** Excel serials (1900 date system), or null. */
  readonly periodeVan: number | null;
  readonly periodeTot: number | null;
}

export interface RowGroup {
  /** What groups are matched by (case, spaces and diacritics do not count). */
  readonly key: string;
  /** The name as first written. */
  readonly label: string;
  readonly tally: IndicatorTally;
  /** Findings on the group's client rows (none until submissionFigures counts them). */
  readonly findings: SeverityCounts;
}

export interface SubmissionGroups {
  readonly clientSheet: string;
  readonly metadata: SubmissionMetadata;
  readonly total: IndicatorTally;
  readonly dimensions: Record<RowDimension, readonly RowGroup[]>;
  /** Who the rows are about (ClientRow.key), each once: to find the same clients in two submissions. */
  readonly clientKeys: readonly string[];
  /** For each dimension: the 1-based sheet row of each client row → index in its groups. */
  readonly rowGroups: Record<RowDimension, Map<number, number>>;
}

/** Findings by severity. */
export type SeverityCounts = Record<Severity, number>;

const noFindings = (): SeverityCounts => ({ fout: 0, waarschuwing: 0, info: 0 });

function metadataText(management: ManagementSheet | undefined, id: string): string | null {
  const entry = management?.entries.find((e) => !('kind' in e.target) && e.target.id === id);
  const value = entry?.value;
  if (typeof value === 'string') return value.trim().replace(/\s+/g, ' ') || null;
  if (typeof value === 'number') return String(value);
  return null;
}

/** The tallies and group names of one checked submission. */
export function submissionGroups(
  clients: ClientCheck,
  clientSheet: string,
  management: ManagementSheet | undefined,
  format: ReportFormat,
  durable: DurablePlacement,
): SubmissionGroups {
  const tallier = new RowTallier(clients, format, durable);
  const metadata: SubmissionMetadata = {
    opdrachtnemer: metadataText(management, 'opdrachtnemer'),
    gemeente: metadataText(management, 'gemeente'),
    periodeVan: management?.periodStart ?? null,
    periodeTot: management?.periodEnd ?? null,
  };
  const { field, present } = clients;
  const nameOf: Record<RowDimension, (row: ClientCheck['rows'][number]) => string> = {
    // A row without a municipality belongs to the one the Management sheet names.
    gemeente: (row) => {
      const cell = present[field.gemeente] ? row.cells[field.gemeente] : undefined;
      const text = cell?.state === 'ok' ? cell.text?.replace(/\s+/g, ' ') : undefined;
      return text || metadata.gemeente || NOT_FILLED;
    },
    dienst: (row) => codeName(clients, row, 'dienst'),
    doelgroep: (row) => codeName(clients, row, 'doelgroep'),
  };
  const total = tallier.empty();
  const dimensions = {} as Record<RowDimension, RowGroup[]>;
  const rowGroups = {} as Record<RowDimension, Map<number, number>>;
  for (const dimension of ROW_DIMENSIONS) {
    dimensions[dimension] = [];
    rowGroups[dimension] = new Map();
  }
  const indexes: Record<RowDimension, Map<string, number>> = { gemeente: new Map(), dienst: new Map(), doelgroep: new Map() };
  const clientKeys = new Set<string>();
  // Group names repeat from row to row: each is matched (groupKey) once.
  const byLabel: Record<RowDimension, Map<string, number>> = { gemeente: new Map(), dienst: new Map(), doelgroep: new Map() };
  const tallies: IndicatorTally[] = [total];
  for (const row of clients.rows) {
    if (row.key !== undefined) clientKeys.add(row.key);
    tallies.length = 1;
    for (const dimension of ROW_DIMENSIONS) {
      const label = nameOf[dimension](row);
      let index = byLabel[dimension].get(label);
      if (index === undefined) {
        const key = groupKey(label);
        index = indexes[dimension].get(key);
        if (index === undefined) {
          index = dimensions[dimension].length;
          indexes[dimension].set(key, index);
          dimensions[dimension].push({ key, label, tally: tallier.empty(), findings: noFindings() });
        }
        byLabel[dimension].set(label, index);
      }
      tallies.push(dimensions[dimension][index].tally);
      rowGroups[dimension].set(row.index + 1, index);
    }
    tallier.addToAll(tallies, row);
  }
  return { clientSheet, metadata, total, dimensions, clientKeys: [...clientKeys], rowGroups };
}

function codeName(clients: ClientCheck, row: ClientCheck['rows'][number], fieldId: string): string {
  const index = clients.field[fieldId];
  if (!clients.present[index]) return NOT_FILLED;
  const cell = row.cells[index];
  if (cell.state === 'empty') return NOT_FILLED;
  return cell.code?.code ?? NOT_VALID;
}

/** How group names are matched: "Alkmaar", " ALKMAAR " and "alkmaar" are one municipality. */
export function groupKey(name: string): string {
  return headerKey(name);
}

/** A submission's figures for a comparison: its groups with their findings counted (no row map: small to pass on). */
export interface SubmissionFigures extends Pick<SubmissionGroups, 'metadata' | 'total' | 'dimensions' | 'clientKeys'> {
  /** Findings on client rows. */
  readonly rowFindings: SeverityCounts;
}

/**
 * The figures of a submission with the findings on each group's client rows
 * counted (a finding elsewhere, on the Management sheet or a header, counts
 * for the submission as a whole only).
 */
export function submissionFigures(
  groups: SubmissionGroups,
  findings: readonly { sheet: string | null; row: number | null; severity: Severity }[],
): SubmissionFigures {
  const rowFindings = noFindings();
  const dimensions = {} as Record<RowDimension, RowGroup[]>;
  for (const dimension of ROW_DIMENSIONS) dimensions[dimension] = groups.dimensions[dimension].map((g) => ({ ...g, findings: noFindings() }));
  for (const f of findings) {
    if (f.sheet !== groups.clientSheet || f.row === null || !groups.rowGroups.gemeente.has(f.row)) continue;
    rowFindings[f.severity]++;
    for (const dimension of ROW_DIMENSIONS) {
      const index = groups.rowGroups[dimension].get(f.row);
      if (index !== undefined) dimensions[dimension][index].findings[f.severity]++;
    }
  }
  return { metadata: groups.metadata, total: groups.total, rowFindings, dimensions, clientKeys: groups.clientKeys };
}
