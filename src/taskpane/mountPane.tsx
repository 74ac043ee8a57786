/**
 * The task pane's one entry for a host: `mountPane(element, options)`
 * renders the pane into `element` and returns a handle to change options
 * later and to unmount. Excel's entry (src/taskpane/index.tsx) and the
 * browser workbench (src/workbench/) both call it; the pane itself never
 * touches Office: it gets the workbook as a port.
 *
 * Options:
 * - `port` (required): the workbook (the Office.js adapter in Excel, the
 *   in-memory workbook in the workbench). A new port given to `update`
 *   (another workbook opened) starts every section afresh.
 * - `host` (required): 'excel' | 'werkbank'.
 * - `theme`: 'light' (default) | 'dark'. Excel: map
 *   `Office.context.officeTheme.isDarkTheme` on start and call
 *   `handle.update({ theme })` when the pane becomes visible again (Excel has
 *   no theme-changed event). Workbench: prefers-color-scheme or its toggle.
 * - `workbookName`: the workbook as the user knows it (file name), used in
 *   the Controle sheet's title. Default "deze werkmap".
 * - `onProfileChange(profile | null)`: called after the user stored or
 *   removed the profile in the workbook, e.g. to reload the custom
 *   functions' profile. Default: nothing.
 * - `saveFile(name, blob)`: how a file reaches the user (profile export).
 *   Default: a download link; a host without downloads may pass its own.
 * - `set`: the definition set. Default: the standard set.
 * - `pause()`: how long work yields between steps. Default: a macrotask
 *   (MessageChannel), so input and painting go on during a check.
 */
import { createRoot } from 'react-dom/client';
import { standardDefinitionSet, type DefinitionSet } from '../definitions/definitionSet';
import type { Profile } from '../definitions/profile';
import type { WorkbookPort } from '../workbook/port';
import { yieldToHost } from './common/hostPause';
import { downloadFile } from './common/saveFile';
import { PaneApp, type PaneAppProps, type PaneTheme } from './PaneApp';
import type { PaneHost } from './paneContext';

export type { PaneHost } from './paneContext';
export type { PaneTheme } from './PaneApp';

export interface PaneOptions {
  readonly port: WorkbookPort;
  readonly host: PaneHost;
  readonly theme?: PaneTheme;
  readonly workbookName?: string;
  readonly onProfileChange?: (profile: Profile | null) => void;
  readonly saveFile?: (name: string, data: Blob) => void;
  readonly set?: DefinitionSet;
  readonly pause?: () => Promise<void>;
}

export interface PaneHandle {
  /** Changes options (theme, port, workbook name, ...) and renders again. */
  update(changes: Partial<PaneOptions>): void;
  unmount(): void;
}

const ignoreProfile = (): void => undefined;

/** The props of the pane for these options, defaults filled in. */
export function paneProps(options: PaneOptions): PaneAppProps {
  return {
    port: options.port,
    host: options.host,
    theme: options.theme ?? 'light',
    set: options.set ?? standardDefinitionSet(),
    workbookName: options.workbookName ?? 'deze werkmap',
    pause: options.pause ?? yieldToHost,
    saveFile: options.saveFile ?? downloadFile,
    onProfileChange: options.onProfileChange ?? ignoreProfile,
  };
}

export function mountPane(element: HTMLElement, options: PaneOptions): PaneHandle {
  const root = createRoot(element);
  let current = options;
  const render = () => root.render(<PaneApp {...paneProps(current)} />);
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
