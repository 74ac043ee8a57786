/**
 * Writing through the Office adapter over the fake Excel, with the flows of
 * src/workbook/flows: marks and clearing them (the user's own formats,
 * rules, notes and comments exactly as before), notes or comments or only
 * the pane by requirement set, address lists under Excel's limit, fixes
 * logged in the hidden Logboek with the old value and undone, text that
 * stays text, the Controle sheet, batched writes and the selection.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import type { Finding } from '../../src/engine/findings';
import type { SheetData } from '../../src/engine/grid';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { planMarks } from '../../src/workbook/flows/markPlan';
import { writeStandardContract } from '../../src/workbook/flows/contractFlow';
import { ANNEX_SHEET, CONTRACT_SHEET } from '../../src/workbook/flows/contractPlan';
import { clearMarks, markFindings, writeControlSheet } from '../../src/workbook/flows/markFlow';
import { LOG_SHEET } from '../../src/workbook/flows/ownSheets';
import { applyCellFixes, readLog, undoableEntries, undoFix } from '../../src/workbook/flows/termFixes';
import { markFormulaSeverity, NOTE_HEADING } from '../../src/workbook/marks';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { clientSheet, managementSheet, placedRow, runningRow } from '../support/workbooks';
import { FakeExcel, PAYLOAD_LIMIT } from './fakeExcel';
import { FakeWorkbook, key, type FakeSheet } from './fakeWorkbook';

const set = standardDefinitionSet();

function sheets(): SheetData[] {
  return [
    clientSheet({
      rows: [
        placedRow({ 'Duur arbeidsovereenkomst (maanden)': 3 }),
        runningRow({ Cliëntnummer: 'NK-2', Doelgroep: 'Bijstnd' }),
        runningRow({ Cliëntnummer: 'NK-3', Toelichting: 'De klantmanager belt.' }),
      ],
    }),
    managementSheet([['Aantal aanmeldingen', 9]]),
    { name: 'Notities', values: [['De reïntegratie loopt.'], ['Niets bijzonders.']] },
  ];
}

/** Everything of a sheet that is the user's own formatting and annotation. */
function formatting(sheet: FakeSheet) {
  return {
    styles: [...sheet.styles.entries()].map(([k, s]) => [k, { ...s }]),
    rules: sheet.rules.map((r) => ({ ...r, rects: r.rects.map((x) => ({ ...x })) })),
    notes: [...sheet.notes.entries()],
    comments: [...sheet.comments.entries()],
    formats: JSON.stringify(sheet.numberFormats),
  };
}

/** A workbook whose user has formatted cells, added a rule of their own, a note and a comment. */
function userWorkbook(): FakeWorkbook {
  const model = FakeWorkbook.fromSheets(sheets());
  const clients = model.sheets[0];
  clients.style(1, 0).fill = '#00FF00'; // A2, also flagged
  clients.style(1, 0).bold = true;
  clients.style(0, 2).font = '#123456';
  const userRule = model.newRule('Custom', [{ top: 1, left: 0, bottom: 3, right: 0 }]);
  userRule.formula = '=A2="NK-2"';
  userRule.fill = '#0000FF';
  clients.rules.push(userRule);
  clients.notes.set(key(2, 2), 'Navragen bij de gemeente.'); // C3, also flagged
  model.sheets[2].comments.set(key(1, 0), 'Door Piet gecontroleerd.');
  return model;
}

async function findingsOf(port: OfficeWorkbook): Promise<readonly Finding[]> {
  return (await checkThroughPort(port, { set })).findings;
}

