/**
 * The only module that touches the globals of office.js (`Office`, `Excel`):
 * waiting for Office, the real Excel host for the adapter, the theme, and the
 * ribbon's action registration. Everything else gets what it needs from
 * here or from the adapter (a test checks that no other module names these
 * globals).
 *
 * office.js itself is loaded by the task pane page from Microsoft's CDN; in
 * the functions runtime of a shared runtime it is the same page. Nothing here
 * runs at import time.
 */
import type { ExcelHost, RequestContext } from './excelApi';

/** Where the add-in runs, once Office is ready. */
export interface OfficeReadyInfo {
  /** "Excel" inside Excel; null when office.js runs outside an Office host (a plain browser tab). */
  readonly host: string | null;
  readonly platform: string | null;
}

/** Whether office.js is on the page at all. */
export function officeAvailable(): boolean {
  return typeof Office !== 'undefined' && typeof Office.onReady === 'function';
}

/** Resolves when office.js is initialised (Office.onReady). */
export async function officeReady(): Promise<OfficeReadyInfo> {
  if (!officeAvailable()) throw new Error('Office.js is niet geladen: open deze pagina als invoegtoepassing in Excel.');
  const info = await Office.onReady();
  return { host: info.host === null ? null : String(info.host), platform: info.platform === null ? null : String(info.platform) };
}

/** The real Excel, as the adapter's host. The compiler checks here that Excel's API fits the adapter's types. */
export function excelHost(): ExcelHost {
  return {
    run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
      return Excel.run((context: Excel.RequestContext) => batch(context));
    },
    isSetSupported(version: string): boolean {
      return Office.context.requirements.isSetSupported('ExcelApi', version);
    },
  };
}

/** Whether Office shows a dark theme (Excel has no theme-changed event: read it on start and when the pane is shown). */
export function officeDarkTheme(): boolean {
  const theme = Office.context?.officeTheme;
  if (theme === undefined || theme === null) return false;
  return isDarkColour(theme.bodyBackgroundColor);
}

function isDarkColour(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (m === null) return false;
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

/** The open workbook's file name (from its URL or path), or null when Excel does not say (a new, unsaved workbook). */
export function workbookFileName(): string | null {
  const url = Office.context?.document?.url;
  if (typeof url !== 'string' || url === '') return null;
  let name = (url.split(/[\\/]/).pop() ?? '').split('?')[0];
  try {
    name = decodeURIComponent(name);
  } catch {
    // A stray % in the name: shown as it is.
  }
  return name === '' ? null : name;
}

/** Shows the task pane (a ribbon command in the shared runtime). */
export function showTaskPane(): Promise<void> {
  return Office.addin.showAsTaskpane();
}

/** Registers a ribbon action (ExtensionPoint action by id); `done` tells Office the command finished. */
export function associateAction(id: string, action: () => Promise<void>): void {
  Office.actions.associate(id, (event: Office.AddinCommands.Event) => {
    action().then(
      () => event.completed(),
      (error: unknown) => {
        event.completed();
        throw error;
      },
    );
  });
}
