/**
 * @jest-environment jsdom
 *
 * Vergelijken in the pane, mounted as a host mounts it over an in-memory
 * workbook: two example submissions chosen as files, compared, shown per
 * submission and per vendor; downloaded as a workbook of eight sheets; put
 * into this workbook, where a sheet of the same name is replaced only after
 * the user confirms in a dialog; cancelled halfway; with the pane's profile.
 */
import '../support/jsdomPane';
import { act, fireEvent, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { mountPane, type PaneHandle } from '../../src/taskpane/mountPane';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { SECOND_VENDOR } from '../../scripts/exampleVendors';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const FIRST_NAME = 'inzending-noord-kennemerland.xlsx';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const exampleFile = (name: string) => new File([new Uint8Array(readFileSync(join(EXAMPLES, name)))], name, { type: XLSX, lastModified: 1 });

let element: HTMLElement;
let handle: PaneHandle | null = null;
let saved: { name: string; data: Blob }[] = [];
/** The file inputs the pane made (chooseFiles makes one on demand and clicks it; jsdom opens no dialog). */
let inputs: HTMLInputElement[] = [];

beforeEach(() => {
  element = document.createElement('div');
  document.body.appendChild(element);
  saved = [];
  inputs = [];
  jest.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
    inputs.push(this);
  });
});

afterEach(() => {
  act(() => handle?.unmount());
  handle = null;
  element.remove();
  jest.restoreAllMocks();
});

function mount(port: WorkbookPort, pause: () => Promise<void> = () => Promise.resolve()): void {
  act(() => {
    handle = mountPane(element, { port, host: 'werkbank', pause, saveFile: (name, data) => saved.push({ name, data }) });
  });
}

const section = () => document.getElementById('paneel-vergelijken') as HTMLElement;

function button(root: ParentNode, text: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (found === undefined) throw new Error(`no button '${text}'`);
  return found;
}

function openSection(): void {
  const tab = [...element.querySelectorAll('[role=tab]')].find((t) => t.textContent === 'Vergelijken') as HTMLElement;
  fireEvent.click(tab);
  expect(section().hidden).toBe(false);
}

/** Chooses files as the user does: the button, then the browser's dialog gives the files. */
async function choose(files: File[]): Promise<void> {
  fireEvent.click(button(section(), 'Bestanden kiezen (.xlsx)'));
  const input = inputs[inputs.length - 1];
  expect(input.type).toBe('file');
  expect(input.multiple).toBe(true);
  expect(input.isConnected).toBe(false); // the page keeps one lasting file input: the workbench's
  Object.defineProperty(input, 'files', { value: files });
  fireEvent.change(input);
  await waitFor(() => expect(listed()).toEqual(expect.arrayContaining(files.map((f) => f.name))));
}

const listed = () => [...section().querySelectorAll('[data-bestand]')].map((li) => li.getAttribute('data-bestand'));

/** The table as texts: the header, then each row. */
function tableTexts(): string[][] {
  const table = section().querySelector('table') as HTMLTableElement;
  return [...table.querySelectorAll('tr')].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => c.textContent ?? ''));
}

async function compared(): Promise<void> {
  fireEvent.click(button(section(), 'Vergelijken'));
  await waitFor(() => expect(section().querySelector('table')).not.toBeNull(), { timeout: 20_000 });
}

function chooseView(label: string): void {
  const select = section().querySelector('select') as HTMLSelectElement;
  const option = [...select.options].find((o) => o.textContent === label) as HTMLOptionElement;
  fireEvent.change(select, { target: { value: option.value } });
}

function dialog(): HTMLElement | null {
  return document.querySelector('[role=dialog]');
}

async function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

