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
import { checkClients } from './clientSheet';
import { toDateSystem1900 } from './dateSystem';
import { DurablePlacement } from './durablePlacement';
import type { Finding } from './findings';
import type { SheetData, WorkbookData } from './grid';
import { findingAt } from './located';
import { compareIndicators, readManagement, recomputeIndicators, type Recomputed } from './management';
import { expandMerges } from './merges';
import { termMatcher } from './termMatcher';
import { scanTextCells } from './textCells';

export interface WorkbookCheck {
  readonly findings: readonly Finding[];
  /** Number of client data rows (0 without a client sheet). */
  readonly rows: number;
  /** Whether the workbook had a client sheet (else: checked for terms only). */
  readonly report: boolean;
  /** Recomputed indicators by id (empty when not judged). */
  readonly indicators: ReadonlyMap<string, Recomputed>;
}

export interface CheckOptions {
  readonly format?: ReportFormat;
  readonly onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

/** BSNs written in the text cells of a sheet other than the client sheet. */
function bsnFindings(sheet: SheetData): Finding[] {
  const out: Finding[] = [];
  sheet.values.forEach((row, r) => {
    row?.forEach((value, c) => {
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
  });
  return out;
}

export function checkWorkbook(workbook: WorkbookData, defs: EffectiveDefinitions, options: CheckOptions = {}): WorkbookCheck {
  const format = options.format ?? standardReportFormat();
  const matcher = termMatcher(defs);
  const sheets = workbook.sheets.map((s) => expandMerges(toDateSystem1900(s, workbook.dateSystem)));
  const clientSheet = sheets.find((s) => format.isClientSheet(s.name));
  const order = new Map(sheets.map((s, i) => [s.name, i]));
  const findings: Finding[] = [];

  if (clientSheet === undefined) {
    for (const sheet of sheets) findings.push(...scanTextCells(sheet, matcher), ...bsnFindings(sheet));
    return { findings: sortFindings(findings, order), rows: 0, report: false, indicators: new Map() };
  }

  const managementSheet = sheets.find((s) => format.isManagementSheet(s.name));
  const management = managementSheet !== undefined ? readManagement(managementSheet, format) : undefined;
  const durable = new DurablePlacement(defs, format);
  const header = findHeader(clientSheet, format);
  const clients = checkClients({
    sheet: clientSheet,
    header,
    format,
    defs,
    matcher,
    durable,
    periodEnd: management?.periodEnd,
    onProgress: options.onProgress,
  });
  findings.push(...header.findings, ...clients.findings);

  let indicators = new Map<string, Recomputed>();
  if (header.headerRow >= 0) indicators = recomputeIndicators(clients, format, durable);
  if (management !== undefined && managementSheet !== undefined) {
    findings.push(...management.findings, ...compareIndicators(management, indicators, format));
    const { labelColumn } = format.data.management;
    findings.push(...scanTextCells(managementSheet, matcher, { include: (_r, c) => c === labelColumn }), ...bsnFindings(managementSheet));
  }
  for (const sheet of sheets) {
    if (sheet === clientSheet || sheet === managementSheet) continue;
    findings.push(...scanTextCells(sheet, matcher), ...bsnFindings(sheet));
  }
  return { findings: sortFindings(findings, order), rows: clients.rows.length, report: true, indicators };
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
