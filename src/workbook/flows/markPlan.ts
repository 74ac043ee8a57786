/**
 * The marks and the Controle sheet for a set of findings, as pure data: one
 * mark per flagged cell (its worst severity, a note with every message) and
 * the rows of the Controle sheet with a link to each cell. Every adapter
 * draws the same plan.
 */
import { summarise, type Finding } from '../../engine/findings';
import { CONTROL_COLUMNS, severityCount } from '../../engine/findingPresentation';
import { NOTE_HEADING, SEVERITY_RANK } from '../marks';
import type { CellInput, CellMark, SheetSpec } from '../port';
import { CONTROL_HEADER_ROW, CONTROL_SHEET, CONTROL_TITLE_PREFIX } from './ownSheets';

/** Converts an A1 address to 0-based row and column; undefined when it is not one. */
export function parseAddress(address: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address);
  if (m === null) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  if (row < 1 || col > 16384 || row > 1048576) return undefined;
  return { row: row - 1, col: col - 1 };
}

/** The line a finding adds to a cell's note. */
export function noteLine(f: Finding): string {
  return `[${f.severity}] ${f.code}: ${f.message}`;
}

/** One mark per flagged cell, in the order of the findings. */
export function planMarks(findings: readonly Finding[]): CellMark[] {
  const byCell = new Map<string, { sheet: string; row: number; col: number; list: Finding[] }>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    let entry = byCell.get(key);
    if (entry === undefined) {
      const at = parseAddress(f.cell);
      if (at === undefined) continue;
      entry = { sheet: f.sheet, row: at.row, col: at.col, list: [] };
      byCell.set(key, entry);
    }
    entry.list.push(f);
  }
  const marks: CellMark[] = [];
  for (const { sheet, row, col, list } of byCell.values()) {
    let worst = list[0].severity;
    for (const f of list) if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
    const lines = [NOTE_HEADING];
    for (const f of list) lines.push(noteLine(f));
    marks.push({ sheet, row, col, severity: worst, note: lines.join('\n') });
  }
  return marks;
}

export interface ControlSheetInfo {
  /** The checked file or workbook, as the user knows it. */
  readonly source: string;
  readonly version: string;
  readonly profile: string | null;
  /** Sheets that exist in the workbook (a link only to those). */
  readonly sheets: ReadonlySet<string>;
  /** Findings left out because the user accepted them. */
  readonly accepted?: number;
  /** Our own sheets that were not checked. */
  readonly skipped?: readonly string[];
  /** The sheet name to use (default "Controle"). */
  readonly name?: string;
}

const WIDTHS: Readonly<Record<string, number>> = {
  Blad: 14, Cel: 8, Rij: 6, Kolom: 24, Code: 24, Ernst: 13, Term: 22, Melding: 80, Waarde: 24, Suggestie: 24, Fragment: 20, Regel: 50,
};

/** The summary line of a check, as the Controle sheet and the pane show it. */
export function summaryLine(findings: readonly Finding[], info: Pick<ControlSheetInfo, 'version' | 'profile' | 'accepted' | 'skipped'>): string {
  const s = summarise(findings);
  const counts = (['fout', 'waarschuwing', 'info'] as const).map((k) => severityCount(k, s[k])).join(', ');
  const parts = [
    `Definitieset ${info.version}, profiel: ${info.profile ?? 'geen (standaardset)'}.`,
    `${findings.length} ${findings.length === 1 ? 'bevinding' : 'bevindingen'}: ${counts}.`,
  ];
  if (info.accepted !== undefined && info.accepted > 0) {
    parts.push(`${info.accepted} ${info.accepted === 1 ? 'genegeerde bevinding' : 'genegeerde bevindingen'} niet meegeteld.`);
  }
  if (info.skipped !== undefined && info.skipped.length > 0) {
    parts.push(`Niet gecontroleerd (eigen bladen van dit programma): ${info.skipped.join(', ')}.`);
  }
  return parts.join(' ');
}

/** The Controle sheet: a title, the summary, and one row per finding with a link to its cell. */
export function controlSheetSpec(findings: readonly Finding[], info: ControlSheetInfo): SheetSpec {
  const rows: CellInput[][] = [
    [{ value: `${CONTROL_TITLE_PREFIX}${info.source}`, bold: true }],
    [summaryLine(findings, info)],
    [],
    CONTROL_COLUMNS.map((c) => ({ value: c.label, bold: true })),
  ];
  for (const f of findings) {
    rows.push(
      CONTROL_COLUMNS.map((c): CellInput => {
        const value = c.cell(f);
        if (c.label === 'Cel' && f.sheet !== null && f.cell !== null && info.sheets.has(f.sheet)) {
          return { value, link: { sheet: f.sheet, cell: f.cell } };
        }
        if (c.label === 'Ernst') return { value, severity: f.severity };
        return value;
      }),
    );
  }
  return {
    name: info.name ?? CONTROL_SHEET,
    rows,
    columns: CONTROL_COLUMNS.map((c) => ({ width: WIDTHS[c.label] ?? 16 })),
    frozenRows: CONTROL_HEADER_ROW + 1,
    autoFilterRow: CONTROL_HEADER_ROW,
  };
}
