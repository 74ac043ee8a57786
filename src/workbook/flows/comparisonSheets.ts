/**
 * A comparison of submissions as sheets of a new workbook: an overview
 * (what was compared, with which definitions, and what to watch for), the
 * submissions side by side, and one sheet per grouping. Every indicator is
 * a column with its full label; figures are numbers (percentages and means
 * with one decimal shown), n.v.t. as text, and an empty cell where a figure
 * cannot be judged. Each grouping sheet has two charts under its table: the
 * percentages, and the errors per 100 client rows, per group and in total.
 */
import type { Indicator } from '../../definitions/formatSchema';
import type { ReportFormat } from '../../definitions/reportFormat';
import type { Recomputed } from '../../engine/indicatorTally';
import { dimensionLabel, DIMENSIONS, metadataLabel, type ComparedGroup, type Comparison, type Dimension } from '../../engine/submissionComparison';
import type { CellInput, ChartSpec, SheetSpec } from '../port';

export const OVERVIEW_SHEET = 'Vergelijking';
export const SUBMISSIONS_SHEET = 'Inzendingen';

/** The sheet of a grouping: "Per opdrachtnemer". */
export function groupingSheet(dimension: Dimension, format: ReportFormat): string {
  return `Per ${dimensionLabel(dimension, format).toLowerCase()}`;
}

export interface ComparisonSheetsInput {
  readonly comparison: Comparison;
  readonly format: ReportFormat;
  readonly version: string;
  readonly profile: string | null;
  /** When the comparison was made (shown on the overview), as text. */
  readonly made: string;
}

const head = (text: string): CellInput => ({ value: text, bold: true, wrap: true });

/** A column as wide as its header needs on two lines, without breaking a word (10 to 24 characters). */
function widthFor(label: string): { width: number } {
  const longestWord = Math.max(...label.split(' ').map((w) => w.length));
  return { width: Math.min(24, Math.max(10, longestWord + 2, Math.ceil(label.length / 2) + 2)) };
}

function figure(indicator: Indicator, value: Recomputed, notApplicable: string): CellInput {
  if (value === undefined) return null;
  if (value === null) return notApplicable;
  return indicator.kind === 'count' ? value : { value, numberFormat: '0.0' };
}

function perHundred(value: number | null): CellInput {
  return value === null ? null : { value, numberFormat: '0.0' };
}

