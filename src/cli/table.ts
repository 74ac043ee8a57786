/**
 * Readable output for a terminal: an aligned table of findings per file and
 * a summary line, with the severity in colour when the output is a terminal.
 */
import { summarise, type Finding, type Severity } from '../engine/findings';
import { severityCount, TABLE_COLUMNS } from '../engine/findingPresentation';
import type { FileReport } from './fileReport';

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

/** One line, at most `max` characters (line breaks shown as ⏎). */
function clip(text: string, max: number): string {
  const flat = text.replace(/\r?\n/g, '⏎');
  return flat.length <= max ? flat : flat.slice(0, max - 1) + '…';
}

export function renderTable(findings: readonly Finding[], style: TableStyle): string {
  if (findings.length === 0) return 'Geen bevindingen.';
  const max = style.maxCell ?? 40;
  const header = TABLE_COLUMNS.map((c) => c.label);
  const last = TABLE_COLUMNS.length - 1;
  // Every column but the message is clipped to one line of `max` characters.
  const rows = findings.map((f) => TABLE_COLUMNS.map((c, i) => (i === last ? c.text(f).replace(/\r?\n/g, ' ') : clip(c.text(f), max))));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
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
  const name = report.file === '-' ? 'standaardinvoer' : report.file;
  const title = `${name} — definitieset ${report.version}, profiel: ${report.profile ?? 'geen (standaardset)'}`;
  const shown = limit !== undefined ? report.findings.slice(0, limit) : report.findings;
  const parts = [bold(style, title), '', renderTable(shown, style)];
  if (shown.length < report.findings.length) {
    parts.push(`… en nog ${report.findings.length - shown.length} bevindingen (alle: --alles, --json of --uit).`);
  }
  parts.push('', renderSummary(report, unit));
  return parts.join('\n');
}
