/**
 * A comparison of submissions (vergelijk) as JSON and as readable tables.
 * The JSON has Dutch keys like the rest of the command line's output; see
 * docs/vergelijken.md for its shape.
 */
import type { Indicator } from '../definitions/formatSchema';
import type { ReportFormat } from '../definitions/reportFormat';
import { dateFromSerial, formatSerial } from '../engine/excelDate';
import { figureText, perHundredText as perHundred, tableIndicators } from '../engine/comparisonFigures';
import type { Recomputed } from '../engine/indicatorTally';
import { dimensionLabel, DIMENSIONS, metadataLabel, type ComparedGroup, type Comparison } from '../engine/submissionComparison';
import { groupingSheet } from '../workbook/flows/comparisonSheets';
import { alignedTable, type TableStyle } from './table';
import { terminalLine } from './terminalText';

export interface ComparisonHeader {
  /** Version of the definition set every submission was recomputed with. */
  readonly version: string;
  readonly profile: string | null;
}

/** A figure rounded to one decimal (percentages, means); counts as they are. */
function rounded(indicator: Indicator, value: number): number {
  return indicator.kind === 'count' ? value : Math.round(value * 10) / 10;
}

/** Indicators by id: a number, null for n.v.t.; one that cannot be judged is left out (and listed under nietTeBepalen). */
function indicatorsJson(indicators: ReadonlyMap<string, Recomputed>, format: ReportFormat) {
  const values: Record<string, number | null> = {};
  const notJudged: string[] = [];
  for (const indicator of format.data.management.indicators) {
    const value = indicators.get(indicator.id);
    if (value === undefined) notJudged.push(indicator.id);
    else values[indicator.id] = value === null ? null : rounded(indicator, value);
  }
  return { indicatoren: values, ...(notJudged.length > 0 ? { nietTeBepalen: notJudged } : {}) };
}

const one = (x: number | null): number | null => (x === null ? null : Math.round(x * 10) / 10);

/** An Excel serial as jjjj-mm-dd. */
function isoDate(serial: number | null): string | null {
  if (serial === null) return null;
  const { year, month, day } = dateFromSerial(serial);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function groupJson(group: ComparedGroup, format: ReportFormat) {
  return {
    naam: group.name,
    inzendingen: group.submissions,
    rijen: group.rows,
    bevindingen: group.findings,
    foutenPer100Rijen: one(group.errorsPer100),
    ...indicatorsJson(group.indicators, format),
  };
}

export function comparisonJson(comparison: Comparison, header: ComparisonHeader, format: ReportFormat) {
  const groupings: Record<string, unknown[]> = {};
  for (const dimension of DIMENSIONS) groupings[dimension] = comparison.groupings[dimension].map((g) => groupJson(g, format));
  return {
    definitieset: header.version,
    profiel: header.profile,
    inzendingen: comparison.submissions.map((s) => ({
      bestand: s.file,
      opdrachtnemer: s.metadata.opdrachtnemer,
      gemeente: s.metadata.gemeente,
      periodeVan: isoDate(s.metadata.periodeVan),
      periodeTot: isoDate(s.metadata.periodeTot),
      rijen: s.rows,
      samenvatting: s.findings,
      bevindingenInRijen: s.rowFindings,
      foutenPer100Rijen: one(s.errorsPer100),
      managementAfwijkingen: s.deviations,
      ...indicatorsJson(s.indicators, format),
    })),
    groeperingen: groupings,
    totaal: groupJson(comparison.total, format),
    opmerkingen: comparison.notes,
    gedeeldeClienten: comparison.shared.map((p) => ({
      bestanden: [comparison.submissions[p.first].file, comparison.submissions[p.second].file],
      clienten: p.clients,
    })),
  };
}

export function renderComparison(comparison: Comparison, header: ComparisonHeader, format: ReportFormat, style: TableStyle): string {
  const shown = tableIndicators(format);
  const figures = (indicators: ReadonlyMap<string, Recomputed>) => shown.map((i) => figureText(i, indicators.get(i.id), format));
  const n = comparison.submissions.length;
  const blocks: string[] = [
    `Vergelijking van ${n} ${n === 1 ? 'inzending' : 'inzendingen'}, herberekend met definitieset ${header.version}${header.profile !== null ? ` en profiel ${header.profile}` : ' (standaardset)'}.`,
  ];
  blocks.push(
    `Inzendingen\n${alignedTable(
      ['Bestand', metadataLabel(format, 'opdrachtnemer'), 'Periode', 'Rijen', 'Fout', 'Waarsch.', 'Fouten/100 rijen', ...shown.map((i) => i.shortLabel as string)],
      comparison.submissions.map((s) => [
        terminalLine(s.file),
        terminalLine(s.metadata.opdrachtnemer ?? '—'),
        period(s.metadata.periodeVan, s.metadata.periodeTot),
        String(s.rows),
        String(s.findings.fout),
        String(s.findings.waarschuwing),
        perHundred(s.errorsPer100),
        ...figures(s.indicators),
      ]),
      3,
      style,
    )}`,
  );
  for (const dimension of DIMENSIONS) {
    const groups = comparison.groupings[dimension];
    blocks.push(
      `${groupingSheet(dimension, format)}\n${alignedTable(
        [dimensionLabel(dimension, format), 'Inzendingen', 'Rijen', 'Fouten/100 rijen', ...shown.map((i) => i.shortLabel as string)],
        [...groups, comparison.total].map((g) => [
          terminalLine(g.name),
          String(g.submissions),
          String(g.rows),
          perHundred(g.errorsPer100),
          ...figures(g.indicators),
        ]),
        1,
        style,
      )}`,
    );
  }
  if (comparison.notes.length > 0) blocks.push(comparison.notes.map((note) => `Let op: ${note}`).join('\n'));
  return blocks.join('\n\n');
}

function period(from: number | null, to: number | null): string {
  if (from === null && to === null) return '—';
  return `${from === null ? '?' : formatSerial(from)} t/m ${to === null ? '?' : formatSerial(to)}`;
}
