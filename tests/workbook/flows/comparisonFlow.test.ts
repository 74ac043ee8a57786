/**
 * Comparing submissions from chosen files (the pane's Vergelijken): the
 * same figures as the engine gives for the same workbooks, one profile for
 * every file (a stored one never counts), a Dutch line for a file that is
 * no submission while the rest is compared, progress per file, cancel; and
 * putting the comparison's sheets into a workbook without a surprise.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SECOND_VENDOR } from '../../../scripts/exampleVendors';
import { comparisonJson } from '../../../src/cli/comparisonReport';
import { standardDefinitionSet } from '../../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfileJson, type Profile } from '../../../src/definitions/profile';
import { standardReportFormat } from '../../../src/definitions/reportFormat';
import { checkWorkbook } from '../../../src/engine/checkWorkbook';
import { compareSubmissions, submissionInput } from '../../../src/engine/submissionComparison';
import { submissionFigures } from '../../../src/engine/submissionGroups';
import { compareWorkbookFiles, putComparisonSheets, sheetsReplaced, type ComparisonProgress } from '../../../src/workbook/flows/comparisonFlow';
import { comparisonSheets } from '../../../src/workbook/flows/comparisonSheets';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import { CancelledError } from '../../../src/workbook/port';
import { readXlsx } from '../../../src/workbook/xlsx/readXlsx';
import { xlsxCodec } from '../../../src/workbook/xlsx/xlsxCodec';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const FIRST = { name: 'inzending-noord-kennemerland.xlsx', bytes: new Uint8Array(readFileSync(join(EXAMPLES, 'inzending-noord-kennemerland.xlsx'))) };
const SECOND = { name: SECOND_VENDOR.file, bytes: new Uint8Array(readFileSync(join(EXAMPLES, SECOND_VENDOR.file))) };
const CONTRACT = { name: 'contract-noord-kennemerland.xlsx', bytes: new Uint8Array(readFileSync(join(EXAMPLES, 'contract-noord-kennemerland.xlsx'))) };

const set = standardDefinitionSet();
const format = standardReportFormat();
const profile: Profile = parseProfileJson(readFileSync(join(EXAMPLES, 'profiel-noord-kennemerland.json'), 'utf8'), set);
const header = { version: set.version, profile: null };

/** The comparison by the engine alone: each package read, checked with groups, its figures counted, compared. */
function engineComparison(files: readonly { name: string; bytes: Uint8Array }[], given: Profile | null) {
  const defs = effectiveDefinitions(set, given);
  return compareSubmissions(
    files.map((f) => {
      const check = checkWorkbook(readXlsx(f.bytes), defs, { groups: true });
      if (check.groups === undefined) throw new Error(`${f.name}: no client sheet`);
      return submissionInput(f.name, submissionFigures(check.groups, check.findings), check.findings);
    }),
    format,
  );
}