describe('marks', () => {
  test('are conditional formats per severity plus our part of the note; clear restores the formats and notes as they were', async () => {
    const model = userWorkbook();
    const before = model.sheets.map(formatting);
    const fake = new FakeExcel(model);
    const port = new OfficeWorkbook(fake);
    const findings = await findingsOf(port);
    const plan = planMarks(findings);
    expect(plan.length).toBeGreaterThan(3);

    expect(await markFindings(port, findings)).toBe(plan.length);
    const clients = model.sheets[0];
    const ours = clients.rules.filter((r) => r.formula !== null && markFormulaSeverity(r.formula) !== null);
    expect(ours.length).toBeGreaterThan(0);
    for (const mark of plan.filter((m) => m.sheet === clients.name)) {
      const rule = ours.find((r) => r.rects.some((x) => x.top <= mark.row && mark.row <= x.bottom && x.left <= mark.col && mark.col <= x.right));
      expect(rule).toBeDefined();
      expect(markFormulaSeverity(rule?.formula ?? '')).toBe(mark.severity);
      const note = clients.notes.get(key(mark.row, mark.col)) ?? '';
      expect(note).toContain(NOTE_HEADING);
      expect(note).toContain(mark.note);
    }
    // The user's note stays in front of ours; their own cell styles are not touched by marking.
    expect(clients.notes.get(key(2, 2))?.startsWith('Navragen bij de gemeente.\n\n' + NOTE_HEADING)).toBe(true);
    expect(clients.styles.get(key(1, 0))).toEqual({ fill: '#00FF00', bold: true });

    expect(await clearMarks(port)).toBe(plan.length);
    expect(model.sheets.map(formatting)).toEqual(before);
  });

  test('marking again replaces our earlier marks; a second clear finds nothing', async () => {
    const model = userWorkbook();
    const before = model.sheets.map(formatting);
    const port = new OfficeWorkbook(new FakeExcel(model));
    const findings = await findingsOf(port);
    await markFindings(port, findings);
    await markFindings(port, findings);
    const ours = model.sheets[0].rules.filter((r) => r.formula !== null && markFormulaSeverity(r.formula) !== null);
    expect(new Set(ours.map((r) => r.formula)).size).toBe(ours.length); // one rule per severity, not two
    // One more mark on Notities: the earlier mark on A1 stays, A2 gets its own colour, one rule per severity.
    const notes = model.sheets[2];
    const markedA1 = notes.rules.map((r) => markFormulaSeverity(r.formula ?? ''));
    expect(markedA1.length).toBe(1);
    await port.applyMarks([{ sheet: 'Notities', row: 1, col: 0, severity: 'info', note: `${NOTE_HEADING}\nnog een` }]);
    const severityAt = (row: number) =>
      notes.rules.filter((r) => r.rects.some((x) => x.top <= row && row <= x.bottom && x.left === 0)).map((r) => markFormulaSeverity(r.formula ?? ''));
    expect(severityAt(0)).toEqual(markedA1);
    expect(severityAt(1)).toEqual(['info']);
    expect(new Set(notes.rules.map((r) => r.formula)).size).toBe(notes.rules.length);
    await clearMarks(port);
    expect(await clearMarks(port)).toBe(0);
    expect(model.sheets.map(formatting)).toEqual(before);
  });

  test('without notes (ExcelApi 1.10) the message is a comment of ours; a user comment is never written over', async () => {
    const model = userWorkbook();
    const before = model.sheets.map(formatting);
    const port = new OfficeWorkbook(new FakeExcel(model, '1.10'));
    expect(port.noteMode).toBe('opmerking');
    const findings = await findingsOf(port);
    await markFindings(port, findings);
    const notes = model.sheets[2];
    expect(notes.comments.get(key(0, 0))).toContain(NOTE_HEADING);
    // Notities!A2 has the user's comment; no finding there, and nothing of ours was added elsewhere to it.
    expect(notes.comments.get(key(1, 0))).toBe('Door Piet gecontroleerd.');
    await port.applyMarks([{ sheet: 'Notities', row: 1, col: 0, severity: 'info', note: `${NOTE_HEADING}\nx` }]);
    expect(notes.comments.get(key(1, 0))).toBe('Door Piet gecontroleerd.');
    expect(model.sheets[0].notes.get(key(2, 2))).toBe('Navragen bij de gemeente.');
    await clearMarks(port);
    expect(model.sheets.map(formatting)).toEqual(before);
  });

  test('before comments (ExcelApi 1.9) the message stays in the pane: only the colours are drawn', async () => {
    const model = userWorkbook();
    const before = model.sheets.map(formatting);
    const port = new OfficeWorkbook(new FakeExcel(model, '1.9'));
    expect(port.noteMode).toBe('taakvenster');
    const findings = await findingsOf(port);
    const n = await markFindings(port, findings);
    expect(model.sheets[0].rules.length).toBeGreaterThan(1);
    expect(model.sheets[0].notes.get(key(2, 2))).toBe('Navragen bij de gemeente.');
    expect(await clearMarks(port)).toBe(n);
    expect(model.sheets.map(formatting)).toEqual(before);
  });

  test('thousands of scattered cells: address lists stay under Excel’s limit, in a few requests', async () => {
    const values = Array.from({ length: 5000 }, (_, r) => Array.from({ length: 8 }, (__, c) => `r${r}c${c}`));
    const model = FakeWorkbook.fromSheets([{ name: 'Groot', values }]);
    const fake = new FakeExcel(model);
    const port = new OfficeWorkbook(fake);
    const marks = [];
    for (let r = 0; r < 5000; r += 2) for (let c = 0; c < 8; c += 3) marks.push({ sheet: 'Groot', row: r, col: c, severity: 'fout' as const, note: `${NOTE_HEADING}\nr${r}` });
    await port.applyMarks(marks);
    const rules = model.sheets[0].rules;
    expect(rules.length).toBeGreaterThan(1); // split into several lists
    expect(rules.reduce((n, r) => n + r.rects.length, 0)).toBe(marks.length);
    expect(model.sheets[0].notes.size).toBe(marks.length);
    expect(fake.syncs.length).toBeLessThan(10);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(await port.clearMarks()).toBe(marks.length);
    expect(rules.length).toBeGreaterThan(0);
    expect(model.sheets[0].rules).toEqual([]);
    expect(model.sheets[0].notes.size).toBe(0);
  });
});

