/**
 * Getting workbooks into the workbench, in Chromium: the file input and
 * drag and drop, a Dutch message for a file that is not a workbook, cell
 * markup shown as text (no element, no dialog), and the built folder
 * opened straight from disk (file://) working offline.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli, tempDir } from '../support/runCli';
import { artefact, eventually, openWorkbench, panel, ROOT, sectionTab, StepTimer, summaryCounts, type Session } from './workbenchBrowser';

const HOSTILE = '<img src=x onerror=alert(1)>';
const timer = new StepTimer();
afterAll(() => timer.write('files'));
beforeEach(() => timer.start());

async function hostileWorkbook(dir: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Notities');
  sheet.getCell('A1').value = HOSTILE;
  sheet.getCell('A2').value = `${HOSTILE} De klantmanager belt.`;
  sheet.getCell('B1').value = '<script>alert(2)</script>';
  const path = join(dir, 'onveilig.xlsx');
  await workbook.xlsx.writeFile(path);
  return path;
}

describe('over http', () => {
  let session: Session;
  let dir: string;
  beforeAll(async () => {
    dir = tempDir();
    session = await openWorkbench();
  });
  afterAll(async () => session?.close());

  test('a workbook chosen with the file input opens; markup in its cells is shown as text and opens no dialog', async () => {
    const { page } = session;
    await page.locator('input[type=file]').setInputFiles(await hostileWorkbook(dir));
    await page.locator('[data-werkmap="onveilig.xlsx"]').waitFor();
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toBe(HOSTILE));
    expect(await page.locator('#cel-0-1').innerText()).toBe('<script>alert(2)</script>');

    await page.getByRole('button', { name: 'Controleren', exact: true }).click();
    await page.locator('[data-samenvatting]').waitFor();
    const row = panel(page, 'controleren').locator('[role=row][data-cel="Notities!A2"]');
    await row.click();
    await eventually(async () => expect(await page.getByRole('region', { name: 'Gekozen bevinding' }).innerText()).toContain(`Waarde: klantmanager`));

    await sectionTab(page, 'Termen').click();
    await page.getByRole('button', { name: 'Termen zoeken' }).click();
    const before = page.getByRole('region', { name: 'Gekozen term' }).locator('[data-voorbeeld=voor]');
    await eventually(async () => expect(await before.innerText()).toBe(`${HOSTILE} De klantmanager belt.`));

    expect(await page.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    expect(session.dialogs).toEqual([]);
    await artefact(page, 'onveilige-cel');
    timer.stop('Bestand kiezen, opmaak in cellen blijft tekst');
  });

  test('a workbook dropped on the page opens', async () => {
    const { page } = session;
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Gesleept').getCell('A1').value = 'Uit een map gesleept';
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const transfer = await page.evaluateHandle((data) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], 'gesleept.xlsx', { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
      return dt;
    }, [...buffer]);
    const target = page.locator('main');
    await target.dispatchEvent('dragenter', { dataTransfer: transfer });
    await target.dispatchEvent('dragover', { dataTransfer: transfer });
    await eventually(async () => expect(await page.getByText('Laat los om de werkmap te openen').count()).toBe(1));
    await target.dispatchEvent('drop', { dataTransfer: transfer });
    await page.locator('[data-werkmap="gesleept.xlsx"]').waitFor();
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toBe('Uit een map gesleept'));
    expect(await page.getByText('Laat los om de werkmap te openen').count()).toBe(0);
    timer.stop('Slepen en neerzetten');
  });

  test('a file that is not a workbook gives one Dutch sentence and keeps the open workbook', async () => {
    const { page } = session;
    const broken = join(dir, 'kapot.xlsx');
    writeFileSync(broken, 'dit is geen werkmap');
    await page.locator('input[type=file]').setInputFiles(broken);
    await eventually(async () => expect(await page.locator('main').innerText()).toMatch(/kapot\.xlsx kan niet worden geopend: .+\./));
    expect(await page.locator('[data-werkmap]').getAttribute('data-werkmap')).toBe('gesleept.xlsx');
    const text = join(dir, 'notitie.txt');
    writeFileSync(text, 'tekst');
    await page.locator('input[type=file]').setInputFiles(text);
    await eventually(async () => expect(await page.locator('main').innerText()).toContain('notitie.txt is geen Excel-werkmap: kies een .xlsx-bestand.'));
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
  });
});

describe('opened from disk', () => {
  test('the built folder works from file:// with the example and the check, without any request', async () => {
    const session = await openWorkbench({ via: 'file' });
    try {
      const requests: string[] = [];
      session.page.on('request', (r) => {
        if (!r.url().startsWith('file://') && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) requests.push(r.url());
      });
      await session.page.getByRole('button', { name: 'Controleren', exact: true }).click();
      await session.page.locator('[data-samenvatting]').waitFor();
      const cli = JSON.parse(runCli(['controleer', join(ROOT, 'examples', 'inzending-noord-kennemerland.xlsx'), '--json']).stdout).samenvatting;
      expect(await summaryCounts(session.page)).toEqual({ fout: cli.fout, waarschuwing: cli.waarschuwing, info: cli.info });
      expect(requests).toEqual([]);
      expect(session.pageErrors).toEqual([]);
      // One classic script with a relative path: what a page from disk can load.
      const scripts = await session.page.evaluate(() => [...document.scripts].map((s) => ({ src: s.getAttribute('src'), type: s.type })));
      expect(scripts).toEqual([{ src: 'werkbank.js', type: '' }]);
    } finally {
      await session.close();
    }
    timer.stop('Werkbank vanaf schijf (file://)');
  });
});
