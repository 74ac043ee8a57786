/**
 * Reading through the Office adapter over the fake Excel: a 100,000-row
 * check in ceil(rows/10,000)+2 syncs with every request and response under
 * 5 MB and no write; the same findings as the in-memory workbook; error
 * values told from text; the date system, merged areas and the stored state
 * read up front; a block Excel refuses as too large read again in halves.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import type { RawValue, SheetData } from '../../src/engine/grid';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { storeProfile } from '../../src/workbook/flows/storedState';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { CancelledError } from '../../src/workbook/port';
import { STORED_NAMESPACE } from '../../src/workbook/storedState';
import { generateSubmission, toWorkbookData } from '../../scripts/submissionGenerator';
import { FakeExcel, PAYLOAD_LIMIT } from './fakeExcel';
import { FakeWorkbook } from './fakeWorkbook';

const set = standardDefinitionSet();
const brief = (f: { code: string; sheet: string | null; cell: string | null }) => `${f.code}@${f.sheet}!${f.cell}`;

/** A generated submission with a few mistakes of different kinds. */
function submission(rows: number): SheetData[] {
  const data = toWorkbookData(generateSubmission({ rows, seed: 7 }));
  const [clients, management] = data.sheets;
  const values = clients.values.map((row) => (row === undefined ? undefined : row.slice())) as RawValue[][];
  const header = values[0] as string[];
  const col = (label: string) => header.indexOf(label);
  values[5][col('Doelgroep')] = 'Bijstnd'; // a typo of a code
  values[60][col('Status')] = { error: '#N/A' }; // an error value
  values[70][col('Toelichting')] = '#N/A'; // text that reads like an error value
  values[rows - 3][col('Toelichting')] = 'De klantmanager belt de cliënt.'; // a non-conforming term
  values[rows - 2][col('Cliëntnummer')] = '111222333'; // a BSN
  return [{ ...clients, values }, management];
}

