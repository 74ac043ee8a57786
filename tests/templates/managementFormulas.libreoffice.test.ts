/**
 * The Management formulas evaluated by a real spreadsheet engine: the
 * template filled with a few hundred generated rows (with variant spellings,
 * booleans and edge cases among them) is opened in LibreOffice Calc, which
 * recalculates every formula; what it computes must be exactly what the
 * checker recomputes from the same rows, with the standard set and with
 * profiles. The file is the product's own (the xlsx codec); its cached
 * values are set to -1 first, so a pass proves the formulas were evaluated.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile, type EffectiveDefinitions } from '../../src/definitions/profile';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { checkWorkbook } from '../../src/engine/checkWorkbook';
import type { RawValue } from '../../src/engine/grid';
import { reportLayout } from '../../src/engine/templates/reportLayout';
import { reportTemplateSheets } from '../../src/workbook/flows/reportTemplatePlan';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { isCellSpec, type SheetSpec } from '../../src/workbook/port';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { generateSubmission, random } from '../../scripts/submissionGenerator';
import { d } from '../support/workbooks';
import { recalculateWithLibreOffice } from '../support/libreOffice';

const set = standardDefinitionSet();
const format = standardReportFormat();
const layout = reportLayout(format);
const profile = (naam: string, afwijkingen: unknown[]) => parseProfile({ naam, gemeente: 'Alkmaar', afwijkingen }, set);

const field = (id: string) => format.columns.findIndex((c) => c.field === id);

/**
 * Generated rows in the format's column order, a share of them written the
 * way people write them (variant spellings from the data, Excel booleans,
 * other words for an indefinite duration), plus rows on the edges of the
 * definitions.
 */
function rows(): RawValue[][] {
  const submission = generateSubmission({ rows: 300, seed: 11 });
  const rnd = random(5);
  const out = submission.rows.map((row) => format.columns.map((c) => row[c.field] ?? null));
  for (const row of out) {
    format.columns.forEach((column, i) => {
      const value = row[i];
      if (typeof value !== 'string' || rnd() > 0.3) return;
      if (column.type === 'code') {
        const entry = format.codeLists.get(column.codeList as string)!.entries.find((e) => e.code === value)!;
        const spellings = [...entry.variants, value.toUpperCase()];
        row[i] = spellings[Math.floor(rnd() * spellings.length)];
      } else if (column.type === 'yesNo') {
        const yes = value === format.data.yesNo.yes.code;
        const choices: RawValue[] = yes ? [true, ...format.data.yesNo.yes.variants] : [false, ...format.data.yesNo.no.variants];
        row[i] = choices[Math.floor(rnd() * choices.length)];
      } else if (column.type === 'duration') {
        row[i] = column.indefinite![Math.floor(rnd() * column.indefinite!.length)];
      }
    });
  }
  const edge = (values: Record<string, RawValue>): RawValue[] => format.columns.map((c) => values[c.field] ?? null);
  const placed = { clientnummer: 'E-1', gemeente: 'Bergen', doelgroep: 'WWB', dienst: 'Werkervaring', aanmelding: d(1, 2, 2008), start: d(1, 3, 2008), status: 'Geplaatst', plaatsing: d(1, 6, 2008), uren: 20 };
  out.push(
    // A self-employed placement needs no arbeidsovereenkomst: durable with the column empty.
    edge({ ...placed, soortWerk: 'Zelfstandig ondernemer', duur: 24 }),
    // Gesubsidieerd werk counts only where the profile says so.
    edge({ ...placed, clientnummer: 'E-2', soortWerk: 'Gesubsidieerd werk', arbeidsovereenkomst: 'Ja', duur: 24 }),
    // A duration out of range cannot be judged: not counted.
    edge({ ...placed, clientnummer: 'E-3', soortWerk: 'Regulier werk', arbeidsovereenkomst: 'Ja', duur: 700 }),
    // Exactly the minimum counts; one below does not (for the standard 6 and a profile's 12).
    ...[5, 6, 11, 12].map((duur) => edge({ ...placed, clientnummer: `E-4-${duur}`, soortWerk: 'Regulier werk', arbeidsovereenkomst: 'Ja', duur })),
    // An unreadable Ja/Nee leaves a self-employed row undetermined.
    edge({ ...placed, clientnummer: 'E-6', soortWerk: 'Zelfstandig ondernemer', arbeidsovereenkomst: 'misschien', duur: 24 }),
    // A status nobody knows counts in no status, but the row is an aanmelding.
    edge({ clientnummer: 'E-7', gemeente: 'Bergen', doelgroep: 'WW', dienst: 'Voortraject', aanmelding: d(3, 3, 2008), status: 'Wachtlijst' }),
    // A start before 1990 is no valid start.
    edge({ clientnummer: 'E-8', gemeente: 'Bergen', doelgroep: 'WW', dienst: 'Voortraject', aanmelding: d(3, 3, 2008), start: d(1, 1, 1985), status: 'Lopend' }),
    // A row with only a remark is a row.
    edge({ toelichting: 'Nog aan te vullen.' }),
  );
  return out;
}

