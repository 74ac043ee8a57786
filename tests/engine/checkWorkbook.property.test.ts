/**
 * Properties of the row checker: arbitrary grids never make it throw and
 * every finding points at a cell of the grid; a clean generated submission
 * gives no fout or waarschuwing and the generator's own management figures.
 */
import fc from 'fast-check';
import { checkWorkbook } from '../../src/engine/checkWorkbook';
import type { RawValue, SheetData } from '../../src/engine/grid';
import { generateSubmission, toWorkbookData } from '../../scripts/submissionGenerator';
import { d, format, HEADERS, standardDefs } from '../support/workbooks';

const codes = format.codeLists;
const someCodes = [...codes.values()].flatMap((list) => list.entries.flatMap((e) => [e.code, ...e.variants]));

const value: fc.Arbitrary<RawValue> = fc.oneof(
  fc.constant(null),
  fc.constantFrom(...someCodes, 'Ja', 'Nee', 'onbepaald', 'n.v.t.', '31-02-2008', '15-3-2008', '2008-03-15', '12,5', 'klantmanager'),
  fc.integer({ min: -5, max: 50_000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#REF!' }, { error: '#DIV/0!' }),
  fc.string({ maxLength: 30 }),
  fc.integer({ min: 10_000_000, max: 999_999_999 }),
  fc.constant(d(1, 2, 2008)),
);

const row = fc.array(value, { maxLength: 24 });
const headerRow = fc.shuffledSubarray([...HEADERS, 'Klantnummer', 'Startdatum', 'Extra'], { minLength: 0 });

const sheet = (name: string) =>
  fc
    .record({
      above: fc.array(row, { maxLength: 3 }),
      header: headerRow,
      rows: fc.array(row, { maxLength: 25 }),
      formats: fc.array(fc.constantFrom(undefined, 'dd-mm-yyyy', '0.0%', 'General', '0.00'), { maxLength: 24 }),
    })
    .map(({ above, header, rows, formats }): SheetData => {
      const values = [...above, header, ...rows];
      return { name, values, formats: values.map(() => formats) };
    });

const management = fc
  .array(fc.tuple(fc.constantFrom(...format.data.management.indicators.map((i) => i.label), 'Periode tot', 'Onbekend'), value), {
    maxLength: 14,
  })
  .map((pairs): SheetData => ({ name: 'Management', values: pairs.map(([l, v]) => [l, v]) }));

test('arbitrary grids never throw, and every finding points at a cell in the used range of the grid', () => {
  fc.assert(
    fc.property(sheet('Cliënten'), management, sheet('Bijlage'), (clients, mgmt, other) => {
      const sheets = [clients, mgmt, other];
      const result = checkWorkbook({ sheets }, standardDefs);
      for (const f of result.findings) {
        const s = sheets.find((x) => x.name === f.sheet);
        expect(s).toBeDefined();
        const match = /^([A-Z]+)(\d+)$/.exec(f.cell ?? '');
        expect(match).not.toBeNull();
        const r = Number(match![2]) - 1;
        const c = [...match![1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        expect(f.row).toBe(r + 1);
        expect(r).toBeLessThan(Math.max(s!.values.length, 1));
        // Within the used range: the sheet's rows and its widest row.
        expect(c).toBeLessThan(Math.max(1, ...s!.values.map((v) => v?.length ?? 0)));
        if (f.fragment !== null && f.offset !== null && typeof f.value === 'string') {
          expect(f.value.slice(f.offset, f.offset + f.fragment.length)).toBe(f.fragment);
        }
      }
    }),
    { numRuns: 300 },
  );
});

test('a clean generated submission: no fout or waarschuwing, management equal to the generator', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 2 ** 31 - 1 }), (rows, seed) => {
      const submission = generateSubmission({ rows, seed });
      const result = checkWorkbook(toWorkbookData(submission), standardDefs);
      const serious = result.findings.filter((f) => f.severity !== 'info');
      expect(serious.map((f) => `${f.code}@${f.cell}: ${f.message}`)).toEqual([]);
      expect(result.rows).toBe(rows);
      for (const indicator of format.data.management.indicators) {
        const expected = submission.expected[indicator.id];
        const actual = result.indicators.get(indicator.id);
        if (expected === null) expect(actual).toBeNull();
        else expect({ id: indicator.id, value: actual }).toEqual({ id: indicator.id, value: expect.closeTo(expected, 9) });
      }
    }),
    { numRuns: 40 },
  );
});