describe('compareWorkbookFiles', () => {
  test('the two example submissions: the figures the engine gives for them, per vendor 180 and 320 rows of 500', async () => {
    const result = await compareWorkbookFiles([FIRST, SECOND], { set, profile: null });
    expect(result.problems).toEqual([]);
    expect(result.version).toBe(set.version);
    expect(result.profile).toBeNull();
    const comparison = result.comparison!;
    expect(comparison.total.rows).toBe(500);
    expect(comparison.submissions.map((s) => [s.file, s.metadata.opdrachtnemer, s.rows])).toEqual([
      [FIRST.name, 'Werkpad Re-integratie B.V.', 320],
      [SECOND.name, SECOND_VENDOR.vendor, 180],
    ]);
    expect(comparison.groupings.opdrachtnemer.map((g) => [g.name, g.rows])).toEqual([
      [SECOND_VENDOR.vendor, 180],
      ['Werkpad Re-integratie B.V.', 320],
    ]);
    expect(comparison.submissions[0].findings.fout).toBeGreaterThan(0);
    // Every figure, every group, every note: as the engine computes them from the same workbooks.
    expect(comparisonJson(comparison, header, format)).toEqual(comparisonJson(engineComparison([FIRST, SECOND], null), header, format));
  });

  test('one profile for every file: the profile given recomputes both, with fewer durable placements than the standard set', async () => {
    const withProfile = await compareWorkbookFiles([FIRST, SECOND], { set, profile });
    const standard = await compareWorkbookFiles([FIRST, SECOND], { set, profile: null });
    expect(withProfile.profile).toBe('Noord-Kennemerland 2009');
    const durable = (r: typeof standard) => r.comparison!.total.indicators.get('duurzamePlaatsingen') as number;
    expect(durable(withProfile)).toBeLessThan(durable(standard));
    expect(withProfile.comparison!.total.indicators.get('plaatsingen')).toBe(standard.comparison!.total.indicators.get('plaatsingen'));
    expect(comparisonJson(withProfile.comparison!, header, format)).toEqual(comparisonJson(engineComparison([FIRST, SECOND], profile), header, format));
  });

  test('a profile stored in a chosen file does not count', async () => {
    const workbook = MemoryWorkbook.fromXlsx(FIRST.bytes, xlsxCodec);
    await workbook.writeStored({ profile: JSON.parse(readFileSync(join(EXAMPLES, 'profiel-noord-kennemerland.json'), 'utf8')), accepted: [], mapping: null });
    const stored = { name: 'met-profiel.xlsx', bytes: workbook.toXlsx() };
    const plain = await compareWorkbookFiles([FIRST], { set, profile: null });
    const withStored = await compareWorkbookFiles([stored], { set, profile: null });
    expect(withStored.profile).toBeNull();
    expect([...withStored.comparison!.total.indicators]).toEqual([...plain.comparison!.total.indicators]);
    // And the given profile counts, also over the stored one.
    const given = await compareWorkbookFiles([stored], { set, profile });
    expect(given.comparison!.total.indicators.get('duurzamePlaatsingen')).toBeLessThan(plain.comparison!.total.indicators.get('duurzamePlaatsingen') as number);
  });

  test('a file that is no .xlsx and a workbook without Cliënten sheet are Dutch lines naming them; the others are compared', async () => {
    const text = { name: 'notities.txt', bytes: new TextEncoder().encode('Dit is geen werkmap.') };
    const cut = { name: 'afgebroken.xlsx', bytes: SECOND.bytes.slice(0, SECOND.bytes.length >> 1) };
    const result = await compareWorkbookFiles([FIRST, text, CONTRACT, cut, SECOND], { set, profile: null });
    expect(result.comparison!.submissions.map((s) => s.file)).toEqual([FIRST.name, SECOND.name]);
    expect(result.problems).toHaveLength(3);
    expect(result.problems[0]).toMatch(/^notities\.txt: .*geen/);
    expect(result.problems[1]).toBe(`${CONTRACT.name}: is geen rapportage (geen blad Cliënten); vergelijken leest alleen inzendingen in de uniforme rapportage.`);
    expect(result.problems[2]).toMatch(/^afgebroken\.xlsx: het bestand is afgebroken of onvolledig/);
    for (const p of result.problems) expect(p).toMatch(/\.$/);

    const nothing = await compareWorkbookFiles([text, CONTRACT], { set, profile: null });
    expect(nothing.comparison).toBeNull();
    expect(nothing.problems).toHaveLength(2);
  });

  test('progress per file (file i of n, then its rows), a pause between steps, and cancel stops it', async () => {
    // Without a pause every step reports (with one, a step reports when it pauses: about once a frame).
    const seen: ComparisonProgress[] = [];
    await compareWorkbookFiles([FIRST, SECOND], { set, profile: null, onProgress: (p) => seen.push(p) });
    expect(seen[0]).toEqual({ file: 0, files: 2, name: FIRST.name, phase: 'openen', done: 0, total: 0 });
    expect(new Set(seen.map((p) => `${p.file}:${p.name}`))).toEqual(new Set([`0:${FIRST.name}`, `1:${SECOND.name}`]));
    const checking = seen.filter((p) => p.phase === 'controleren');
    // The check's units are the workbook's rows (its client rows and the rest), counted to the end for each file.
    const last = (file: number) => checking.filter((p) => p.file === file).pop();
    expect(last(0)!.total).toBeGreaterThan(320);
    expect(last(1)!.total).toBeGreaterThan(180);
    expect(last(1)!.total).toBeLessThan(last(0)!.total);
    for (const file of [0, 1]) expect(last(file)!.done).toBe(last(file)!.total);

    // Cancelled when the second file starts: no result, a CancelledError.
    const controller = new AbortController();
    const files: number[] = [];
    const run = compareWorkbookFiles([FIRST, SECOND], {
      set,
      profile: null,
      signal: controller.signal,
      pause: () => Promise.resolve(),
      onProgress: (p) => {
        files.push(p.file);
        if (p.file === 1) controller.abort();
      },
    });
    await expect(run).rejects.toBeInstanceOf(CancelledError);
    // Each file's opening waits for a pause, so that the host shows which file it is.
    let pauses = 0;
    await compareWorkbookFiles([FIRST, SECOND], { set, profile: null, pause: async () => void pauses++ });
    expect(pauses).toBeGreaterThanOrEqual(2);
    expect(Math.max(...files)).toBe(1);
    expect(files.filter((f) => f === 1)).toHaveLength(1);
  });
});

