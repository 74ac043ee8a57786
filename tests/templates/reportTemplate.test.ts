/**
 * The uniform report template as sheet specs and through the port: headers,
 * table, drop-downs from the code lists, input messages from the
 * definitions, validations, Management formulas; the empty template checks
 * clean; nothing a user wrote is replaced without consent.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile } from '../../src/definitions/profile';
import { headerKey, standardReportFormat } from '../../src/definitions/reportFormat';
import { serialFromDate } from '../../src/engine/excelDate';
import { PROMPT_MESSAGE_MAX, PROMPT_TITLE_MAX } from '../../src/engine/templates/columnGuidance';
import { columnRef } from '../../src/engine/templates/managementFormulas';
import { CODE_LIST_SHEET, reportLayout } from '../../src/engine/templates/reportLayout';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { parseAddress } from '../../src/workbook/flows/markPlan';
import { reportTemplateSheets } from '../../src/workbook/flows/reportTemplatePlan';
import { insertReportTemplate, TemplateConflictError } from '../../src/workbook/flows/reportTemplateFlow';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { isCellSpec, type CellInput, type SheetSpec } from '../../src/workbook/port';
import { clientSheet, placedRow } from '../support/workbooks';

const set = standardDefinitionSet();
const format = standardReportFormat();
const layout = reportLayout(format);
const standard = effectiveDefinitions(set);
const profile12 = parseProfile(
  {
    naam: 'Regio 12',
    gemeente: 'Alkmaar',
    afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak.' }],
  },
  set,
);

const valueOf = (cell: CellInput | undefined) => (cell === undefined ? null : isCellSpec(cell) ? (cell.value ?? null) : cell);
const sheetOf = (specs: SheetSpec[], name: string) => specs.find((s) => s.name === name) as SheetSpec;

/** The values of an absolute range "=Codelijsten!$C$2:$C$7" read from the code-list sheet spec. */
function listValues(specs: SheetSpec[], source: string): unknown[] {
  const m = /^=(\w+)!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(source);
  expect(m).not.toBeNull();
  const [, sheet, c1, r1, c2, r2] = m!;
  expect(sheet).toBe(CODE_LIST_SHEET);
  expect(c2).toBe(c1);
  const from = parseAddress(`${c1}${r1}`)!;
  const to = parseAddress(`${c2}${r2}`)!;
  const lists = sheetOf(specs, CODE_LIST_SHEET);
  const out: unknown[] = [];
  for (let r = from.row; r <= to.row; r++) out.push(valueOf(lists.rows[r]?.[from.col]));
  return out;
}

