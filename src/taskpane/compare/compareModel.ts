/**
 * The model of Vergelijken, without React: the files chosen, the views of a
 * comparison and each view as a table of texts (the figures as the command
 * line's tables show them: src/engine/comparisonFigures.ts), and the
 * sentences that say which definitions are used.
 */
import type { ReportFormat } from '../../definitions/reportFormat';
import { figureText, perHundredText, tableIndicators } from '../../engine/comparisonFigures';
import type { Recomputed } from '../../engine/indicatorTally';
import { dimensionLabel, DIMENSIONS, metadataLabel, type Comparison, type Dimension } from '../../engine/submissionComparison';
import { groupingSheet, SUBMISSIONS_SHEET } from '../../workbook/flows/comparisonSheets';

/** A file the user chose, with what tells two choices of one file apart from two files. */
export interface ChosenFile<F> {
  readonly key: string;
  readonly name: string;
  readonly size: number;
  readonly file: F;
}

/** Adds files to the list; the same file (name, size and time) chosen again is left out and counted. */
export function addFiles<F extends { name: string; size: number; lastModified: number }>(
  list: readonly ChosenFile<F>[],
  added: readonly F[],
): { files: ChosenFile<F>[]; repeated: number } {
  const files = list.slice();
  const keys = new Set(list.map((f) => f.key));
  let repeated = 0;
  for (const file of added) {
    const key = `${file.name}\u0000${file.size}\u0000${file.lastModified}`;
    if (keys.has(key)) {
      repeated++;
      continue;
    }
    keys.add(key);
    files.push({ key, name: file.name, size: file.size, file });
  }
  return { files, repeated };
}

const number = new Intl.NumberFormat('nl-NL');

/** A file's size as a person reads it: "12 kB", "3,4 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1000) return `${number.format(bytes)} bytes`;
  if (bytes < 1_000_000) return `${number.format(Math.round(bytes / 1000))} kB`;
  return `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(bytes / 1_000_000)} MB`;
}

export type CompareView = 'inzendingen' | Dimension;

/** The views in the order they are offered, named as the sheets of the comparison workbook. */
export function compareViews(format: ReportFormat): { readonly id: CompareView; readonly label: string }[] {
  return [{ id: 'inzendingen', label: SUBMISSIONS_SHEET }, ...DIMENSIONS.map((d) => ({ id: d, label: groupingSheet(d, format) }))];
}

export interface TableColumn {
  readonly key: string;
  /** The header as shown (an indicator's short label). */
  readonly label: string;
  /** The full name, where the header is short. */
  readonly title?: string;
  readonly numeric: boolean;
}

export interface TableRow {
  readonly key: string;
  /** One text per column; the first names the row. */
  readonly cells: readonly string[];
  readonly total: boolean;
}

export interface CompareTable {
  readonly caption: string;
  readonly columns: readonly TableColumn[];
  readonly rows: readonly TableRow[];
}

const ERRORS_PER_100 = 'Fouten per 100 rijen';

/** A view of a comparison as a table: the submissions side by side, or the groups of a dimension with the total last. */
export function compareTable(comparison: Comparison, view: CompareView, format: ReportFormat): CompareTable {
  const shown = tableIndicators(format);
  const indicatorColumns: TableColumn[] = shown.map((i) => ({ key: i.id, label: i.shortLabel as string, title: i.label, numeric: true }));
  const figures = (indicators: ReadonlyMap<string, Recomputed>) => shown.map((i) => figureText(i, indicators.get(i.id), format));
  // Counts as figureText shows a count (no thousands separator), so that one column reads alike.
  const count = (n: number) => String(n);
  if (view === 'inzendingen') {
    return {
      caption: 'De inzendingen naast elkaar',
      columns: [
        { key: 'bestand', label: 'Bestand', numeric: false },
        { key: 'opdrachtnemer', label: metadataLabel(format, 'opdrachtnemer'), numeric: false },
        { key: 'rijen', label: 'Rijen', numeric: true },
        { key: 'fout', label: 'Fout', title: 'Bevindingen met ernst fout in de hele inzending', numeric: true },
        { key: 'waarschuwing', label: 'Waarschuwing', title: 'Bevindingen met ernst waarschuwing in de hele inzending', numeric: true },
        { key: 'per100', label: ERRORS_PER_100, title: 'Bevindingen met ernst fout op de cliëntrijen, per 100 rijen', numeric: true },
        ...indicatorColumns,
      ],
      rows: comparison.submissions.map((s, i) => ({
        key: `${i}\u0000${s.file}`,
        cells: [
          s.file,
          s.metadata.opdrachtnemer ?? '—',
          count(s.rows),
          count(s.findings.fout),
          count(s.findings.waarschuwing),
          perHundredText(s.errorsPer100),
          ...figures(s.indicators),
        ],
        total: false,
      })),
    };
  }
  const groups = [...comparison.groupings[view], comparison.total];
  return {
    caption: `${groupingSheet(view, format)}, met het totaal onderaan`,
    columns: [
      { key: 'naam', label: dimensionLabel(view, format), numeric: false },
      { key: 'inzendingen', label: 'Inzendingen', numeric: true },
      { key: 'rijen', label: 'Rijen', numeric: true },
      { key: 'per100', label: ERRORS_PER_100, title: 'Bevindingen met ernst fout op de cliëntrijen van de groep, per 100 rijen', numeric: true },
      ...indicatorColumns,
    ],
    rows: groups.map((g, i) => ({
      key: i === groups.length - 1 ? '\u0000totaal' : `${i}\u0000${g.name}`,
      cells: [g.name, count(g.submissions), count(g.rows), perHundredText(g.errorsPer100), ...figures(g.indicators)],
      total: i === groups.length - 1,
    })),
  };
}

/** What the next comparison recomputes with: the active profile of this workbook, or the standard set. */
export function definitionsText(version: string, profile: string | null, profileError: boolean): string {
  const what =
    profile !== null
      ? `profiel ${profile} (het actieve profiel van deze werkmap)`
      : profileError
        ? 'de standaardset (het profiel van deze werkmap is ongeldig)'
        : 'de standaardset (deze werkmap heeft geen profiel)';
  return `Alle inzendingen worden herberekend met definitieset ${version} en ${what}.`;
}

/** The head of a result: how many submissions and rows, with which definitions. */
export function resultText(comparison: Comparison, version: string, profile: string | null): string {
  const n = comparison.submissions.length;
  const rows = comparison.total.rows;
  return `${n} ${n === 1 ? 'inzending' : 'inzendingen'} met samen ${number.format(rows)} ${rows === 1 ? 'cliëntrij' : 'cliëntrijen'}, herberekend met definitieset ${version} en ${profile !== null ? `profiel ${profile}` : 'de standaardset'}.`;
}