test('two submissions chosen and compared: both vendors, the views, the download and this workbook', async () => {
  const wb = MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [['Eigen werk']] }]);
  mount(wb);
  expect([...element.querySelectorAll('[role=tab]')].map((t) => t.textContent).slice(-2)).toEqual(['Sjablonen', 'Vergelijken']);
  openSection();
  expect(section().querySelector('[data-definities]')?.textContent).toContain('de standaardset (deze werkmap heeft geen profiel)');
  expect(section().textContent).toContain('Een profiel dat in een gekozen bestand is opgeslagen, telt hier niet mee');
  expect(button(section(), 'Vergelijken').disabled).toBe(true);

  await choose([exampleFile(FIRST_NAME), exampleFile(SECOND_VENDOR.file)]);
  expect(listed()).toEqual([FIRST_NAME, SECOND_VENDOR.file]);
  // The same file again is not listed twice.
  await choose([exampleFile(FIRST_NAME)]);
  await waitFor(() => expect(section().querySelector('[data-melding=info]')?.textContent).toContain('al in de lijst'));
  expect(listed()).toEqual([FIRST_NAME, SECOND_VENDOR.file]);

  await compared();
  expect(section().querySelector('[data-uitkomst]')?.textContent).toBe('2 inzendingen met samen 500 cliëntrijen, herberekend met definitieset 1.0.0 en de standaardset.');
  // Inzendingen: file, vendor, rows, ...
  const submissions = tableTexts();
  expect(submissions[0].slice(0, 6)).toEqual(['Bestand', 'Opdrachtnemer', 'Rijen', 'Fout', 'Waarschuwing', 'Fouten per 100 rijen']);
  expect(submissions[0].slice(6)).toEqual(['Plaatsingen', 'Plaatsing %', 'Uitval %', 'Duurzaam %', 'Doorlooptijd (dagen)']);
  expect(submissions.slice(1).map((r) => r.slice(0, 3))).toEqual([
    [FIRST_NAME, 'Werkpad Re-integratie B.V.', '320'],
    [SECOND_VENDOR.file, SECOND_VENDOR.vendor, '180'],
  ]);
  // Headers are column headers, each row named by a row header.
  expect([...section().querySelectorAll('thead th')].every((th) => th.getAttribute('scope') === 'col')).toBe(true);
  expect([...section().querySelectorAll('tbody th')].map((th) => th.getAttribute('scope'))).toEqual(['row', 'row']);

  chooseView('Per opdrachtnemer');
  await waitFor(() => expect(tableTexts()[0][0]).toBe('Opdrachtnemer'));
  const vendors = tableTexts();
  expect(vendors[0].slice(0, 4)).toEqual(['Opdrachtnemer', 'Inzendingen', 'Rijen', 'Fouten per 100 rijen']);
  expect(vendors.slice(1).map((r) => r.slice(0, 3))).toEqual([
    [SECOND_VENDOR.vendor, '1', '180'],
    ['Werkpad Re-integratie B.V.', '1', '320'],
    ['Totaal', '2', '500'],
  ]);
  expect(section().querySelector('tbody tr:last-child')?.hasAttribute('data-totaal')).toBe(true);
  chooseView('Per gemeente');
  await waitFor(() => expect(tableTexts()[0][0]).toBe('Gemeente'));
  const twice = tableTexts().filter((r) => r[1] === '2' && r[0] !== 'Totaal').map((r) => r[0]);
  expect(twice).toEqual(SECOND_VENDOR.municipalities);

  // Download: a new workbook with the eight sheets, handed to the host as vergelijking.xlsx.
  fireEvent.click(button(section(), 'Download als werkmap'));
  await waitFor(() => expect(saved).toHaveLength(1));
  expect(saved[0].name).toBe('vergelijking.xlsx');
  expect(saved[0].data.type).toBe(XLSX);
  const book = readXlsx(await readBlob(saved[0].data));
  expect(book.sheets.map((s) => s.name)).toEqual(['Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'Per gemeente', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer']);
  expect(book.sheets[2].values[3]?.slice(0, 3)).toEqual(['Totaal', 2, 500]);

  // Into this workbook: nothing to replace, written at once; the user's sheet stays.
  fireEvent.click(button(section(), 'Zet in deze werkmap'));
  await waitFor(() => expect(section().querySelector('[data-melding=success]')?.textContent).toContain('staat in deze werkmap'));
  expect(dialog()).toBeNull();
  expect((await wb.describe()).sheets.map((s) => s.name)).toEqual(['Blad1', 'Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'Per gemeente', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer']);
  expect(wb.sheetData('Blad1').values).toEqual([['Eigen werk']]);
  expect(wb.sheetData('Per opdrachtnemer').values[1]?.[0]).toBe(SECOND_VENDOR.vendor);

  // Again: now every sheet would be replaced; the dialog names them all, as sheets of an earlier comparison.
  fireEvent.click(button(section(), 'Zet in deze werkmap'));
  const asked = await waitFor(() => dialog() ?? Promise.reject(new Error('no dialog')));
  expect([...asked.querySelectorAll('[data-blad]')].map((li) => li.textContent)).toEqual(
    ['Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'Per gemeente', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer'].map((n) => `${n} (van een eerdere vergelijking)`),
  );
  fireEvent.click(button(asked, 'Annuleren'));
  await waitFor(() => expect(dialog()).toBeNull());

  // Removing a file: the list changes, and the result says it is from before.
  fireEvent.click(section().querySelector(`button[aria-label="${SECOND_VENDOR.file} uit de lijst verwijderen"]`) as HTMLButtonElement);
  expect(listed()).toEqual([FIRST_NAME]);
  // The focus does not fall to the page: it goes to the file now in that place.
  await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe(`${FIRST_NAME} uit de lijst verwijderen`));
  fireEvent.click(document.activeElement as HTMLButtonElement);
  expect(listed()).toEqual([]);
  await waitFor(() => expect(document.activeElement?.textContent).toBe('Bestanden kiezen (.xlsx)'));
  expect(section().textContent).toContain('De keuze van de inzendingen is veranderd sinds deze vergelijking');
});