describe('the template as sheet specs', () => {
  const specs = reportTemplateSheets({ defs: standard });

  test('three sheets in the order to put them; the code lists hidden', () => {
    expect(specs.map((s) => s.name)).toEqual([CODE_LIST_SHEET, format.data.sheets.clients.name, format.data.sheets.management.name]);
    expect(specs[0].visibility).toBe('hidden');
    expect(specs[1].visibility ?? 'visible').toBe('visible');
  });

  test('Cliënten: the standard headers in order as an Excel table, header frozen, formats and widths from the format', () => {
    const clients = specs[1];
    expect(clients.rows[0].map(valueOf)).toEqual(format.columns.map((c) => c.header));
    expect(clients.table).toMatchObject({ name: layout.table, headerRow: 0, col: 0, cols: format.columns.length, dataRows: 1 });
    expect(clients.frozenRows).toBe(1);
    format.columns.forEach((c, i) => {
      expect(clients.columns?.[i]).toEqual({ width: c.width, numberFormat: c.numberFormat });
      if (c.type === 'date') expect(clients.columns?.[i].numberFormat).toBe('dd-mm-yyyy');
    });
  });

  test('every code column and every Ja/Nee column has a drop-down over a range of the hidden sheet that holds exactly its codes', () => {
    const clients = specs[1];
    const listed = format.columns.filter((c) => c.type === 'code' || c.type === 'position' || c.type === 'yesNo');
    expect(listed.length).toBeGreaterThan(8);
    for (const column of listed) {
      const col = format.columns.indexOf(column);
      const v = clients.validations?.find((x) => x.range.startsWith(`${String.fromCharCode(65 + col)}2:`));
      expect(v?.kind).toBe('list');
      const expected =
        column.type === 'yesNo'
          ? [format.data.yesNo.yes.code, format.data.yesNo.no.code]
          : format.codeLists.get(column.codeList as string)!.entries.map((e) => e.code);
      expect(listValues(specs, v!.source!)).toEqual(expected);
      // Never a literal list (Excel's 255-character limit): a range.
      expect(v!.source).not.toContain('"');
      expect(v!.error.message).toContain(expected[0]);
    }
  });

  test('every column has an input message from its definition within Excel limits, and refuses values outside its type', () => {
    const clients = specs[1];
    expect(clients.validations).toHaveLength(format.columns.length);
    clients.validations!.forEach((v, i) => {
      const column = format.columns[i];
      expect(v.range).toBe(`${v.range.split(':')[0]}:${v.range.split(':')[0].replace(/\d+$/, '')}${5002}`);
      expect(v.allowBlank).toBe(true);
      expect(v.prompt!.title.length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
      expect(v.prompt!.message.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
      expect(v.prompt!.message.startsWith(column.help.slice(0, 20))).toBe(true);
      const term = column.term !== null ? standard.byId.get(column.term) : undefined;
      if (term !== undefined) expect(v.prompt!.message).toContain(term.definition.slice(0, 20));
      if (column.type === 'date') expect(v).toMatchObject({ kind: 'date', min: serialFromDate(1990, 1, 1) });
    });
    const long = clients.validations!.find((v) => v.prompt!.message.endsWith('…'));
    expect(long).toBeDefined();
    const uren = format.columns.findIndex((c) => c.field === 'uren');
    expect(clients.validations![uren]).toMatchObject({ kind: 'custom', formula: `=AND(ISNUMBER(${String.fromCharCode(65 + uren)}2),${String.fromCharCode(65 + uren)}2>0,${String.fromCharCode(65 + uren)}2<=60)` });
    const duur = format.columns.findIndex((c) => c.field === 'duur');
    expect(clients.validations![duur].kind).toBe('custom');
    for (const word of format.columnByField.get('duur')!.indefinite!) expect(clients.validations![duur].formula).toContain(`="${word}"`);
  });

  test('the input message of Duurzame plaatsing names the profile minimum when a profile changes it', () => {
    const col = format.columns.findIndex((c) => c.field === 'duurzaam');
    const withProfile = reportTemplateSheets({ defs: effectiveDefinitions(set, profile12) })[1].validations![col].prompt!.message;
    const without = specs[1].validations![col].prompt!.message;
    expect(without).not.toContain('Regio 12');
    expect(withProfile.length).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
    expect(withProfile).toContain('Profiel Regio 12: minimale duur van de arbeidsovereenkomst: 12 maanden (standaard 6 maanden).');
    // The Management sheet says which definition its durable count applies.
    const management = sheetOf(reportTemplateSheets({ defs: effectiveDefinitions(set, profile12) }), 'Management');
    const row = layout.management.find((m) => m.target.id === 'duurzamePlaatsingen')!.row;
    expect(valueOf(management.rows[row][2])).toContain('minimaal 12 maanden');
    expect(valueOf(management.rows[row][2])).toContain('profiel Regio 12');
  });

  test('Management: the metadata labels, then every indicator as a formula over the table; percentages over their own cells', () => {
    const management = specs[2];
    const labels = management.rows.map((r) => valueOf(r?.[0])).filter((v) => v !== null);
    expect(labels).toEqual([...format.data.management.metadata.map((m) => m.label), ...format.data.management.indicators.map((i) => i.label)]);
    for (const indicator of format.data.management.indicators) {
      const row = layout.management.find((m) => m.target.id === indicator.id)!.row;
      const cell = management.rows[row][1];
      expect(isCellSpec(cell!) && cell.formula).toBeTruthy();
      const formula = (cell as { formula: string }).formula;
      if (indicator.kind === 'percentage') {
        expect(formula).toContain(`${layout.managementCell(indicator.numerator!)}/`);
        expect(formula).toContain('"n.v.t."');
      } else {
        expect(formula).toContain(`${layout.table}[[`);
      }
    }
    const status = layout.management.find((m) => m.target.id === 'lopend')!.row;
    const running = (management.rows[status][1] as { formula: string }).formula;
    expect(running).toContain(columnRef(layout.table, 'Status'));
    for (const spelling of ['Lopend', ...format.codeLists.get('status')!.byId.get('lopend')!.variants]) expect(running).toContain(`"${spelling}"`);
    // The empty template: counts 0, percentages n.v.t.
    const empty = (id: string) => valueOf(management.rows[layout.management.find((m) => m.target.id === id)!.row][1]);
    expect(empty('aanmeldingen')).toBe(0);
    expect(empty('plaatsingspercentage')).toBe('n.v.t.');
    expect(empty('doorlooptijd')).toBe('n.v.t.');
  });

  test('the durable count follows the effective definitions: the minimum, and gesubsidieerd werk only when the profile says so', () => {
    const formulaWith = (defs: ReturnType<typeof effectiveDefinitions>) => {
      const m = reportTemplateSheets({ defs })[2];
      return (m.rows[layout.management.find((x) => x.target.id === 'duurzamePlaatsingen')!.row][1] as { formula: string }).formula;
    };
    expect(formulaWith(standard)).toContain('>=6)');
    expect(formulaWith(effectiveDefinitions(set, profile12))).toContain('>=12)');
    expect(formulaWith(standard)).not.toContain('"Gesubsidieerd werk"');
    const subsidised = parseProfile(
      { naam: 'Sub', gemeente: 'Bergen', afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'gesubsidieerdWerkTelt', waarde: true, motivering: 'x' }] },
      set,
    );
    expect(formulaWith(effectiveDefinitions(set, subsidised))).toContain('"Gesubsidieerd werk"');
  });
});

