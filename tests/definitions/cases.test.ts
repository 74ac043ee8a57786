/**
 * The hard cases in the definitions (examples.cases): each is a few client
 * rows of the uniform report, checked by the row checker. The finding codes
 * on the rows and the recomputed indicators must be what the definition says.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile } from '../../src/definitions/profile';
import type { Case } from '../../src/definitions/schema';
import { check, clientSheet, format, placedRow, type ClientValues } from '../support/workbooks';

const set = standardDefinitionSet();

/** A valid row of the case's status, with the case's values. */
function rowFor(values: ClientValues): ClientValues {
  const status = String(values.Status ?? 'Geplaatst');
  const entry = format.codeLists.get('status')?.entries.find((e) => e.code === status);
  if (entry === undefined) throw new Error(`onbekende status ${status}`);
  const row = placedRow();
  if (entry.id !== 'geplaatst') {
    const placement = ['plaatsing', 'soortWerk', 'arbeidsovereenkomst', 'uren', 'duur', 'duurzaam', 'uitstroom', 'nazorg'];
    for (const field of [...format.data.statusRules[entry.id].empty, ...placement]) {
      row[format.columnByField.get(field)!.header] = null;
    }
  }
  return { ...row, ...values };
}

const cases = set.terms.flatMap((t) => (t.examples.cases ?? []).map((c) => [t.id, c.situation, c] as [string, string, Case]));

test('there are classified cases', () => {
  expect(cases.length).toBeGreaterThanOrEqual(15);
});

test.each(cases)('%s: %s', (termId, _situation, c) => {
  const afwijkingen = Object.entries(c.profile ?? {}).map(([parameter, waarde]) => ({ term: termId, parameter, waarde, motivering: 'Geval.' }));
  const defs = effectiveDefinitions(set, afwijkingen.length > 0 ? parseProfile({ naam: 'Geval', gemeente: 'Geval', afwijkingen }, set) : null);
  const result = check([clientSheet({ rows: c.rows.map(rowFor) })], defs);
  expect(result.findings.map((f) => f.code).sort()).toEqual([...c.findings].sort());
  for (const [id, value] of Object.entries(c.counts ?? {})) {
    expect({ id, value: result.indicators.get(id) }).toEqual({ id, value });
  }
});
