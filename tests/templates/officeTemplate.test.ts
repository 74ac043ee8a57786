/**
 * The templates through the Office adapter over the fake Excel API (its
 * load/sync semantics and limits): the report template arrives as Excel
 * must build it (the code lists first and hidden, the table, every
 * validation with its rule, the Management formulas after the table), and
 * the placeholders of an own workbook are filled without touching another
 * cell.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { columnLetters } from '../../src/engine/grid';
import { reportLayout } from '../../src/engine/templates/reportLayout';
import { fillPlaceholders } from '../../src/workbook/flows/contractFlow';
import { insertReportTemplate } from '../../src/workbook/flows/reportTemplateFlow';
import { OfficeWorkbook } from '../../src/workbook/office/officeWorkbook';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FakeExcel } from '../office/fakeExcel';
import { FakeWorkbook, key, type FakeSheet } from '../office/fakeWorkbook';

const set = standardDefinitionSet();
const format = standardReportFormat();
const layout = reportLayout(format);

test('the report template through Office.js: hidden code lists, the table, every validation rule, formulas over the table', async () => {
  const model = FakeWorkbook.fromSheets([{ name: 'Blad1', values: [] }]);
  const port = new OfficeWorkbook(new FakeExcel(model));
  await insertReportTemplate(port, { set });
  expect(model.sheets.map((s) => s.name)).toEqual(['Blad1', layout.codeListSheet, layout.clientSheet, layout.managementSheet]);
  const lists = model.sheet(layout.codeListSheet) as FakeSheet;
  expect(lists.visibility).toBe('Hidden');
  const clients = model.sheet(layout.clientSheet) as FakeSheet;
  expect(clients.tables).toEqual([{ address: `A1:${columnLetters(format.columns.length - 1)}2`, name: layout.table, style: 'TableStyleMedium2' }]);
  expect(clients.frozenRows).toBe(1);
  expect(clients.validations).toHaveLength(format.columns.length);
  const rules = clients.validations.map((v) => v.rule as Record<string, unknown>);
  expect(rules.filter((r) => 'list' in r)).toHaveLength(format.columns.filter((c) => layout.listOf(c) !== undefined).length);
  const uren = format.columns.findIndex((c) => c.field === 'uren');
  expect(rules[uren]).toEqual({ custom: { formula: `=AND(ISNUMBER(O2),O2>0,O2<=60)` } });
  expect(clients.validations.every((v) => (v.prompt as { title: string }).title.length <= 32)).toBe(true);
  const management = model.sheet(layout.managementSheet) as FakeSheet;
  const row = layout.management.find((m) => m.target.id === 'lopend')!.row;
  expect(management.formulas.get(key(row, 1))).toMatch(/^=SUMPRODUCT\(COUNTIFS\(TabelClienten\[\[Status\]\],\{"Lopend"/);
});

test('placeholders through Office.js: only the cells with a placeholder are written', async () => {
  const model = FakeWorkbook.fromSheets([
    { name: 'Contract', values: [['Met {{opdrachtnemer.naam}}', 'Vast'], [3, '{{kenmerk}}']] },
    { name: 'Anders', values: [['Niets']] },
  ]);
  const excel = new FakeExcel(model);
  const port = new OfficeWorkbook(excel);
  const data = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'contract-gegevens-noord-kennemerland.json'), 'utf8'));
  const result = await fillPlaceholders(port, { set, data });
  expect(result.unknown).toEqual([]);
  const sheet = model.sheet('Contract') as FakeSheet;
  expect(sheet.values[0]).toEqual(['Met Werkpad Re-integratie B.V.', 'Vast']);
  expect(sheet.values[1]).toEqual([3, 'NK-RI-2026-014']);
  expect((model.sheet('Anders') as FakeSheet).values[0]).toEqual(['Niets']);
});

test('placeholders through Office.js: a formula that shows one is asked for its formula and left a formula', async () => {
  const model = FakeWorkbook.fromSheets([
    { name: 'Contract', values: [['{{kenmerk}}', '{{kenmerk}}', 'Opdrachtgever: {{opdrachtgever.naam}}']] },
  ]);
  const sheet = model.sheet('Contract') as FakeSheet;
  // B1 refers to A1; C1 has the placeholder in its own text.
  sheet.formulas.set(key(0, 1), '=A1');
  sheet.formulas.set(key(0, 2), '="Opdrachtgever: "&"{{opdrachtgever.naam}}"');
  const port = new OfficeWorkbook(new FakeExcel(model));
  expect(await port.formulasOf([0, 1, 2].map((col) => ({ sheet: 'Contract', row: 0, col })))).toEqual([
    null,
    '=A1',
    '="Opdrachtgever: "&"{{opdrachtgever.naam}}"',
  ]);
  const data = JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'contract-gegevens-noord-kennemerland.json'), 'utf8'));
  const result = await fillPlaceholders(port, { set, data });
  expect(result.filled.map((f) => f.cell)).toEqual(['A1']);
  expect(result.inFormulas).toEqual([{ sheet: 'Contract', cell: 'C1', name: 'opdrachtgever.naam' }]);
  expect(sheet.values[0]?.[0]).toBe('NK-RI-2026-014');
  expect([sheet.formulas.get(key(0, 1)), sheet.formulas.get(key(0, 2))]).toEqual(['=A1', '="Opdrachtgever: "&"{{opdrachtgever.naam}}"']);
});
