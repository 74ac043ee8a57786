/**
 * A benchmark across submissions from files the user chose (the task pane's
 * "Vergelijken", the workbench): each file opened as an in-memory workbook
 * over the xlsx codec, checked through the port as a check does (accepted
 * findings left out, our own sheets skipped), but every file by the same
 * definitions: the one profile given, or the standard set. A profile stored
 * in a chosen file never counts, or the figures would not be comparable
 * (docs/vergelijken.md). A file that cannot be read or is no submission
 * becomes one Dutch line naming it; the others are still compared.
 *
 * Also what it takes to put the comparison's sheets into a workbook without
 * losing a sheet of the user's: which sheets would be replaced, and writing
 * under the names the workbook already uses.
 *
 * Host-free: no DOM, no Node; the bytes come from the host.
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { ProfileError, type Profile } from '../../definitions/profile';
import { standardReportFormat, type ReportFormat } from '../../definitions/reportFormat';
import { compareSubmissions, notASubmission, submissionInput, type Comparison, type SubmissionInput } from '../../engine/submissionComparison';
import { submissionFigures } from '../../engine/submissionGroups';
import { MemoryWorkbook } from '../memory/memoryWorkbook';
import type { PackageCodec } from '../memory/workbookEdits';
import { inputValue, throwIfCancelled, type SheetSpec, type WorkbookPort } from '../port';
import { StoredStateError } from '../storedState';
import { xlsxCodec } from '../xlsx/xlsxCodec';
import { XlsxReadError } from '../xlsx/xlsxReadError';
import { checkThroughPort, type CheckPhase } from './checkFlow';

/** A file chosen for the comparison: its name as the user knows it, and its bytes. */
export interface ComparisonFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** Where the comparison is: which file (0-based, of `files`), and within it the phase and its units (cells read, rows checked). */
export interface ComparisonProgress {
  readonly file: number;
  readonly files: number;
  readonly name: string;
  readonly phase: 'openen' | CheckPhase;
  readonly done: number;
  readonly total: number;
}

export interface CompareFilesOptions {
  /** The standard definition set. */
  readonly set: DefinitionSet;
  /** The one profile every file is checked by (the pane's active profile), or null for the standard set. */
  readonly profile: Profile | null;
  /** How a file's bytes are opened; default the portable xlsx codec. */
  readonly codec?: PackageCodec;
  readonly format?: ReportFormat;
  readonly signal?: AbortSignal;
  /** Called between files and between steps of a check; a UI host yields to its event loop here. */
  readonly pause?: () => Promise<void>;
  readonly onProgress?: (progress: ComparisonProgress) => void;
  /** The open workbook as one more submission, compared first (the pane's "deze werkmap"). */
  readonly current?: { readonly name: string; readonly port: WorkbookPort };
}

export interface FilesComparison {
  /** The submissions side by side; null when no file could be compared. */
  readonly comparison: Comparison | null;
  /** One Dutch line per file that could not be compared, naming it. */
  readonly problems: readonly string[];
  /** Version of the definition set every file was recomputed with. */
  readonly version: string;
  /** Name of the profile used, or null for the standard set. */
  readonly profile: string | null;
}

const MEMORY = /allocation failed|Invalid (typed )?array length|Invalid string length|Array buffer allocation/i;

function sentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A file that cannot be compared, as one Dutch line naming it; null for an error that is no fault of the file (a bug). */
export function fileProblem(name: string, error: unknown): string | null {
  if (error instanceof XlsxReadError || error instanceof StoredStateError || error instanceof ProfileError) return sentence(`${name}: ${error.message}`);
  if (error instanceof RangeError && MEMORY.test(error.message)) return `${name}: het bestand is te groot om in het geheugen te vergelijken.`;
  return null;
}

/**
 * Checks every file by the same definitions and compares the submissions.
 * Throws CancelledError when the signal aborts; any other error than a
 * file's own fault (fileProblem) is thrown too.
 */
