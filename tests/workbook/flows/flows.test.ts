/**
 * The flows written once against the port, run on the in-memory workbook:
 * check (profile, accepted findings, own sheets, steps, cancellation),
 * marks, the Controle sheet, fixes with their log and undo.
 */
import { standardDefinitionSet } from '../../../src/definitions/definitionSet';
import { parseProfile, ProfileError } from '../../../src/definitions/profile';
import { checkWorkbook } from '../../../src/engine/checkWorkbook';
import { findingJson } from '../../../src/engine/findingPresentation';
import type { SheetData } from '../../../src/engine/grid';
import { checkThroughPort } from '../../../src/workbook/flows/checkFlow';
import { controlSheetSpec, planMarks } from '../../../src/workbook/flows/markPlan';
import { clearMarks, markFindings, writeControlSheet } from '../../../src/workbook/flows/markFlow';
import { LOG_SHEET, ownSheetKind } from '../../../src/workbook/flows/ownSheets';
import { acceptFinding, restoreAccepted, storeProfile } from '../../../src/workbook/flows/storedState';
import { applyCellFixes, readLog, undoableEntries, undoFix } from '../../../src/workbook/flows/termFixes';
import { NOTE_HEADING } from '../../../src/workbook/marks';
import { MemoryWorkbook } from '../../../src/workbook/memory/memoryWorkbook';
import { CancelledError } from '../../../src/workbook/port';
import { clientSheet, d, managementSheet, placedRow, runningRow, standardDefs } from '../../support/workbooks';

const set = standardDefinitionSet();
const profile12 = parseProfile(
  {
    naam: 'Regio 12',
    gemeente: 'Alkmaar',
    afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak.' }],
  },
  set,
);

function sheets(): SheetData[] {
  return [
    clientSheet({
      rows: [
        placedRow({ 'Duur arbeidsovereenkomst (maanden)': 8 }),
        runningRow({ Cliëntnummer: 'NK-2', Status: 'In traject' }),
        runningRow({ Cliëntnummer: 'NK-3', Toelichting: 'De klantmanager belt.' }),
        runningRow({ Cliëntnummer: 'NK-4', 'Datum intake': d(1, 1, 2007) }),
      ],
    }),
    managementSheet([['Aantal aanmeldingen', 4], ['Aantal plaatsingen', 2]]),
    { name: 'Notities', values: [['De reïntegratie loopt.'], ['Niets bijzonders.']] },
  ];
}

const brief = (f: { code: string; sheet: string | null; cell: string | null }) => `${f.code}@${f.sheet}!${f.cell}`;

