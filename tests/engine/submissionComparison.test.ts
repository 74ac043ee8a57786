/**
 * The benchmark across submissions: group figures add up from the rows
 * (never averages of percentages), equal what a check of just those rows
 * recomputes, and carry the findings of their own rows only.
 */
import { generateSubmission, toWorkbookData, type Submission } from '../../scripts/submissionGenerator';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { checkWorkbook, type WorkbookCheck } from '../../src/engine/checkWorkbook';
import type { RawValue, SheetData, WorkbookData } from '../../src/engine/grid';
import type { Recomputed } from '../../src/engine/indicatorTally';
import { compareSubmissions, submissionInput, type SubmissionInput } from '../../src/engine/submissionComparison';
import { NOT_FILLED, NOT_VALID, submissionFigures } from '../../src/engine/submissionGroups';
import { d, standardDefs } from '../support/workbooks';

const format = standardReportFormat();

function checked(workbook: WorkbookData): WorkbookCheck {
  return checkWorkbook(workbook, standardDefs, { groups: true });
}

function input(file: string, workbook: WorkbookData): SubmissionInput {
  const check = checked(workbook);
  if (check.groups === undefined) throw new Error('no groups');
  return submissionInput(file, submissionFigures(check.groups, check.findings), check.findings);
}

/** The workbook of a submission with only the client rows that pass `keep` (header kept). */
function onlyRows(workbook: WorkbookData, keep: (row: readonly RawValue[]) => boolean): WorkbookData {
  const [clients, ...rest] = workbook.sheets;
  const values = clients.values.filter((row, r) => r === 0 || keep(row ?? []));
  const formats = clients.formats?.filter((_row, r) => r === 0 || keep(clients.values[r] ?? []));
  return { sheets: [{ ...clients, values, formats }, ...rest] };
}

/** Two workbooks' client rows in one sheet. */
function together(a: WorkbookData, b: WorkbookData): WorkbookData {
  const [ca, ...rest] = a.sheets;
  const cb = b.sheets[0];
  const sheet: SheetData = { ...ca, values: [...ca.values, ...cb.values.slice(1)], formats: [...(ca.formats ?? []), ...(cb.formats ?? []).slice(1)] };
  return { sheets: [sheet, ...rest] };
}

function expectSameFigures(actual: ReadonlyMap<string, Recomputed>, expected: ReadonlyMap<string, Recomputed>): void {
  for (const indicator of format.data.management.indicators) {
    const a = actual.get(indicator.id);
    const e = expected.get(indicator.id);
    if (typeof a === 'number' && typeof e === 'number') expect([indicator.id, a]).toEqual([indicator.id, expect.closeTo(e, 9)]);
    else expect([indicator.id, a]).toEqual([indicator.id, e]);
  }
}

const column = (header: string) => format.columns.findIndex((c) => c.header === header);

