/**
 * Checking a workbook through the port: read the sheets and the stored
 * state, apply the profile (the one given, else the one stored in the
 * workbook), skip our own sheets, check in steps (pausing between them when
 * the host asks, so a task pane stays responsive; stopping when cancelled)
 * and leave out the findings the user accepted. Checking never writes.
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { effectiveDefinitions, type EffectiveDefinitions, type Profile } from '../../definitions/profile';
import type { ReportFormat } from '../../definitions/reportFormat';
import { standardReportFormat } from '../../definitions/reportFormat';
import { checkSteps, type WorkbookCheck } from '../../engine/checkWorkbook';
import type { Finding } from '../../engine/findings';
import { throwIfCancelled, type StoredState, type WorkbookPort } from '../port';
import { ownSheetKind, type OwnSheetKind } from './ownSheets';
import { splitAccepted, storedProfile } from './storedState';

export type CheckPhase = 'lezen' | 'controleren';

export interface CheckFlowOptions {
  /** The standard definition set. */
  readonly set: DefinitionSet;
  /** A profile given by the user (the CLI's --profiel); it wins over the stored one. Undefined: use the stored profile. */
  readonly profile?: Profile | null;
  /** Check only these sheets (the client and management sheet are read together when one of them is asked). */
  readonly sheets?: readonly string[];
  readonly format?: ReportFormat;
  readonly signal?: AbortSignal;
  readonly onProgress?: (phase: CheckPhase, done: number, total: number) => void;
  /** Called between steps of the check (a few hundred rows each); a UI host yields to its event loop here. */
  readonly pause?: () => Promise<void>;
  /** Least milliseconds of work between two pauses (default 16: about a frame); 0 pauses after every step. */
  readonly sliceMs?: number;
  /** Also tally the client rows per group (a comparison of submissions: WorkbookCheck.groups). */
  readonly groups?: boolean;
}

export interface CheckFlowResult {
  readonly defs: EffectiveDefinitions;
  /** Where the profile came from: given by the user, stored in the workbook, or none. */
  readonly profileSource: 'opgegeven' | 'werkmap' | null;
  readonly check: WorkbookCheck;
  /** The findings that count: all findings but the accepted ones. */
  readonly findings: readonly Finding[];
  /** Findings left out because the user accepted them. */
  readonly accepted: readonly Finding[];
  /** Our own sheets that were not checked. */
  readonly skipped: readonly { readonly sheet: string; readonly kind: OwnSheetKind }[];
  readonly stored: StoredState;
}

/** Which sheets to read for a check of `sheets`: a report's client and management sheet go together. */
function sheetsToRead(asked: readonly string[] | undefined, all: readonly string[], format: ReportFormat): string[] | undefined {
  if (asked === undefined) return undefined;
  const set = new Set(asked);
  if (asked.some((s) => format.isClientSheet(s) || format.isManagementSheet(s))) {
    for (const s of all) if (format.isClientSheet(s) || format.isManagementSheet(s)) set.add(s);
  }
  return all.filter((s) => set.has(s));
}

let lastDefinitions: { set: DefinitionSet; key: string; defs: EffectiveDefinitions } | undefined;

/** The effective definitions, the same object while set and profile stay the same (the term matcher is cached on it). */
function definitionsFor(set: DefinitionSet, profile: Profile | null): EffectiveDefinitions {
  const key = profile === null ? '' : JSON.stringify(profile);
  if (lastDefinitions === undefined || lastDefinitions.set !== set || lastDefinitions.key !== key) {
    lastDefinitions = { set, key, defs: effectiveDefinitions(set, profile) };
  }
  return lastDefinitions.defs;
}

export async function checkThroughPort(port: WorkbookPort, options: CheckFlowOptions): Promise<CheckFlowResult> {
  const format = options.format ?? standardReportFormat();
  const { signal } = options;
  let names: string[] | undefined;
  if (options.sheets !== undefined) {
    const info = await port.describe();
    names = sheetsToRead(options.sheets, info.sheets.map((s) => s.name), format);
  }
  throwIfCancelled(signal);
  const snapshot = await port.read({
    sheets: names,
    stored: true,
    signal,
    onProgress: options.onProgress === undefined ? undefined : (done, total) => options.onProgress?.('lezen', done, total),
  });
  throwIfCancelled(signal);
  const stored = snapshot.stored ?? (await port.readStored());

  let profileSource: CheckFlowResult['profileSource'] = null;
  let profile: Profile | null = null;
  if (options.profile !== undefined && options.profile !== null) {
    profile = options.profile;
    profileSource = 'opgegeven';
  } else if (options.profile === undefined) {
    profile = storedProfile(stored, options.set);
    if (profile !== null) profileSource = 'werkmap';
  }
  const defs = definitionsFor(options.set, profile);

  const skipped: { sheet: string; kind: OwnSheetKind }[] = [];
  for (const sheet of snapshot.sheets) {
    const kind = ownSheetKind(sheet);
    if (kind !== null) skipped.push({ sheet: sheet.name, kind });
  }
  const steps = checkSteps(snapshot, defs, { format, skipSheets: new Set(skipped.map((s) => s.sheet)), groups: options.groups });
  const slice = options.sliceMs ?? 16;
  let sliceStart = Date.now();
  let check: WorkbookCheck;
  for (;;) {
    throwIfCancelled(signal);
    const step = steps.next();
    if (step.done === true) {
      check = step.value;
      break;
    }
    if (options.pause === undefined) {
      options.onProgress?.('controleren', step.value.done, step.value.total);
    } else if (Date.now() - sliceStart >= slice) {
      // Time-sliced: pause once a frame's worth of steps is done, so input is answered without a pause per step.
      options.onProgress?.('controleren', step.value.done, step.value.total);
      await options.pause();
      sliceStart = Date.now();
    }
  }
  const { counted, accepted } = splitAccepted(check.findings, stored.accepted);
  return { defs, profileSource, check, findings: counted, accepted, skipped, stored };
}

/** A pause that lets a browser or Office host handle input and paint: the next macrotask. */
export function nextMacrotask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