describe('check through the port', () => {
  test('gives the engine findings for the same grids, with the standard set when the workbook stores no profile', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const result = await checkThroughPort(wb, { set });
    const direct = checkWorkbook({ sheets: sheets() }, standardDefs);
    expect(result.findings.map(brief)).toEqual(direct.findings.map(brief));
    expect(result.findings.length).toBeGreaterThan(3);
    expect(result.profileSource).toBeNull();
    expect(result.defs.profile).toBeNull();
  });

  test('uses the profile stored in the workbook; a given profile wins; an invalid stored profile is a Dutch ProfileError', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const standard = await checkThroughPort(wb, { set });
    expect(standard.findings.some((f) => f.code === 'DUURZAAM_ONTERECHT')).toBe(false);
    await storeProfile(wb, profile12);
    const stored = await checkThroughPort(wb, { set });
    expect(stored.profileSource).toBe('werkmap');
    expect(stored.defs.profile?.naam).toBe('Regio 12');
    expect(stored.findings.filter((f) => f.code === 'DUURZAAM_ONTERECHT').map(brief)).toEqual(['DUURZAAM_ONTERECHT@Cliënten!Q2']);
    const given = await checkThroughPort(wb, { set, profile: null });
    expect(given.profileSource).toBeNull();
    expect(given.findings.some((f) => f.code === 'DUURZAAM_ONTERECHT')).toBe(false);

    await wb.writeStored({ ...(await wb.readStored()), profile: { naam: 'Kapot', gemeente: 'X', afwijkingen: [{ term: 'bestaat-niet', motivering: 'x' }] } });
    await expect(checkThroughPort(wb, { set })).rejects.toThrow(ProfileError);
    await expect(checkThroughPort(wb, { set })).rejects.toThrow(/^het profiel in de werkmap is ongeldig: /);
  });

  test('an accepted finding is not counted while its cell holds the same value, and counts again when restored or changed', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const first = await checkThroughPort(wb, { set });
    const term = first.findings.find((f) => f.code === 'TERM_NIET_CONFORM' && f.sheet === 'Cliënten');
    expect(term).toBeDefined();
    const entry = await acceptFinding(wb, term!, '  Citaat van de cliënt. ', new Date('2026-12-01T10:00:00Z'));
    expect(entry).toMatchObject({ reason: 'Citaat van de cliënt.', at: '2026-12-01T10:00:00.000Z', fragment: 'klantmanager' });

    const second = await checkThroughPort(wb, { set });
    expect(second.findings.length).toBe(first.findings.length - 1);
    expect(second.accepted.map(brief)).toEqual([brief(term!)]);

    // Another value in the cell brings the finding back.
    await wb.writeCells([{ sheet: 'Cliënten', row: term!.row! - 1, col: 19, rows: [['De klantmanager belt morgen.']] }]);
    const third = await checkThroughPort(wb, { set });
    expect(third.accepted).toEqual([]);
    expect(third.findings.map(brief)).toContain(brief(term!));

    await wb.writeCells([{ sheet: 'Cliënten', row: term!.row! - 1, col: 19, rows: [['De klantmanager belt.']] }]);
    expect((await checkThroughPort(wb, { set })).accepted.length).toBe(1);
    await restoreAccepted(wb, entry);
    const restored = await checkThroughPort(wb, { set });
    expect(restored.accepted).toEqual([]);
    expect(restored.findings.length).toBe(first.findings.length);
  });

  test('our own Controle and Logboek sheets are skipped and said so: a re-check finds the same', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const first = await checkThroughPort(wb, { set });
    await writeControlSheet(wb, first.findings, { source: 'test.xlsx', version: set.version, profile: null });
    await applyCellFixes(wb, [{ sheet: 'Notities', row: 0, col: 0, before: 'De reïntegratie loopt.', after: 'De re-integratie loopt.', rule: 'TERM_NIET_CONFORM' }]);
    await wb.writeCells([{ sheet: 'Notities', row: 0, col: 0, rows: [['De reïntegratie loopt.']] }]);
    const again = await checkThroughPort(wb, { set });
    expect(again.findings.map(brief)).toEqual(first.findings.map(brief));
    expect(again.skipped).toEqual([
      { sheet: 'Controle', kind: 'controle' },
      { sheet: 'Logboek', kind: 'logboek' },
    ]);
    // Without skipping, the Controle sheet would add findings of its own (copied values and messages).
    const unskipped = checkWorkbook(await wb.read(), standardDefs);
    expect(unskipped.findings.length).toBeGreaterThan(first.findings.length);
  });

  test('checking only a sheet: the client sheet brings the management sheet along; another sheet is alone', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const notes = await checkThroughPort(wb, { set, sheets: ['Notities'] });
    expect(new Set(notes.findings.map((f) => f.sheet))).toEqual(new Set(['Notities']));
    const clients = await checkThroughPort(wb, { set, sheets: ['Cliënten'] });
    expect(clients.findings.some((f) => f.sheet === 'Management')).toBe(true);
    expect(clients.findings.some((f) => f.sheet === 'Notities')).toBe(false);
  });

  test('a long check runs in steps with progress, pauses between them, and stops when cancelled', async () => {
    const rows = Array.from({ length: 9000 }, (_, i) => runningRow({ Cliëntnummer: `NK-${i}` }));
    const wb = MemoryWorkbook.fromSheets([clientSheet({ rows })]);
    const progress: string[] = [];
    let pauses = 0;
    const result = await checkThroughPort(wb, {
      set,
      onProgress: (phase, done, total) => progress.push(`${phase}:${done}/${total}`),
      pause: async () => {
        pauses++;
      },
      sliceMs: 0,
    });
    expect(result.check.rows).toBe(9000);
    expect(pauses).toBeGreaterThanOrEqual(4);
    expect(progress[0]).toBe('lezen:9001/9001');
    expect(progress.filter((p) => p.startsWith('controleren')).length).toBe(pauses);

    const controller = new AbortController();
    const cancelled = checkThroughPort(wb, {
      set,
      signal: controller.signal,
      pause: async () => undefined,
      sliceMs: 0,
      onProgress: (phase, done) => {
        if (phase === 'controleren' && done >= 4000) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CancelledError);
  });
});

