/**
 * The pane's pure parts: the findings list (filter, groups by code,
 * collapse), the definition search, and the profile editor's draft with
 * its per-field Dutch errors from the command line's own validation.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfile } from '../../src/definitions/profile';
import type { Finding } from '../../src/engine/findings';
import { searchTerms } from '../../src/definitions/definitionSearch';
import { filterChoices, filterFindings, groupRows, NO_FILTER } from '../../src/taskpane/check/findingRows';
import { checkDraft, draftFromProfile, draftFromRaw, emptyDeviation, rawProfile } from '../../src/taskpane/profile/profileDraft';
import { check, clientSheet, managementSheet, placedRow, runningRow } from '../support/workbooks';

const set = standardDefinitionSet();
const defs = effectiveDefinitions(set);

function findings(): readonly Finding[] {
  return check([
    clientSheet({
      rows: [
        runningRow({ Cliëntnummer: 'NK-1', Status: 'Lopnd' }),
        runningRow({ Cliëntnummer: 'NK-2', Doelgroep: 'Bijstand', Toelichting: 'De klantmanager belt.' }),
        placedRow({ Cliëntnummer: 'NK-3', 'Duur arbeidsovereenkomst (maanden)': 8 }),
      ],
    }),
    managementSheet([['Aantal aanmeldingen', 9]]),
    { name: 'Notities', values: [['De reïntegratie loopt.'], ['De klantmanager en de klantmanager.']] },
  ]).findings;
}

describe('the findings list', () => {
  const all = findings();

  test('groups by code, most severe first, each group followed by its findings in order', () => {
    const rows = groupRows(all, new Set());
    const groups = rows.filter((r) => r.kind === 'group');
    expect(new Set(groups.map((g) => g.code)).size).toBe(groups.length);
    const rank = { fout: 0, waarschuwing: 1, info: 2 } as const;
    for (let i = 1; i < groups.length; i++) expect(rank[groups[i].severity]).toBeGreaterThanOrEqual(rank[groups[i - 1].severity]);
    // Every finding appears once, right under its group's header.
    expect(rows.filter((r) => r.kind === 'finding')).toHaveLength(all.length);
    let code = '';
    for (const row of rows) {
      if (row.kind === 'group') {
        code = row.code;
        expect(row.count).toBe(all.filter((f) => f.code === row.code).length);
        expect(row.rule.length).toBeGreaterThan(10);
      } else expect(row.finding.code).toBe(code);
    }
    const terms = rows.filter((r) => r.kind === 'finding' && r.code === 'TERM_NIET_CONFORM').map((r) => (r.kind === 'finding' ? r.finding.cell : ''));
    expect(terms).toEqual(all.filter((f) => f.code === 'TERM_NIET_CONFORM').map((f) => f.cell));
  });

  test('a collapsed group keeps its header with the count and hides its findings', () => {
    const rows = groupRows(all, new Set(['TERM_NIET_CONFORM']));
    const header = rows.find((r) => r.kind === 'group' && r.code === 'TERM_NIET_CONFORM');
    expect(header).toMatchObject({ expanded: false, count: all.filter((f) => f.code === 'TERM_NIET_CONFORM').length });
    expect(rows.some((r) => r.kind === 'finding' && r.code === 'TERM_NIET_CONFORM')).toBe(false);
    expect(rows.filter((r) => r.kind === 'finding')).toHaveLength(all.filter((f) => f.code !== 'TERM_NIET_CONFORM').length);
  });

  test('filters by severity, code and sheet, together', () => {
    expect(filterFindings(all, NO_FILTER)).toEqual(all);
    expect(filterFindings(all, { ...NO_FILTER, severity: 'fout' }).every((f) => f.severity === 'fout')).toBe(true);
    const notes = filterFindings(all, { ...NO_FILTER, sheet: 'Notities' });
    expect(notes.length).toBe(3);
    expect(filterFindings(all, { severity: 'waarschuwing', code: 'TERM_NIET_CONFORM', sheet: 'Notities' })).toEqual(notes);
    expect(filterFindings(all, { severity: 'fout', code: 'TERM_NIET_CONFORM', sheet: null })).toEqual([]);
    const choices = filterChoices(all);
    expect(choices.sheets).toEqual(['Cliënten', 'Management', 'Notities'].filter((s) => all.some((f) => f.sheet === s)));
    expect(choices.codes).toContain('WAARDE_ONBEKEND');
    expect(new Set(choices.codes).size).toBe(choices.codes.length);
  });
});

describe('the definition search', () => {
  test('finds the standard term through a non-conforming word, folded (case, diacritics)', () => {
    const [first] = searchTerms(defs, 'KLANTMANAGER', null);
    expect(first.term.id).toBe('werkcoach');
    expect(first.via).toBe('niet-conform');
    const [old] = searchTerms(defs, 'reintegratie', null);
    expect(old.term.term).toMatch(/^re-integratie/);
  });

  test('an exact term comes before terms that merely contain it; an empty query lists the category in data order', () => {
    const hits = searchTerms(defs, 'plaatsing', null);
    expect(hits[0].term.id).toBe('plaatsing');
    expect(hits.map((h) => h.term.id)).toContain('duurzame-plaatsing');
    const resultaten = searchTerms(defs, '', 'resultaten');
    expect(resultaten.map((h) => h.term.id)).toEqual(defs.terms.filter((t) => t.category === 'resultaten').map((t) => t.id));
    expect(searchTerms(defs, 'plaatsing', 'actoren').every((h) => h.term.category === 'actoren')).toBe(true);
  });

  test('falls back to the definition text, and finds nothing for nonsense', () => {
    const hits = searchTerms(defs, 'arbeidsovereenkomst voor onbepaalde tijd', null);
    expect(hits.some((h) => h.term.id === 'duurzame-plaatsing' && h.via === 'definitie')).toBe(true);
    expect(searchTerms(defs, 'qqxzv', null)).toEqual([]);
  });
});

describe('the profile draft', () => {
  const deviation = (value: string, motivering = 'Regionale afspraak.') => ({ ...emptyDeviation('duurzame-plaatsing'), parameter: 'minimumMaanden', value, motivering });

  test('a valid draft gives the same profile as the command line reads from its JSON', () => {
    const draft = { naam: 'Regio', gemeente: 'Alkmaar', deviations: [deviation('12'), { ...emptyDeviation('plaatsing'), kind: 'toelichting' as const, toelichting: 'Gesubsidieerd werk telt mee.', motivering: 'Raadsbesluit.' }] };
    const result = checkDraft(draft, set);
    expect(result.valid).toBe(true);
    expect(result.profile).toEqual(parseProfile(rawProfile(draft, set), set));
    expect(result.profile?.afwijkingen[0]).toEqual({ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Regionale afspraak.' });
    // And back: the draft of that profile checks to the same profile.
    expect(checkDraft(draftFromProfile(result.profile), set).profile).toEqual(result.profile);
  });

  test('each error is Dutch and sits at its field; several fields at once', () => {
    const d = deviation('twaalf', '');
    const result = checkDraft({ naam: ' ', gemeente: 'Alkmaar', deviations: [d] }, set);
    expect(result.valid).toBe(false);
    expect(result.profile).toBeNull();
    expect(result.errors.naam).toBe('Vul de naam van het profiel in.');
    expect(result.errors.gemeente).toBeUndefined();
    expect(result.errors.deviations.get(d.key)).toEqual({ value: 'Waarde "twaalf" is geen getal.', motivering: 'Vul een motivering in: waarom wijkt de gemeente af?' });
    const missing = deviation('');
    expect(checkDraft({ naam: 'a', gemeente: 'b', deviations: [missing] }, set).errors.deviations.get(missing.key)).toEqual({ value: 'Vul een waarde in.' });
    const range = deviation('99');
    expect(checkDraft({ naam: 'a', gemeente: 'b', deviations: [range] }, set).errors.deviations.get(range.key)).toEqual({ value: 'Waarde 99 ligt buiten het bereik 1–60 maanden.' });
    const comma = deviation('12,5');
    expect(checkDraft({ naam: 'a', gemeente: 'b', deviations: [comma] }, set).errors.deviations.get(comma.key)).toEqual({ value: 'Waarde 12,5 moet een geheel getal zijn.' });
  });

  test('an unknown parameter, a missing term and a deviation given twice are placed at their field', () => {
    const unknown = { ...deviation('3'), parameter: 'bestaatNiet' };
    expect(checkDraft({ naam: 'a', gemeente: 'b', deviations: [unknown] }, set).errors.deviations.get(unknown.key)?.parameter).toMatch(/^Onbekende parameter 'bestaatNiet'/);
    const noTerm = emptyDeviation();
    expect(checkDraft({ naam: 'a', gemeente: 'b', deviations: [noTerm] }, set).errors.deviations.get(noTerm.key)).toEqual({ term: 'Kies een term.' });
    const first = deviation('12');
    const second = deviation('9');
    const twice = checkDraft({ naam: 'a', gemeente: 'b', deviations: [first, second] }, set);
    expect(twice.valid).toBe(false);
    expect(twice.errors.deviations.get(first.key)).toBeUndefined();
    expect(twice.errors.deviations.get(second.key)?.parameter).toMatch(/staat al eerder in het profiel/);
  });

  test('an invalid stored profile becomes a draft that can be repaired', () => {
    const draft = draftFromRaw({ naam: 'Kapot', gemeente: 'X', afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 999, motivering: 'm' }, 'rommel'] });
    expect(draft.naam).toBe('Kapot');
    expect(draft.deviations).toHaveLength(2);
    expect(draft.deviations[0]).toMatchObject({ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', value: '999' });
    const result = checkDraft(draft, set);
    expect(result.errors.deviations.get(draft.deviations[0].key)?.value).toMatch(/ligt buiten het bereik/);
    expect(result.errors.deviations.get(draft.deviations[1].key)).toEqual({ term: 'Kies een term.' });
    expect(draftFromRaw(null)).toEqual({ naam: '', gemeente: '', deviations: [] });
  });
});