test('a sheet of the user with the name of a comparison sheet: the dialog names it, cancel writes nothing, confirm replaces only it', async () => {
  const own = [['Mijn overzicht per gemeente'], ['Alkmaar', 12]];
  const wb = MemoryWorkbook.fromSheets([
    { name: 'Blad1', values: [['Eigen werk']] },
    { name: 'Per gemeente', values: own },
  ]);
  const writes: string[] = [];
  const port = new Proxy(wb, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (['putSheet', 'writeCells', 'appendRows', 'writeStored', 'applyMarks', 'clearMarks'].includes(String(key))) writes.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  mount(port);
  openSection();
  await choose([exampleFile(FIRST_NAME), exampleFile(SECOND_VENDOR.file)]);
  await compared();

  fireEvent.click(button(section(), 'Zet in deze werkmap'));
  const asked = await waitFor(() => dialog() ?? Promise.reject(new Error('no dialog')));
  expect(asked.textContent).toContain('Bladen vervangen?');
  expect([...asked.querySelectorAll('[data-blad]')].map((li) => li.textContent)).toEqual(['Per gemeente (een ander blad: controleer of het weg mag)']);
  fireEvent.click(button(asked, 'Annuleren'));
  await waitFor(() => expect(dialog()).toBeNull());
  expect(writes).toEqual([]);
  expect((await wb.describe()).sheets.map((s) => s.name)).toEqual(['Blad1', 'Per gemeente']);
  expect(wb.sheetData('Per gemeente').values).toEqual(own);

  // Confirmed: the comparison is written, that sheet replaced, the other one untouched.
  fireEvent.click(button(section(), 'Zet in deze werkmap'));
  const again = await waitFor(() => dialog() ?? Promise.reject(new Error('no dialog')));
  fireEvent.click(button(again, 'Vervangen'));
  await waitFor(() => expect(section().querySelector('[data-melding=success]')).not.toBeNull());
  expect(writes).toEqual(Array(8).fill('putSheet'));
  expect(wb.sheetData('Per gemeente').values[0]?.[0]).toBe('Gemeente');
  expect(wb.sheetData('Blad1').values).toEqual([['Eigen werk']]);
});

test('files that are no submission are named, the rest compared; the pane profile counts; cancel keeps the last result', async () => {
  const wb = MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [['x']] }]);
  await wb.writeStored({ profile: JSON.parse(readFileSync(join(EXAMPLES, 'profiel-noord-kennemerland.json'), 'utf8')), accepted: [], mapping: null });
  let release: (() => void) | null = null;
  let hold = false;
  const pause = () => (hold ? new Promise<void>((resolve) => (release = resolve)) : Promise.resolve());
  mount(wb, pause);
  openSection();
  await waitFor(() => expect(section().querySelector('[data-definities]')?.textContent).toContain('profiel Noord-Kennemerland 2009 (het actieve profiel van deze werkmap)'));

  const text = new File(['Dit is geen werkmap.'], 'notities.txt', { type: 'text/plain', lastModified: 1 });
  await choose([exampleFile(FIRST_NAME), text, exampleFile('contract-noord-kennemerland.xlsx')]);
  await compared();
  expect(section().querySelector('[data-uitkomst]')?.textContent).toBe('1 inzending met samen 320 cliëntrijen, herberekend met definitieset 1.0.0 en profiel Noord-Kennemerland 2009.');
  const problems = [...section().querySelectorAll('[data-problemen] li')].map((li) => li.textContent ?? '');
  expect(problems).toHaveLength(2);
  expect(problems[0]).toMatch(/^notities\.txt: /);
  expect(problems[1]).toMatch(/^contract-noord-kennemerland\.xlsx: is geen rapportage \(geen blad Cliënten\)/);

  // Cancel halfway: the pause holds, the user cancels, the earlier result stays.
  hold = true;
  fireEvent.click(button(section(), 'Vergelijken'));
  await waitFor(() => expect(release).not.toBeNull());
  expect(section().querySelector('[data-voortgang]')?.textContent).toBe(`Bestand 1 van 3: ${FIRST_NAME} (openen)`);
  expect(section().querySelector('[role=progressbar]')).not.toBeNull();
  fireEvent.click(section().querySelector('button[aria-label="Vergelijken annuleren"]') as HTMLButtonElement);
  hold = false;
  await act(async () => (release as unknown as () => void)());
  await waitFor(() => expect(section().querySelector('[data-melding=info]')?.textContent).toBe('Vergelijken afgebroken; de vorige uitkomst staat er nog.'));
  expect(section().querySelector('[role=progressbar]')).toBeNull();
  expect(section().querySelector('[data-uitkomst]')?.textContent).toContain('1 inzending met samen 320 cliëntrijen');
});

