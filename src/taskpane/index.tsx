/**
 * The task pane inside Excel (webpack entry "taskpane"): waits for Office,
 * creates the Office adapter and mounts the pane on it. The pane itself
 * (mountPane) never touches Office; it gets the port. When the pane stores
 * another profile, the REINT functions hear it and Excel recalculates them.
 * The theme is read on start and whenever the pane is shown again.
 */
import { functionsProfileChanged } from '../functions/profileChannel';
import { excelHost, officeAvailable, officeDarkTheme, officeReady, workbookFileName } from '../workbook/office/officeHost';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { mountPane } from './mountPane';

function showMessage(element: HTMLElement, text: string): void {
  const p = document.createElement('p');
  p.textContent = text;
  p.setAttribute('role', 'alert');
  element.replaceChildren(p);
}

async function start(element: HTMLElement): Promise<void> {
  if (!officeAvailable()) {
    showMessage(element, 'Open deze pagina als invoegtoepassing in Excel. Zonder Excel: gebruik de werkbank.');
    return;
  }
  await officeReady();
  const port = new OfficeWorkbook(excelHost());
  const theme = () => (officeDarkTheme() ? 'dark' : 'light');
  const pane = mountPane(element, {
    port,
    host: 'excel',
    theme: theme(),
    workbookName: workbookFileName() ?? undefined,
    onProfileChange: (profile) => {
      functionsProfileChanged(profile);
      // The REINT formulas in cells compute again with the new profile.
      void port.recalculate();
    },
  });
  // Excel has no theme-changed event: look again whenever the pane is shown.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') pane.update({ theme: theme() });
  });
}

const container = document.getElementById('container');
if (container !== null) {
  start(container).catch((error: unknown) => {
    showMessage(container, `Het taakvenster kon niet starten: ${error instanceof Error ? error.message : String(error)}`);
    throw error;
  });
}
