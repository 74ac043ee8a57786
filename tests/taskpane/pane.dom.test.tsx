/**
 * @jest-environment jsdom
 *
 * The pane mounted as a host mounts it (mountPane), over an in-memory
 * workbook behind a port that records every call: a check only reads; the
 * counts are written out; 10,000 findings become a virtualised treegrid
 * with only a window of rows in the document, each with its aria-rowindex;
 * the keyboard reaches the last row.
 */
import '../support/jsdomPane';
import { act, fireEvent, waitFor } from '@testing-library/react';
import type { SheetData } from '../../src/engine/grid';
import { mountPane, type PaneHandle } from '../../src/taskpane/mountPane';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { WorkbookPort } from '../../src/workbook/port';


/** A port that forwards to a workbook and records the names of the calls. */
function recording(inner: WorkbookPort): { port: WorkbookPort; calls: string[] } {
  const calls: string[] = [];
  const port = new Proxy(inner, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(key));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { port, calls };
}

function manyFindings(n: number): SheetData {
  const values = [['Tekst']];
  for (let i = 0; i < n; i++) values.push([`Regel ${i}: de klantmanager belt.`]);
  return { name: 'Notities', values };
}

let element: HTMLElement;
let handle: PaneHandle | null = null;

beforeEach(() => {
  element = document.createElement('div');
  document.body.appendChild(element);
});

afterEach(() => {
  act(() => handle?.unmount());
  handle = null;
  element.remove();
});

/** A button by its text inside a part of the pane (role queries over the whole pane are slow in jsdom). */
function button(root: ParentNode, text: string): HTMLElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent === text);
  if (found === undefined) throw new Error(`no button '${text}'`);
  return found;
}

const section = (id: string) => document.getElementById(`paneel-${id}`) as HTMLElement;

async function summaryText(): Promise<string> {
  return waitFor(
    () => {
      const summary = section('controleren').querySelector('[data-samenvatting]');
      if (summary === null) throw new Error('no summary yet');
      return summary.textContent ?? '';
    },
    { timeout: 20_000 },
  );
}

function mount(port: WorkbookPort): void {
  act(() => {
    handle = mountPane(element, { port, host: 'werkbank', pause: () => Promise.resolve() });
  });
}

test('the six sections, a check that only reads, and the counts written out', async () => {
  const wb = MemoryWorkbook.fromSheets([manyFindings(3), { name: 'Leeg', values: [] }]);
  const { port, calls } = recording(wb);
  mount(port);
  expect([...element.querySelectorAll('[role=tab]')].map((t) => t.textContent)).toEqual(['Controleren', 'Termen', 'Definities', 'Profiel', 'Sjablonen', 'Vergelijken']);
  calls.length = 0;
  fireEvent.click(button(section('controleren'), 'Controleren'));
  expect(await summaryText()).toBe('0 fouten3 waarschuwingen0 info');
  expect(calls.every((c) => ['describe', 'read', 'readStored', 'getSelection', 'readCells'].includes(c))).toBe(true);
  expect(calls).toContain('read');
});

test('10,000 findings: a treegrid of 10,001 rows with only a window in the document; End reaches the last', async () => {
  const n = 10_000;
  mount(MemoryWorkbook.fromSheets([manyFindings(n)]));
  fireEvent.click(button(section('controleren'), 'Controleren'));
  expect(await summaryText()).toBe(`0 fouten${n} waarschuwingen0 info`);
  const grid = section('controleren').querySelector('[role=treegrid][aria-label="Bevindingen per code"]') as HTMLElement;
  expect(grid.getAttribute('aria-rowcount')).toBe(String(n + 1));
  const rendered = () => [...grid.querySelectorAll('[role=row]')];
  expect(rendered().length).toBeLessThan(40);
  expect(rendered()[0].getAttribute('aria-rowindex')).toBe('1');
  expect(rendered()[0].getAttribute('aria-expanded')).toBe('true');
  expect(rendered()[1].getAttribute('aria-level')).toBe('2');

  // Scrolling far down renders the rows there (and no others), numbered by their place in the whole list.
  act(() => {
    grid.scrollTop = 5000 * 68;
    fireEvent.scroll(grid);
  });
  // (Row 1 stays too: it is the active row, which keeps the focus while scrolled away.)
  const indexes = rendered().map((r) => Number(r.getAttribute('aria-rowindex'))).filter((i) => i !== 1);
  expect(rendered().filter((r) => r.getAttribute('aria-rowindex') === '1')[0]?.getAttribute('tabindex')).toBe('0');
  expect(Math.min(...indexes)).toBeGreaterThan(4900);
  expect(Math.max(...indexes)).toBeLessThan(5100);
  expect(rendered().length).toBeLessThan(40);

  // The keyboard: the active row keeps the focus; End goes to the last finding.
  const first = grid.querySelector('[aria-rowindex="1"]') as HTMLElement;
  act(() => first.focus());
  fireEvent.keyDown(first, { key: 'End' });
  await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe(String(n + 1)));
  expect(document.activeElement?.textContent).toContain(`Notities!A${n + 1}`);
  fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
  await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('1'));
  // Left closes the group; its findings leave the list.
  fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowLeft' });
  await waitFor(() => expect(grid.getAttribute('aria-rowcount')).toBe('1'));
});