describe('marks and the Controle sheet', () => {
  test('one mark per flagged cell in its worst severity, with every message in the note', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const { findings } = await checkThroughPort(wb, { set });
    const marks = planMarks(findings);
    const cells = new Set(findings.filter((f) => f.cell !== null).map((f) => `${f.sheet}!${f.cell}`));
    expect(marks.length).toBe(cells.size);
    for (const mark of marks) {
      const here = findings.filter((f) => f.sheet === mark.sheet && f.cell !== null && f.cell === `${String.fromCharCode(65 + mark.col)}${mark.row + 1}`);
      expect(here.length).toBeGreaterThan(0);
      const worst = here.some((f) => f.severity === 'fout') ? 'fout' : here.some((f) => f.severity === 'waarschuwing') ? 'waarschuwing' : 'info';
      expect(mark.severity).toBe(worst);
      expect(mark.note.split('\n')[0]).toBe(NOTE_HEADING);
      for (const f of here) expect(mark.note).toContain(f.message);
    }
    expect(await markFindings(wb, findings)).toBe(marks.length);
    expect(wb.currentMarks().length).toBe(marks.length);
    expect(await clearMarks(wb)).toBe(marks.length);
    expect(wb.currentMarks()).toEqual([]);
  });

  test('the Controle sheet lists every finding with a link to its cell, and is recognised as ours', () => {
    const findings = checkWorkbook({ sheets: sheets() }, standardDefs).findings;
    const spec = controlSheetSpec(findings, { source: 'inzending.xlsx', version: '1.0.0', profile: 'Regio 12', sheets: new Set(['Cliënten', 'Management']), accepted: 2 });
    expect(spec.rows.length).toBe(4 + findings.length);
    expect(spec.rows[1][0]).toMatch(/^Definitieset 1\.0\.0, profiel: Regio 12\. \d+ bevindingen: \d+ fout(en)?, \d+ waarschuwing(en)?, \d+ info\. 2 genegeerde bevindingen niet meegeteld\.$/);
    const linked = spec.rows.slice(4).filter((row) => typeof row[1] === 'object' && row[1] !== null && 'link' in (row[1] as object));
    expect(linked.length).toBe(findings.filter((f) => f.sheet === 'Cliënten' || f.sheet === 'Management').length);
    const asGrid: SheetData = {
      name: 'Controle',
      values: spec.rows.map((row) => row.map((c) => (typeof c === 'object' && c !== null && !('error' in c) ? (c.value ?? null) : c))),
    };
    expect(ownSheetKind(asGrid)).toBe('controle');
  });

  test('one presentation: the JSON keys of a finding are the public contract', () => {
    const [f] = checkWorkbook({ sheets: sheets() }, standardDefs).findings;
    expect(Object.keys(findingJson(f))).toEqual([
      'blad', 'cel', 'rij', 'kolom', 'code', 'ernst', 'term', 'melding', 'waarde', 'suggestie', 'fragment', 'suggesties', 'positie',
    ]);
  });
});

describe('fixes, the Logboek and undo', () => {
  test('only cells that still hold the expected text are written; each write is logged in a hidden Logboek', async () => {
    const wb = MemoryWorkbook.fromSheets(sheets());
    const outcome = await applyCellFixes(
      wb,
      [
        { sheet: 'Notities', row: 0, col: 0, before: 'De reïntegratie loopt.', after: 'De re-integratie loopt.', rule: "TERM_NIET_CONFORM: 'reïntegratie' → 're-integratie'" },
        { sheet: 'Notities', row: 1, col: 0, before: 'Iets anders.', after: 'Niets.', rule: 'x' },
      ],
      new Date('2026-12-01T12:00:00Z'),
    );
    expect(outcome.applied.length).toBe(1);
    expect(outcome.stale.length).toBe(1);
    expect(await wb.readCells([{ sheet: 'Notities', row: 0, col: 0 }, { sheet: 'Notities', row: 1, col: 0 }])).toEqual([
      'De re-integratie loopt.',
      'Niets bijzonders.',
    ]);
    expect(wb.visibilityOf(LOG_SHEET)).toBe('hidden');
    const log = await readLog(wb);
    expect(log).toEqual([
      {
        logRow: 1,
        at: '2026-12-01T12:00:00.000Z',
        sheet: 'Notities',
        cell: 'A1',
        before: 'De reïntegratie loopt.',
        after: 'De re-integratie loopt.',
        rule: "TERM_NIET_CONFORM: 'reïntegratie' → 're-integratie'",
        action: 'vervangen',
      },
    ]);
    expect(undoableEntries(log).length).toBe(1);

    expect(await undoFix(wb, log[0])).toBe(true);
    expect(await wb.readCells([{ sheet: 'Notities', row: 0, col: 0 }])).toEqual(['De reïntegratie loopt.']);
    const after = await readLog(wb);
    expect(after.map((e) => e.action)).toEqual(['vervangen', 'ongedaan gemaakt']);
    expect(after[1]).toMatchObject({ before: 'De re-integratie loopt.', after: 'De reïntegratie loopt.' });
    expect(undoableEntries(after)).toEqual([]);
    // A second undo finds the cell changed and writes nothing.
    expect(await undoFix(wb, log[0])).toBe(false);
    expect((await readLog(wb)).length).toBe(2);
  });
});

test('checks with the same profile share their effective definitions (the term matcher is built once)', async () => {
  const wb = MemoryWorkbook.fromSheets(sheets());
  const a = await checkThroughPort(wb, { set });
  const b = await checkThroughPort(wb, { set });
  expect(b.defs).toBe(a.defs);
  await storeProfile(wb, profile12);
  const c = await checkThroughPort(wb, { set });
  expect(c.defs).not.toBe(a.defs);
  expect((await checkThroughPort(wb, { set })).defs).toBe(c.defs);
});
