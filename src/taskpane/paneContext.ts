/**
 * What every section of the pane shares: the port, the host, the
 * definition set, how to pause long work and save a file, and the state
 * stored in the workbook (profile, accepted findings) with the active
 * profile derived from it.
 */
import { createContext, useContext } from 'react';
import type { DefinitionSet } from '../definitions/definitionSet';
import type { EffectiveDefinitions, Profile } from '../definitions/profile';
import type { StoredState, WorkbookPort } from '../workbook/port';

export type PaneHost = 'excel' | 'werkbank';

/** The active profile as every section shows it. */
export interface ActiveProfile {
  readonly profile: Profile | null;
  readonly defs: EffectiveDefinitions;
  /** Dutch reason when the workbook stores a profile that is not valid (the standard set is then used for display). */
  readonly error: string | null;
}

export interface PaneContextValue {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  readonly set: DefinitionSet;
  readonly workbookName: string;
  readonly pause: () => Promise<void>;
  readonly saveFile: (name: string, data: Blob) => void;
  /** The stored state as last read (null until read). */
  readonly stored: StoredState | null;
  readonly active: ActiveProfile;
  /** Reads the stored state again (after a change by any section). */
  readonly refreshStored: () => Promise<StoredState>;
  /** Tells the host the stored profile changed (the functions reload theirs). */
  readonly profileChanged: (profile: Profile | null) => void;
  /** Shows a section (e.g. "Profiel" from the profile line). */
  readonly showSection: (section: SectionId) => void;
}

export type SectionId = 'controleren' | 'termen' | 'definities' | 'profiel' | 'sjablonen' | 'vergelijken';

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue {
  const value = useContext(PaneContext);
  if (value === null) throw new Error('usePane outside the pane');
  return value;
}