describe('the open workbook as a submission', () => {
  it('is checked through its own port, first, by the same definitions as the files', async () => {
    const open = MemoryWorkbook.fromXlsx(FIRST.bytes, xlsxCodec);
    const result = await compareWorkbookFiles([SECOND], { set, profile, current: { name: 'open.xlsx', port: open } });
    const expected = engineComparison([FIRST, SECOND], profile);
    expect(result.comparison!.submissions.map((s) => [s.file, s.rows])).toEqual([
      ['open.xlsx', 320],
      [SECOND.name, 180],
    ]);
    expect(result.comparison!.total.indicators).toEqual(expected.total.indicators);
  });

  it('is named when it is no submission, and the files are still compared', async () => {
    const open = MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [['Aantekeningen']] }]);
    const result = await compareWorkbookFiles([SECOND], { set, profile: null, current: { name: 'open.xlsx', port: open } });
    expect(result.problems).toEqual([expect.stringContaining('open.xlsx: is geen rapportage (geen blad Cliënten)')]);
    expect(result.comparison!.submissions.map((s) => s.file)).toEqual([SECOND.name]);
  });
});

describe('putting the comparison into a workbook', () => {
  async function sheetsOfComparison() {
    const result = await compareWorkbookFiles([FIRST, SECOND], { set, profile: null });
    return comparisonSheets({ comparison: result.comparison!, format, version: result.version, profile: result.profile, made: '1 januari 2025 om 12:00' });
  }

  test('names every sheet it would replace (whatever its case), telling an earlier comparison from a sheet of the user', async () => {
    const sheets = await sheetsOfComparison();
    const wb = MemoryWorkbook.fromSheets([
      { name: 'Cliënten', values: [['Cliëntnummer']] },
      { name: 'per gemeente', values: [['Mijn eigen aantekeningen'], ['Alkmaar', 12]] },
    ]);
    expect(await sheetsReplaced(wb, sheets)).toEqual([{ name: 'per gemeente', earlierComparison: false }]);

    // Written under the name the workbook has: no second sheet that differs only in case.
    const written = await putComparisonSheets(wb, sheets);
    expect(written).toEqual(['Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'per gemeente', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer']);
    const names = (await wb.describe()).sheets.map((s) => s.name);
    expect(names).toEqual(['Cliënten', 'per gemeente', 'Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer']);
    expect(wb.sheetData('per gemeente').values[0]?.[0]).toBe('Gemeente');
    expect(wb.sheetData('Cliënten').values).toEqual([['Cliëntnummer']]);

    // Now every sheet is there, and each looks like a comparison's.
    const again = await sheetsReplaced(wb, sheets);
    expect(again.map((s) => s.name)).toEqual(written);
    expect(again.every((s) => s.earlierComparison)).toBe(true);
  });

  test('nothing to replace in a workbook without those sheets', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: 'Blad1', values: [['x']] }]);
    expect(await sheetsReplaced(wb, await sheetsOfComparison())).toEqual([]);
  });
});
