/**
 * The Termen section's work against the port (in-memory workbook): what
 * each scope scans, accepted findings left out, replacements for one
 * finding and for every finding of the same fragment (each in its own
 * case), and a rescan of changed cells.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { acceptFinding } from '../../src/workbook/flows/storedState';
import { applyCellFixes, readLog } from '../../src/workbook/flows/termFixes';
import { writeControlSheet } from '../../src/workbook/flows/markFlow';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { CancelledError } from '../../src/workbook/port';
import { fixesForFragment, fixForFinding, previewReplacement, rescanCells, scanTerms, ScanScopeError, withStored } from '../../src/taskpane/terms/termScan';

const set = standardDefinitionSet();

function workbook(): MemoryWorkbook {
  return MemoryWorkbook.fromSheets([
    {
      name: 'Contract',
      values: [
        ['Artikel', 'Tekst'],
        ['1', 'De klantmanager meldt de cliënt aan.'],
        ['2', 'Klantmanagers en klantmanager overleggen.'],
        ['3', 'Een vaste plaatsing telt mee.'],
        [42, null, 'De reïntegratie begint.'],
      ],
    },
    { name: 'Notities', values: [['De klantmanager belt.']] },
  ]);
}

const brief = (f: { cell: string | null; sheet: string | null; fragment: string | null }) => `${f.sheet}!${f.cell}:${f.fragment}`;

describe('scanning for terms through the port', () => {
  test('the workbook, the active sheet and the selection each scan what they say', async () => {
    const wb = workbook();
    const all = await scanTerms(wb, 'werkmap', { set });
    expect(all.findings.map(brief)).toEqual([
      'Contract!B2:klantmanager',
      'Contract!B3:Klantmanagers',
      'Contract!B3:klantmanager',
      'Contract!B4:vaste plaatsing',
      'Contract!C5:reïntegratie',
      'Notities!A1:klantmanager',
    ]);
    expect(all.where).toBe('de hele werkmap');

    wb.activate('Notities');
    expect((await scanTerms(wb, 'blad', { set })).findings.map(brief)).toEqual(['Notities!A1:klantmanager']);

    wb.setSelection({ sheet: 'Contract', row: 2, col: 1, rows: 2, cols: 1 });
    const selection = await scanTerms(wb, 'selectie', { set });
    expect(selection.where).toBe('Contract!B3:B4');
    expect(selection.findings.map(brief)).toEqual(['Contract!B3:Klantmanagers', 'Contract!B3:klantmanager', 'Contract!B4:vaste plaatsing']);
  });

  test('no selection is a Dutch reason; a cancelled scan stops', async () => {
    await expect(scanTerms(workbook(), 'selectie', { set })).rejects.toThrow(ScanScopeError);
    await expect(scanTerms(workbook(), 'selectie', { set })).rejects.toThrow('Er is niets geselecteerd');
    const controller = new AbortController();
    controller.abort();
    await expect(scanTerms(workbook(), 'werkmap', { set, signal: controller.signal })).rejects.toThrow(CancelledError);
  });

  test('the workbook scan skips our own sheets and leaves out accepted findings', async () => {
    const wb = workbook();
    const first = await scanTerms(wb, 'werkmap', { set });
    await writeControlSheet(wb, first.findings, { source: 'test', version: set.version, profile: null });
    await acceptFinding(wb, first.findings[5], 'Citaat.');
    const again = await scanTerms(wb, 'werkmap', { set });
    expect(again.findings.map(brief)).toEqual(first.findings.slice(0, 5).map(brief));
    expect(again.accepted.map(brief)).toEqual(['Notities!A1:klantmanager']);
  });

  test('Vervang replaces one fragment; Vervang alle every same fragment, each in its own case, logged per cell', async () => {
    const wb = workbook();
    const scan = await scanTerms(wb, 'werkmap', { set });
    const klant = scan.findings[0];
    expect(previewReplacement(klant)).toBe('De werkcoach meldt de cliënt aan.');
    expect(fixForFinding(klant)).toMatchObject({ sheet: 'Contract', row: 1, col: 1, before: 'De klantmanager meldt de cliënt aan.', after: 'De werkcoach meldt de cliënt aan.' });

    const fixes = fixesForFragment(scan.findings, scan.findings[2]);
    // Same folded fragment "klantmanager" (not the plural "Klantmanagers"): B2, B3 (one occurrence), Notities!A1.
    expect(fixes.map((f) => `${f.sheet}!${f.row}:${f.col}=${f.after}`)).toEqual([
      'Contract!1:1=De werkcoach meldt de cliënt aan.',
      'Contract!2:1=Klantmanagers en werkcoach overleggen.',
      'Notities!0:0=De werkcoach belt.',
    ]);
    const outcome = await applyCellFixes(wb, fixes);
    expect(outcome.stale).toEqual([]);
    const log = await readLog(wb);
    expect(log.map((e) => [e.cell, e.before])).toEqual([
      ['B2', 'De klantmanager meldt de cliënt aan.'],
      ['B3', 'Klantmanagers en klantmanager overleggen.'],
      ['A1', 'De klantmanager belt.'],
    ]);
    const next = await rescanCells(wb, scan, fixes);
    expect(next.findings.map(brief)).toEqual(['Contract!B3:Klantmanagers', 'Contract!B4:vaste plaatsing', 'Contract!C5:reïntegratie']);
  });

  test('a finding with two meanings is replaced by the alternative chosen', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: 'Tekst', values: [['De uitstroom is hoog.']] }]);
    const [uitstroom] = (await scanTerms(wb, 'werkmap', { set })).findings;
    expect(uitstroom.suggestions).toEqual(['uitstroom naar werk', 'uitstroom uit de uitkering']);
    expect(previewReplacement(uitstroom, 0)).toBe('De uitstroom naar werk is hoog.');
    expect(previewReplacement(uitstroom, 1)).toBe('De uitstroom uit de uitkering is hoog.');
    expect(fixForFinding(uitstroom, 1)?.after).toBe('De uitstroom uit de uitkering is hoog.');
  });

  test('accepting a finding re-splits the scan without scanning again', async () => {
    const wb = workbook();
    const scan = await scanTerms(wb, 'werkmap', { set });
    await acceptFinding(wb, scan.findings[3], null);
    const next = withStored(scan, await wb.readStored());
    expect(next.findings.map(brief)).toEqual(scan.findings.filter((_, i) => i !== 3).map(brief));
    expect(next.accepted.map(brief)).toEqual(['Contract!B4:vaste plaatsing']);
  });
});