test('20,000 marks with their notes (5.6 MB of notes): every request and response stays under 5 MB, marking and clearing alike', async () => {
  const values = Array.from({ length: 20_000 }, (_, r) => [`Cliënt ${r}`, r]);
  const model = FakeWorkbook.fromSheets([{ name: 'Cliënten', values }]);
  const fake = new FakeExcel(model);
  const port = new OfficeWorkbook(fake);
  const message = `${NOTE_HEADING}\n[fout] DATUMVOLGORDE: ${'De datum ligt voor de datum van aanmelding. '.repeat(5)}`;
  const marks = values.map((_, row) => ({ sheet: 'Cliënten', row, col: 1, severity: 'fout' as const, note: message }));
  await port.applyMarks(marks);
  expect(model.sheets[0].notes.size).toBe(20_000);
  expect(model.sheets[0].rules.length).toBe(1); // one column run: one rule
  await port.applyMarks(marks.slice(0, 10)); // marking again reads the existing notes back
  expect(await port.clearMarks()).toBe(20_000);
  expect(model.sheets[0].notes.size).toBe(0);
  expect(model.sheets[0].rules).toEqual([]);
  expect(fake.refused).toEqual([]);
  for (const s of fake.syncs) {
    expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    expect(s.responseBytes).toBeLessThan(PAYLOAD_LIMIT);
  }
  expect(Math.max(...fake.syncs.map((s) => s.responseBytes))).toBeGreaterThan(1_000_000); // the notes really were read back
});

