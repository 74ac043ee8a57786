/**
 * The Termen section's work against the port: scan the selection, the
 * active sheet or the workbook for non-conforming terms (in steps, with
 * progress and cancellation), turn a chosen suggestion into cell fixes (one
 * finding, or every finding of the same fragment), and scan changed cells
 * again. Writing and logging are the flows' (termFixes.ts).
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { normaliseForm } from '../../definitions/normaliseForm';
import { effectiveDefinitions, type EffectiveDefinitions } from '../../definitions/profile';
import type { Finding } from '../../engine/findings';
import { cellAddress, columnLetters } from '../../engine/grid';
import { applyFixes } from '../../engine/fixText';
import { locateTextFinding, scanTextCells } from '../../engine/textCells';
import { termMatcher, type TextFinding } from '../../engine/termMatcher';
import { parseAddress } from '../../workbook/flows/markPlan';
import { ownSheetKind } from '../../workbook/flows/ownSheets';
import { splitAccepted, storedProfile } from '../../workbook/flows/storedState';
import type { CellFix } from '../../workbook/flows/termFixes';
import { throwIfCancelled, type CellRef, type RangeRef, type StoredState, type WorkbookPort } from '../../workbook/port';

export type TermScope = 'selectie' | 'blad' | 'werkmap';

export const TERM_SCOPE_LABELS: Readonly<Record<TermScope, string>> = {
  selectie: 'Selectie',
  blad: 'Actief werkblad',
  werkmap: 'Hele werkmap',
};

/** Rows scanned between two pauses. */
const STEP_ROWS = 2000;

export interface TermScanOptions {
  readonly set: DefinitionSet;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  readonly pause?: () => Promise<void>;
}

export interface TermScan {
  readonly scope: TermScope;
  /** What was scanned, for people: "Cliënten!A1:C4", "blad Cliënten", "de hele werkmap". */
  readonly where: string;
  readonly defs: EffectiveDefinitions;
  /** Counted findings (accepted ones left out). */
  readonly findings: readonly Finding[];
  readonly accepted: readonly Finding[];
  readonly stored: StoredState;
}

/** A Dutch reason why a scan cannot start (no selection, no sheet). */
export class ScanScopeError extends Error {}

function rangeText(range: RangeRef): string {
  const first = cellAddress(range.row, range.col);
  if (range.rows === 1 && range.cols === 1) return `${range.sheet}!${first}`;
  return `${range.sheet}!${first}:${cellAddress(range.row + range.rows - 1, range.col + range.cols - 1)}`;
}

export async function scanTerms(port: WorkbookPort, scope: TermScope, options: TermScanOptions): Promise<TermScan> {
  const { signal } = options;
  const info = await port.describe();
  let sheets: string[] | undefined;
  let range: RangeRef | null = null;
  let where: string;
  if (scope === 'werkmap') {
    sheets = undefined;
    where = 'de hele werkmap';
  } else if (scope === 'blad') {
    if (info.activeSheet === null) throw new ScanScopeError('Er is geen actief werkblad.');
    sheets = [info.activeSheet];
    where = `blad ${info.activeSheet}`;
  } else {
    range = await port.getSelection();
    if (range === null) throw new ScanScopeError('Er is niets geselecteerd: selecteer eerst cellen in het werkblad.');
    sheets = [range.sheet];
    where = rangeText(range);
  }
  throwIfCancelled(signal);
  const snapshot = await port.read({ sheets, stored: true, signal });
  const stored = snapshot.stored ?? (await port.readStored());
  const defs = effectiveDefinitions(options.set, storedProfile(stored, options.set));
  const matcher = termMatcher(defs);
  // Our own sheets are skipped when the whole workbook is scanned (as a check does); asked for by name, they are scanned.
  const chosen = snapshot.sheets.filter((s) => scope !== 'werkmap' || ownSheetKind(s) === null);
  const total = chosen.reduce((n, s) => n + (range === null ? s.values.length : Math.min(range.rows, s.values.length)), 0);
  const found: Finding[] = [];
  let done = 0;
  for (const sheet of chosen) {
    const from = range === null ? 0 : range.row;
    const to = range === null ? sheet.values.length : Math.min(range.row + range.rows, sheet.values.length);
    const include = range === null ? undefined : (_r: number, c: number) => c >= (range as RangeRef).col && c < (range as RangeRef).col + (range as RangeRef).cols;
    for (let top = from; top < to; top += STEP_ROWS) {
      throwIfCancelled(signal);
      const hits = scanTextCells(sheet, matcher, { from: top, to: Math.min(top + STEP_ROWS, to), include });
      for (const f of hits) found.push(f);
      done += Math.min(STEP_ROWS, to - top);
      options.onProgress?.(done, total);
      if (options.pause !== undefined) await options.pause();
    }
  }
  throwIfCancelled(signal);
  const { counted, accepted } = splitAccepted(found, stored.accepted);
  return { scope, where, defs, findings: counted, accepted, stored };
}

/** The engine's text finding behind a located finding (for applyFixes). */
function textFinding(f: Finding): TextFinding {
  const fragment = f.fragment ?? '';
  const start = f.offset ?? 0;
  return {
    code: f.code as TextFinding['code'],
    term: f.term ?? '',
    start,
    end: start + fragment.length,
    fragment,
    suggestions: f.suggestions,
    message: f.message,
  };
}

