/**
 * Accessibility of the pane in the workbench, in Chromium: an axe-core scan
 * of every section (with its content showing) in the light and the dark
 * theme finds no serious or critical violation; the whole check path works
 * with the keyboard alone; severities carry an icon and a word.
 */
import type { Page } from 'playwright-core';
import { artefact, eventually, openWorkbench, panel, sectionTab, seriousViolations, StepTimer, summaryCounts, type Session } from './workbenchBrowser';

/** Puts every section in a state that shows its content: a check, a term scan, a term opened, a deviation with an error. */
async function fillSections(page: Page): Promise<void> {
  await sectionTab(page, 'Controleren').click();
  await page.getByRole('button', { name: 'Controleren', exact: true }).click();
  await page.locator('[data-samenvatting]').waitFor();
  await panel(page, 'controleren').locator('[role=row][data-soort=bevinding]').first().click();
  await sectionTab(page, 'Termen').click();
  await page.getByRole('button', { name: 'Termen zoeken' }).click();
  await panel(page, 'termen').getByRole('region', { name: 'Gekozen term' }).waitFor();
  await sectionTab(page, 'Definities').click();
  await panel(page, 'definities').getByRole('list', { name: 'Termen' }).getByRole('button', { name: /^duurzame plaatsing/ }).first().click();
  await sectionTab(page, 'Profiel').click();
  await panel(page, 'profiel').getByRole('button', { name: 'Afwijking toevoegen' }).click();
  await panel(page, 'profiel').getByLabel(/^Term\b/).selectOption({ label: 'duurzame plaatsing' });
  await panel(page, 'profiel').getByLabel(/^Waarde/).fill('99');
}

const SECTIONS = [
  ['Controleren', 'controleren'],
  ['Termen', 'termen'],
  ['Definities', 'definities'],
  ['Profiel', 'profiel'],
  ['Sjablonen', 'sjablonen'],
  ['Vergelijken', 'vergelijken'],
] as const;

const timer = new StepTimer();
afterAll(() => timer.write('accessibility'));
beforeEach(() => timer.start());

describe.each(['light', 'dark'] as const)('axe-core, %s theme', (scheme) => {
  let session: Session;
  beforeAll(async () => {
    session = await openWorkbench({ colorScheme: scheme, bypassCSP: true });
    await fillSections(session.page);
  });
  afterAll(async () => session?.close());

  test('the workbench follows the theme', async () => {
    const background = await session.page.evaluate(() => getComputedStyle(document.querySelector('#paneel-controleren')?.closest('.fui-FluentProvider') as Element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? []).map(Number);
    const light = (r + g + b) / 3 > 128;
    expect(light).toBe(scheme === 'light');
  });

  test.each(SECTIONS)('section %s has no serious or critical violation', async (tab, id) => {
    await sectionTab(session.page, tab).click();
    await eventually(async () => expect(await panel(session.page, id).isVisible()).toBe(true));
    expect(await seriousViolations(session.page)).toEqual([]);
    await artefact(session.page, `${id}-${scheme === 'light' ? 'licht' : 'donker'}`);
    timer.stop(`axe ${tab} (${scheme})`);
  });

  test('the Negeer dialog has no serious or critical violation', async () => {
    await sectionTab(session.page, 'Controleren').click();
    const row = panel(session.page, 'controleren').locator('[role=row][data-soort=bevinding]').first();
    await row.click();
    await row.getByRole('button', { name: /^Negeer / }).click();
    await session.page.getByRole('dialog').waitFor();
    expect(await seriousViolations(session.page)).toEqual([]);
    await session.page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
  });
});

describe('keyboard only', () => {
  let session: Session;
  let page: Page;
  beforeAll(async () => {
    session = await openWorkbench();
    page = session.page;
  });
  afterAll(async () => session?.close());

  /** Presses Tab (or Shift+Tab) until the focused element matches; fails after `max` presses. */
  async function tabTo(match: (el: { role: string | null; name: string; tag: string }) => boolean, max = 60, back = false): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
      const el = await page.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        return { role: a?.getAttribute('role') ?? null, name: (a?.getAttribute('aria-label') ?? a?.textContent ?? '').trim(), tag: a?.tagName.toLowerCase() ?? '' };
      });
      if (match(el)) return;
    }
    throw new Error('element not reached with the keyboard');
  }

  test('check, walk the findings, select a cell, ignore one, switch sections: all with the keyboard', async () => {
    timer.start();
    await tabTo((el) => el.tag === 'button' && el.role === null && el.name === 'Controleren');
    await page.keyboard.press('Enter');
    await page.locator('[data-samenvatting]').waitFor();
    const before = await summaryCounts(page);

    // Into the findings list: the active row takes the focus; arrows walk; Enter selects the cell.
    await tabTo((el) => el.role === 'row');
    await page.keyboard.press('ArrowDown');
    const cell = await page.evaluate(() => document.activeElement?.getAttribute('data-cel'));
    expect(cell).toMatch(/^\S+![A-Z]+\d+$/);
    await page.keyboard.press('Enter');
    const [, address] = (cell as string).split('!');
    await eventually(async () => expect(await page.locator(`[role=gridcell][data-adres="${address}"]`).getAttribute('aria-selected')).toBe('true'));

    // The row's Negeer button is next in the tab order; the dialog takes the focus and gives it back.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Negeer');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await page.keyboard.type('Afgesproken.');
    await tabTo((el) => el.name === 'Negeren');
    await page.keyboard.press('Enter');
    await eventually(async () => expect(await summaryCounts(page)).not.toEqual(before));
    const after = await summaryCounts(page);
    expect(after.fout + after.waarschuwing + after.info).toBe(before.fout + before.waarschuwing + before.info - 1);

    // Sections by the keyboard: the arrows in the tab list open the next section.
    await tabTo((el) => el.role === 'tab' && el.name === 'Controleren', 80, true);
    await page.keyboard.press('ArrowRight');
    await eventually(async () => expect(await panel(page, 'termen').isVisible()).toBe(true));
    timer.stop('toetsenbord: controleren, bevindingen, negeren, onderdelen');
  });

  test('a range selected with the keyboard in the grid is what Termen scans as the selection', async () => {
    timer.start();
    await page.getByRole('tab', { name: 'Cliënten', exact: true }).click();
    await page.locator('[role=grid][data-blad]').focus();
    // From A1 to U3 with the keyboard: the header row holds "Klantmanager" (U3).
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+End');
    await sectionTab(page, 'Termen').click();
    await panel(page, 'termen').getByRole('radio', { name: 'Selectie' }).check();
    await page.getByRole('button', { name: 'Termen zoeken' }).click();
    await eventually(async () => expect(await panel(page, 'termen').innerText()).toMatch(/1 bevinding in Cliënten!A1:[A-Z]+3/));
    expect(await panel(page, 'termen').locator('[role=row][data-cel]').getAttribute('data-cel')).toBe('Cliënten!U3');
    timer.stop('toetsenbord: selectie in het raster, termen in de selectie');
  });

  test('every severity is shown with an icon and a word', async () => {
    await sectionTab(page, 'Controleren').click();
    for (const [severity, word] of [['fout', /fouten?/], ['waarschuwing', /waarschuwingen?/], ['info', /info/]] as const) {
      const count = page.locator(`[data-samenvatting] [data-ernst=${severity}]`);
      expect(await count.locator('svg').count()).toBe(1);
      expect(await count.innerText()).toMatch(word);
    }
  });
});