test('cell text is text: markup in a cell is shown literally and never becomes an element', async () => {
  const hostile = '<img src=x onerror="window.__hit=1"> klantmanager';
  mount(MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [[hostile]] }]));
  fireEvent.click(button(element, 'Termen'));
  fireEvent.click(button(section('termen'), 'Termen zoeken'));
  const region = await waitFor(() => {
    const found = section('termen').querySelector('[role=region][aria-label="Gekozen term"]');
    if (found === null) throw new Error('no finding shown yet');
    return found;
  });
  expect(region.querySelector('[data-voorbeeld=voor]')?.textContent).toBe(hostile);
  expect(element.querySelector('img')).toBeNull();
  expect((window as { __hit?: number }).__hit).toBeUndefined();
});

test('a long check shows its progress and stops when cancelled; the pane answers meanwhile', async () => {
  const wb = MemoryWorkbook.fromSheets([manyFindings(12_000)]);
  // The pause between two steps of the check waits until the test lets it go on.
  let release: (() => void) | null = null;
  let pauses = 0;
  const pause = () =>
    new Promise<void>((resolve) => {
      pauses++;
      release = resolve;
    });
  act(() => {
    handle = mountPane(element, { port: wb, host: 'werkbank', pause });
  });
  fireEvent.click(button(section('controleren'), 'Controleren'));
  await waitFor(() => expect(pauses).toBe(1));
  const bar = await waitFor(() => {
    const found = section('controleren').querySelector('[role=progressbar]');
    if (found === null) throw new Error('no progress yet');
    return found;
  });
  expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  expect(Number(bar.getAttribute('aria-valuenow'))).toBeLessThan(1);
  // The rest of the pane works while the check waits: another section opens.
  fireEvent.click(button(element, 'Definities'));
  expect(section('definities').hidden).toBe(false);
  fireEvent.click(button(element, 'Controleren'));

  const cancel = section('controleren').querySelector('button[aria-label="Controleren annuleren"]') as HTMLButtonElement;
  fireEvent.click(cancel);
  await act(async () => (release as unknown as () => void)());
  await waitFor(() => expect(section('controleren').querySelector('[role=status]')?.textContent).toBe('Controle afgebroken; de vorige uitkomst staat er nog.'));
  expect(pauses).toBe(1);
  expect(section('controleren').querySelector('[data-samenvatting]')).toBeNull();
  expect(section('controleren').querySelector('[role=progressbar]')).toBeNull();
});