describe('a 100,000-row check through the Office adapter', () => {
  const rows = 100_000;
  const sheets = submission(rows);
  let fake: FakeExcel;
  let findings: string[];

  beforeAll(async () => {
    fake = new FakeExcel(FakeWorkbook.fromSheets(sheets));
    const result = await checkThroughPort(new OfficeWorkbook(fake), { set });
    findings = result.findings.map(brief);
  });

  test(`takes at most ceil(rows/10,000)+2 = ${Math.ceil(rows / 10_000) + 2} syncs`, () => {
    expect(fake.syncs.length).toBeLessThanOrEqual(Math.ceil(rows / 10_000) + 2);
    expect(fake.refused).toEqual([]);
  });

  test('keeps every request and every response under 5 MB and no read over 5 million cells', () => {
    for (const sync of fake.syncs) {
      expect(sync.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(sync.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
      expect(sync.cellsRead).toBeLessThanOrEqual(5_000_000);
    }
    // The cells really were read in blocks (not one read of everything).
    const blocks = fake.syncs.filter((s) => s.cellsRead > 0);
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    expect(Math.max(...blocks.map((s) => s.responseBytes))).toBeGreaterThan(3_000_000);
  });

  test('writes nothing', () => {
    expect(fake.writes).toEqual([]);
  });

  test('finds what the in-memory workbook finds in the same grids', async () => {
    const memory = await checkThroughPort(MemoryWorkbook.fromSheets(sheets), { set });
    expect(findings).toEqual(memory.findings.map(brief));
    // Exactly the planted mistakes; the text "#N/A" in T71 is text, not an error value.
    expect(findings).toEqual([
      'WAARDE_ONBEKEND@Cliënten!C6',
      'FOUTWAARDE@Cliënten!I61',
      'TERM_NIET_CONFORM@Cliënten!T99998',
      'PRIVACY_BSN@Cliënten!A99999',
    ]);
  });
});

describe('reading', () => {
  function workbook(): FakeWorkbook {
    return FakeWorkbook.fromSheets([
      {
        name: 'Blad 1',
        values: [
          ['Tekst', '#N/A', { error: '#N/A' }, 12.5, true],
          [],
          [null, null, 'onder'],
        ],
        formats: [[undefined, undefined, undefined, '0.00', undefined]],
      },
      { name: 'Leeg', values: [] },
    ]);
  }

  test.each(['1.18', '1.8'])('tells an error value from text that reads the same (ExcelApi %s)', async (version) => {
    const fake = new FakeExcel(workbook(), version);
    const snapshot = await new OfficeWorkbook(fake).read();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Blad 1', 'Leeg']);
    const [sheet, empty] = snapshot.sheets;
    expect(sheet.values[0]).toEqual(['Tekst', '#N/A', { error: '#N/A' }, 12.5, true]);
    expect(sheet.values[1]).toBeUndefined();
    expect(sheet.values[2]).toEqual([null, null, 'onder']);
    expect(sheet.formats?.[0]?.[3]).toBe('0.00');
    expect(empty.values).toEqual([]);
  });

  test('a used range that does not start at A1 keeps its cells where they are', async () => {
    const model = new FakeWorkbook();
    const sheet = model.addSheet('Verschoven');
    sheet.setValue(4, 3, 'D5');
    sheet.setValue(6, 5, 42);
    const snapshot = await new OfficeWorkbook(new FakeExcel(model)).read();
    const values = snapshot.sheets[0].values;
    expect(values.length).toBe(7);
    expect(values[4]?.[3]).toBe('D5');
    expect(values[6]?.[5]).toBe(42);
    expect(values[3]).toBeUndefined();
  });

  test('the date system, merged areas and the stored state come with the first two syncs', async () => {
    const model = FakeWorkbook.fromSheets([{ name: 'Cliënten', values: [['a'], ['b'], ['c']] }], 1904);
    model.sheets[0].merges = [{ top: 0, left: 0, bottom: 2, right: 0 }];
    const fake = new FakeExcel(model);
    const port = new OfficeWorkbook(fake);
    await storeProfile(port, { naam: 'Regio', gemeente: 'Alkmaar', afwijkingen: [] });
    fake.resetCounts();
    const snapshot = await port.read({ stored: true });
    expect(snapshot.dateSystem).toBe(1904);
    expect(snapshot.sheets[0].merges).toEqual([{ top: 0, left: 0, bottom: 2, right: 0 }]);
    expect(snapshot.stored?.profile).toEqual({ naam: 'Regio', gemeente: 'Alkmaar', afwijkingen: [] });
    expect(fake.syncs.length).toBe(3);
    expect(fake.writes).toEqual([]);
    expect((await port.describe()).dateSystem).toBe(1904);
  });

  test('a block larger than estimated is refused by Excel and read again in halves', async () => {
    const long = 'x'.repeat(400);
    const values = Array.from({ length: 6000 }, (_, r) => [`rij ${r}`, long + r, long, long]);
    const fake = new FakeExcel(FakeWorkbook.fromSheets([{ name: 'Lang', values }]));
    const snapshot = await new OfficeWorkbook(fake).read();
    expect(snapshot.sheets[0].values).toEqual(values);
    expect(fake.refused.length).toBeGreaterThanOrEqual(1);
    for (const sync of fake.syncs) expect(sync.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
  });

  test('a wide sheet is read in blocks of fewer rows, never more than 5 million cells at once', async () => {
    const model = new FakeWorkbook();
    const sheet = model.addSheet('Breed');
    for (let r = 0; r < 100; r++) sheet.values.push(Array.from({ length: 16384 }, () => 1));
    const fake = new FakeExcel(model);
    const snapshot = await new OfficeWorkbook(fake).read();
    expect(snapshot.sheets[0].values.length).toBe(100);
    expect(snapshot.sheets[0].values[99]?.length).toBe(16384);
    expect(fake.syncs.filter((s) => s.cellsRead > 0).length).toBeGreaterThan(1);
    for (const sync of fake.syncs) {
      expect(sync.cellsRead).toBeLessThanOrEqual(5_000_000);
      expect(sync.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
    }
  });

  test('a read stops between blocks when cancelled', async () => {
    const fake = new FakeExcel(FakeWorkbook.fromSheets(submission(30_000)));
    const controller = new AbortController();
    const port = new OfficeWorkbook(fake);
    const reading = port.read({ signal: controller.signal, onProgress: () => controller.abort() });
    await expect(reading).rejects.toBeInstanceOf(CancelledError);
    expect(fake.syncs.length).toBe(3);
  });

  test('our stored state is found by its namespace among other custom XML parts', async () => {
    const model = FakeWorkbook.fromSheets([{ name: 'A', values: [['x']] }]);
    model.addPart('<iets xmlns="urn:andere:toepassing">{"profiel":1}</iets>');
    const port = new OfficeWorkbook(new FakeExcel(model));
    expect(await port.readStored()).toEqual({ profile: null, accepted: [], mapping: null });
    await port.writeStored({ profile: { naam: 'P' }, accepted: [], mapping: null });
    model.addPart(`<opslag xmlns="${STORED_NAMESPACE}" versie="1">{"profiel":{"naam":"kopie"}}</opslag>`);
    expect((await port.readStored()).profile).toEqual({ naam: 'P' });
    await port.writeStored({ profile: { naam: 'Q' }, accepted: [], mapping: null });
    // One part of ours remains, and the other application's part is untouched.
    expect(model.parts.filter((p) => p.xml.includes(STORED_NAMESPACE)).length).toBe(1);
    expect(model.parts.some((p) => p.xml.includes('urn:andere:toepassing'))).toBe(true);
    expect((await port.readStored()).profile).toEqual({ naam: 'Q' });
  });
});
