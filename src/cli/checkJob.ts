/**
 * Checking one workbook file for `controleer`, through the same flow as the
 * add-in: the file opened as an in-memory workbook over its package
 * (xlsx codec), checked through the port (the profile given with
 * --profiel, else the one stored in the workbook; accepted findings left
 * out; our own sheets skipped) and, with --uit, marked and given a
 * Controle sheet and written as a copy that changes only those parts.
 *
 * Runs inside the budgeted worker (checkWorker.ts), or in the command's
 * own thread when there is no worker to start.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { standardDefinitionSet, type DefinitionSet } from '../definitions/definitionSet';
import { effectiveDefinitions, parseProfileJson, ProfileError, type Profile } from '../definitions/profile';
import { termMatcher } from '../engine/termMatcher';
import type { Finding } from '../engine/findings';
import { submissionFigures, type SubmissionFigures } from '../engine/submissionGroups';
import { checkThroughPort } from '../workbook/flows/checkFlow';
import { markFindings, writeControlSheet } from '../workbook/flows/markFlow';
import { OWN_SHEET_LABELS, type OwnSheetKind } from '../workbook/flows/ownSheets';
import { MemoryWorkbook } from '../workbook/memory/memoryWorkbook';
import { StoredStateError } from '../workbook/storedState';
import { PackageWriteError } from '../workbook/xlsx/packageWriteError';
import { CellWriteError } from '../workbook/xlsx/sheetCellEdits';
import { XlsxReadError } from '../workbook/xlsx/xlsxReadError';
import { ZipWriteError } from '../workbook/xlsx/zipWriter';
import { OutputError, writeCopy, type FileIdentity } from './outputFile';
import { fileCodec } from './zipCompression';

/** The profile file given with --profiel (validated where the check runs). */
export interface ProfileFile {
  readonly path: string;
  readonly text: string;
}

export interface CheckJob {
  readonly file: string;
  readonly profile: ProfileFile | null;
  /** With --uit: where the copy goes, and the inputs it must never be. */
  readonly copy?: { readonly path: string; readonly inputs: readonly FileIdentity[] };
  /** Also the figures for a comparison of submissions (vergelijk). */
  readonly groups?: boolean;
  /** Without a profile file: false checks by the standard set, whatever profile the workbook stores (default true: the stored one counts). */
  readonly storedProfile?: boolean;
}

/** A checked file, as the command reports it. */
export interface CheckedFile {
  readonly file: string;
  readonly version: string;
  readonly profile: string | null;
  readonly profileSource: 'opgegeven' | 'werkmap' | null;
  readonly findings: readonly Finding[];
  readonly rows: number;
  /** Findings left out because the user accepted them in the workbook. */
  readonly accepted: number;
  /** Our own sheets that were not checked. */
  readonly skipped: readonly { readonly sheet: string; readonly kind: OwnSheetKind }[];
  readonly copy?: string;
  /** Why the copy could not be written (one Dutch line naming the path). */
  readonly copyProblem?: string;
  /** With CheckJob.groups, for a workbook with a client sheet: its figures per group. */
  readonly figures?: SubmissionFigures;
}

export type CheckOutcome =
  | { readonly kind: 'report'; readonly report: CheckedFile }
  /** Unusable input: one Dutch line, exit status 2, the batch goes on. */
  | { readonly kind: 'problem'; readonly message: string }
  /** The --profiel file is invalid: one Dutch line, the whole run stops with 2. */
  | { readonly kind: 'profile'; readonly message: string }
  /** A bug: exit status 3. */
  | { readonly kind: 'internal'; readonly message: string };

const codec = fileCodec;

let set: DefinitionSet | undefined;
const profiles = new Map<string, Profile>();

function definitionSet(): DefinitionSet {
  return (set ??= standardDefinitionSet());
}

/** Loads what every check needs (the definition set and its term matcher), ahead of the first file. */
export function prepareChecks(): void {
  termMatcher(effectiveDefinitions(definitionSet(), null));
}