describe('compareSubmissions', () => {
  const first: Submission = generateSubmission({ rows: 260, seed: 11, vendor: 'Werkpad B.V.' });
  const second: Submission = generateSubmission({
    rows: 190,
    seed: 12,
    vendor: 'Arbeidspoort B.V.',
    municipalities: ['Alkmaar', 'Heiloo'],
    statusWeights: [
      ['lopend', 0.3],
      ['geplaatst', 0.2],
      ['uitgevallen', 0.3],
      ['afgerond-zonder-plaatsing', 0.2],
    ],
  });
  const a = toWorkbookData(first);
  const b = toWorkbookData(second);
  const comparison = compareSubmissions([input('a.xlsx', a), input('b.xlsx', b)], format);

  it("gives each submission the figures the generator counted itself", () => {
    for (const [k, submission] of [first, second].entries()) {
      for (const indicator of format.data.management.indicators) {
        const value = comparison.submissions[k].indicators.get(indicator.id);
        const expected = submission.expected[indicator.id];
        if (typeof value === 'number' && typeof expected === 'number') expect(value).toBeCloseTo(expected, 6);
        else expect(value).toBe(expected);
      }
    }
  });

  it('totals what a check of all rows in one sheet recomputes (percentages from the counts, not averaged)', () => {
    expectSameFigures(comparison.total.indicators, checked(together(a, b)).indicators);
    expect(comparison.total.rows).toBe(450);
    expect(comparison.total.submissions).toBe(2);
    // The two submissions' placement rates differ, so their plain average is not the total's rate.
    const rates = comparison.submissions.map((s) => s.indicators.get('plaatsingspercentage') as number);
    expect(Math.abs((rates[0] + rates[1]) / 2 - (comparison.total.indicators.get('plaatsingspercentage') as number))).toBeGreaterThan(0.1);
  });

  it('gives a municipality, across both vendors, the figures of a check of just its rows', () => {
    const gemeente = column('Gemeente');
    const alkmaar = comparison.groupings.gemeente.find((g) => g.name === 'Alkmaar');
    expect(alkmaar?.submissions).toBe(2);
    const rowsOf = (w: WorkbookData) => onlyRows(w, (row) => row[gemeente] === 'Alkmaar');
    expectSameFigures(alkmaar!.indicators, checked(together(rowsOf(a), rowsOf(b))).indicators);
    expect(comparison.groupings.gemeente.find((g) => g.name === 'Bergen')?.submissions).toBe(1);
  });

  it('splits every row into exactly one group of each dimension', () => {
    for (const dimension of ['opdrachtnemer', 'gemeente', 'dienst', 'doelgroep'] as const) {
      const groups = comparison.groupings[dimension];
      expect(groups.reduce((n, g) => n + g.rows, 0)).toBe(450);
      expect(groups.reduce((n, g) => n + ((g.indicators.get('plaatsingen') as number) ?? 0), 0)).toBe(comparison.total.indicators.get('plaatsingen'));
    }
    expect(comparison.groupings.opdrachtnemer.map((g) => g.name)).toEqual(['Arbeidspoort B.V.', 'Werkpad B.V.']);
  });

  it("counts a row's findings in its own groups only, and findings off the client rows for the submission only", () => {
    const broken = structuredClone(a);
    const clients = broken.sheets[0];
    // Row 3 (Excel): a status that is no code; and a wrong figure on the Management sheet.
    (clients.values[2] as RawValue[])[column('Status')] = 'Lopnd';
    const municipality = (clients.values[2] as RawValue[])[column('Gemeente')] as string;
    const service = (clients.values[2] as RawValue[])[column('Dienst')] as string;
    const management = broken.sheets[1];
    const aanmeldingen = management.values.findIndex((row) => row?.[0] === 'Aantal aanmeldingen');
    (management.values[aanmeldingen] as RawValue[])[1] = 1;
    const result = compareSubmissions([input('kapot.xlsx', broken)], format);
    const submission = result.submissions[0];
    expect(submission.deviations).toBeGreaterThanOrEqual(1);
    expect(submission.findings.fout).toBeGreaterThan(submission.rowFindings.fout);
    const errorsIn = (dimension: 'gemeente' | 'dienst', name: string) => result.groupings[dimension].find((g) => g.name === name)?.findings.fout;
    expect(errorsIn('gemeente', municipality)).toBe(submission.rowFindings.fout);
    expect(errorsIn('dienst', service)).toBe(submission.rowFindings.fout);
    expect(result.groupings.gemeente.filter((g) => g.name !== municipality).every((g) => g.findings.fout === 0)).toBe(true);
    expect(result.total.errorsPer100).toBeCloseTo((submission.rowFindings.fout / 260) * 100, 9);
  });

  it('groups names whatever their case and spaces, and puts empty and invalid values last', () => {
    const odd = structuredClone(b);
    const clients = odd.sheets[0];
    (clients.values[1] as RawValue[])[column('Gemeente')] = '  ALKMAAR ';
    (clients.values[2] as RawValue[])[column('Dienst')] = null;
    (clients.values[3] as RawValue[])[column('Dienst')] = 'Sollicitatiecursus';
    const result = compareSubmissions([input('a.xlsx', a), input('b.xlsx', odd)], format);
    expect(result.groupings.gemeente.filter((g) => g.name.toLowerCase().trim() === 'alkmaar')).toHaveLength(1);
    const services = result.groupings.dienst.map((g) => g.name);
    expect(services.slice(-2)).toEqual([NOT_VALID, NOT_FILLED]);
    expect(result.groupings.dienst.find((g) => g.name === NOT_VALID)?.rows).toBe(1);
  });

  it('leaves a figure undetermined where a submission lacks its column, and says so', () => {
    const duur = column('Duur arbeidsovereenkomst (maanden)');
    const [clients, ...rest] = b.sheets;
    const without: WorkbookData = {
      sheets: [
        {
          ...clients,
          values: clients.values.map((row) => (row ?? []).filter((_v, c) => c !== duur)),
          formats: clients.formats?.map((row) => (row ?? []).filter((_v, c) => c !== duur)),
        },
        ...rest,
      ],
    };
    const result = compareSubmissions([input('a.xlsx', a), input('b.xlsx', without)], format);
    expect(result.submissions[0].indicators.get('duurzamePlaatsingen')).toEqual(expect.any(Number));
    expect(result.submissions[1].indicators.get('duurzamePlaatsingen')).toBeUndefined();
    expect(result.total.indicators.get('percentageDuurzaam')).toBeUndefined();
    expect(result.groupings.opdrachtnemer.find((g) => g.name === 'Werkpad B.V.')?.indicators.get('percentageDuurzaam')).toEqual(expect.any(Number));
    expect(result.total.indicators.get('plaatsingen')).toBe(comparison.total.indicators.get('plaatsingen'));
    expect(result.notes).toEqual([
      'b.xlsx mist een kolom voor Aantal duurzame plaatsingen, Percentage duurzaam: die indicatoren zijn niet te bepalen in elke groep met rijen uit die inzending.',
    ]);
  });

  it('warns when the periods differ or a submission names no vendor', () => {
    expect(comparison.notes).toEqual([]);
    const other = structuredClone(b);
    const management = other.sheets[1];
    for (const row of management.values as RawValue[][]) {
      if (row?.[0] === 'Opdrachtnemer') row[1] = null;
      if (row?.[0] === 'Periode tot') row[1] = (row[1] as number) + 90;
    }
    const result = compareSubmissions([input('a.xlsx', a), input('b.xlsx', other)], format);
    expect(result.notes.some((n) => n.includes('niet over dezelfde periode'))).toBe(true);
    expect(result.notes.some((n) => n.includes('geen Opdrachtnemer'))).toBe(true);
    expect(result.groupings.opdrachtnemer.map((g) => g.name)).toEqual(['Werkpad B.V.', NOT_FILLED]);
    // Within a municipality, the vendors in order, the one without a name last.
    const alkmaar = result.groupings.gemeenteOpdrachtnemer.filter((g) => g.name.startsWith('Alkmaar — ')).map((g) => g.name);
    expect(alkmaar).toEqual(['Alkmaar — Werkpad B.V.', `Alkmaar — ${NOT_FILLED}`]);
    const names = result.groupings.gemeenteOpdrachtnemer.map((g) => g.name.split(' — ')[0]);
    expect(names).toEqual([...names].sort((x, y) => x.localeCompare(y, 'nl')));
  });
});