describe('the template through the port', () => {
  test('the empty template checks clean, and the code lists sheet has no findings of its own', async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    const written = await insertReportTemplate(wb, { set });
    expect(written.sheets).toEqual([CODE_LIST_SHEET, 'Cliënten', 'Management']);
    expect(wb.visibilityOf(CODE_LIST_SHEET)).toBe('hidden');
    const check = await checkThroughPort(wb, { set });
    expect(check.findings).toEqual([]);
    expect(check.check.report).toBe(true);
    expect(wb.formulaAt('Management', layout.management.find((m) => m.target.id === 'aanmeldingen')!.row, 1)).toMatch(/^=SUMPRODUCT/);
  });

  test('a given profile is stored with the template and used by the next check', async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    await insertReportTemplate(wb, { set, profile: profile12, metadata: { gemeente: 'Alkmaar', periodeVan: serialFromDate(2026, 1, 1) as number } });
    expect((await wb.readStored()).profile).toEqual(profile12);
    const check = await checkThroughPort(wb, { set });
    expect(check.profileSource).toBe('werkmap');
    expect(check.findings).toEqual([]);
    const management = wb.sheetData('Management');
    expect(management.values[0]).toEqual(['Gemeente', 'Alkmaar', expect.any(String)]);
    expect(management.formats?.[2]?.[1]).toBe('dd-mm-yyyy');
  });

  test('a client sheet with rows is not replaced without consent; with consent it is, and Management metadata is kept', async () => {
    const existing = clientSheet({ rows: [placedRow()] });
    const wb = MemoryWorkbook.fromSheets([existing, { name: 'Management', values: [['Gemeente', 'Bergen'], ['Opdrachtnemer', 'Werkpad']] }]);
    await expect(insertReportTemplate(wb, { set })).rejects.toThrow(TemplateConflictError);
    await expect(insertReportTemplate(wb, { set })).rejects.toThrow('De werkmap heeft al een rapportage: blad Cliënten heeft 1 rij. Bevestig dat die vervangen mag worden.');
    expect(wb.sheetData('Cliënten').values[1]).toEqual(existing.values[1]);
    await insertReportTemplate(wb, { set, replace: true });
    expect(wb.sheetData('Cliënten').values.length).toBe(1);
    expect(wb.sheetData('Management').values[0]?.slice(0, 2)).toEqual(['Gemeente', 'Bergen']);
    expect(wb.sheetData('Management').values[1]?.slice(0, 2)).toEqual(['Opdrachtnemer', 'Werkpad']);
  });

  test('an empty template already there is replaced without asking; a client sheet under another name is a conflict', async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    await insertReportTemplate(wb, { set });
    await expect(insertReportTemplate(wb, { set })).resolves.toMatchObject({ rows: 0 });
    const other = MemoryWorkbook.fromSheets([{ name: 'Clienten', values: [] }]);
    await expect(insertReportTemplate(other, { set })).rejects.toThrow(/blad 'Clienten'.*hernoem of verwijder dat eerst/);
    expect(other.sheetNames()).toEqual(['Clienten']);
  });

  test('a Management sheet with content of its own is a conflict', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: 'Management', values: [['Eigen notitie', 'iets']] }]);
    await expect(insertReportTemplate(wb, { set })).rejects.toThrow('blad Management heeft eigen inhoud');
    expect(headerKey('Eigen notitie')).toBe('eigennotitie');
  });
});