function profileOf(file: ProfileFile): Profile {
  let profile = profiles.get(file.text);
  if (profile === undefined) {
    try {
      profile = parseProfileJson(file.text, definitionSet());
    } catch (error) {
      if (error instanceof ProfileError) throw new ProfileFileError(`${file.path}: ${error.message}`);
      throw error;
    }
    profiles.set(file.text, profile);
  }
  return profile;
}

class ProfileFileError extends Error {}

function readInput(path: string): Uint8Array {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    throw new InputProblem(`${path}: bestand niet gevonden.`);
  }
  if (!isFile) throw new InputProblem(`${path}: is geen bestand.`);
  try {
    return readFileSync(path);
  } catch (error) {
    throw new InputProblem(`${path}: bestand kan niet worden gelezen (${(error as NodeJS.ErrnoException).code ?? 'onbekende fout'}).`);
  }
}

/** Input that cannot be checked (the message names the file). */
class InputProblem extends Error {}

const MEMORY = /allocation failed|Invalid (typed )?array length|Invalid string length|Array buffer allocation/i;

/** Checks one file; never throws. */
export async function runCheckJob(job: CheckJob, onProgress: (done: number, total: number) => void): Promise<CheckOutcome> {
  try {
    return { kind: 'report', report: await checkFile(job, onProgress) };
  } catch (error) {
    if (error instanceof ProfileFileError) return { kind: 'profile', message: error.message };
    if (error instanceof InputProblem) return { kind: 'problem', message: error.message };
    if (error instanceof XlsxReadError || error instanceof StoredStateError || error instanceof ProfileError) {
      return { kind: 'problem', message: `${job.file}: ${error.message}` };
    }
    if (error instanceof RangeError && MEMORY.test(error.message)) {
      return { kind: 'problem', message: `${job.file}: het bestand is te groot om in het geheugen te controleren.` };
    }
    const message = error instanceof Error ? error.message : String(error);
    return { kind: 'internal', message };
  }
}

async function checkFile(job: CheckJob, onProgress: (done: number, total: number) => void): Promise<CheckedFile> {
  const given = job.profile !== null ? profileOf(job.profile) : job.storedProfile === false ? null : undefined;
  const bytes = readInput(job.file);
  const workbook = MemoryWorkbook.fromXlsx(bytes, codec);
  const result = await checkThroughPort(workbook, {
    set: definitionSet(),
    profile: given,
    groups: job.groups,
    onProgress: (phase, done, total) => {
      if (phase === 'controleren') onProgress(done, total);
    },
  });
  const report: CheckedFile = {
    file: job.file,
    version: result.defs.version,
    profile: result.defs.profile?.naam ?? null,
    profileSource: result.profileSource,
    findings: result.findings,
    rows: result.check.rows,
    accepted: result.accepted.length,
    skipped: result.skipped,
    ...(result.check.groups !== undefined ? { figures: submissionFigures(result.check.groups, result.findings) } : {}),
  };
  if (job.copy === undefined) return report;
  try {
    await markFindings(workbook, result.findings);
    await writeControlSheet(workbook, result.findings, {
      source: basename(job.file),
      version: report.version,
      profile: report.profile,
      accepted: report.accepted,
      skipped: report.skipped.map((s) => s.sheet),
    });
    writeCopy(job.copy.path, workbook.toXlsx(), job.copy.inputs);
    return { ...report, copy: job.copy.path };
  } catch (error) {
    if (error instanceof OutputError) return { ...report, copyProblem: error.message };
    if (error instanceof CellWriteError || error instanceof ZipWriteError || error instanceof PackageWriteError) {
      return { ...report, copyProblem: `${job.copy.path}: kopie niet geschreven: ${error.message}.` };
    }
    throw error;
  }
}

/** How our own sheets are named in a message: "Controle (controleblad)". */
export function skippedText(skipped: CheckedFile['skipped']): string {
  return skipped.map((s) => `${s.sheet} (${OWN_SHEET_LABELS[s.kind]})`).join(', ');
}
