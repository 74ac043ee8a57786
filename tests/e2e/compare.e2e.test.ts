/**
 * The pane's section Vergelijken in the workbench, in Chromium: the two
 * example submissions chosen through the browser's file dialog are compared
 * with the figures `reintegratie vergelijk --json` gives for the same files;
 * the comparison downloads as a workbook of eight sheets and goes into the
 * open workbook, where putting it again asks first. No serious or critical
 * axe-core violation in the section or its dialog; nothing leaves the page.
 * Screenshots in tests/e2e/artefacts/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { runCli, tempDir } from '../support/runCli';
import { artefact, eventually, openWorkbench, panel, ROOT, sectionTab, seriousViolations, StepTimer, type Session } from './workbenchBrowser';

const FIRST = join(ROOT, 'examples', 'inzending-noord-kennemerland.xlsx');
const SECOND = join(ROOT, 'examples', 'inzending-noord-kennemerland-arbeidspoort.xlsx');

let session: Session;
let page: Page;
const timer = new StepTimer();

beforeAll(async () => {
  // bypassCSP only to inject axe-core.
  session = await openWorkbench({ bypassCSP: true });
  page = session.page;
});
afterAll(async () => {
  timer.write('vergelijken');
  await session?.close();
});
beforeEach(() => timer.start());

const section = (p: Page) => panel(p, 'vergelijken');
const sheetTab = (p: Page, name: string) => p.getByRole('tablist', { name: 'Werkbladen' }).locator(`[role=tab][data-blad="${name}"]`);

/** The comparison's table as texts: the header, then each row. */
async function tableTexts(p: Page): Promise<string[][]> {
  return section(p)
    .locator('table')
    .evaluate((table) => [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? '')));
}

interface CliGroup {
  naam: string;
  rijen: number;
  indicatoren: Record<string, number | null>;
}

describe('Vergelijken in the workbench', () => {
  test('both example submissions: the vendors side by side with the figures of reintegratie vergelijk', async () => {
    await sectionTab(page, 'Vergelijken').click();
    await eventually(async () => expect(await section(page).isVisible()).toBe(true));
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), section(page).getByRole('button', { name: 'Bestanden kiezen (.xlsx)' }).click()]);
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles([FIRST, SECOND]);
    await section(page).getByRole('list', { name: 'Gekozen bestanden' }).getByRole('listitem').nth(1).waitFor();
    await section(page).getByRole('button', { name: 'Vergelijken', exact: true }).click();
    await section(page).locator('table').waitFor();
    expect(await section(page).locator('[data-uitkomst]').innerText()).toBe('2 inzendingen met samen 500 cliëntrijen, herberekend met definitieset 1.0.0 en de standaardset.');
    expect(await section(page).getByRole('table').innerText()).toContain('Arbeidspoort B.V.');

    await section(page).getByLabel('Weergave').selectOption({ label: 'Per opdrachtnemer' });
    await eventually(async () => expect((await tableTexts(page))[0][0]).toBe('Opdrachtnemer'));
    const rows = (await tableTexts(page)).slice(1);
    const cli = JSON.parse(runCli(['vergelijk', FIRST, SECOND, '--json']).stdout) as { groeperingen: { opdrachtnemer: CliGroup[] }; totaal: CliGroup };
    const expected = [...cli.groeperingen.opdrachtnemer, cli.totaal].map((g) => [
      g.naam,
      String(g.rijen),
      String(g.indicatoren.plaatsingen),
      (g.indicatoren.plaatsingspercentage as number).toFixed(1).replace('.', ','),
    ]);
    // Columns: name, Inzendingen, Rijen, Fouten per 100 rijen, Plaatsingen, Plaatsing %, ...
    expect(rows.map((r) => [r[0], r[2], r[4], r[5]])).toEqual(expected);
    expect(rows.map((r) => r[0])).toEqual(['Arbeidspoort B.V.', 'Werkpad Re-integratie B.V.', 'Totaal']);
    await artefact(page, 'vergelijken');
    await artefact(section(page), 'vergelijken-paneel');
    expect(await seriousViolations(page)).toEqual([]);
    timer.stop('Twee inzendingen kiezen en vergelijken');
  });

  test('download as a workbook of eight sheets; into the open workbook, and again only after asking', async () => {
    const [file] = await Promise.all([page.waitForEvent('download'), section(page).getByRole('button', { name: 'Download als werkmap' }).click()]);
    expect(file.suggestedFilename()).toBe('vergelijking.xlsx');
    const path = join(tempDir(), 'vergelijking.xlsx');
    await file.saveAs(path);
    expect(readXlsx(readFileSync(path)).sheets.map((s) => s.name)).toEqual(['Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'Per gemeente', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer']);

    await section(page).getByRole('button', { name: 'Zet in deze werkmap' }).click();
    await eventually(async () => expect(await section(page).locator('[data-melding=success]').innerText()).toContain('staat in deze werkmap'));
    await sheetTab(page, 'Per gemeente').click();
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toBe('Gemeente'));
    expect(await sheetTab(page, 'Cliënten').count()).toBe(1);

    await section(page).getByRole('button', { name: 'Zet in deze werkmap' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('[data-blad]').allInnerTexts()).toContain('Per gemeente (van een eerdere vergelijking)');
    expect(await seriousViolations(page)).toEqual([]);
    await artefact(page, 'vergelijken-vervangen');
    await dialog.getByRole('button', { name: 'Annuleren' }).click();
    await dialog.waitFor({ state: 'hidden' });

    expect(session.foreignRequests).toEqual([]);
    expect(session.dialogs).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    timer.stop('Downloaden en in de werkmap zetten');
  });
});
