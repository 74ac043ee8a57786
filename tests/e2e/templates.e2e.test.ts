/**
 * The pane's section Sjablonen in the workbench, in Chromium: the report
 * template inserted into an empty workbook checks clean and a report
 * already there is only replaced after "Vervangen"; a vendor's own export
 * mapped in through the editor (proposals shown, an open value chosen, the
 * report checks without errors, the saved mapping runs again in one
 * click); the contract form (a Dutch problem per field, data loaded from
 * JSON) inserting the standard contract, and placeholders filled in a
 * workbook of the municipality's own. Screenshots in tests/e2e/artefacts/.
 */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { runCli, tempDir } from '../support/runCli';
import { writeWorkbookXlsx } from '../../scripts/submissionGenerator';
import { vendorExport } from '../../scripts/vendorExport';
import { artefact, eventually, openWorkbench, panel, ROOT, sectionTab, StepTimer, summaryCounts, type Session } from './workbenchBrowser';

const EXPORT = join(ROOT, 'examples', 'export-werkpad-kwartaal-1.xlsx');
const CONTRACT_DATA = join(ROOT, 'examples', 'contract-gegevens-noord-kennemerland.json');

let session: Session;
let page: Page;
let dir: string;
const timer = new StepTimer();

beforeAll(async () => {
  dir = tempDir();
  session = await openWorkbench();
  page = session.page;
});
afterAll(async () => {
  timer.write('sjablonen');
  await session?.close();
});
beforeEach(() => timer.start());

const part = (p: Page, name: 'rapportage' | 'omzetten' | 'contract') => panel(p, 'sjablonen').locator(`[data-onderdeel=${name}]`);
const sheetTab = (p: Page, name: string) => p.getByRole('tablist', { name: 'Werkbladen' }).locator(`[role=tab][data-blad="${name}"]`);

async function openFile(p: Page, path: string, name: string): Promise<void> {
  await p.locator('input[type=file]').setInputFiles(path);
  await p.locator(`[data-werkmap="${name}"]`).waitFor();
}

async function showTemplates(p: Page): Promise<void> {
  await sectionTab(p, 'Sjablonen').click();
  await eventually(async () => expect(await panel(p, 'sjablonen').isVisible()).toBe(true));
}