describe('the same clients in two submissions', () => {
  const one = toWorkbookData(generateSubmission({ rows: 120, seed: 31, vendor: 'Werkpad B.V.' }));
  const other = toWorkbookData(generateSubmission({ rows: 80, seed: 32, vendor: 'Arbeidspoort B.V.', clientPrefix: 'AP' }));
  const columnOf = (header: string) => format.columns.findIndex((c) => c.header === header);

  it('finds none between different vendors, and says nothing', () => {
    const result = compareSubmissions([input('a.xlsx', one), input('b.xlsx', other)], format);
    expect(result.shared).toEqual([]);
    expect(result.notes).toEqual([]);
  });

  it('names a submission given twice', () => {
    const result = compareSubmissions([input('a.xlsx', one), input('b.xlsx', other), input('kopie.xlsx', one)], format);
    expect(result.shared).toEqual([{ first: 0, second: 2, clients: 120 }]);
    expect(result.notes).toEqual([expect.stringContaining('a.xlsx en kopie.xlsx gaan over precies dezelfde 120 cliënten')]);
  });

  it('counts clients with the same number, service and registration date; another date is another trajectory', () => {
    const mixed = structuredClone(other);
    const from = one.sheets[0].values;
    const to = mixed.sheets[0].values as RawValue[][];
    for (const header of ['Cliëntnummer', 'Dienst', 'Datum aanmelding']) {
      const c = columnOf(header);
      for (const r of [1, 2, 3, 4]) to[r][c] = (from[r] as RawValue[])[c];
    }
    // Row 4: the same client and service, registered a day later: a new trajectory, not the same row.
    to[4][columnOf('Datum aanmelding')] = (to[4][columnOf('Datum aanmelding')] as number) + 1;
    const result = compareSubmissions([input('a.xlsx', one), input('b.xlsx', mixed)], format);
    expect(result.shared).toEqual([{ first: 0, second: 1, clients: 3 }]);
    expect(result.notes).toEqual([expect.stringContaining('a.xlsx en b.xlsx hebben 3 cliënten gemeen')]);
  });
});

describe('per period', () => {
  const quarter = (seed: number, from: [number, number, number], to: [number, number, number]) => {
    const workbook = toWorkbookData(generateSubmission({ rows: 60, seed, vendor: 'Werkpad B.V.', clientPrefix: `Q${seed}` }));
    for (const row of workbook.sheets[1].values as RawValue[][]) {
      if (row?.[0] === 'Periode van') row[1] = d(...from);
      if (row?.[0] === 'Periode tot') row[1] = d(...to);
    }
    return workbook;
  };

  it("sets a vendor's quarters side by side, in the order of their dates", () => {
    const result = compareSubmissions(
      [
        input('q3.xlsx', quarter(3, [1, 7, 2009], [30, 9, 2009])),
        input('q1.xlsx', quarter(1, [1, 1, 2009], [31, 3, 2009])),
        input('q2.xlsx', quarter(2, [1, 4, 2009], [30, 6, 2009])),
      ],
      format,
    );
    expect(result.groupings.periode.map((g) => [g.name, g.submissions, g.rows])).toEqual([
      ['01-01-2009 t/m 31-03-2009', 1, 60],
      ['01-04-2009 t/m 30-06-2009', 1, 60],
      ['01-07-2009 t/m 30-09-2009', 1, 60],
    ]);
    expect(result.groupings.opdrachtnemer.map((g) => g.rows)).toEqual([180]);
    expect(result.notes.some((n) => n.includes('niet over dezelfde periode'))).toBe(true);
  });
});
