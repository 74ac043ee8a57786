/**
 * Readable output for a terminal: an aligned table of findings per file and
 * a summary line, with the severity in colour when the output is a terminal.
 */
import { summarise, type Finding, type Severity } from '../engine/findings';
import { severityCount, TABLE_COLUMNS } from '../engine/findingPresentation';
import type { FileReport } from './fileReport';
import { terminalLine, terminalSafe } from './terminalText';

const COLOURS: Record<Severity, number> = { fout: 31, waarschuwing: 33, info: 36 };

export interface TableStyle {
  readonly colour: boolean;
  /** Widest a cell of the fragment/suggestion columns may be. */
  readonly maxCell?: number;
}

function paint(style: TableStyle, code: number, text: string): string {
  return style.colour ? `\u001b[${code}m${text}\u001b[39m` : text;
}

function bold(style: TableStyle, text: string): string {
  return style.colour ? `\u001b[1m${text}\u001b[22m` : text;
}

/** One line, at most `max` characters (line breaks shown as ⏎, control characters escaped). */
function clip(text: string, max: number): string {
  const flat = terminalLine(text);
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}

export function renderTable(findings: readonly Finding[], style: TableStyle): string {
  if (findings.length === 0) return 'Geen bevindingen.';
  const max = style.maxCell ?? 40;
  const header = TABLE_COLUMNS.map((c) => c.label);
  const last = TABLE_COLUMNS.length - 1;
  // Every column but the message is clipped to one line of `max` characters.
  const rows = findings.map((f) => TABLE_COLUMNS.map((c, i) => (i === last ? terminalSafe(c.text(f).replace(/\r?\n|\r/g, ' ').replace(/\t/g, ' ')) : clip(c.text(f), max))));
  // No spread of the rows into Math.max: a sheet can have hundreds of thousands of findings.
  const widths = header.map((h) => h.length);
  for (const row of rows) for (let i = 0; i < row.length; i++) if (row[i].length > widths[i]) widths[i] = row[i].length;
  const line = (cells: string[], severity?: Severity): string =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i]);
        return i === 1 && severity !== undefined ? paint(style, COLOURS[severity], padded) : padded;
      })
      .join('  ')
      .trimEnd();
  return [
    bold(style, line(header)),
    widths.slice(0, -1).map((w) => '─'.repeat(w)).concat('─'.repeat(7)).join('  '),
    ...rows.map((r, i) => line(r, findings[i].severity)),
  ].join('\n');
}

/** A count with its noun: "1 regel", "3 regels". */
export interface Unit {
  readonly one: string;
  readonly many: string;
}

export function renderSummary(report: FileReport, unit: Unit): string {
  const s = summarise(report.findings);
  const total = report.findings.length;
  const counts = (['fout', 'waarschuwing', 'info'] as const).map((severity) => severityCount(severity, s[severity])).join(', ');
  return `${total} ${total === 1 ? 'bevinding' : 'bevindingen'}: ${counts} (${report.rows} ${report.rows === 1 ? unit.one : unit.many} gecontroleerd).`;
}

/** A file's title, its findings (the first `limit` when given) and its summary line. */
export function renderReport(report: FileReport, style: TableStyle, unit: Unit, limit?: number): string {
  const name = report.file === '-' ? 'standaardinvoer' : terminalLine(report.file);
  const source = report.profileSource === 'werkmap' ? ' (opgeslagen in de werkmap)' : '';
  const title = `${name} — definitieset ${report.version}, profiel: ${report.profile === null ? 'geen (standaardset)' : terminalLine(report.profile) + source}`;
  const shown = limit !== undefined ? report.findings.slice(0, limit) : report.findings;
  const parts = [bold(style, title), '', renderTable(shown, style)];
  if (shown.length < report.findings.length) {
    parts.push(`… en nog ${report.findings.length - shown.length} bevindingen (alle: --alles, --json of --uit).`);
  }
  parts.push('', renderSummary(report, unit));
  if (report.accepted !== undefined && report.accepted > 0) {
    parts.push(`${report.accepted} ${report.accepted === 1 ? 'bevinding is' : 'bevindingen zijn'} in de werkmap genegeerd en niet meegeteld.`);
  }
  if (report.skipped !== undefined && report.skipped.length > 0) {
    parts.push(`Niet gecontroleerd (eigen bladen van dit programma): ${report.skipped.map((s) => terminalLine(s.sheet)).join(', ')}.`);
  }
  return parts.join('\n');
}

/**
 * Columns of text aligned under a header: the first `left` columns to the
 * left, the others (figures) to the right.
 */
export function alignedTable(header: readonly string[], rows: readonly (readonly string[])[], left = 1, style: TableStyle = { colour: false }): string {
  const widths = header.map((h) => h.length);
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i], cell.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i < left ? c.padEnd(widths[i]) : c.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [bold(style, line(header)), ...rows.map(line)].join('\n');
}