/** Downloads the workbook as the page offers it; returns the path. */
async function download(p: Page): Promise<string> {
  const [file] = await Promise.all([p.waitForEvent('download'), p.getByRole('button', { name: 'Downloaden' }).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** The CLI's check of a file: status and counts. */
function cliCheck(path: string): { status: number | null; samenvatting: { rijen: number; fout: number; waarschuwing: number; info: number } } {
  const result = runCli(['controleer', path, '--json']);
  return { status: result.status, samenvatting: (JSON.parse(result.stdout) as { samenvatting: { rijen: number; fout: number; waarschuwing: number; info: number } }).samenvatting };
}

async function check(p: Page): Promise<{ fout: number; waarschuwing: number; info: number }> {
  await sectionTab(p, 'Controleren').click();
  const section = p.locator('#paneel-controleren section[data-controles]');
  const before = await section.getAttribute('data-controles');
  await p.getByRole('button', { name: 'Controleren', exact: true }).click();
  await p.waitForFunction((old) => document.querySelector('#paneel-controleren section[data-controles]')?.getAttribute('data-controles') !== old, before);
  return summaryCounts(p);
}

async function emptyWorkbook(name: string, fill?: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad1');
  fill?.(ws);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('Sjablonen in the workbench', () => {
  test('a report already there is only replaced after Vervangen', async () => {
    await showTemplates(page);
    await part(page, 'rapportage').getByRole('button', { name: 'Sjabloon invoegen' }).click();
    const warning = part(page, 'rapportage').locator('[data-melding=warning]');
    await eventually(async () => expect(await warning.innerText()).toContain('De werkmap heeft al een rapportage: blad Cliënten heeft'));
    expect(await warning.getByRole('button', { name: 'Vervangen' }).count()).toBe(1);
    await warning.getByRole('button', { name: 'Annuleren' }).click();
    expect(await part(page, 'rapportage').locator('[data-melding]').count()).toBe(0);
    timer.stop('Rapportage al aanwezig: eerst bevestigen');
  });

  test('the report template in an empty workbook: the sheets, the headers, and a check without findings', async () => {
    await openFile(page, await emptyWorkbook('leeg.xlsx'), 'leeg.xlsx');
    await showTemplates(page);
    const report = part(page, 'rapportage');
    await report.getByLabel('Periode van').fill('31-02-2026');
    await eventually(async () => expect(await report.getByText('Geen datum: schrijf dd-mm-jjjj.').count()).toBe(1));
    await report.getByLabel('Periode van').fill('01-01-2026');
    await report.getByLabel('Gemeente').fill('Alkmaar');
    await report.getByRole('button', { name: 'Sjabloon invoegen' }).click();
    await eventually(async () => expect(await report.locator('[data-melding=success]').innerText()).toContain('Sjabloon ingevoegd'));
    await sheetTab(page, 'Cliënten').click();
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toBe('Cliëntnummer'));
    expect(await sheetTab(page, 'Codelijsten').count()).toBeLessThanOrEqual(1);
    await artefact(page, 'sjablonen-rapportage');
    expect(await check(page)).toEqual({ fout: 0, waarschuwing: 0, info: 0 });
    // The template as a file: the CLI checks it clean too.
    expect(cliCheck(await download(page))).toEqual({ status: 0, samenvatting: { rijen: 0, fout: 0, waarschuwing: 0, info: 0 } });
    timer.stop('Sjabloon invoegen en controleren');
  });

  test('a vendor export mapped in through the editor checks without errors; the saved mapping runs again in one click', async () => {
    await openFile(page, EXPORT, 'export-werkpad-kwartaal-1.xlsx');
    await showTemplates(page);
    const mapping = part(page, 'omzetten');
    await eventually(async () => expect(await mapping.getByLabel('Blad met de eigen tabel').inputValue()).toBe('Export'));
    const klantnr = mapping.getByRole('table', { name: 'Kolommen van de eigen tabel' }).locator('tr[data-bron="Klantnr"]');
    expect(await klantnr.getByRole('combobox').inputValue()).toBe('clientnummer');
    expect(await klantnr.innerText()).toContain('bekende variant');
    expect(await mapping.locator('tr[data-bron="Datum plaatsing werk"]').innerText()).toContain('lijkt erop: controleer');
    expect(await mapping.locator('tr[data-bron="Klantmanager"]').getByRole('combobox').inputValue()).toBe('');
    const values = mapping.getByRole('table', { name: 'Eigen waarden en hun code' });
    expect(await values.locator('tr[data-waarde="In traject"]').getByRole('combobox').inputValue()).toBe('Lopend');
    await artefact(mapping, 'sjablonen-omzetten-voorstel');

    await mapping.getByRole('button', { name: 'Omzetten naar Cliënten' }).click();
    await eventually(async () => expect(await mapping.locator('[data-melding=success]').innerText()).toContain('240 rijen van blad Export omgezet naar Cliënten'));
    await sheetTab(page, 'Cliënten').click();
    await eventually(async () => expect(await page.locator('#cel-1-0').innerText()).toBe('K000001'));
    const counts = await check(page);
    expect(counts.fout).toBe(0);
    await artefact(page, 'sjablonen-omzetten-gecontroleerd');
    // The workbook as a file: the CLI finds no error either, in 240 client rows.
    const file = cliCheck(await download(page));
    expect(file.status).toBe(0);
    expect(file.samenvatting).toMatchObject({ rijen: 240, fout: 0 });

    // The mapping saved as JSON runs on the command line without questions.
    await showTemplates(page);
    const [json] = await Promise.all([page.waitForEvent('download'), mapping.getByRole('button', { name: 'Koppeling opslaan (JSON)' }).click()]);
    const mappingFile = join(dir, json.suggestedFilename());
    await json.saveAs(mappingFile);
    const cli = runCli(['omzetten', EXPORT, '--koppeling', mappingFile, '--uit', join(dir, 'uit-de-werkbank.xlsx'), '--json']);
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ rijen: { geschreven: 240 }, open: [], controle: { fout: 0 } });

    // Next period, one click: the saved mapping; the report there is replaced after confirming.
    await showTemplates(page);
    await mapping.getByRole('button', { name: 'Omzetten met de opgeslagen koppeling' }).click();
    const warning = mapping.locator('[data-melding=warning]');
    await eventually(async () => expect(await warning.innerText()).toContain('De werkmap heeft al een rapportage'));
    await warning.getByRole('button', { name: 'Vervangen' }).click();
    await eventually(async () => expect(await mapping.locator('[data-melding=success]').innerText()).toContain('240 rijen'));
    timer.stop('Eigen tabel omzetten, controleren, opgeslagen koppeling');
  });

  test('a new label and a typo: the typo is proposed, the new label stays open until chosen', async () => {
    const period2 = vendorExport({ rows: 120, seed: 77, firstClient: 241, unknownStatus: 'Wachtlijst' });
    const values = period2.workbook.sheets[0].values.map((r) => r?.slice());
    const status = period2.headers.indexOf('Stand van zaken');
    const placed = values.findIndex((r, i) => i > 2 && r?.[status] === 'Plaatsing');
    values[placed]![status] = 'Geplaats';
    const path = join(dir, 'export-2.xlsx');
    await writeWorkbookXlsx({ sheets: [{ ...period2.workbook.sheets[0], values }] }, path);
    await openFile(page, path, 'export-2.xlsx');
    await showTemplates(page);
    const mapping = part(page, 'omzetten');
    const table = mapping.getByRole('table', { name: 'Eigen waarden en hun code' });
    await eventually(async () => expect(await table.locator('tr[data-waarde="Geplaats"]').getByRole('combobox').inputValue()).toBe('Geplaatst'));
    expect(await table.locator('tr[data-waarde="Geplaats"]').innerText()).toContain('lijkt erop: controleer');
    const open = table.locator('tr[data-waarde="Wachtlijst"]');
    expect(await open.getAttribute('data-open')).toBe('');
    expect(await mapping.locator('[data-open-waarden]').innerText()).toContain('Eén waarde is nog open: ‘Wachtlijst’');
    const convert = mapping.getByRole('button', { name: 'Omzetten naar Cliënten' });
    expect(await convert.isDisabled()).toBe(true);
    await artefact(mapping, 'sjablonen-omzetten-open-waarde');
    await open.getByRole('combobox').selectOption('Aangemeld');
    await eventually(async () => expect(await convert.isDisabled()).toBe(false));
    await convert.click();
    await eventually(async () => expect(await mapping.locator('[data-melding=success]').innerText()).toContain('120 rijen'));
    expect((await check(page)).fout).toBe(0);
    timer.stop('Nieuw label open, tikfout voorgesteld');
  });

  test('the contract form: a Dutch problem per field, data from JSON, the standard contract inserted', async () => {
    await openFile(page, await emptyWorkbook('contract.xlsx'), 'contract.xlsx');
    await showTemplates(page);
    const contract = part(page, 'contract');
    await contract.getByRole('button', { name: 'Standaardcontract invoegen' }).click();
    await eventually(async () => expect(await contract.locator('[data-melding=error]').innerText()).toContain('De contractgegevens hebben nog fouten'));
    expect(await contract.locator('[data-problemen]').innerText()).toMatch(/\d+ velden hebben nog een fout/);
    expect(await contract.getByRole('group', { name: 'Opdrachtgever' }).getByText('Is leeg.').count()).toBe(1);
    await contract.getByLabel('Budget (euro)').fill('veel');
    await eventually(async () => expect(await contract.getByText('Verwacht een getal.').count()).toBe(1));
    await artefact(contract, 'sjablonen-contract-fouten');

    const chooser = page.waitForEvent('filechooser');
    await contract.getByRole('button', { name: 'Gegevens laden (JSON)' }).click();
    await (await chooser).setFiles(CONTRACT_DATA);
    await eventually(async () => expect(await contract.getByLabel('Budget (euro)').inputValue()).toBe('1250000'));
    expect(await contract.locator('[data-problemen]').count()).toBe(0);
    await contract.getByRole('button', { name: 'Standaardcontract invoegen' }).click();
    await eventually(async () => expect(await contract.locator('[data-melding=success]').innerText()).toContain('Contract ingevoegd: blad Overeenkomst (10 artikelen'));
    await sheetTab(page, 'Overeenkomst').click();
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toContain('Overeenkomst re-integratiedienstverlening'));
    await artefact(page, 'sjablonen-contract');
    expect(await sheetTab(page, 'Bijlage definities').count()).toBe(1);
    const counts = await check(page);
    expect(counts).toEqual({ fout: 0, waarschuwing: 0, info: 0 });
    timer.stop('Contractformulier, standaardcontract');
  });

  test('placeholders in an own workbook: filled; an unknown one and one in a formula listed with their cells, which a click selects', async () => {
    const own = await emptyWorkbook('eigen.xlsx', (ws) => {
      ws.getCell('A1').value = 'Overeenkomst met {{opdrachtnemer.naam}}';
      ws.getCell('A2').value = '{{onbekend.veld}}';
      // A formula that follows A1 (left alone), and one with a placeholder in its own text (listed).
      ws.getCell('B1').value = { formula: 'A1', result: 'Overeenkomst met {{opdrachtnemer.naam}}' };
      ws.getCell('A3').value = { formula: '"Kenmerk: "&"{{kenmerk}}"', result: 'Kenmerk: {{kenmerk}}' };
    });
    await openFile(page, own, 'eigen.xlsx');
    await showTemplates(page);
    const contract = part(page, 'contract');
    // Another workbook starts the pane afresh: the data is loaded again.
    const chooser = page.waitForEvent('filechooser');
    await contract.getByRole('button', { name: 'Gegevens laden (JSON)' }).click();
    await (await chooser).setFiles(CONTRACT_DATA);
    await eventually(async () => expect(await contract.getByLabel('Budget (euro)').inputValue()).toBe('1250000'));
    await contract.getByRole('button', { name: 'Plaatshouders invullen' }).click();
    await eventually(async () => expect(await contract.locator('[data-melding=warning]').innerText()).toContain('1 cel met plaatshouders ingevuld'));
    expect(await contract.locator('[data-melding=warning]').innerText()).toContain('1 onbekende plaatshouder staat hieronder. 1 plaatshouder staat in een formule; die is niet gewijzigd');
    const inFormula = contract.getByRole('list', { name: 'Plaatshouders in een formule' }).getByRole('button', { name: '{{kenmerk}} in een formule in Blad1!A3' });
    await inFormula.click();
    await eventually(async () => expect(await page.locator('[role=gridcell][data-adres="A3"]').getAttribute('aria-selected')).toBe('true'));
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toBe('Overeenkomst met Werkpad Re-integratie B.V.'));
    const unknown = contract.getByRole('list', { name: 'Onbekende plaatshouders' }).getByRole('button', { name: '{{onbekend.veld}} in Blad1!A2' });
    await unknown.click();
    await eventually(async () => expect(await page.locator('[role=gridcell][data-adres="A2"]').getAttribute('aria-selected')).toBe('true'));
    await artefact(page, 'sjablonen-plaatshouders');
    await artefact(contract, 'sjablonen-plaatshouders-lijst');
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
    expect(session.dialogs).toEqual([]);
    timer.stop('Plaatshouders invullen');
  });
});