test('Termen: Vervang alle replaces every same fragment (logged), Negeer hides one, undo puts a cell back', async () => {
  const wb = MemoryWorkbook.fromSheets([
    { name: 'Contract', values: [['De klantmanager belt.'], ['Een Klantmanager schrijft.'], ['De reïntegratie start.']] },
  ]);
  mount(wb);
  fireEvent.click(button(element, 'Termen'));
  fireEvent.click(button(section('termen'), 'Termen zoeken'));
  const rows = () => [...section('termen').querySelectorAll('[role=row]')].map((r) => r.getAttribute('data-cel'));
  await waitFor(() => expect(rows()).toEqual(['Contract!A1', 'Contract!A2', 'Contract!A3']));
  fireEvent.click(button(section('termen'), 'Vervang alle (2)'));
  await waitFor(() => expect(rows()).toEqual(['Contract!A3']));
  expect(wb.sheetData('Contract').values.map((r) => r?.[0])).toEqual(['De werkcoach belt.', 'Een Werkcoach schrijft.', 'De reïntegratie start.']);
  const log = () => [...section('termen').querySelectorAll('[data-logboek]')];
  await waitFor(() => expect(log()).toHaveLength(2));

  // Negeer the last one, with a reason; it is stored and leaves the list.
  fireEvent.click(button(section('termen'), 'Negeer'));
  const dialog = await waitFor(() => {
    const found = document.querySelector('[role=dialog]');
    if (found === null) throw new Error('no dialog');
    return found;
  });
  fireEvent.change(dialog.querySelector('textarea') as HTMLTextAreaElement, { target: { value: 'Titel van een wet.' } });
  fireEvent.click(button(dialog, 'Negeren'));
  await waitFor(() => expect(rows()).toEqual([]));
  expect((await wb.readStored()).accepted.map((a) => [a.cell, a.fragment, a.reason])).toEqual([['A3', 'reïntegratie', 'Titel van een wet.']]);

  // Undo of A2 (the newest entry is listed first).
  const undo = log()[0].querySelector('button') as HTMLButtonElement;
  expect(log()[0].getAttribute('data-logboek')).toBe('Contract!A2');
  fireEvent.click(undo);
  await waitFor(() => expect(wb.sheetData('Contract').values[1]?.[0]).toBe('Een Klantmanager schrijft.'));
  await waitFor(() => expect(rows()).toEqual(['Contract!A2']));
  await waitFor(() => expect(log()).toHaveLength(3));
});

test('Controleren of the active sheet checks only that sheet', async () => {
  const wb = MemoryWorkbook.fromSheets([manyFindings(2), { name: 'Schoon', values: [['Niets bijzonders.']] }]);
  wb.activate('Schoon');
  mount(wb);
  const radio = await waitFor(() => {
    const found = [...section('controleren').querySelectorAll('input[type=radio]')].find((r) => r.closest('span, div')?.textContent?.includes('Actief werkblad (Schoon)'));
    if (found === undefined) throw new Error('no radio for the active sheet yet');
    return found;
  });
  fireEvent.click(radio);
  fireEvent.click(button(section('controleren'), 'Controleren'));
  expect(await summaryText()).toBe('0 fouten0 waarschuwingen0 info');
  fireEvent.click([...section('controleren').querySelectorAll('input[type=radio]')][0]);
  fireEvent.click(button(section('controleren'), 'Controleren'));
  await waitFor(async () => expect(await summaryText()).toBe('0 fouten2 waarschuwingen0 info'));
});

test('Profiel: removing the stored profile asks first, then the standard set applies and the host hears it', async () => {
  const wb = MemoryWorkbook.fromSheets([manyFindings(1)]);
  await wb.writeStored({
    ...(await wb.readStored()),
    profile: { naam: 'Regio', gemeente: 'Alkmaar', afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Afspraak.' }] },
  });
  const heard: unknown[] = [];
  act(() => {
    handle = mountPane(element, { port: wb, host: 'excel', pause: () => Promise.resolve(), onProfileChange: (p) => heard.push(p) });
  });
  const active = () => element.querySelector('[data-actief-profiel]')?.textContent;
  await waitFor(() => expect(active()).toBe('Profiel: Regio'));
  fireEvent.click(button(element, 'Profiel'));
  fireEvent.click(button(section('profiel'), 'Profiel verwijderen'));
  expect((await wb.readStored()).profile).not.toBeNull();
  fireEvent.click(button(section('profiel'), 'Annuleren'));
  expect(section('profiel').textContent).not.toContain('wordt uit de werkmap verwijderd');
  fireEvent.click(button(section('profiel'), 'Profiel verwijderen'));
  fireEvent.click(button(section('profiel'), 'Verwijderen'));
  await waitFor(() => expect(active()).toBe('Profiel: geen (standaardset)'));
  expect((await wb.readStored()).profile).toBeNull();
  expect(heard).toEqual([null]);
});
