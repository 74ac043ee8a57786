/**
 * The workbench end to end in Debian's Chromium, the path a user takes:
 * the example opens → Controleren gives the CLI's counts → a finding
 * selects its cell → marks come and go leaving the cells as they were →
 * Termen: Vervang changes the cell and the Logboek keeps the old value →
 * Negeer hides a finding, also after a new check → Profiel: a Dutch error
 * for an invalid value, a valid one (duurzame plaatsing at 12 months) changes
 * the findings; export and import as the CLI's profile JSON → Downloaden
 * gives a workbook the CLI reads back with the same findings, the stored
 * profile and the accepted finding (and the workbench opens it again).
 * Screenshots of every section are kept in tests/e2e/artefacts/.
 *
 * The steps share one page and run in order.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { runCli, tempDir } from '../support/runCli';
import { artefact, eventually, openWorkbench, panel, ROOT, sectionTab, StepTimer, summaryCounts, type Session } from './workbenchBrowser';

const EXAMPLE = join(ROOT, 'examples', 'inzending-noord-kennemerland.xlsx');
const EXAMPLE_PROFILE = join(ROOT, 'examples', 'profiel-noord-kennemerland.json');

let session: Session;
let page: Page;
const timer = new StepTimer();

beforeAll(async () => {
  timer.start();
  session = await openWorkbench();
  page = session.page;
  timer.stop('Chromium starten en werkbank met voorbeeld openen');
});

afterAll(async () => {
  timer.write('workbench');
  await session?.close();
});

beforeEach(() => timer.start());

function cliSummary(args: string[]): { fout: number; waarschuwing: number; info: number; codes: string[] } {
  const result = runCli(['controleer', ...args, '--json']);
  if (result.status !== 0 && result.status !== 1) throw new Error(`CLI ${args.join(' ')}: status ${result.status}: ${result.stderr}`);
  const json = JSON.parse(result.stdout) as { samenvatting: { fout: number; waarschuwing: number; info: number }; bevindingen: { code: string; blad: string; cel: string }[] };
  return { ...json.samenvatting, codes: json.bevindingen.map((f) => `${f.code}@${f.blad}!${f.cel}`) };
}

const grid = (p: Page) => p.locator('[role=grid][data-blad]');
const findingRow = (p: Page, cell: string) => panel(p, 'controleren').locator(`[role=row][data-soort=bevinding][data-cel="${cell}"]`);

/** Shows only the findings of one code (the list is virtualised: a row far down is not in the page until it is in view). */
async function filterCode(p: Page, code: string | null): Promise<void> {
  await panel(p, 'controleren').getByLabel('Code', { exact: true }).selectOption(code === null ? { label: 'Alle' } : { label: code });
}

async function check(p: Page): Promise<{ fout: number; waarschuwing: number; info: number }> {
  await sectionTab(p, 'Controleren').click();
  const section = panel(p, 'controleren').locator('section[data-controles]');
  const before = await section.getAttribute('data-controles');
  await p.getByRole('button', { name: 'Controleren', exact: true }).click();
  await p.waitForFunction((old) => document.querySelector('#paneel-controleren section[data-controles]')?.getAttribute('data-controles') !== old, before);
  return summaryCounts(p);
}

