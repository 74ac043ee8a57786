/**
 * What the flows keep in a workbook: the contract profile and the accepted
 * findings ("genegeerd"). Each change reads the stored state, changes one
 * part and writes it back whole, so the other parts are never lost.
 */
import type { DefinitionSet } from '../../definitions/definitionSet';
import { parseProfile, ProfileError, type Profile } from '../../definitions/profile';
import type { Finding } from '../../engine/findings';
import { valueText } from '../../engine/findingPresentation';
import type { AcceptedFinding, StoredState, WorkbookPort } from '../port';

/** The stored profile, validated against the set; null when the workbook has none. Throws ProfileError (Dutch) when it is invalid. */
export function storedProfile(state: StoredState, set: DefinitionSet): Profile | null {
  if (state.profile === null) return null;
  try {
    return parseProfile(state.profile, set);
  } catch (error) {
    if (error instanceof ProfileError) throw new ProfileError(`het profiel in de werkmap is ongeldig: ${error.message}`);
    throw error;
  }
}

/** Stores a profile (its public JSON) in the workbook, or removes it (null). */
export async function storeProfile(port: WorkbookPort, profile: Profile | null): Promise<void> {
  const state = await port.readStored();
  await port.writeStored({ ...state, profile });
}

/** Stores the mapping of a vendor's table (templates). */
export async function storeMapping(port: WorkbookPort, mapping: unknown | null): Promise<void> {
  const state = await port.readStored();
  await port.writeStored({ ...state, mapping });
}

function sameFinding(a: AcceptedFinding, f: Finding): boolean {
  return a.sheet === f.sheet && a.cell === f.cell && a.code === f.code && a.fragment === f.fragment && a.value === valueText(f.value);
}

/** The accepted entry for a finding (when the user accepts it). */
export function acceptance(f: Finding, reason: string | null, at: Date): AcceptedFinding {
  const trimmed = reason?.trim() ?? '';
  return {
    sheet: f.sheet,
    cell: f.cell,
    code: f.code,
    value: valueText(f.value),
    fragment: f.fragment,
    reason: trimmed === '' ? null : trimmed,
    at: at.toISOString(),
  };
}

/** Splits findings into those still counted and those the user accepted. */
export function splitAccepted(findings: readonly Finding[], accepted: readonly AcceptedFinding[]): { counted: Finding[]; accepted: Finding[] } {
  if (accepted.length === 0) return { counted: findings.slice(), accepted: [] };
  const byCell = new Map<string, AcceptedFinding[]>();
  for (const a of accepted) {
    const key = `${a.sheet}\u0000${a.cell}`;
    const list = byCell.get(key);
    if (list === undefined) byCell.set(key, [a]);
    else list.push(a);
  }
  const counted: Finding[] = [];
  const left: Finding[] = [];
  for (const f of findings) {
    const list = byCell.get(`${f.sheet}\u0000${f.cell}`);
    if (list !== undefined && list.some((a) => sameFinding(a, f))) left.push(f);
    else counted.push(f);
  }
  return { counted, accepted: left };
}

/** Accepts a finding: stored in the workbook, not counted on the next check. */
export async function acceptFinding(port: WorkbookPort, finding: Finding, reason: string | null, at = new Date()): Promise<AcceptedFinding> {
  const state = await port.readStored();
  const entry = acceptance(finding, reason, at);
  const others = state.accepted.filter((a) => !sameFinding(a, finding));
  await port.writeStored({ ...state, accepted: [...others, entry] });
  return entry;
}

function sameEntry(a: AcceptedFinding, b: AcceptedFinding): boolean {
  return a.sheet === b.sheet && a.cell === b.cell && a.code === b.code && a.fragment === b.fragment && a.value === b.value;
}

/** Takes an accepted finding back: it counts again on the next check. */
export async function restoreAccepted(port: WorkbookPort, entry: AcceptedFinding): Promise<void> {
  const state = await port.readStored();
  await port.writeStored({ ...state, accepted: state.accepted.filter((a) => !sameEntry(a, entry)) });
}
