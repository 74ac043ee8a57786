/**
 * STUB until the task pane lands (issue 7, branch "pane"): their
 * src/taskpane/mountPane.tsx replaces this file at merge. It shows a Fluent
 * "Laden…" message so that the Excel entry (index.tsx) and the build work,
 * and has the same options and handle as the real pane, as far as the Excel
 * entry uses them.
 */
import { FluentProvider, Spinner, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { Profile } from '../definitions/profile';
import type { WorkbookPort } from '../workbook/port';

export type PaneHost = 'excel' | 'werkbank';
export type PaneTheme = 'light' | 'dark';

export interface PaneOptions {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  readonly theme?: PaneTheme;
  /** The workbook as the user knows it (file name). */
  readonly workbookName?: string;
  /** Called after the user stored or removed the profile in the workbook. */
  readonly onProfileChange?: (profile: Profile | null) => void;
}

export interface PaneHandle {
  update(changes: Partial<PaneOptions>): void;
  unmount(): void;
}

export function mountPane(element: HTMLElement, options: PaneOptions): PaneHandle {
  const root = createRoot(element);
  let current = options;
  const render = () =>
    root.render(
      <FluentProvider theme={current.theme === 'dark' ? webDarkTheme : webLightTheme}>
        <Spinner label="Laden…" />
      </FluentProvider>,
    );
  render();
  return {
    update(changes) {
      current = { ...current, ...changes };
      render();
    },
    unmount() {
      root.unmount();
    },
  };
}