describe('the workbench, end to end', () => {
  test('Controleren on the preloaded example gives the counts of the CLI for the same file', async () => {
    const counts = await check(page);
    const cli = cliSummary([EXAMPLE]);
    expect(counts).toEqual({ fout: cli.fout, waarschuwing: cli.waarschuwing, info: cli.info });
    expect(counts.fout).toBeGreaterThan(0);
    // The script contract: the summary in words, singular and plural as the numbers ask.
    const text = await page.locator('[data-samenvatting]').innerText();
    expect(text).toContain(`${cli.fout} ${cli.fout === 1 ? 'fout' : 'fouten'}`);
    expect(text).toContain(`${cli.waarschuwing} ${cli.waarschuwing === 1 ? 'waarschuwing' : 'waarschuwingen'}`);
    // Exactly one button is named Controleren, and one input[type=file] opens workbooks.
    expect(await page.getByRole('button', { name: 'Controleren', exact: true }).count()).toBe(1);
    expect(await page.locator('input[type=file]').count()).toBe(1);
    await artefact(page, 'controleren');
    timer.stop('Controleren, tellingen gelijk aan de CLI');
  });

  test('clicking a finding selects its cell in the grid, also on another sheet', async () => {
    await findingRow(page, 'Cliënten!G67').click();
    await eventually(async () => expect(await grid(page).getAttribute('data-blad')).toBe('Cliënten'));
    await page.waitForFunction(() => document.querySelector('[role=grid][data-blad]')?.getAttribute('aria-activedescendant') === 'cel-66-6');
    await eventually(async () => expect(await page.locator('#cel-66-6').getAttribute('aria-selected')).toBe('true'));

    await filterCode(page, 'TERM_NIET_CONFORM');
    await findingRow(page, 'Toelichting!A2').click();
    await page.waitForFunction(() => document.querySelector('[role=grid][data-blad]')?.getAttribute('data-blad') === 'Toelichting');
    await eventually(async () => expect(await page.getByRole('tab', { name: 'Toelichting', exact: true }).getAttribute('aria-selected')).toBe('true'));
    await eventually(async () => expect(await page.locator('#cel-1-0').getAttribute('aria-selected')).toBe('true'));
    timer.stop('Klik op bevinding selecteert de cel');
  });

  test('Markeer in werkblad shows the marks; Markeringen wissen removes them and the cells look as before', async () => {
    await filterCode(page, null);
    await findingRow(page, 'Cliënten!G67').click();
    await page.waitForFunction(() => document.querySelector('[role=grid][data-blad]')?.getAttribute('data-blad') === 'Cliënten');
    const cellsBefore = await grid(page).locator('[role=gridcell]').allInnerTexts();
    const before = await grid(page).screenshot();
    expect(await page.locator('[data-markering]').count()).toBe(0);

    await page.getByRole('button', { name: 'Markeer in werkblad' }).click();
    await eventually(async () => expect(await page.locator('#cel-66-6').getAttribute('data-markering')).toBe('fout'));
    await page.waitForSelector('[data-markering]');
    expect(await page.locator('#cel-66-6').getAttribute('title')).toContain('DATUMVOLGORDE');
    const marked = await grid(page).screenshot();
    expect(marked.equals(before)).toBe(false);
    await artefact(grid(page), 'werkblad-gemarkeerd');

    // The README's picture (docs/images/werkbank.png): the marks around a chosen finding.
    await filterCode(page, 'WAARDE_NIET_CONFORM');
    await findingRow(page, 'Cliënten!C26').click();
    await page.evaluate(() => document.querySelector('#paneel-controleren')?.closest('aside')?.scrollTo(0, 0));
    await artefact(page, 'werkbank');
    await filterCode(page, null);

    await page.getByRole('button', { name: 'Markeringen wissen' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-markering]').length === 0);
    await eventually(async () => expect(await panel(page, 'controleren').getByRole('status').first().innerText()).toMatch(/Markeringen gewist van \d+ cellen/));
    // Back to the cell of the first picture: the same view, without the marks.
    await findingRow(page, 'Cliënten!G67').click();
    await page.waitForFunction(() => document.querySelector('[role=grid][data-blad]')?.getAttribute('aria-activedescendant') === 'cel-66-6');
    expect(await grid(page).locator('[role=gridcell]').allInnerTexts()).toEqual(cellsBefore);
    const after = await grid(page).screenshot();
    expect(after.equals(before)).toBe(true);
    timer.stop('Markeren en markeringen wissen');
  });

  test('Controleblad maken adds the Controle sheet with every finding; a new check skips it and says so', async () => {
    const counts = await summaryCounts(page);
    await page.getByRole('button', { name: 'Controleblad maken' }).click();
    const tab = page.getByRole('tab', { name: 'Controle', exact: true });
    await tab.waitFor();
    await tab.click();
    await eventually(async () => expect(await page.locator('#cel-0-0').innerText()).toBe('Controle van inzending-noord-kennemerland.xlsx'));
    expect(await page.locator('#cel-1-0').innerText()).toContain('profiel: geen (standaardset)');
    expect(await page.locator('#cel-3-0').innerText()).toBe('Blad');
    expect(await page.locator('#cel-4-0').innerText()).toBe('Cliënten');
    expect(await check(page)).toEqual(counts);
    await eventually(async () => expect(await panel(page, 'controleren').innerText()).toContain('niet gecontroleerd: Controle (controleblad)'));
    await page.getByRole('tab', { name: 'Cliënten', exact: true }).click();
    timer.stop('Controleblad maken');
  });

  let replacedOld = '';
  test('Termen: Vervang changes the cell, the Logboek records the old value, and the replacement can be undone', async () => {
    await sectionTab(page, 'Termen').click();
    await page.getByRole('button', { name: 'Termen zoeken' }).click();
    const row = panel(page, 'termen').locator('[role=row][data-cel="Toelichting!A2"]');
    await row.waitFor();
    await row.click();
    const details = page.getByRole('region', { name: 'Gekozen term' });
    await eventually(async () => expect(await details.locator('[data-voorbeeld=voor]').innerText()).toContain('reïntegratietrajecten'));
    await eventually(async () => expect(await details.locator('[data-voorbeeld=na]').innerText()).toContain('re-integratietrajecten'));
    await page.waitForFunction(() => document.querySelector('[role=grid][data-blad]')?.getAttribute('data-blad') === 'Toelichting');
    replacedOld = await page.locator('#cel-1-0').innerText();
    expect(replacedOld).toContain('reïntegratietrajecten');
    await artefact(page, 'termen');

    await details.getByRole('button', { name: 'Vervang', exact: true }).click();
    const entry = panel(page, 'termen').locator('[data-logboek="Toelichting!A2"]').first();
    await entry.waitFor();
    expect(await entry.locator('[data-oud]').innerText()).toBe(replacedOld);
    expect(await entry.locator('[data-nieuw]').innerText()).toBe(replacedOld.replace('reïntegratietrajecten', 're-integratietrajecten'));
    await eventually(async () => expect(await page.locator('#cel-1-0').innerText()).toBe(replacedOld.replace('reïntegratietrajecten', 're-integratietrajecten')));
    // The fixed cell no longer has that finding; the hidden Logboek sheet exists.
    expect(await panel(page, 'termen').locator('[role=row][data-cel="Toelichting!A2"]').count()).toBe(0);
    await eventually(async () => expect(await page.getByRole('tab', { name: 'Logboek (verborgen)' }).count()).toBe(1));

    // Undo puts the old value back (logged too), then the replacement is made again for the rest of the path.
    await entry.getByRole('button', { name: /Ongedaan maken/ }).click();
    await page.waitForFunction((old) => document.querySelector('#cel-1-0')?.textContent === old, replacedOld);
    await eventually(async () => expect(await panel(page, 'termen').locator('[data-logboek="Toelichting!A2"]').count()).toBe(2));
    const again = panel(page, 'termen').locator('[role=row][data-cel="Toelichting!A2"]');
    await again.waitFor();
    await again.click();
    await details.getByRole('button', { name: 'Vervang', exact: true }).click();
    await page.waitForFunction((old) => document.querySelector('#cel-1-0')?.textContent === old.replace('reïntegratietrajecten', 're-integratietrajecten'), replacedOld);
    timer.stop('Termen: vervangen, logboek, ongedaan maken');
  });

  let beforeIgnore = { fout: 0, waarschuwing: 0, info: 0 };
  test('Negeer hides a finding with its reason, and a new check keeps it hidden', async () => {
    beforeIgnore = await check(page);
    await filterCode(page, 'WAARDE_NIET_CONFORM');
    const row = findingRow(page, 'Cliënten!C26');
    await row.waitFor();
    await row.getByRole('button', { name: /^Negeer / }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Reden (niet verplicht)', { exact: true }).fill('Bijstand is hier de WWB; afgesproken met de gemeente.');
    await dialog.getByRole('button', { name: 'Negeren', exact: true }).click();
    await page.waitForFunction(() => document.querySelector('[role=dialog]') === null);
    await eventually(async () => expect(await findingRow(page, 'Cliënten!C26').count()).toBe(0));
    await eventually(async () => expect(await summaryCounts(page)).toEqual({ ...beforeIgnore, waarschuwing: beforeIgnore.waarschuwing - 1 }));
    const accepted = page.getByRole('list', { name: 'Genegeerde bevindingen' });
    await eventually(async () => expect(await accepted.innerText()).toContain('Bijstand is hier de WWB'));

    const rechecked = await check(page);
    expect(rechecked).toEqual({ ...beforeIgnore, waarschuwing: beforeIgnore.waarschuwing - 1 });
    expect(await findingRow(page, 'Cliënten!C26').count()).toBe(0);
    await eventually(async () => expect(await panel(page, 'controleren').innerText()).toContain('1 genegeerde bevinding niet meegeteld'));
    timer.stop('Negeer en opnieuw controleren');
  });

  test('Profiel: an invalid value shows the Dutch error at its field; a valid one (12 months) is stored and changes a finding', async () => {
    await sectionTab(page, 'Profiel').click();
    const form = panel(page, 'profiel');
    await form.getByLabel(/^Naam\b/).fill('Werkbank-test');
    await form.getByLabel(/^Gemeente\b/).fill('Alkmaar');
    await form.getByRole('button', { name: 'Afwijking toevoegen' }).click();
    const deviation = form.locator('fieldset[data-afwijking="1"]');
    await deviation.getByLabel(/^Term\b/).selectOption({ label: 'duurzame plaatsing' });
    await deviation.getByLabel(/^Parameter\b/).selectOption({ label: 'Minimale duur van de arbeidsovereenkomst' });
    const value = deviation.getByLabel(/^Waarde/);
    await value.fill('twaalf');
    await eventually(async () => expect(await deviation.innerText()).toContain('Waarde "twaalf" is geen getal.'));
    await value.fill('99');
    await eventually(async () => expect(await deviation.innerText()).toContain('Waarde 99 ligt buiten het bereik 1–60 maanden.'));
    await form.getByRole('button', { name: 'Opslaan in werkmap' }).click();
    await eventually(async () => expect(await form.innerText()).toContain('Het profiel is niet opgeslagen: herstel eerst de fouten hieronder.'));
    await eventually(async () => expect(await page.locator('[data-actief-profiel]').innerText()).toBe('Profiel: geen (standaardset)'));

    await value.fill('12');
    await deviation.getByLabel(/^Motivering\b/).fill('Regionale afspraak: duurzaam is een jaar.');
    expect(await deviation.innerText()).not.toContain('ligt buiten het bereik');
    await form.getByRole('button', { name: 'Opslaan in werkmap' }).click();
    await eventually(async () => expect(await page.locator('[data-actief-profiel]').innerText()).toBe('Profiel: Werkbank-test'));
    await artefact(page, 'profiel');

    const counts = await check(page);
    // The CLI with the same profile on the original file: ours differs by the replaced term and the ignored finding (two warnings).
    const profileFile = join(tempDir(), 'profiel.json');
    writeFileSync(profileFile, JSON.stringify({ naam: 'Werkbank-test', gemeente: 'Alkmaar', afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak: duurzaam is een jaar.' }] }));
    const cli = cliSummary([EXAMPLE, '--profiel', profileFile]);
    expect(cli.codes).toContain('DUURZAAM_ONTERECHT@Cliënten!Q65');
    expect(counts).toEqual({ fout: cli.fout, waarschuwing: cli.waarschuwing - 2, info: cli.info });
    // Row 65: duurzame plaatsing Ja with a 9-month contract, which the 12-month profile refuses.
    await filterCode(page, 'DUURZAAM_ONTERECHT');
    await findingRow(page, 'Cliënten!Q65').waitFor();
    await eventually(async () => expect(await panel(page, 'controleren').innerText()).toContain('profiel: Werkbank-test (uit de werkmap)'));
    timer.stop('Profiel: fout, opslaan, nieuwe bevinding');
  });

  test('the profile exports as the CLI reads it, and the example profile imports into the form', async () => {
    await sectionTab(page, 'Profiel').click();
    const form = panel(page, 'profiel');
    const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: 'Exporteren (JSON)' }).click()]);
    const dir = tempDir();
    const exported = join(dir, download.suggestedFilename());
    await download.saveAs(exported);
    expect(download.suggestedFilename()).toBe('profiel-werkbank-test.json');
    const json = JSON.parse(readFileSync(exported, 'utf8'));
    expect(json.afwijkingen).toEqual([
      { term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak: duurzaam is een jaar.' },
    ]);
    const cli = runCli(['definities', '--profiel', exported, '--json']);
    expect(cli.status).toBe(0);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), form.getByRole('button', { name: 'Importeren (JSON)' }).click()]);
    await chooser.setFiles(EXAMPLE_PROFILE);
    await eventually(async () => expect(await form.getByLabel(/^Naam\b/).inputValue()).toBe('Noord-Kennemerland 2009'));
    await eventually(async () => expect(await form.locator('fieldset').count()).toBe(2));
    await eventually(async () => expect(await form.innerText()).toContain('niet-opgeslagen wijzigingen'));
    // Not stored until saved: the active profile is still the one saved before.
    await eventually(async () => expect(await page.locator('[data-actief-profiel]').innerText()).toBe('Profiel: Werkbank-test'));
    await form.getByRole('button', { name: 'Wijzigingen terugdraaien' }).click();
    await eventually(async () => expect(await form.getByLabel(/^Naam\b/).inputValue()).toBe('Werkbank-test'));
    timer.stop('Profiel exporteren en importeren');
  });

  test('Definities: search by a non-conforming word, details with standard and effective value, insert into an empty cell only', async () => {
    await sectionTab(page, 'Definities').click();
    const section = panel(page, 'definities');
    await section.getByLabel('Zoeken op term, vorm of niet-conform woord', { exact: true }).fill('klantmanager');
    const first = section.getByRole('list', { name: 'Termen' }).getByRole('button').first();
    await eventually(async () => expect(await first.innerText()).toContain('werkcoach'));
    await eventually(async () => expect(await first.innerText()).toContain('gevonden via niet-conform woord'));

    await section.getByLabel('Zoeken op term, vorm of niet-conform woord', { exact: true }).fill('duurzame plaatsing');
    await section.getByRole('list', { name: 'Termen' }).getByRole('button', { name: /^duurzame plaatsing/ }).first().click();
    const details = section.getByRole('region', { name: 'Definitie van duurzame plaatsing' });
    const rowText = await details.getByRole('row', { name: /Minimale duur/ }).innerText();
    expect(rowText).toContain('6 maanden');
    expect(rowText).toContain('12 maanden (profiel)');
    expect(rowText).toContain('Regionale afspraak: duurzaam is een jaar.');
    await artefact(page, 'definities');

    // Insert into an empty cell of the Toelichting sheet, then refuse a filled one.
    await page.getByRole('tab', { name: 'Toelichting', exact: true }).click();
    await page.locator('#cel-4-2').click({ force: true });
    await details.getByRole('button', { name: 'Term invoegen in cel' }).click();
    await eventually(async () => expect(await details.innerText()).toContain('ingevoegd in Toelichting!C5'));
    await eventually(async () => expect(await page.locator('#cel-4-2').innerText()).toBe('duurzame plaatsing'));
    await details.getByRole('button', { name: 'Definitie invoegen in cel' }).click();
    await eventually(async () => expect(await details.innerText()).toContain('Cel Toelichting!C5 is niet leeg'));
    await eventually(async () => expect(await page.locator('#cel-4-2').innerText()).toBe('duurzame plaatsing'));
    timer.stop('Definities zoeken en invoegen');
  });

  test('Downloaden gives a workbook the CLI reads back with the same findings, the stored profile and the accepted finding', async () => {
    // The last state in the page: checked with the stored profile, marked, with a Controle sheet listing the findings.
    const counts = await check(page);
    await page.getByRole('button', { name: 'Markeer in werkblad' }).click();
    const markedText = await eventually(async () => {
      const text = await panel(page, 'controleren').getByRole('status').first().innerText();
      expect(text).toMatch(/^\d+ cellen gemarkeerd/);
      return text;
    });
    const marked = Number(/^(\d+)/.exec(markedText)?.[1]);
    await page.getByRole('button', { name: 'Controleblad maken' }).click();
    await eventually(async () => expect(await panel(page, 'controleren').getByRole('status').first().innerText()).toMatch(/^Controleblad 'Controle' gemaakt/));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Downloaden' }).click()]);
    expect(download.suggestedFilename()).toBe('inzending-noord-kennemerland-bewerkt.xlsx');
    const file = join(tempDir(), download.suggestedFilename());
    await download.saveAs(file);
    await artefact(page, 'downloaden');

    // The CLI on the downloaded file: the stored profile, the accepted finding left out, our own sheets skipped.
    const result = runCli(['controleer', file, '--json']);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.profiel).toBe('Werkbank-test');
    expect(json.profielbron).toBe('werkmap');
    expect(json.genegeerd).toBe(1);
    expect(json.nietGecontroleerd).toEqual(expect.arrayContaining(['Controle', 'Logboek']));
    expect({ fout: json.samenvatting.fout, waarschuwing: json.samenvatting.waarschuwing, info: json.samenvatting.info }).toEqual(counts);
    const table = runCli(['controleer', file]);
    expect(table.stdout).toContain('1 bevinding is in de werkmap genegeerd en niet meegeteld.');
    const cliFindings = (json.bevindingen as { code: string; blad: string | null; cel: string | null }[]).map((f) => `${f.code}@${f.blad}!${f.cel}`);
    expect(cliFindings).toContain('DUURZAAM_ONTERECHT@Cliënten!Q65');
    expect(cliFindings).not.toContain('WAARDE_NIET_CONFORM@Cliënten!C26');
    expect(cliFindings).not.toContain('TERM_NIET_CONFORM@Toelichting!A2');

    // The same findings as the page: the Controle sheet the page wrote lists exactly the CLI's.
    const bytes = new Uint8Array(readFileSync(file));
    const opened = xlsxCodec.open(bytes);
    const control = opened.workbook.sheets.find((sheet) => sheet.name === 'Controle');
    expect(control).toBeDefined();
    const header = control?.values[3] ?? [];
    const at = (label: string) => header.indexOf(label);
    const listed = (control?.values.slice(4) ?? []).filter((row) => row !== undefined && row[at('Code')] !== null).map((row) => `${row?.[at('Code')]}@${row?.[at('Blad')]}!${row?.[at('Cel')]}`);
    expect(listed.sort()).toEqual([...cliFindings].sort());

    // What travels in the file: profile and accepted finding with its reason, our marks, the hidden Logboek with the old value.
    expect((opened.stored?.profile as { naam: string }).naam).toBe('Werkbank-test');
    expect(opened.stored?.accepted.map((a) => [a.cell, a.code, a.reason])).toEqual([['C26', 'WAARDE_NIET_CONFORM', 'Bijstand is hier de WWB; afgesproken met de gemeente.']]);
    expect(opened.marks.length).toBe(marked);
    expect(marked).toBeGreaterThan(5);
    expect(opened.visibility.get('Logboek')).toBe('hidden');
    const log = opened.workbook.sheets.find((sheet) => sheet.name === 'Logboek');
    expect(log?.values.some((row) => row?.[3] === replacedOld)).toBe(true);
    // The file opened in the page is the example on disk, unchanged.
    expect(readFileSync(EXAMPLE).equals(readFileSync(join(ROOT, 'examples', 'inzending-noord-kennemerland.xlsx')))).toBe(true);

    // And back into the workbench through the Dutch button (the browser's own file input is out of
    // sight): the profile, the accepted finding and the marks come along.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Bestand kiezen' }).click();
    await (await chooser).setFiles(file);
    await page.locator('[data-werkmap="inzending-noord-kennemerland-bewerkt.xlsx"]').waitFor();
    await eventually(async () => expect(await page.locator('[data-actief-profiel]').innerText()).toBe('Profiel: Werkbank-test'));
    await eventually(async () => expect(await page.getByRole('list', { name: 'Genegeerde bevindingen' }).innerText()).toContain('Bijstand is hier de WWB'));
    await page.getByRole('tab', { name: 'Cliënten', exact: true }).click();
    await eventually(async () => expect(await page.locator('[data-markering]').count()).toBeGreaterThan(0));
    expect(await page.getByRole('tab', { name: 'Logboek (verborgen)' }).count()).toBe(1);
    expect(await check(page)).toEqual(counts);
    timer.stop('Downloaden en met de CLI teruglezen');
  });

  test('nothing left the page and no script error happened', () => {
    expect(session.foreignRequests).toEqual([]);
    expect(session.pageErrors).toEqual([]);
    expect(session.dialogs).toEqual([]);
  });
});
