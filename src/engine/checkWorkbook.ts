/**
 * Checking a whole workbook against the uniform report and the effective
 * definitions: the client sheet row by row, the management figures
 * recomputed, and every text cell of the other sheets scanned for terms.
 * A workbook without a client sheet (a contract, a tender) is checked for
 * terms only. Checking never changes a value.
 */
import type { EffectiveDefinitions } from '../definitions/profile';
import { standardReportFormat, type ReportFormat } from '../definitions/reportFormat';
import { bsnsInText } from './bsn';
import { findHeader } from './clientHeader';
import { clientSteps as checkClientSteps, STEP_ROWS, type CheckProgress, type ClientCheck } from './clientSheet';
import { toDateSystem1900 } from './dateSystem';
import { DurablePlacement } from './durablePlacement';
import type { Finding } from './findings';
import { forEachCell, type SheetData, type WorkbookData } from './grid';
import { findingAt } from './located';
import { indicatorsOf, recomputeIndicators, type Recomputed } from './indicatorTally';
import { compareIndicators, readManagement } from './management';
import { expandMerges } from './merges';
import { termMatcher } from './termMatcher';
import { submissionGroups, type SubmissionGroups } from './submissionGroups';
import { scanTextCells } from './textCells';

export interface WorkbookCheck {
  readonly findings: readonly Finding[];
  /** Number of client data rows (0 without a client sheet). */
  readonly rows: number;
  /** Whether the workbook had a client sheet (else: checked for terms only). */
  readonly report: boolean;
  /** Recomputed indicators by id (empty when not judged). */
  readonly indicators: ReadonlyMap<string, Recomputed>;
  /** With the option `groups`, for a workbook with a client sheet: what a comparison of submissions needs. */
  readonly groups?: SubmissionGroups;
}

export interface CheckOptions {
  readonly format?: ReportFormat;
  /** Called every few thousand rows with the rows done of all rows of the workbook (checkWorkbook only). */
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
  /** Sheets not to check (the program's own Controle and Logboek sheets). */
  readonly skipSheets?: ReadonlySet<string>;
  /** Also tally the client rows per municipality, service and target group (a comparison of submissions). */
  readonly groups?: boolean;
}

/** BSNs written in the text cells of a sheet other than the client sheet (from row `top` on). */
function bsnFindings(sheet: SheetData, from: number, to: number): Finding[] {
  const out: Finding[] = [];
  for (let r = from; r < Math.min(to, sheet.values.length); r++) {
    const row = sheet.values[r];
    if (row === undefined) continue;
    forEachCell(row, (value, c) => {
      if (typeof value !== 'string') return;
      for (const bsn of bsnsInText(value)) {
        out.push(
          findingAt('PRIVACY_BSN', { sheet: sheet.name, row: r, col: c, column: null, value }, { bsn }, {
            term: 'clientnummer',
            fragment: bsn,
            offset: value.indexOf(bsn),
          }),
        );
      }
    });
  }
  return out;
}

/** Checks a workbook at once. */
export function checkWorkbook(workbook: WorkbookData, defs: EffectiveDefinitions, options: CheckOptions = {}): WorkbookCheck {
  const steps = checkSteps(workbook, defs, options);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
    options.onProgress?.(step.value.done, step.value.total);
  }
}

/** Appends without spreading (a spread of a very large array overflows the call stack). */
function append<T>(target: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) target.push(items[i]);
}

/**
 * Checks a workbook in steps of about STEP_ROWS rows: yields the progress
 * (rows done of every row of the workbook) between steps and returns the
 * result, so that a host can pause, show progress or stop in between.
 */
export function* checkSteps(workbook: WorkbookData, defs: EffectiveDefinitions, options: CheckOptions = {}): Generator<CheckProgress, WorkbookCheck> {
  const format = options.format ?? standardReportFormat();
  const matcher = termMatcher(defs);
  const skip = options.skipSheets;
  const sheets = workbook.sheets
    .filter((s) => skip === undefined || !skip.has(s.name))
    .map((s) => expandMerges(toDateSystem1900(s, workbook.dateSystem)));
  const clientSheet = sheets.find((s) => format.isClientSheet(s.name));
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const findings: Finding[] = [];
  const total = sheets.reduce((n, s) => n + s.values.length, 0);
  let done = 0;
  /** Term and BSN findings of a whole sheet, in steps. */
  function* scanSheet(sheet: SheetData, include?: (r: number, c: number) => boolean): Generator<CheckProgress, void> {
    for (let top = 0; top < sheet.values.length; top += STEP_ROWS) {
      append(findings, scanTextCells(sheet, matcher, { include, from: top, to: top + STEP_ROWS }));
      append(findings, bsnFindings(sheet, top, top + STEP_ROWS));
      done += Math.min(STEP_ROWS, sheet.values.length - top);
      yield { done, total };
    }
  }

  if (clientSheet === undefined) {
    for (const sheet of sheets) yield* scanSheet(sheet);
    return { findings: sortFindings(findings, order), rows: 0, report: false, indicators: new Map() };
  }

  const managementSheet = sheets.find((s) => format.isManagementSheet(s.name));
  const management = managementSheet !== undefined ? readManagement(managementSheet, format) : undefined;
  const durable = new DurablePlacement(defs, format);
  const header = findHeader(clientSheet, format);
  const clientSteps = checkClientSteps({ sheet: clientSheet, header, format, defs, matcher, durable, periodEnd: management?.periodEnd });
  let clients: ClientCheck;
  for (;;) {
    const step = clientSteps.next();
    if (step.done === true) {
      clients = step.value;
      break;
    }
    yield { done: done + step.value.done, total };
  }
  done += clientSheet.values.length;
  append(findings, header.findings);
  append(findings, clients.findings);

  let indicators = new Map<string, Recomputed>();
  const groups = options.groups === true ? submissionGroups(clients, clientSheet.name, management, format, durable) : undefined;
  if (header.headerRow >= 0) indicators = groups !== undefined ? indicatorsOf(groups.total, format) : recomputeIndicators(clients, format, durable);
  if (management !== undefined && managementSheet !== undefined) {
    append(findings, management.findings);
    append(findings, compareIndicators(management, indicators, format));
    const { labelColumn } = format.data.management;
    yield* scanSheet(managementSheet, (_r, c) => c === labelColumn);
  }
  for (const sheet of sheets) {
    if (sheet === clientSheet || sheet === managementSheet) continue;
    yield* scanSheet(sheet);
  }
  return { findings: sortFindings(findings, order), rows: clients.rows.length, report: true, indicators, ...(groups !== undefined ? { groups } : {}) };
}

function columnIndex(cell: string | null): number {
  if (cell === null) return 0;
  let n = 0;
  for (const ch of cell) {
    if (ch < 'A' || ch > 'Z') break;
    n = n * 26 + (ch.charCodeAt(0) - 64);
  }
  return n;
}

/** Sheet order, then row, then column; findings of one cell keep their order. */
function sortFindings(findings: Finding[], order: ReadonlyMap<string, number>): Finding[] {
  return findings
    .map((f, i) => ({ f, i, s: order.get(f.sheet ?? '') ?? 0, c: columnIndex(f.cell) }))
    .sort((a, b) => a.s - b.s || (a.f.row ?? 0) - (b.f.row ?? 0) || a.c - b.c || a.i - b.i)
    .map((x) => x.f);
}

export type { CheckProgress } from './clientSheet';
