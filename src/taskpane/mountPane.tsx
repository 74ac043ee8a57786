/**
 * STUB until the task pane lands (issue 7, branch "pane"): their
 * src/taskpane/mountPane.tsx replaces this file at merge. It shows a Fluent
 * "Laden…" message so that the Excel entry (index.tsx) and the build work.
 * The options are what the Excel entry passes; the real pane may take more.
 */
import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { WorkbookPort } from '../workbook/port';

export interface MountPaneOptions {
  readonly port: WorkbookPort;
  readonly host: 'excel' | 'werkbank';
  /** Office shows a dark theme (read by the host: components never ask Office). */
  readonly dark?: boolean;
  /**
   * Call after the profile stored in the workbook changed: the REINT
   * functions take it up and Excel recalculates them.
   */
  readonly onProfileChanged?: (profile: unknown | null) => Promise<void>;
}

/** Renders the pane into `element`; returns the function that removes it. */
export function mountPane(element: HTMLElement, options: MountPaneOptions): () => void {
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={options.dark === true ? webDarkTheme : webLightTheme}>
      <Spinner label="Laden…" />
    </FluentProvider>,
  );
  return () => root.unmount();
}
