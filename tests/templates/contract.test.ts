/**
 * The contract: data validated with a Dutch line per field; the standard
 * contract written with the standard terms (no TERM_NIET_CONFORM from our
 * text, no DEFINITIE_STRIJDIG against its own profile), a definitions
 * article citing the set's version and the profile's deviations, an annex
 * with exactly the terms used; placeholders in a user's own workbook.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions, parseProfileJson, type EffectiveDefinitions } from '../../src/definitions/profile';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { checkWorkbook } from '../../src/engine/checkWorkbook';
import { serialFromDate } from '../../src/engine/excelDate';
import type { SheetData } from '../../src/engine/grid';
import { ContractDataError, parseContract } from '../../src/engine/templates/contractData';
import { contractTexts, reportTermIds } from '../../src/engine/templates/contractText';
import { termMentions } from '../../src/engine/templates/termMentions';
import { termMatcher } from '../../src/engine/termMatcher';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { ANNEX_ACCEPT_REASON, fillPlaceholders, prepareContract, writeStandardContract } from '../../src/workbook/flows/contractFlow';
import { ANNEX_SHEET, CONTRACT_SHEET } from '../../src/workbook/flows/contractPlan';
import { TemplateConflictError } from '../../src/workbook/flows/reportTemplateFlow';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';

const set = standardDefinitionSet();
const format = standardReportFormat();
const examples = join(__dirname, '..', '..', 'examples');
const data = JSON.parse(readFileSync(join(examples, 'contract-gegevens-noord-kennemerland.json'), 'utf8'));
const profile = parseProfileJson(readFileSync(join(examples, 'profiel-noord-kennemerland.json'), 'utf8'), set);
const standard = effectiveDefinitions(set);
const withProfile = effectiveDefinitions(set, profile);

function problems(raw: unknown, defs: EffectiveDefinitions = standard): readonly string[] {
  try {
    parseContract(raw, defs, format);
  } catch (error) {
    if (error instanceof ContractDataError) return error.problems;
    throw error;
  }
  return [];
}

describe('contract data', () => {
  test('the example is valid; codes, terms and dates are resolved from the data', () => {
    const parsed = parseContract(data, withProfile, format);
    expect(parsed.services.map((s) => s.id)).toEqual(['bemiddeling-en-nazorg', 'werkervaring']);
    expect(parsed.financing.id).toBe('no-cure-less-pay');
    expect(parsed.standards.map((s) => [s.indicator.id, s.bound, s.value])).toEqual([
      ['plaatsingspercentage', 'minimaal', 40],
      ['percentageDuurzaam', 'minimaal', 60],
      ['uitvalpercentage', 'maximaal', 25],
      ['doorlooptijd', 'maximaal', 150],
    ]);
    expect(parsed.start).toBe(serialFromDate(2026, 1, 1));
    expect(parsed.reclaimWeeks).toBe(6);
  });

  test('every wrong field is one Dutch line, all at once', () => {
    const bad = { ...data, opdrachtgever: undefined, budget: { bedrag: 'veel' }, aantallen: [], rapportage: { ...data.rapportage, frequentie: 'wekelijks' }, extra: 1 };
    expect(problems(bad)).toEqual([
      'opdrachtgever: ontbreekt.',
      'aantallen: noem er minstens één.',
      'budget.bedrag: verwacht een getal.',
      "rapportage.frequentie: kies uit 'maandelijks', 'per kwartaal', 'per halfjaar', 'jaarlijks'.",
      "gegevens: onbekend veld 'extra'.",
    ]);
    expect(problems([])).toEqual(['gegevens: verwacht een JSON-object.']);
  });

  test('codes, terms and indicators come from the data: a variant is named with the standard, an unknown value with the choices', () => {
    const bad = {
      ...data,
      diensten: ['Bemiddeling', 'Schoonmaak'],
      financieringsvorm: 'NCNP',
      prestatienormen: [{ indicator: 'Percentage plaatsingen', minimaal: 40 }, { indicator: 'Plaatsingspercentage', minimaal: 40, maximaal: 60 }, { indicator: 'Uitvalpercentage', maximaal: 140 }],
      evaluatiemomenten: ['2030-01-01', '31-02-2027'],
    };
    expect(problems(bad)).toEqual([
      "diensten[1]: schrijf 'Bemiddeling en nazorg' in plaats van 'Bemiddeling'.",
      `diensten[2]: 'Schoonmaak' is onbekend; kies uit ${format.codeLists.get('dienst')!.entries.map((e) => `'${e.code}'`).join(', ')}.`,
      "financieringsvorm: schrijf 'no cure no pay' in plaats van 'NCNP'.",
      "prestatienormen[1].indicator: schrijf 'Plaatsingspercentage' in plaats van 'Percentage plaatsingen'.",
      "prestatienormen[2]: geef precies één van 'minimaal' en 'maximaal'.",
      'prestatienormen[3].maximaal: een percentage ligt tussen 0 en 100.',
      'evaluatiemomenten[1]: 01-01-2030 valt buiten de looptijd (01-01-2026 tot en met 31-12-2027).',
      "evaluatiemomenten[2]: '31-02-2027' is geen datum (schrijf dd-mm-jjjj of jjjj-mm-dd).",
    ]);
  });

  test('a reclamation period other than the effective definition belongs in the profile', () => {
    expect(problems({ ...data, reclametermijnWeken: 6 }, withProfile)).toEqual([]);
    expect(problems({ ...data, reclametermijnWeken: 8 }, withProfile)).toEqual([
      'reclametermijnWeken: 8 weken wijkt af van het profiel Noord-Kennemerland 2009 (6 weken); leg een andere termijn vast als afwijking in het contractprofiel (terugmelding, reclametermijnWeken).',
    ]);
  });
});

describe('the standard contract', () => {
  test.each([
    ['the standard set', null],
    ['the profile', profile],
  ] as const)('with %s: no term findings from our text, no contradiction of its own definitions, nothing counted by a check', async (_name, p) => {
    const defs = effectiveDefinitions(set, p);
    const wb = MemoryWorkbook.fromSheets([]);
    const written = await writeStandardContract(wb, { set, data, profile: p, at: new Date('2026-01-05T09:00:00Z') });
    expect(written.sheets).toEqual([CONTRACT_SHEET, ANNEX_SHEET]);
    const check = checkWorkbook(await wb.read(), defs);
    expect(check.findings.filter((f) => f.sheet === CONTRACT_SHEET)).toEqual([]);
    expect(check.findings.filter((f) => f.code === 'DEFINITIE_STRIJDIG')).toEqual([]);
    // What the annex shows comes from the definitions' own wording, and is accepted with that reason.
    const annexFindings = check.findings.filter((f) => f.sheet === ANNEX_SHEET);
    const matcher = termMatcher(defs);
    for (const f of annexFindings) {
      const term = written.annex.find((e) => e.definition === f.value)!.term;
      expect(matcher.scan(term.definition).map((h) => h.fragment)).toContain(f.fragment);
    }
    expect(written.accepted.map((a) => a.fragment)).toEqual(annexFindings.map((f) => f.fragment));
    expect(written.accepted.every((a) => a.reason === ANNEX_ACCEPT_REASON)).toBe(true);
    const throughPort = await checkThroughPort(wb, { set });
    expect(throughPort.findings).toEqual([]);
    expect(throughPort.profileSource).toBe(p === null ? null : 'werkmap');
  });

  test('the article Definities cites the set and its version and lists every deviation of the profile with its motivation', () => {
    const text = prepareContract(data, withProfile, format).text;
    const article = text.articles[0];
    expect(article.title).toBe('Definities');
    expect(article.clauses[0].text).toContain(`${set.title} van toepassing, versie ${set.version}`);
    const clauses = article.clauses.map((c) => c.text).join('\n');
    for (const d of profile.afwijkingen) expect(clauses).toContain(`Motivering: ${d.motivering}`);
    expect(clauses).toContain('duurzame plaatsing: minimale duur van de arbeidsovereenkomst is 12 maanden (de definitieset gaat uit van 6)');
    expect(clauses).toContain('contractprofiel Noord-Kennemerland 2009, Alkmaar');
    expect(prepareContract(data, standard, format).text.articles[0].clauses.map((c) => c.text)).toContain('De opdrachtgever wijkt niet af van de definitieset.');
    // The effective values are the ones the contract states.
    const all = contractTexts(text).map((t) => t.text).join('\n');
    expect(all).toContain('minimaal 12 maanden of voor onbepaalde tijd');
    expect(all).toContain('reclametermijn van 6 weken');
  });

  test('the annex lists exactly the terms the contract text uses and the terms of the report format, with where they are used', async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    const written = await writeStandardContract(wb, { set, data, profile });
    const contract = wb.sheetData(CONTRACT_SHEET);
    const mentions = termMentions(withProfile);
    const used = new Set<string>();
    for (const row of contract.values) for (const v of row ?? []) if (typeof v === 'string') for (const id of mentions.termsIn(v)) used.add(id);
    const expected = new Set([...used, ...reportTermIds(format)]);
    const annex = wb.sheetData(ANNEX_SHEET);
    const listed = annex.values.slice(1).map((r) => r?.[0]).filter((v): v is string => typeof v === 'string');
    expect(new Set(written.annex.map((e) => e.term.id))).toEqual(expected);
    expect(listed.slice(0, written.annex.length)).toEqual(written.annex.map((e) => e.term.term));
    expect(used.has('instroomgarantie') && used.has('no-cure-less-pay') && used.has('reclametermijn')).toBe(true);
    expect(used.has('no-cure-no-pay')).toBe(false);
    const row = annex.values.find((r) => r?.[0] === 'no cure less pay')!;
    expect(row[2]).toBe('artikel 5');
    expect(annex.values.find((r) => r?.[0] === 'duurzame plaatsing')![1]).toContain('Profiel Noord-Kennemerland 2009: minimale duur van de arbeidsovereenkomst: 12 maanden');
  });

  test('existing contract sheets are replaced only with consent', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: CONTRACT_SHEET, values: [['Eigen tekst']] }]);
    await expect(writeStandardContract(wb, { set, data })).rejects.toThrow(TemplateConflictError);
    expect(wb.sheetData(CONTRACT_SHEET).values).toEqual([['Eigen tekst']]);
    await writeStandardContract(wb, { set, data, replace: true });
    expect(wb.sheetData(CONTRACT_SHEET).values[0]).toEqual([data.titel]);
  });

  test('invalid data writes nothing', async () => {
    const wb = MemoryWorkbook.fromSheets([]);
    await expect(writeStandardContract(wb, { set, data: { ...data, doelgroepen: ['Jongeren'] } })).rejects.toThrow(ContractDataError);
    expect(wb.sheetNames()).toEqual([]);
  });
});

describe('term mentions', () => {
  const m = termMentions(standard);
  test('a form inside a longer form counts for the longer term only; a form counts where a word starts', () => {
    expect(m.termsIn('Een duurzame plaatsing telt.')).toEqual(['duurzame-plaatsing']);
    expect(m.termsIn('Een plaatsing, daarna nazorg.')).toEqual(['plaatsing', 'nazorg']);
    expect(m.termsIn('De werkcoaches en de opdrachtnemers')).toEqual(['werkcoach', 'opdrachtnemer']);
    expect(m.termsIn('hoofdwerkcoach')).toEqual([]);
    expect(m.termsIn('')).toEqual([]);
  });
});

describe('placeholders in the municipality’s own workbook', () => {
  const dateCell = serialFromDate(2025, 1, 1) as number;
  function ownWorkbook(): SheetData[] {
    return [
      {
        name: 'Contract',
        values: [
          ['Overeenkomst met {{opdrachtnemer.naam}}', null, 'Kenmerk', '{{ kenmerk }}'],
          ['Looptijd: {{looptijd.van}} tot en met {{looptijd.tot}}.', 'Budget', '{{budget.bedrag}}', 42],
          ['Ingangsdatum', dateCell, '{{looptijd.van}}', '{{onbekend.veld}} en {{opdrachtgever.naam}}'],
          ['Duurzaam vanaf {{parameter:duurzame-plaatsing.minimumMaanden}} maanden; {{definitie:reclametermijn}}', '{{term:bestaat-niet}}', 'Geen plaatshouder', '{{afwijkingen}}'],
        ],
        formats: [[], [undefined, undefined, undefined, '0'], [undefined, 'dd-mm-yyyy', 'dd-mm-yyyy'], []],
      },
      { name: 'Notities', values: [['Vrije tekst zonder velden.', 7]] },
    ];
  }

  test('every known placeholder is filled, unknown ones are reported with their cell, every other cell stays as it was', async () => {
    const before = ownWorkbook();
    const wb = MemoryWorkbook.fromSheets(ownWorkbook());
    const result = await fillPlaceholders(wb, { set, data, profile });
    const after = wb.sheetData('Contract').values;
    expect(after[0]).toEqual(['Overeenkomst met Werkpad Re-integratie B.V.', null, 'Kenmerk', 'NK-RI-2026-014']);
    expect(after[1]).toEqual(['Looptijd: 1 januari 2026 tot en met 31 december 2027.', 'Budget', 1250000, 42]);
    // A date is written in words, whatever the cell's format.
    expect(after[2]?.[2]).toBe('1 januari 2026');
    expect(after[2]?.[3]).toBe('{{onbekend.veld}} en Gemeente Alkmaar, namens de gemeenten in Noord-Kennemerland');
    expect(after[3]?.[0]).toMatch(/^Duurzaam vanaf 12 maanden; De termijn na de datum aanmelding/);
    expect(after[3]?.[3]).toContain('Motivering: Regionale afspraak');
    expect(result.unknown).toEqual([
      { sheet: 'Contract', cell: 'D3', name: 'onbekend.veld' },
      { sheet: 'Contract', cell: 'B4', name: 'term:bestaat-niet' },
    ]);
    expect(result.filled.map((f) => f.cell)).toEqual(['A1', 'D1', 'A2', 'C2', 'C3', 'D3', 'A4', 'D4']);
    // Every cell without a placeholder is unchanged, in both sheets.
    before[0].values.forEach((row, r) =>
      row?.forEach((v, c) => {
        if (typeof v === 'string' && v.includes('{{')) return;
        expect([r, c, after[r]?.[c]]).toEqual([r, c, v]);
      }),
    );
    expect(wb.sheetData('Notities').values).toEqual(before[1].values);
    expect(wb.sheetNames()).toEqual(['Contract', 'Notities']);
    expect((await wb.readStored()).profile).toBeNull();
  });

  test('invalid data fills nothing', async () => {
    const wb = MemoryWorkbook.fromSheets(ownWorkbook());
    await expect(fillPlaceholders(wb, { set, data: { ...data, budget: {} } })).rejects.toThrow('budget.bedrag: ontbreekt.');
    expect(wb.sheetData('Contract').values).toEqual(ownWorkbook()[0].values);
  });
});