/** Whether a finding can be replaced: a term finding in a text cell with a suggestion. */
export function canReplace(f: Finding): boolean {
  return f.code === 'TERM_NIET_CONFORM' && f.suggestions.length > 0 && typeof f.value === 'string' && f.cell !== null && f.sheet !== null && f.fragment !== null;
}

/** The cell text after replacing one finding by its suggestion number `choice` (clamped to the alternatives). */
export function previewReplacement(f: Finding, choice = 0): string {
  const text = typeof f.value === 'string' ? f.value : '';
  const pick = Math.min(choice, f.suggestions.length - 1);
  return applyFixes(text, [textFinding(f)], (tf) => tf.suggestions[pick] ?? null).text;
}

function ruleText(f: Finding, suggestion: string): string {
  return `${f.code}: '${f.fragment ?? ''}' → '${suggestion}'`;
}

/** Fixes for these findings, one per cell (several findings in one cell are applied together). */
function fixesOf(findings: readonly Finding[], choice: number): CellFix[] {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!canReplace(f)) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(key);
    if (list === undefined) byCell.set(key, [f]);
    else list.push(f);
  }
  const fixes: CellFix[] = [];
  for (const list of byCell.values()) {
    const first = list[0];
    const place = parseAddress(first.cell as string);
    if (place === undefined) continue;
    const before = first.value as string;
    const rules: string[] = [];
    const result = applyFixes(before, list.map(textFinding), (tf) => {
      const s = tf.suggestions[Math.min(choice, tf.suggestions.length - 1)] ?? null;
      if (s !== null) rules.push(ruleText({ ...first, code: tf.code, fragment: tf.fragment }, s));
      return s;
    });
    if (result.applied.length === 0) continue;
    fixes.push({ sheet: first.sheet as string, row: place.row, col: place.col, before, after: result.text, rule: rules.join('; ') });
  }
  return fixes;
}

/** The fix for one finding with suggestion number `choice`. */
export function fixForFinding(f: Finding, choice = 0): CellFix | null {
  return fixesOf([f], choice)[0] ?? null;
}

/** The folded fragment, so that "Klantmanager" and "klantmanager" are the same fragment. */
export function fragmentKey(f: Finding): string {
  return normaliseForm(f.fragment ?? '');
}

/** Findings that "Vervang alle" takes along with `f`: replaceable term findings of the same fragment. */
export function sameFragment(findings: readonly Finding[], f: Finding): Finding[] {
  const key = fragmentKey(f);
  return findings.filter((g) => canReplace(g) && g.code === f.code && fragmentKey(g) === key);
}

/** Fixes for every finding of the same fragment as `f`, each with its own suggestion number `choice` (its own case). */
export function fixesForFragment(findings: readonly Finding[], f: Finding, choice = 0): CellFix[] {
  return fixesOf(sameFragment(findings, f), choice);
}

/** Scans the given cells again (after a fix or an undo); the findings of those cells replace the old ones. */
export async function rescanCells(
  port: WorkbookPort,
  scan: TermScan,
  cells: readonly CellRef[],
): Promise<TermScan> {
  const matcher = termMatcher(scan.defs);
  const values = await port.readCells(cells);
  const stored = await port.readStored();
  const keys = new Set(cells.map((c) => `${c.sheet}\u0000${cellAddress(c.row, c.col)}`));
  const kept = [...scan.findings, ...scan.accepted].filter((f) => !keys.has(`${f.sheet}\u0000${f.cell}`));
  const fresh: Finding[] = [];
  cells.forEach((c, i) => {
    const value = values[i];
    if (typeof value !== 'string' || value === '') return;
    const at = { sheet: c.sheet, cell: cellAddress(c.row, c.col), row: c.row + 1, column: columnLetters(c.col), value };
    for (const hit of matcher.scan(value)) fresh.push(locateTextFinding(hit, at));
  });
  const all = orderFindings([...kept, ...fresh], scan);
  const { counted, accepted } = splitAccepted(all, stored.accepted);
  return { ...scan, findings: counted, accepted, stored };
}

/** Sheet order of the scan, then row, column and offset. */
function orderFindings(findings: Finding[], scan: TermScan): Finding[] {
  const sheetOrder = new Map<string, number>();
  for (const f of [...scan.findings, ...scan.accepted]) if (f.sheet !== null && !sheetOrder.has(f.sheet)) sheetOrder.set(f.sheet, sheetOrder.size);
  const at = (f: Finding) => (f.cell === null ? undefined : parseAddress(f.cell));
  return findings.sort((a, b) => {
    const pa = at(a);
    const pb = at(b);
    return (
      (sheetOrder.get(a.sheet ?? '') ?? 0) - (sheetOrder.get(b.sheet ?? '') ?? 0) ||
      (pa?.row ?? 0) - (pb?.row ?? 0) ||
      (pa?.col ?? 0) - (pb?.col ?? 0) ||
      (a.offset ?? 0) - (b.offset ?? 0)
    );
  });
}

/** Re-splits the scan after the stored accepted findings changed (Negeer, Herstel). */
export function withStored(scan: TermScan, stored: StoredState): TermScan {
  const { counted, accepted } = splitAccepted([...scan.findings, ...scan.accepted], stored.accepted);
  return { ...scan, findings: orderFindings(counted, scan), accepted, stored };
}