describe('fixes', () => {
  test('write only the chosen cell, log the old value in the hidden Logboek, and can be undone', async () => {
    const model = FakeWorkbook.fromSheets(sheets());
    const fake = new FakeExcel(model);
    const port = new OfficeWorkbook(fake);
    const at = new Date('2026-12-01T10:00:00Z');
    const outcome = await applyCellFixes(
      port,
      [
        { sheet: 'Notities', row: 0, col: 0, before: 'De reïntegratie loopt.', after: 'De re-integratie loopt.', rule: "TERM_NIET_CONFORM: 'reïntegratie' → 're-integratie'" },
        { sheet: 'Notities', row: 1, col: 0, before: 'Iets anders.', after: 'x', rule: 'stale' },
      ],
      at,
    );
    expect(outcome.applied.length).toBe(1);
    expect(outcome.stale.length).toBe(1);
    const notes = model.sheet('Notities') as FakeSheet;
    expect(notes.value(0, 0)).toBe('De re-integratie loopt.');
    expect(notes.value(1, 0)).toBe('Niets bijzonders.');
    const log = model.sheet(LOG_SHEET) as FakeSheet;
    expect(log.visibility).toBe('Hidden');
    expect(log.values[1]).toEqual([
      '2026-12-01T10:00:00.000Z',
      'Notities',
      'A1',
      'De reïntegratie loopt.',
      'De re-integratie loopt.',
      "TERM_NIET_CONFORM: 'reïntegratie' → 're-integratie'",
      'vervangen',
    ]);
    const entries = await readLog(port);
    expect(entries.map((e) => e.before)).toEqual(['De reïntegratie loopt.']);
    expect(await undoFix(port, undoableEntries(entries)[0], at)).toBe(true);
    expect(notes.value(0, 0)).toBe('De reïntegratie loopt.');
    expect(undoableEntries(await readLog(port))).toEqual([]);
    expect((model.sheet(LOG_SHEET) as FakeSheet).values.length).toBe(3);
  });

  test.each(['1.18', '1.13'])('text stays text, whatever it reads like (ExcelApi %s)', async (version) => {
    const model = FakeWorkbook.fromSheets([{ name: 'Blad1', values: [['a', 'b', 'c', 'd', 'e', 'f', 'g']] }]);
    const port = new OfficeWorkbook(new FakeExcel(model, version));
    const texts = ['=SOM(A1:A3)', "'s-Hertogenbosch", '00123', 'TRUE', '#N/A', '-5 dagen', 'May 5'];
    await port.writeCells([{ sheet: 'Blad1', row: 0, col: 0, rows: [texts] }]);
    const sheet = model.sheets[0];
    expect(sheet.formulas.size).toBe(0);
    expect(sheet.errors.size).toBe(0);
    expect(await port.readCells(texts.map((_, col) => ({ sheet: 'Blad1', row: 0, col })))).toEqual(texts);
    // Only where there is no typed string value does Excel keep the apostrophe's mark on the cell.
    const marked = [...sheet.styles.values()].filter((s) => s.quotePrefix === true).length;
    expect(marked).toBe(version === '1.18' ? 0 : texts.length);
  });

  test('a fix into a sheet that does not exist is a Dutch error', async () => {
    const port = new OfficeWorkbook(new FakeExcel(FakeWorkbook.fromSheets(sheets())));
    await expect(port.writeCells([{ sheet: 'Weg', row: 0, col: 0, rows: [['x']] }])).rejects.toThrow("Werkblad 'Weg' bestaat niet.");
  });
});

