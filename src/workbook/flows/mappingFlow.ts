/**
 * A vendor's own table mapped into the report through the port: which
 * sheets could be the source (with a proposal for each), the mapping stored
 * in the workbook, and applying a confirmed mapping: every row translated
 * (in steps, with progress and cancellation), the report written into
 * `Cliënten` with its Management figures, and the mapping saved so next
 * period runs in one click. A row with an unresolved value is never written
 * half: without `partial` nothing is written while values are open; with it
 * the complete rows are written and the others reported.
 */
import type { ReportFormat } from '../../definitions/reportFormat';
import { standardReportFormat } from '../../definitions/reportFormat';
import { mappingSteps, type MappedTable } from '../../engine/templates/applyMapping';
import { mappingJson, MappingError, parseMapping, type Mapping } from '../../engine/templates/mapping';
import { looksLikeClientTable, proposalScore, proposeMapping, type MappingProposal } from '../../engine/templates/mappingProposal';
import { CODE_LIST_SHEET } from '../../engine/templates/reportLayout';
import { throwIfCancelled, type WorkbookPort } from '../port';
import { ownSheetKind } from './ownSheets';
import { storeMapping } from './storedState';
import { writeReport, type TemplateTarget, type TemplateWritten } from './reportTemplateFlow';

export interface SourceCandidate {
  readonly sheet: string;
  readonly proposal: MappingProposal;
  readonly score: number;
}

/** Sheets that are not the report's own or ours. */
function isSourceCandidate(name: string, format: ReportFormat): boolean {
  return !format.isClientSheet(name) && !format.isManagementSheet(name) && name !== CODE_LIST_SHEET;
}

/** Every sheet that could be the vendor's table, each with its proposed mapping: tables of client rows first (see looksLikeClientTable), best fitting first. */
export async function sourceCandidates(port: WorkbookPort, format: ReportFormat = standardReportFormat()): Promise<SourceCandidate[]> {
  const info = await port.describe();
  const names = info.sheets.filter((s) => s.visibility === 'visible' && isSourceCandidate(s.name, format)).map((s) => s.name);
  if (names.length === 0) return [];
  const snapshot = await port.read({ sheets: names });
  const out: SourceCandidate[] = [];
  for (const sheet of snapshot.sheets) {
    if (ownSheetKind(sheet) !== null) continue;
    const proposal = proposeMapping(sheet, format);
    if (proposal !== null) out.push({ sheet: sheet.name, proposal, score: proposalScore(proposal) });
  }
  const table = (c: SourceCandidate) => (looksLikeClientTable(c.proposal, format) ? 1 : 0);
  return out.sort((a, b) => table(b) - table(a) || b.score - a.score);
}

/** The proposal for one sheet (with the header on a given 0-based row, or found). */
export async function proposeForSheet(port: WorkbookPort, sheet: string, format: ReportFormat = standardReportFormat(), headerRow?: number): Promise<MappingProposal | null> {
  const snapshot = await port.read({ sheets: [sheet] });
  const data = snapshot.sheets[0];
  if (data === undefined) throw new MappingError([`Blad '${sheet}' bestaat niet.`]);
  return proposeMapping(data, format, headerRow);
}

/** The mapping stored in the workbook, or null. Throws MappingError when it cannot be read. */
export async function storedMapping(port: WorkbookPort, format: ReportFormat = standardReportFormat()): Promise<Mapping | null> {
  const state = await port.readStored();
  if (state.mapping === null) return null;
  try {
    return parseMapping(state.mapping, format);
  } catch (error) {
    if (error instanceof MappingError) throw new MappingError(error.problems.map((p) => `De koppeling in de werkmap is ongeldig: ${p}`));
    throw error;
  }
}

export interface ApplyMappingOptions extends TemplateTarget {
  readonly mapping: Mapping;
  /** The source sheet; default: the mapping's. */
  readonly sheet?: string;
  /** Write the complete rows even when some rows have unresolved values (those are reported, not written). */
  readonly partial?: boolean;
  /** Save the mapping in the workbook (default true). */
  readonly store?: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
  readonly pause?: () => Promise<void>;
}

export interface ApplyMappingResult {
  readonly mapped: MappedTable;
  /** What was written; null when nothing was (unresolved values and not `partial`). */
  readonly written: TemplateWritten | null;
}

/** Applies a confirmed mapping: translates the source rows and writes the report. */
export async function applyMappingThroughPort(port: WorkbookPort, options: ApplyMappingOptions): Promise<ApplyMappingResult> {
  const format = options.format ?? standardReportFormat();
  const name = options.sheet ?? options.mapping.sheet;
  if (name === null || name === undefined) throw new MappingError(['Kies het blad met de eigen tabel.']);
  const snapshot = await port.read({ sheets: [name], signal: options.signal });
  const sheet = snapshot.sheets[0];
  if (sheet === undefined) throw new MappingError([`Blad '${name}' bestaat niet in deze werkmap.`]);
  const steps = mappingSteps(sheet, options.mapping, format);
  let mapped: MappedTable;
  for (;;) {
    throwIfCancelled(options.signal);
    const step = steps.next();
    if (step.done === true) {
      mapped = step.value;
      break;
    }
    options.onProgress?.(step.value.done, step.value.total);
    if (options.pause !== undefined) await options.pause();
  }
  options.onProgress?.(mapped.table.dataRows.length, mapped.table.dataRows.length);
  throwIfCancelled(options.signal);
  if (mapped.unresolved.length > 0 && options.partial !== true) return { mapped, written: null };
  const written = await writeReport(port, options, mapped.rows);
  if (options.store !== false) await storeMapping(port, mappingJson({ ...options.mapping, sheet: name }, format));
  return { mapped, written };
}