/** The template with every formula's cached value set to -1. */
function withStaleValues(specs: SheetSpec[]): SheetSpec[] {
  return specs.map((s) => ({
    ...s,
    rows: s.rows.map((row) => row.map((cell) => (isCellSpec(cell) && cell.formula !== undefined ? { ...cell, value: -1 } : cell))),
  }));
}

/** The template as the product writes it: the sheet specs put into a new package by the xlsx codec. */
async function templateFile(specs: SheetSpec[]): Promise<Uint8Array> {
  const workbook = MemoryWorkbook.fromSheets([], { codec: xlsxCodec });
  for (const spec of specs) await workbook.putSheet(spec);
  return workbook.toXlsx();
}

async function evaluated(defs: EffectiveDefinitions, data: RawValue[][]) {
  const specs = withStaleValues(reportTemplateSheets({ defs, rows: data }));
  const workbook = readXlsx(recalculateWithLibreOffice(await templateFile(specs)));
  const management = workbook.sheets.find((s) => s.name === layout.managementSheet)!;
  const computed = new Map<string, RawValue>();
  for (const { target, row } of layout.management) if ('kind' in target) computed.set(target.id, management.values[row]?.[1] ?? null);
  return { workbook, computed };
}

function expectSame(computed: Map<string, RawValue>, recomputed: ReadonlyMap<string, number | null | undefined>): void {
  for (const indicator of format.data.management.indicators) {
    const spreadsheet = computed.get(indicator.id);
    const checker = recomputed.get(indicator.id);
    expect(spreadsheet).not.toBe(-1);
    if (checker === null) expect([indicator.id, spreadsheet]).toEqual([indicator.id, 'n.v.t.']);
    else if (indicator.kind === 'count') expect([indicator.id, spreadsheet]).toEqual([indicator.id, checker]);
    else {
      expect(typeof spreadsheet).toBe('number');
      expect(Math.abs((spreadsheet as number) - (checker as number))).toBeLessThan(1e-9);
    }
  }
}

describe('Management formulas in LibreOffice equal the checker', () => {
  const cases: [string, EffectiveDefinitions][] = [
    ['the standard set', effectiveDefinitions(set)],
    ['a 12-month profile', effectiveDefinitions(set, profile('Regio 12', [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'x' }]))],
    [
      'a profile where gesubsidieerd werk counts',
      effectiveDefinitions(set, profile('Sub', [{ term: 'duurzame-plaatsing', parameter: 'gesubsidieerdWerkTelt', waarde: true, motivering: 'x' }])),
    ],
  ];
  const data = rows();
  /** One LibreOffice run per case, shared by the tests. */
  const runs = new Map<string, ReturnType<typeof evaluated>>();
  const run = (name: string, defs: EffectiveDefinitions) => {
    if (!runs.has(name)) runs.set(name, evaluated(defs, data));
    return runs.get(name)!;
  };

  test.each(cases)('with %s', async (name, defs) => {
    const { workbook, computed } = await run(name, defs);
    const check = checkWorkbook(workbook, defs);
    expectSame(computed, check.indicators);
    expect(check.findings.filter((f) => f.code === 'MANAGEMENT_AFWIJKING')).toEqual([]);
    // The rows are the rows we wrote, so the comparison is over a few hundred real rows.
    expect(check.rows).toBe(data.length);
    expect(computed.get('plaatsingen')).toBeGreaterThan(50);
    expect(computed.get('duurzamePlaatsingen')).toBeGreaterThan(20);
  });

  test('on the same rows the 12-month profile counts fewer durable placements, and the subsidised one more, than the standard set', async () => {
    const count = async ([name, defs]: [string, EffectiveDefinitions]) => (await run(name, defs)).computed.get('duurzamePlaatsingen') as number;
    const [standard, twelve, subsidised] = await Promise.all(cases.map(count));
    expect(twelve).toBeLessThan(standard);
    expect(subsidised).toBeGreaterThan(standard);
  });

  test('the empty template gives 0 for the counts and n.v.t. where a denominator is empty', async () => {
    const { computed } = await evaluated(effectiveDefinitions(set), []);
    for (const indicator of format.data.management.indicators) {
      expect([indicator.id, computed.get(indicator.id)]).toEqual([indicator.id, indicator.kind === 'count' ? 0 : 'n.v.t.']);
    }
  });
});
