/**
 * The state behind the pane's Sjablonen section: the mapping editor (confirm
 * or change every proposal; a column mapped anew gets its labels proposed)
 * and the contract form (the JSON it makes, a Dutch problem per field).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions } from '../../src/definitions/profile';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { applyMapping } from '../../src/engine/templates/applyMapping';
import { contractSchema } from '../../src/engine/templates/contractData';
import { proposeMapping } from '../../src/engine/templates/mappingProposal';
import { checkContractForm, contractFormOf, contractJsonOf, emptyContractForm, problemOf } from '../../src/taskpane/templates/contractForm';
import {
  chooseColumn,
  chooseConstant,
  chooseValue,
  draftFromMapping,
  draftFromProposal,
  draftMapping,
  missingColumns,
  openValues,
  valueChoices,
} from '../../src/taskpane/templates/mappingDraft';
import { vendorExport } from '../../scripts/vendorExport';

const format = standardReportFormat();
const defs = effectiveDefinitions(standardDefinitionSet());

describe('the mapping editor', () => {
  const sheet = vendorExport({ rows: 60, seed: 31, unknownStatus: 'Wachtlijst' }).workbook.sheets[0];
  const proposal = proposeMapping(sheet, format)!;

  test('the proposal as a draft gives the proposed mapping back', () => {
    expect(draftMapping(draftFromProposal(proposal))).toEqual(proposal.mapping);
  });

  test('an open label must be chosen; once chosen, the mapping applies without unresolved values', () => {
    let draft = draftFromProposal(proposal);
    expect(openValues(draft).map((v) => [v.field, v.source])).toEqual([['status', 'Wachtlijst']]);
    expect(applyMapping(sheet, draftMapping(draft), format).unresolved.length).toBeGreaterThan(0);
    expect(valueChoices(format, 'status')).toContain('Aangemeld');
    draft = chooseValue(draft, 'status', 'Wachtlijst', 'Aangemeld');
    expect(openValues(draft)).toEqual([]);
    expect(applyMapping(sheet, draftMapping(draft), format).unresolved).toEqual([]);
  });

  test('taking a column away makes its report column missing, a fixed value fills it; mapping a column anew proposes its labels', () => {
    const status = proposal.columns.find((c) => c.target === 'status')!;
    let draft = chooseColumn(draftFromProposal(proposal), status.col, null, format);
    expect(draft.values.some((v) => v.field === 'status')).toBe(false);
    expect(missingColumns(draft, format).map((c) => c.field)).toEqual(['status']);
    draft = chooseValue(chooseColumn(draft, status.col, 'status', format), 'status', 'Wachtlijst', 'Aangemeld');
    expect(draft.values.find((v) => v.source === 'In traject')).toMatchObject({ target: 'Lopend', basis: 'variant' });
    expect(missingColumns(draft, format)).toEqual([]);
    // Choosing a target taken by another column takes it from there.
    const klant = proposal.columns.find((c) => c.target === 'clientnummer')!;
    const extra = proposal.columns.find((c) => c.source === 'Klantmanager')!;
    const moved = chooseColumn(draft, extra.col, 'clientnummer', format);
    expect(moved.columns.find((c) => c.col === klant.col)!.target).toBeNull();
    const gemeente = proposal.columns.find((c) => c.target === 'gemeente')!;
    const fixed = chooseConstant(chooseColumn(draft, gemeente.col, null, format), 'gemeente', 'Alkmaar');
    expect(missingColumns(fixed, format)).toEqual([]);
    expect(draftMapping(fixed).constants).toEqual({ gemeente: 'Alkmaar' });
  });

  test('a saved mapping shows its choices', () => {
    const saved = draftMapping(chooseValue(draftFromProposal(proposal), 'status', 'Wachtlijst', 'Aangemeld'));
    const draft = draftFromMapping(saved, proposal);
    expect(draft.values.find((v) => v.source === 'Wachtlijst')).toMatchObject({ target: 'Aangemeld', basis: 'gekozen' });
  });
});

describe('the contract form', () => {
  const example = contractSchema.parse(JSON.parse(readFileSync(join(__dirname, '..', '..', 'examples', 'contract-gegevens-noord-kennemerland.json'), 'utf8')));

  test('a form filled from the example makes the example again', () => {
    expect(contractJsonOf(contractFormOf(example))).toEqual(JSON.parse(JSON.stringify(example)));
    expect(checkContractForm(contractFormOf(example), defs, format).data).not.toBeNull();
  });

  test('every field with a problem shows its Dutch line; a decimal comma is a number', () => {
    const form = { ...contractFormOf(example), bedrag: 'veel', van: '', opdrachtnemer: { naam: '', plaats: '', vertegenwoordiger: '' } };
    const check = checkContractForm(form, defs, format);
    expect(check.data).toBeNull();
    expect(problemOf(check, 'budget.bedrag')).toBe('verwacht een getal.');
    expect(problemOf(check, 'opdrachtnemer')).toBe('is leeg.');
    expect(problemOf(check, 'looptijd')).toBe('is leeg.');
    expect(problemOf(check, 'privacy')).toBeUndefined();
    const ok = checkContractForm({ ...contractFormOf(example), bedrag: '1.250.000,50' }, defs, format);
    expect(ok.data?.json.budget.bedrag).toBe(1250000.5);
  });

  test('the empty form names what is missing', () => {
    const check = checkContractForm(emptyContractForm(), defs, format);
    expect([...check.problems.keys()]).toEqual(
      expect.arrayContaining(['opdrachtgever.naam', 'diensten', 'aantallen', 'budget.bedrag', 'financieringsvorm', 'looptijd.van', 'privacy.protocol']),
    );
  });
});