export async function compareWorkbookFiles(files: readonly ComparisonFile[], options: CompareFilesOptions): Promise<FilesComparison> {
  const format = options.format ?? standardReportFormat();
  const codec = options.codec ?? xlsxCodec;
  const { signal, pause } = options;
  const inputs: SubmissionInput[] = [];
  const problems: string[] = [];
  // The open workbook (through its own port) and then each file (opened over the codec).
  const sources: { name: string; open: () => WorkbookPort }[] = [
    ...(options.current !== undefined ? [{ name: options.current.name, open: () => (options.current as { port: WorkbookPort }).port }] : []),
    ...files.map(({ name, bytes }) => ({ name, open: () => MemoryWorkbook.fromXlsx(bytes, codec) })),
  ];
  for (let i = 0; i < sources.length; i++) {
    const { name, open } = sources[i];
    const progress = (phase: ComparisonProgress['phase'], done: number, total: number) =>
      options.onProgress?.({ file: i, files: sources.length, name, phase, done, total });
    throwIfCancelled(signal);
    progress('openen', 0, 0);
    // Opening a package is one piece of work: let the host show which file it is first.
    if (pause !== undefined) await pause();
    throwIfCancelled(signal);
    try {
      const result = await checkThroughPort(open(), {
        set: options.set,
        profile: options.profile,
        format,
        groups: true,
        signal,
        pause,
        onProgress: (phase, done, total) => progress(phase, done, total),
      });
      if (result.check.groups === undefined) problems.push(notASubmission(name, format));
      else inputs.push(submissionInput(name, submissionFigures(result.check.groups, result.findings), result.findings));
    } catch (error) {
      const problem = fileProblem(name, error);
      if (problem === null) throw error;
      problems.push(problem);
    }
  }
  throwIfCancelled(signal);
  return {
    comparison: inputs.length > 0 ? compareSubmissions(inputs, format) : null,
    problems,
    version: options.set.version,
    profile: options.profile?.naam ?? null,
  };
}

/** A sheet of the workbook that a comparison sheet would replace. */
export interface ReplacedSheet {
  /** The sheet's name as the workbook has it. */
  readonly name: string;
  /** Its header looks like the one a comparison writes there (an earlier comparison, most likely). */
  readonly earlierComparison: boolean;
}

/** Excel's sheet names are the same whatever their case. */
const nameKey = (name: string): string => name.toLocaleLowerCase('nl');

/** The sheets of the workbook that putting `sheets` would replace, in the order of `sheets`. Only reads. */
export async function sheetsReplaced(port: WorkbookPort, sheets: readonly SheetSpec[]): Promise<ReplacedSheet[]> {
  const existing = new Map((await port.describe()).sheets.map((s) => [nameKey(s.name), s.name]));
  const replaced: { name: string; spec: SheetSpec }[] = [];
  for (const spec of sheets) {
    const name = existing.get(nameKey(spec.name));
    if (name !== undefined) replaced.push({ name, spec });
  }
  if (replaced.length === 0) return [];
  // The first two header cells tell a sheet of an earlier comparison from a sheet of the user's.
  const cells = await port.readCells(replaced.flatMap(({ name }) => [0, 1].map((col) => ({ sheet: name, row: 0, col }))));
  return replaced.map(({ name, spec }, k) => ({
    name,
    earlierComparison: inputValue(spec.rows[0]?.[0]) !== null && [0, 1].every((col) => cells[2 * k + col] === inputValue(spec.rows[0]?.[col])),
  }));
}

/**
 * Puts the comparison's sheets into the workbook: a sheet of the same name
 * (whatever its case) is replaced under the name it has. Ask the user first
 * (sheetsReplaced): nothing here asks. Returns the names written.
 */
export async function putComparisonSheets(port: WorkbookPort, sheets: readonly SheetSpec[]): Promise<string[]> {
  const existing = new Map((await port.describe()).sheets.map((s) => [nameKey(s.name), s.name]));
  const written: string[] = [];
  for (const spec of sheets) {
    const name = existing.get(nameKey(spec.name)) ?? spec.name;
    written.push(await port.putSheet(name === spec.name ? spec : { ...spec, name }));
  }
  return written;
}
