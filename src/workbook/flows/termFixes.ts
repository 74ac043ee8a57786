/**
 * Fixing cells (replacing a non-conforming term by the standard term) and
 * undoing a fix. Only the chosen cells are written, only while they still
 * hold the value the fix was made for; every write is logged in the hidden
 * Logboek sheet with the time, the cell, the old and the new value and the
 * rule, so nothing is lost and every fix can be undone.
 */
import { cellAddress, type RawValue } from '../../engine/grid';
import type { CellInput, CellRef, SheetSpec, WorkbookPort } from '../port';
import { parseAddress } from './markPlan';
import { LOG_COLUMNS, LOG_SHEET, ownSheetKind } from './ownSheets';

export interface CellFix extends CellRef {
  /** The text the cell held when the fix was chosen. */
  readonly before: string;
  /** The new text of the whole cell. */
  readonly after: string;
  /** What the fix applies, for the log: e.g. "TERM_NIET_CONFORM: 'klantmanager' → 'werkcoach'". */
  readonly rule: string;
}

export type LogAction = 'vervangen' | 'ongedaan gemaakt';

export interface LogEntry {
  /** 0-based row of the entry in the Logboek. */
  readonly logRow: number;
  readonly at: string;
  readonly sheet: string;
  readonly cell: string;
  readonly before: string;
  readonly after: string;
  readonly rule: string;
  readonly action: LogAction;
}

export interface FixOutcome {
  readonly applied: readonly CellFix[];
  /** Fixes not written because the cell no longer holds the text they were made for. */
  readonly stale: readonly CellFix[];
}

const LOG_SPEC: SheetSpec = {
  name: LOG_SHEET,
  visibility: 'hidden',
  rows: [LOG_COLUMNS.map((label) => ({ value: label, bold: true }))],
  columns: [{ width: 20 }, { width: 14 }, { width: 8 }, { width: 50 }, { width: 50 }, { width: 50 }, { width: 16 }],
  frozenRows: 1,
};

function logRow(at: Date, fix: { sheet: string; row: number; col: number; before: string; after: string; rule: string }, action: LogAction): CellInput[] {
  return [at.toISOString(), fix.sheet, cellAddress(fix.row, fix.col), fix.before, fix.after, fix.rule, action];
}

/** Writes the fixes whose cells still hold their `before` text, and logs them. */
export async function applyCellFixes(port: WorkbookPort, fixes: readonly CellFix[], at = new Date()): Promise<FixOutcome> {
  if (fixes.length === 0) return { applied: [], stale: [] };
  const current = await port.readCells(fixes);
  const applied: CellFix[] = [];
  const stale: CellFix[] = [];
  fixes.forEach((fix, i) => (current[i] === fix.before ? applied : stale).push(fix));
  if (applied.length > 0) {
    await port.writeCells(applied.map((fix) => ({ sheet: fix.sheet, row: fix.row, col: fix.col, rows: [[fix.after]] })));
    await port.appendRows(LOG_SHEET, applied.map((fix) => logRow(at, fix, 'vervangen')), LOG_SPEC);
  }
  return { applied, stale };
}

const text = (v: RawValue | undefined): string => (v === null || v === undefined ? '' : typeof v === 'object' ? v.error : String(v));

/** The Logboek's entries, oldest first (empty when the workbook has none). */
export async function readLog(port: WorkbookPort): Promise<LogEntry[]> {
  const info = await port.describe();
  if (!info.sheets.some((s) => s.name === LOG_SHEET)) return [];
  const snapshot = await port.read({ sheets: [LOG_SHEET] });
  const sheet = snapshot.sheets[0];
  if (sheet === undefined || ownSheetKind(sheet) !== 'logboek') return [];
  const entries: LogEntry[] = [];
  for (let r = 1; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (row === undefined || row.every((v) => v === null || v === '')) continue;
    const action = text(row[6]);
    entries.push({
      logRow: r,
      at: text(row[0]),
      sheet: text(row[1]),
      cell: text(row[2]),
      before: text(row[3]),
      after: text(row[4]),
      rule: text(row[5]),
      action: action === 'ongedaan gemaakt' ? 'ongedaan gemaakt' : 'vervangen',
    });
  }
  return entries;
}

/** Entries that can still be undone: replacements not undone since. */
export function undoableEntries(entries: readonly LogEntry[]): LogEntry[] {
  const open: LogEntry[] = [];
  for (const e of entries) {
    if (e.action === 'vervangen') {
      open.push(e);
    } else {
      // An undo closes the latest open replacement of that cell that it reverses.
      for (let i = open.length - 1; i >= 0; i--) {
        if (open[i].sheet === e.sheet && open[i].cell === e.cell && open[i].after === e.before && open[i].before === e.after) {
          open.splice(i, 1);
          break;
        }
      }
    }
  }
  return open;
}

/** Puts a replacement back: writes the old value if the cell still holds the new one, and logs it. Returns whether it was undone. */
export async function undoFix(port: WorkbookPort, entry: LogEntry, at = new Date()): Promise<boolean> {
  const place = parseAddress(entry.cell);
  if (place === undefined) return false;
  const [current] = await port.readCells([{ sheet: entry.sheet, ...place }]);
  if (text(current) !== entry.after) return false;
  await port.writeCells([{ sheet: entry.sheet, row: place.row, col: place.col, rows: [[entry.before === '' ? null : entry.before]] }]);
  await port.appendRows(
    LOG_SHEET,
    [logRow(at, { sheet: entry.sheet, ...place, before: entry.after, after: entry.before, rule: entry.rule }, 'ongedaan gemaakt')],
    LOG_SPEC,
  );
  return true;
}
