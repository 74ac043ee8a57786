/**
 * The glue to office.js's globals (officeHost.ts) and the ribbon command,
 * with `Office` stubbed and `Excel.run` served by the fake: the adapter runs
 * on the real host functions, the theme and the file name are read, and
 * "Markeringen wissen" clears the marks and tells Office it finished.
 */
import { NOTE_HEADING } from '../../src/workbook/marks';
import { excelHost, officeAvailable, officeDarkTheme, officeReady, workbookFileName } from '../../src/workbook/office/officeHost';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { FakeExcel } from './fakeExcel';
import { FakeWorkbook, key } from './fakeWorkbook';

type Globals = { Office?: unknown; Excel?: unknown };
const globals = globalThis as unknown as Globals;

function install(fake: FakeExcel, options: { background?: string; url?: string } = {}) {
  const actions = new Map<string, (event: { completed(): void }) => void>();
  globals.Office = {
    onReady: async () => ({ host: 'Excel', platform: 'PC' }),
    context: {
      requirements: { isSetSupported: (name: string, version: string) => name === 'ExcelApi' && fake.isSetSupported(version) },
      officeTheme: { bodyBackgroundColor: options.background ?? '#ffffff' },
      document: { url: options.url ?? '' },
    },
    actions: { associate: (id: string, fn: (event: { completed(): void }) => void) => actions.set(id, fn) },
  };
  globals.Excel = { run: (batch: (context: unknown) => Promise<unknown>) => fake.run(batch as never) };
  return actions;
}

afterEach(() => {
  delete globals.Office;
  delete globals.Excel;
  jest.resetModules();
});

test('without office.js on the page there is no Office, and waiting for it says so in Dutch', async () => {
  expect(officeAvailable()).toBe(false);
  await expect(officeReady()).rejects.toThrow(/^Office\.js is niet geladen/);
});

test('the adapter runs on the real host functions: Excel.run and the requirement sets', async () => {
  const fake = new FakeExcel(FakeWorkbook.fromSheets([{ name: 'Blad1', values: [['x']] }], 1904), '1.10');
  install(fake);
  expect(await officeReady()).toEqual({ host: 'Excel', platform: 'PC' });
  const port = new OfficeWorkbook(excelHost());
  expect((await port.describe()).dateSystem).toBe(1904);
  expect(port.noteMode).toBe('opmerking');
  expect(fake.syncs.length).toBe(1);
});

test('the theme and the workbook’s file name come from Office', () => {
  install(new FakeExcel(new FakeWorkbook()), { background: '#1F1F1F', url: 'https://contoso.sharepoint.com/Gedeelde%20documenten/Inzending%20Q1.xlsx' });
  expect(officeDarkTheme()).toBe(true);
  expect(workbookFileName()).toBe('Inzending Q1.xlsx');
  install(new FakeExcel(new FakeWorkbook()), { background: '#FFFFFF', url: 'C:\\Users\\piet\\inzending.xlsx' });
  expect(officeDarkTheme()).toBe(false);
  expect(workbookFileName()).toBe('inzending.xlsx');
  install(new FakeExcel(new FakeWorkbook()), { url: '' });
  expect(workbookFileName()).toBeNull();
});

test('the ribbon’s "Markeringen wissen" clears our marks and completes the command', async () => {
  const model = FakeWorkbook.fromSheets([{ name: 'Blad1', values: [['a'], ['b']] }]);
  const fake = new FakeExcel(model);
  await new OfficeWorkbook(fake).applyMarks([{ sheet: 'Blad1', row: 1, col: 0, severity: 'fout', note: `${NOTE_HEADING}\nx` }]);
  expect(model.sheets[0].rules.length).toBe(1);
  const actions = install(fake);
  await jest.isolateModulesAsync(async () => {
    const commands = await import('../../src/commands/commands');
    await new Promise((resolve) => setTimeout(resolve, 0));
    const action = actions.get(commands.CLEAR_MARKS_ACTION);
    expect(action).toBeDefined();
    const completed = new Promise<void>((resolve) => action?.({ completed: resolve }));
    await completed;
  });
  expect(model.sheets[0].rules).toEqual([]);
  expect(model.sheets[0].notes.has(key(1, 0))).toBe(false);
});