export function comparisonSheets(input: ComparisonSheetsInput): SheetSpec[] {
  const { comparison, format } = input;
  const indicators = format.data.management.indicators;
  const notApplicable = format.data.management.notApplicable[0];
  const figures = (values: ReadonlyMap<string, Recomputed>): CellInput[] => indicators.map((i) => figure(i, values.get(i.id), notApplicable));

  const n = comparison.submissions.length;
  const overviewRows: CellInput[][] = [
    [{ value: 'Vergelijking van inzendingen', bold: true }],
    [],
    [`${n} ${n === 1 ? 'inzending' : 'inzendingen'} met samen ${comparison.total.rows} cliëntrijen (blad ${SUBMISSIONS_SHEET}).`],
    [`Definitieset ${input.version}; ${input.profile !== null ? `profiel ${input.profile}` : 'geen profiel (de standaardset)'}.`],
    [`Gemaakt op ${input.made}.`],
    [],
    [{ value: 'Alle indicatoren zijn herberekend uit de cliëntrijen met dezelfde definities. Een percentage van een groep komt uit al haar rijen, niet uit een gemiddelde van percentages.', wrap: true }],
    [{ value: 'Fouten per 100 rijen: de bevindingen met ernst fout op de cliëntrijen van de groep, per 100 rijen. Fout, Waarschuwing en Info op het blad Inzendingen tellen alle bevindingen van de inzending, ook buiten de cliëntrijen.', wrap: true }],
    [{ value: `De groepen staan op de bladen ${DIMENSIONS.map((d) => groupingSheet(d, format)).join(', ')}.`, wrap: true }],
    ...comparison.notes.map((note): CellInput[] => [{ value: `Let op: ${note}`, wrap: true }]),
  ];
  const overview: SheetSpec = { name: OVERVIEW_SHEET, rows: overviewRows, columns: [{ width: 75 }], printOnePageWide: true };

  const submissionLabels = [
    'Bestand',
    ...['opdrachtnemer', 'gemeente', 'periodeVan', 'periodeTot'].map((id) => metadataLabel(format, id)),
    'Rijen',
    'Fout',
    'Waarschuwing',
    'Info',
    'Fouten per 100 rijen',
    `Afwijkingen ${format.data.sheets.management.name}`,
    ...indicators.map((i) => i.label),
  ];
  const date = (serial: number | null): CellInput => (serial === null ? null : { value: serial, numberFormat: 'dd-mm-yyyy' });
  const submissions: SheetSpec = {
    name: SUBMISSIONS_SHEET,
    rows: [
      submissionLabels.map(head),
      ...comparison.submissions.map((s): CellInput[] => [
        s.file,
        s.metadata.opdrachtnemer,
        s.metadata.gemeente,
        date(s.metadata.periodeVan),
        date(s.metadata.periodeTot),
        s.rows,
        s.findings.fout,
        s.findings.waarschuwing,
        s.findings.info,
        perHundred(s.errorsPer100),
        s.deviations,
        ...figures(s.indicators),
      ]),
    ],
    columns: [{ width: 36 }, { width: 24 }, { width: 18 }, ...submissionLabels.slice(3).map(widthFor)],
    frozenRows: 1,
    autoFilterRow: 0,
    printOnePageWide: true,
  };

  const groupRow = (g: ComparedGroup, total = false): CellInput[] => {
    const name: CellInput = total ? { value: g.name, bold: true } : g.name;
    return [name, g.submissions, g.rows, g.findings.fout, g.findings.waarschuwing, perHundred(g.errorsPer100), ...figures(g.indicators)];
  };
  const groupLabels = ['Inzendingen', 'Rijen', 'Fout', 'Waarschuwing', 'Fouten per 100 rijen', ...indicators.map((i) => i.label)];
  // Columns of the grouping sheets: the name, five of counts, then the indicators in format order.
  const errorsColumn = 5;
  const percentageColumns = indicators.flatMap((i, k) => (i.kind === 'percentage' ? [6 + k] : []));
  const groupings = DIMENSIONS.map((dimension): SheetSpec => {
    const groups = comparison.groupings[dimension];
    const lastRow = groups.length + 1; // the total row
    const below = lastRow + 2;
    const name = dimensionLabel(dimension, format).toLowerCase();
    const longest = Math.max(0, ...groups.map((g) => g.name.length));
    const chart = (title: string, seriesCols: number[], col: number, axisFormat: string): ChartSpec => ({
      title,
      headerRow: 0,
      firstRow: 1,
      lastRow,
      categoryCol: 0,
      seriesCols,
      axisFormat,
      // Taller for long group names: the names stand slanted under the columns and take the height they need.
      at: { row: below, col, rows: Math.min(40, Math.max(20, 12 + Math.ceil(longest * 0.6))), cols: 6 },
    });
    return {
      name: groupingSheet(dimension, format),
      rows: [[dimensionLabel(dimension, format), ...groupLabels].map(head), ...groups.map((g) => groupRow(g)), groupRow(comparison.total, true)],
      // The name column as wide as its longest name ("Graft-de Rijp — Werkpad Re-integratie B.V."), 30 to 60 characters.
      columns: [{ width: Math.min(60, Math.max(30, ...groups.map((g) => g.name.length + 2))) }, ...groupLabels.map(widthFor)],
      frozenRows: 1,
      printOnePageWide: true,
      charts: [
        chart(`Percentages per ${name}`, percentageColumns, 0, '0'),
        chart(`Fouten per 100 cliëntrijen per ${name}`, [errorsColumn], 7, '0.0'),
      ],
    };
  });
  return [overview, submissions, ...groupings];
}
