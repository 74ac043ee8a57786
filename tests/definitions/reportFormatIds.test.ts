import raw from '../../src/definitions/data/uniforme-rapportage.json';
import { standardDefinitionSet, DefinitionDataError } from '../../src/definitions/definitionSet';
import { buildReportFormat, IDS_USED_BY_CODE } from '../../src/definitions/reportFormat';

const set = standardDefinitionSet();
const copy = () => JSON.parse(JSON.stringify(raw));

describe('ids the checker names in code are checked when the format data loads', () => {
  test('the shipped data has them all', () => {
    expect(() => buildReportFormat(copy(), set)).not.toThrow();
  });

  test.each(IDS_USED_BY_CODE.fields.map((f) => [f]))('renaming field %s is a data error naming it', (field) => {
    const data = copy();
    const column = data.columns.find((c: { field: string }) => c.field === field);
    column.field = `${field}Hernoemd`;
    // Status rules and indicators may name the field too; the first error must be ours or theirs, never a TypeError.
    let error: unknown;
    try {
      buildReportFormat(data, set);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DefinitionDataError);
    expect((error as Error).message).toContain(field);
  });

  test('renaming a status the checker uses is a data error', () => {
    const data = copy();
    const geplaatst = data.codeLists.status.find((c: { id: string }) => c.id === 'geplaatst');
    geplaatst.id = 'geplaatst-x';
    expect(() => buildReportFormat(data, set)).toThrow(/geplaatst/);
  });

  test('renaming a metadata label id is a data error', () => {
    const data = copy();
    data.management.metadata.find((m: { id: string }) => m.id === 'periodeTot').id = 'eindePeriode';
    expect(() => buildReportFormat(data, set)).toThrow(/managementlabel periodeTot ontbreekt/);
  });
});