describe('sheets we write', () => {
  test('the contract and its annex print one page wide where Excel supports page layout (1.9), and are written all the same where it does not', async () => {
    const data = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'contract-gegevens-noord-kennemerland.json'), 'utf8'));
    for (const [version, zoom] of [['1.18', { horizontalFitToPages: 1 }], ['1.8', undefined]] as const) {
      const model = FakeWorkbook.fromSheets(sheets());
      await writeStandardContract(new OfficeWorkbook(new FakeExcel(model, version)), { set, data, profile: null, at: new Date('2026-01-05T09:00:00Z') });
      for (const name of [CONTRACT_SHEET, ANNEX_SHEET]) expect({ version, name, zoom: (model.sheet(name) as FakeSheet).printZoom }).toEqual({ version, name, zoom });
      expect((model.sheet('Cliënten') as FakeSheet).printZoom).toBeUndefined();
    }
  });

  test('the Controle sheet: rows, bold header, links to the cells, severity colours, frozen header and a filter', async () => {
    const model = FakeWorkbook.fromSheets(sheets());
    const port = new OfficeWorkbook(new FakeExcel(model));
    const findings = await findingsOf(port);
    await writeControlSheet(port, findings, { source: 'inzending.xlsx', version: set.version, profile: null });
    const control = model.sheet('Controle') as FakeSheet;
    expect(control.value(0, 0)).toBe('Controle van inzending.xlsx');
    expect(control.values.length).toBe(4 + findings.length);
    expect(control.style(3, 0).bold).toBe(true);
    const linked = [...control.hyperlinks.values()];
    expect(linked.length).toBe(findings.filter((f) => f.cell !== null).length);
    expect(linked[0].documentReference).toMatch(/^'Cliënten'!|^Management!|^Notities!/);
    expect(linked.every((l) => l.address === undefined)).toBe(true);
    const severities = [...control.styles.values()].filter((s) => s.fill !== undefined);
    expect(severities.length).toBe(findings.length);
    expect(control.frozenRows).toBe(4);
    expect(control.autoFilter).toMatch(/^A4:[A-Z]+\d+$/);
    // Writing it again replaces it whole.
    await writeControlSheet(port, findings.slice(0, 1), { source: 'inzending.xlsx', version: set.version, profile: null });
    expect((model.sheet('Controle') as FakeSheet).values.length).toBe(5);
    expect(model.sheets.filter((s) => s.name === 'Controle').length).toBe(1);
  });

  test('a large sheet is written in a few requests under 5 MB, never a request per row', async () => {
    const fake = new FakeExcel(FakeWorkbook.fromSheets([{ name: 'A', values: [['x']] }]));
    const port = new OfficeWorkbook(fake);
    const rows = Array.from({ length: 40_000 }, (_, r) => [`Cliënt ${r}`, r, r % 3 === 0, `Een toelichting van enige lengte, rij ${r}.`, null]);
    fake.resetCounts();
    await port.putSheet({ name: 'Groot', rows, columns: [{ width: 20 }, { numberFormat: '0' }] });
    expect(fake.syncs.length).toBeLessThanOrEqual(6);
    for (const s of fake.syncs) expect(s.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    const sheet = fake.model.sheet('Groot') as FakeSheet;
    expect(sheet.value(39_999, 3)).toBe('Een toelichting van enige lengte, rij 39999.');
    expect(sheet.numberFormat(5, 1)).toBe('0');
    expect(sheet.columnWidths.get(0)).toBeGreaterThan(100);
  });

  test('a table and data validation for a template', async () => {
    const model = FakeWorkbook.fromSheets([{ name: 'A', values: [['x']] }]);
    const port = new OfficeWorkbook(new FakeExcel(model));
    await port.putSheet({
      name: 'Sjabloon',
      rows: [['Status', 'Datum']],
      table: { name: 'Clienten', headerRow: 0, col: 0, cols: 2, dataRows: 10, style: 'TableStyleMedium2' },
      validations: [
        { range: 'A2:A11', kind: 'list', source: '=Codelijsten!$A$2:$A$7', error: { title: 'Onbekende status', message: 'Kies een status uit de lijst.' } },
        { range: 'B2:B11', kind: 'date', min: 32874, error: { title: 'Geen datum', message: 'Vul een datum in.' }, prompt: { title: 'Datum', message: 'dd-mm-jjjj' } },
      ],
    });
    const sheet = model.sheet('Sjabloon') as FakeSheet;
    expect(sheet.tables).toEqual([{ address: 'A1:B11', name: 'Clienten', style: 'TableStyleMedium2' }]);
    expect(sheet.validations.map((v) => v.rule)).toEqual([
      { list: { inCellDropDown: true, source: '=Codelijsten!$A$2:$A$7' } },
      { date: { formula1: 32874, formula2: 2958465, operator: 'Between' } },
    ]);
  });
});

describe('selection', () => {
  test('select activates the sheet and selects the cell; the selection reads back', async () => {
    const model = FakeWorkbook.fromSheets(sheets());
    const port = new OfficeWorkbook(new FakeExcel(model));
    expect(await port.getSelection()).toBeNull();
    await port.select({ sheet: 'Notities', row: 1, col: 0 });
    expect(model.activeSheet?.name).toBe('Notities');
    expect(await port.getSelection()).toEqual({ sheet: 'Notities', row: 1, col: 0, rows: 1, cols: 1 });
    expect((await port.describe()).activeSheet).toBe('Notities');
  });
});