test('text from a chosen file is text: markup in a file name or a municipality is shown literally and never becomes an element', async () => {
  const hostile = '<img src=x onerror="window.__hit=1">Alkmaar';
  const submission = MemoryWorkbook.fromXlsx(new Uint8Array(readFileSync(join(EXAMPLES, FIRST_NAME))), xlsxCodec);
  await submission.writeCells([{ sheet: 'Cliënten', row: 3, col: 1, rows: [[hostile]] }]);
  const name = '<b onmouseover="window.__hit=2">inzending</b>.xlsx';
  mount(MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [['x']] }]));
  openSection();
  await choose([new File([submission.toXlsx() as BlobPart], name, { type: XLSX, lastModified: 1 })]);
  await compared();
  expect(tableTexts()[1][0]).toBe(name);
  chooseView('Per gemeente');
  await waitFor(() => expect(tableTexts()[0][0]).toBe('Gemeente'));
  expect(tableTexts().map((r) => r[0])).toContain(hostile);
  expect(element.querySelector('img, b')).toBeNull();
  expect((window as { __hit?: number }).__hit).toBeUndefined();
});

test('the open workbook as one of the submissions', async () => {
  const wb = MemoryWorkbook.fromXlsx(new Uint8Array(readFileSync(join(EXAMPLES, FIRST_NAME))), xlsxCodec);
  act(() => {
    handle = mountPane(element, { port: wb, host: 'werkbank', workbookName: 'open-inzending.xlsx', pause: () => Promise.resolve(), saveFile: () => undefined });
  });
  openSection();
  const checkbox = section().querySelector('input[type=checkbox]') as HTMLInputElement;
  expect(section().textContent).toContain('Ook deze werkmap (open-inzending.xlsx) als inzending meenemen');
  // Alone it can be compared too.
  fireEvent.click(checkbox);
  expect(button(section(), 'Vergelijken').disabled).toBe(false);
  await choose([exampleFile(SECOND_VENDOR.file)]);
  await compared();
  const rows = tableTexts().slice(1).map((r) => r.slice(0, 3));
  expect(rows).toEqual([
    ['open-inzending.xlsx', 'Werkpad Re-integratie B.V.', '320'],
    [SECOND_VENDOR.file, SECOND_VENDOR.vendor, '180'],
  ]);
  // Checking the open workbook only reads it.
  expect(wb.sheetNames()).toEqual(['Cliënten', 'Management', 'Toelichting']);
});
