/**
 * The task pane: the active profile on top, then the sections as tabs
 * (Controleren, Termen, Definities, Profiel, Sjablonen, Vergelijken;
 * SECTIONS). Every section keeps its
 * state while another is shown. The pane talks to the workbook only
 * through the port it is given.
 */
import {
  Button,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DefinitionSet } from '../definitions/definitionSet';
import { effectiveDefinitions, ProfileError, type Profile } from '../definitions/profile';
import { storedProfile } from '../workbook/flows/storedState';
import type { StoredState, WorkbookPort } from '../workbook/port';
import { CheckSection } from './check/CheckSection';
import { CompareSection } from './compare/CompareSection';
import { ErrorBoundary } from './common/ErrorBoundary';
import { errorText } from './common/errorText';
import { SectionTabs } from './common/SectionTabs';
import { DefinitionsSection } from './definitions/DefinitionsSection';
import { PaneContext, type ActiveProfile, type PaneContextValue, type PaneHost, type SectionId } from './paneContext';
import { ProfileSection } from './profile/ProfileSection';
import { TemplatesSection } from './templates/TemplatesSection';
import { TermsSection } from './terms/TermsSection';

export type PaneTheme = 'light' | 'dark';

export interface PaneAppProps {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  readonly theme: PaneTheme;
  readonly set: DefinitionSet;
  readonly workbookName: string;
  readonly pause: () => Promise<void>;
  readonly saveFile: (name: string, data: Blob) => void;
  readonly onProfileChange: (profile: Profile | null) => void;
}

export const SECTIONS: readonly { readonly id: SectionId; readonly label: string }[] = [
  { id: 'controleren', label: 'Controleren' },
  { id: 'termen', label: 'Termen' },
  { id: 'definities', label: 'Definities' },
  { id: 'profiel', label: 'Profiel' },
  { id: 'sjablonen', label: 'Sjablonen' },
  { id: 'vergelijken', label: 'Vergelijken' },
];

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    minHeight: '100%',
    boxSizing: 'border-box',
    padding: '10px 12px 16px',
    fontFamily: tokens.fontFamilyBase,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  profile: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: '6px' },
  muted: { color: tokens.colorNeutralForeground2 },
  panel: { paddingTop: '4px' },
});

function activeProfile(set: DefinitionSet, stored: StoredState | null): ActiveProfile {
  if (stored === null) return { profile: null, defs: effectiveDefinitions(set, null), error: null };
  try {
    const profile = storedProfile(stored, set);
    return { profile, defs: effectiveDefinitions(set, profile), error: null };
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    return { profile: null, defs: effectiveDefinitions(set, null), error: error.message.replace(/^het profiel in de werkmap is ongeldig: /, '') };
  }
}

function Pane(props: PaneAppProps) {
  const styles = useStyles();
  const [section, setSection] = useState<SectionId>('controleren');
  const [stored, setStored] = useState<StoredState | null>(null);
  const [storedError, setStoredError] = useState<string | null>(null);
  const { port, set, onProfileChange } = props;

  const refreshStored = useCallback(async () => {
    const state = await port.readStored();
    setStored(state);
    setStoredError(null);
    return state;
  }, [port]);

  useEffect(() => {
    refreshStored().catch((e) => setStoredError(errorText(e)));
  }, [refreshStored]);

  const active = useMemo(() => activeProfile(set, stored), [set, stored]);

  const context = useMemo<PaneContextValue>(
    () => ({
      port,
      host: props.host,
      set,
      workbookName: props.workbookName,
      pause: props.pause,
      saveFile: props.saveFile,
      stored,
      active,
      refreshStored,
      profileChanged: onProfileChange,
      showSection: setSection,
    }),
    [port, props.host, set, props.workbookName, props.pause, props.saveFile, stored, active, refreshStored, onProfileChange],
  );

  const panels: Record<SectionId, ReactNode> = {
    controleren: <CheckSection />,
    termen: <TermsSection />,
    definities: <DefinitionsSection />,
    profiel: <ProfileSection />,
    sjablonen: <TemplatesSection />,
    vergelijken: <CompareSection />,
  };

  return (
    <PaneContext.Provider value={context}>
      <div className={styles.root} data-host={props.host}>
        <div className={styles.profile} aria-live="polite">
          <Text size={200} className={styles.muted}>
            Definitieset {set.version} ·
          </Text>
          <Text size={200} weight="semibold" data-actief-profiel="">
            {active.error !== null
              ? 'Profiel: ongeldig (standaardset gebruikt)'
              : `Profiel: ${active.profile !== null ? active.profile.naam : 'geen (standaardset)'}`}
          </Text>
          {section !== 'profiel' && (
            <Button size="small" appearance="transparent" onClick={() => setSection('profiel')}>
              Wijzigen
            </Button>
          )}
        </div>
        {storedError !== null && (
          <MessageBar intent="error">
            <MessageBarBody>De opgeslagen gegevens van de werkmap zijn niet te lezen: {storedError}</MessageBarBody>
          </MessageBar>
        )}
        <SectionTabs label="Onderdelen" tabs={SECTIONS} selected={section} onSelect={setSection} />
        {SECTIONS.map((s) => (
          <div key={s.id} id={`paneel-${s.id}`} role="tabpanel" aria-labelledby={`tab-${s.id}`} hidden={section !== s.id} className={styles.panel}>
            <ErrorBoundary what={`Onderdeel ${s.label}`} resetKey={port}>
              {panels[s.id]}
            </ErrorBoundary>
          </div>
        ))}
      </div>
    </PaneContext.Provider>
  );
}

const portKeys = new WeakMap<WorkbookPort, number>();
let nextPortKey = 1;

/** The pane in its theme; another port (another workbook) starts every section afresh. */
export function PaneApp(props: PaneAppProps) {
  let key = portKeys.get(props.port);
  if (key === undefined) {
    key = nextPortKey++;
    portKeys.set(props.port, key);
  }
  return (
    <FluentProvider theme={props.theme === 'dark' ? webDarkTheme : webLightTheme} style={{ minHeight: '100%' }}>
      <Pane key={key} {...props} />
    </FluentProvider>
  );
}
