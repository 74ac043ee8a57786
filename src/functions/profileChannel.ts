/**
 * How the task pane tells the custom functions that the workbook's profile
 * changed. In a shared runtime the pane and the functions run in one page
 * but come from separate bundles (each with its own copy of every module),
 * so they meet on one well-known global key rather than on module state.
 * This module has no dependencies: importing it costs the pane nothing.
 */

const KEY = Symbol.for('reintegratie-definitieset.functies.profiel');

type Listener = (profile: unknown | null) => void;

type Channel = { listener: Listener | null };

function channel(): Channel {
  const holder = globalThis as unknown as Record<symbol, Channel | undefined>;
  let c = holder[KEY];
  if (c === undefined) {
    c = { listener: null };
    holder[KEY] = c;
  }
  return c;
}

/** The functions runtime listens (one listener: the latest runtime started). */
export function listenForProfileChanges(listener: Listener): void {
  channel().listener = listener;
}

/**
 * For the task pane: the profile stored in the workbook changed (its public
 * JSON, or null when removed). Returns whether a functions runtime was there
 * to hear it (not in the browser workbench, or before the runtime started).
 * The REINT formulas already in cells recalculate when Excel recalculates;
 * the pane asks Excel for that through the Office adapter.
 */
export function functionsProfileChanged(profile: unknown | null): boolean {
  const listener = channel().listener;
  if (listener === null) return false;
  listener(profile);
  return true;
}
