/**
 * What the REINT functions share while Excel's runtime lives: the standard
 * definitions in memory, the workbook's profile (read once when the runtime
 * starts, and again when the pane says it changed), the effective
 * definitions built from them on first use, the workbook's date system, and
 * the compiled term matcher. Functions wait for the start (a few
 * milliseconds) so that no cell is ever computed with the wrong profile.
 */
import { standardDefinitionSet } from '../definitions/definitionSet';
import { effectiveDefinitions, parseProfile, ProfileError, type EffectiveDefinitions } from '../definitions/profile';
import { standardReportFormat, type ReportFormat } from '../definitions/reportFormat';
import { DurablePlacement } from '../engine/durablePlacement';
import type { DateSystem } from '../engine/excelDate';
import { termMatcher, type TermMatcher } from '../engine/termMatcher';
import { invalid } from './functionErrors';
import { listenForProfileChanges } from './profileChannel';

/** What the runtime reads from the workbook when it starts. */
export interface WorkbookState {
  /** The stored profile (its public JSON), or null. */
  readonly profile: unknown | null;
  readonly dateSystem: DateSystem;
}

export interface FunctionsContext {
  readonly defs: EffectiveDefinitions;
  readonly format: ReportFormat;
  readonly dateSystem: DateSystem;
  matcher(): TermMatcher;
  durable(): DurablePlacement;
}

interface State {
  readonly profile: unknown | null;
  readonly dateSystem: DateSystem;
  /** Why the workbook's state could not be read (Dutch), if it could not. */
  readonly failure: string | null;
  context: FunctionsContext | null;
}

let state: State = { profile: null, dateSystem: 1900, failure: null, context: null };
let started: Promise<void> = Promise.resolve();

/**
 * Starts the runtime: reads the workbook's profile and date system (when
 * there is a workbook) and listens for the pane. Called once, when the
 * functions bundle loads.
 */
export function startFunctionsRuntime(readWorkbook: (() => Promise<WorkbookState>) | null): void {
  listenForProfileChanges((profile) => useProfile(profile));
  state = { profile: null, dateSystem: 1900, failure: null, context: null };
  started = Promise.resolve();
  if (readWorkbook === null) return;
  started = readWorkbook().then(
    (read) => {
      state = { profile: read.profile, dateSystem: read.dateSystem, failure: null, context: null };
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      state = { ...state, failure: `De gegevens van de werkmap konden niet worden gelezen: ${reason}`, context: null };
    },
  );
}

/** Uses another profile from now on (the pane changed the stored one). */
export function useProfile(profile: unknown | null): void {
  state = { ...state, profile, failure: null, context: null };
}

function buildContext(profile: unknown | null, dateSystem: DateSystem): FunctionsContext {
  const set = standardDefinitionSet();
  let defs: EffectiveDefinitions;
  try {
    defs = effectiveDefinitions(set, profile === null ? null : parseProfile(profile, set));
  } catch (error) {
    if (error instanceof ProfileError) throw invalid(`Het profiel in de werkmap is ongeldig: ${error.message}`);
    throw error;
  }
  const format = standardReportFormat();
  let matcher: TermMatcher | undefined;
  let durable: DurablePlacement | undefined;
  return {
    defs,
    format,
    dateSystem,
    matcher: () => (matcher ??= termMatcher(defs)),
    durable: () => (durable ??= new DurablePlacement(defs, format)),
  };
}

/** The context of a call: waits for the start, builds the effective definitions on first use. */
export async function functionsContext(): Promise<FunctionsContext> {
  await started;
  if (state.failure !== null) throw invalid(state.failure);
  state.context ??= buildContext(state.profile, state.dateSystem);
  return state.context;
}
