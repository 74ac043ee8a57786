/**
 * A vendor's own table mapped into the report: the proposal (headers by
 * variant, then similarity; labels by variant, then the nearest code), the
 * mapping as JSON, applying it (values read as the checker reads them, no
 * row written half, nothing dropped silently), and through the port: the
 * report checks clean, period two reuses the saved mapping without
 * questions, and a new label in period two is reported, not guessed.
 */
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { effectiveDefinitions } from '../../src/definitions/profile';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { checkWorkbook } from '../../src/engine/checkWorkbook';
import type { RawValue, SheetData } from '../../src/engine/grid';
import { applyMapping, unresolvedByValue, withOpenValues } from '../../src/engine/templates/applyMapping';
import { mappingJson, MappingError, parseMapping, parseMappingJson, type Mapping } from '../../src/engine/templates/mapping';
import { looksLikeClientTable, proposeMapping } from '../../src/engine/templates/mappingProposal';
import { headerSimilarity, HEADER_THRESHOLD } from '../../src/engine/templates/similarity';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { applyMappingThroughPort, proposeForSheet, sourceCandidates, storedMapping } from '../../src/workbook/flows/mappingFlow';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { CancelledError } from '../../src/workbook/port';
import { EXPORT_SHEET, EXTRA_HEADERS, vendorExport, vendorHeader } from '../../scripts/vendorExport';
import { headerKey } from '../../src/definitions/reportFormat';

const set = standardDefinitionSet();
const format = standardReportFormat();
const defs = effectiveDefinitions(set);
const col = (field: string) => format.columns.findIndex((c) => c.field === field);

const period1 = vendorExport({ rows: 240, seed: 31 });
const exportSheet = period1.workbook.sheets[0];

/** The generator's rows as the report must hold them: standard codes, dates as serials. */
function expectedRows(exp: ReturnType<typeof vendorExport>, firstClient = 1): RawValue[][] {
  return exp.submission.rows.map((row, i) =>
    format.columns.map((c) => {
      if (c.field === 'clientnummer') return `K${String(firstClient + i).padStart(6, '0')}`;
      const v = row[c.field] ?? null;
      if (c.type === 'position' && typeof v === 'number') return format.codeLists.get('positie')!.entries.find((e) => e.number === v)!.code;
      return v;
    }),
  );
}

describe('proposing a mapping', () => {
  const proposal = proposeMapping(exportSheet, format)!;

  test('finds the header below the title rows and proposes every report column by header variant or similarity', () => {
    expect(proposal.table.headerRow).toBe(2);
    expect(proposal.table.dataRows).toHaveLength(240);
    for (const column of format.columns) {
      const p = proposal.columns.find((c) => c.target === column.field);
      expect([column.field, p?.source]).toEqual([column.field, vendorHeader(column)]);
      const exact = format.headers.get(headerKey(vendorHeader(column)));
      expect(p?.basis).toBe(exact === undefined ? 'gelijkenis' : exact.standard ? 'kop' : 'variant');
    }
    expect(proposal.columns.filter((c) => c.basis === 'gelijkenis').map((c) => c.source)).toEqual(['Datum plaatsing werk', 'Uren/week']);
    // Columns that are not in the format are proposed as not taken over.
    for (const extra of EXTRA_HEADERS) expect(proposal.columns.find((c) => c.source === extra)).toMatchObject({ target: null, basis: 'geen' });
    expect(proposal.missing).toEqual([]);
  });

  test('finds a header far below a title block (row 31 of the sheet), as some case-management exports write it', () => {
    // The export's own sheet moved down: a merged title and 28 rows of report notes above the header.
    const notes: (RawValue[] | undefined)[] = [['Export trajecten, 1e kwartaal'], undefined, ...Array.from({ length: 27 }, (_, i): RawValue[] => [`Toelichting regel ${i + 1}`])];
    const header = exportSheet.values[2];
    const low: SheetData = { name: 'Export', values: [...notes, undefined, header, ...exportSheet.values.slice(3)] };
    const found = proposeMapping(low, format)!;
    expect(found.table.headerRow).toBe(notes.length + 1);
    expect(found.table.dataRows).toHaveLength(240);
    expect(found.columns.map((c) => [c.source, c.target])).toEqual(proposal.columns.map((c) => [c.source, c.target]));
    expect(looksLikeClientTable(found, format)).toBe(true);
  });

  test('translates the vendor labels by the known variants of the data, Ja/Nee included; standard values and dates need no translation', () => {
    const status = Object.fromEntries(proposal.values.filter((v) => v.field === 'status').map((v) => [v.source, [v.target, v.basis]]));
    const statusList = format.codeLists.get('status')!;
    for (const entry of statusList.entries) expect(status[entry.variants[0]]).toEqual([entry.code, 'variant']);
    const yes = proposal.values.find((v) => v.field === 'arbeidsovereenkomst' && v.source === format.data.yesNo.yes.variants[0]);
    expect(yes).toMatchObject({ target: 'Ja', basis: 'variant' });
    expect(proposal.values.filter((v) => v.field === 'aanmelding' || v.field === 'clientnummer')).toEqual([]);
    expect(proposal.values.every((v) => v.count > 0 && /^[A-Z]+\d+$/.test(v.firstCell))).toBe(true);
  });

  test('a typo gets the nearest code as a proposal; a label nobody knows and an impossible date stay open with the reason', () => {
    const values = exportSheet.values.map((r) => r?.slice());
    values[3]![col('status')] = 'Geplaats';
    values[4]![col('status')] = 'Wachtlijst';
    values[5]![col('aanmelding')] = '31-02-2009';
    const p = proposeMapping({ ...exportSheet, values }, format)!;
    expect(p.values.find((v) => v.source === 'Geplaats')).toMatchObject({ target: 'Geplaatst', basis: 'gelijkenis', firstCell: 'I4' });
    expect(p.values.find((v) => v.source === 'Wachtlijst')).toMatchObject({ target: null, basis: 'open', count: 1 });
    expect(p.values.find((v) => v.source === 'Wachtlijst')!.reason).toContain('Wachtlijst');
    expect(p.values.find((v) => v.source === '31-02-2009')).toMatchObject({ field: 'aanmelding', target: null, basis: 'open' });
    expect(p.mapping.values.status?.Wachtlijst).toBeNull();
  });

  test('header similarity: a header starting with a standard one is close, an unrelated one is not', () => {
    expect(headerSimilarity(headerKey('Datum plaatsing werk'), headerKey('Datum plaatsing'))).toBeGreaterThanOrEqual(HEADER_THRESHOLD);
    expect(headerSimilarity(headerKey('Geboortedatum'), headerKey('Datum intake'))).toBeLessThan(HEADER_THRESHOLD);
    expect(headerSimilarity(headerKey('Reden uitstroom'), headerKey('Uitstroom'))).toBeLessThan(HEADER_THRESHOLD);
    const sheet: SheetData = { name: 'X', values: [['Geboortedatum', 'Reden uitstroom', 'Klantnr', 'Status']] };
    const p = proposeMapping(sheet, format)!;
    expect(p.columns.map((c) => c.target)).toEqual([null, null, 'clientnummer', 'status']);
    expect(p.missing.map((c) => c.field)).toEqual(['gemeente', 'doelgroep', 'dienst', 'aanmelding']);
  });
});

describe('the mapping as JSON', () => {
  const proposal = proposeMapping(exportSheet, format)!;

  test('round-trips with Dutch keys and standard headers as targets', () => {
    const json = mappingJson(proposal.mapping, format);
    expect(json.kolommen[0]).toEqual({ bron: vendorHeader(format.columns[0]), doel: format.columns[0].header });
    expect(json.bron).toEqual({ blad: EXPORT_SHEET, kopregel: 3 });
    expect(json.waarden?.Status?.['In traject']).toBe('Lopend');
    expect(parseMapping(JSON.parse(JSON.stringify(json)), format)).toEqual(proposal.mapping);
  });

  test('every problem of a mapping is a Dutch line', () => {
    const bad = {
      kolommen: [
        { bron: 'Klantnr', doel: 'Klantnummer' },
        { bron: 'Nummer', doel: 'Cliëntnummer' },
        { bron: 'X', doel: 'Bestaat niet' },
      ],
      waarden: { Status: { Wachtlijst: 'Wacht' } },
      vast: { Gemeente: 'Alkmaar', Doelgroep: 'Onzin' },
    };
    try {
      parseMapping(bad, format);
      throw new Error('geen fout');
    } catch (error) {
      expect(error).toBeInstanceOf(MappingError);
      expect((error as MappingError).problems).toEqual([
        "Koppeling: 'Nummer' en 'Klantnr' gaan allebei naar Cliëntnummer.",
        "Koppeling: kolom 3 ('X'): 'Bestaat niet' is geen kolom van de uniforme rapportage.",
        "Koppeling: Status: 'Wachtlijst' wordt 'Wacht', maar 'Wacht' is geen geldige waarde voor Status.",
        "Koppeling: vaste waarde 'Onzin' is geen geldige waarde voor Doelgroep.",
      ]);
    }
    expect(() => parseMappingJson('{ niet', format)).toThrow('Koppeling ongeldig: het bestand is geen geldige JSON.');
    expect(() => parseMapping({ kolommen: 'x' }, format)).toThrow("Koppeling ongeldig: 'kolommen' heeft het verkeerde type.");
  });
});

describe('applying a mapping', () => {
  test('the vendor rows become exactly the generator rows: codes, Ja/Nee, text dates, decimal commas, positions', () => {
    const mapped = applyMapping(exportSheet, proposeMapping(exportSheet, format)!.mapping, format);
    expect(mapped.unresolved).toEqual([]);
    expect(mapped.rows).toEqual(expectedRows(period1));
    expect(mapped.ignoredColumns).toEqual([...EXTRA_HEADERS]);
    expect(mapped.newColumns).toEqual([]);
  });

  test('a row with an unresolved value is left out whole and listed with its cell; a BSN is refused and never copied into the mapping', () => {
    const values = exportSheet.values.map((r) => r?.slice());
    values[3]![col('status')] = 'Wachtlijst';
    values[3]![col('uren')] = 'veel';
    values[6]![col('clientnummer')] = '111222333';
    const mapping = proposeMapping(exportSheet, format)!.mapping;
    const mapped = applyMapping({ ...exportSheet, values }, mapping, format);
    expect(mapped.skippedRows).toEqual([3, 6]);
    expect(mapped.rows).toHaveLength(238);
    expect(mapped.sourceRows).not.toContain(3);
    expect(mapped.unresolved.map((u) => [u.cell, u.target, u.value, u.kind])).toEqual([
      ['I4', 'Status', 'Wachtlijst', 'open'],
      ['O4', 'Uren per week', 'veel', 'onleesbaar'],
      ['A7', 'Cliëntnummer', '111222333', 'bsn'],
    ]);
    expect(mapped.unresolved[2].reason).toContain('burgerservicenummer');
    const open = withOpenValues(mapping, mapped.unresolved);
    expect(open.values.status?.Wachtlijst).toBeNull();
    expect(JSON.stringify(mappingJson(open, format))).not.toContain('111222333');
    expect(unresolvedByValue(mapped.unresolved).map((g) => [g.target, g.value, g.cells])).toEqual([
      ['Status', 'Wachtlijst', ['I4']],
      ['Uren per week', 'veel', ['O4']],
      ['Cliëntnummer', '111222333', ['A7']],
    ]);
  });

  test('a translation in the mapping wins, "" leaves the cell empty, and a fixed value fills a column the source lacks', () => {
    const base = proposeMapping(exportSheet, format)!.mapping;
    const mapping: Mapping = {
      ...base,
      columns: base.columns.map((c) => (c.target === 'gemeente' ? { ...c, target: null } : c)),
      values: { ...base.values, toelichting: { 'Sollicitatietraining gevolgd.': '' } },
      constants: { gemeente: 'Alkmaar' },
    };
    const mapped = applyMapping(exportSheet, mapping, format);
    expect(mapped.rows.every((r) => r[col('gemeente')] === 'Alkmaar')).toBe(true);
    expect(mapped.rows.some((r) => r[col('toelichting')] === 'Sollicitatietraining gevolgd.')).toBe(false);
    expect(mapped.ignoredColumns).toContain(vendorHeader(format.columnByField.get('gemeente')!));
  });

  test('a source column of the mapping that is gone is an error, not silently empty; a new source column is reported', () => {
    const mapping = proposeMapping(exportSheet, format)!.mapping;
    const renamed = exportSheet.values.map((r, i) => (i === 2 ? r!.map((h) => (h === 'Klantnr' ? 'Klantnummer intern' : h === 'Klantmanager' ? 'Consulent' : h)) : r));
    expect(() => applyMapping({ ...exportSheet, values: renamed }, mapping, format)).toThrow(
      "Kolom 'Klantnr' uit de koppeling (naar Cliëntnummer) staat niet in de bron.",
    );
    const added = exportSheet.values.map((r, i) => (i === 2 ? [...r!, 'Nieuwe kolom'] : r));
    expect(applyMapping({ ...exportSheet, values: added }, mapping, format).newColumns).toEqual(['Nieuwe kolom']);
  });
});

describe('a table of client rows, to be chosen without asking', () => {
  test('a vendor export is one; a notes sheet whose one header resembles a report column is not', () => {
    expect(looksLikeClientTable(proposeMapping(exportSheet, format)!, format)).toBe(true);
    const notes = proposeMapping({ name: 'Toelichting', values: [['Toelichting bij de rapportage'], ['In de verslagperiode is niets bijzonders gebeurd.']] }, format);
    expect(notes?.columns.filter((c) => c.target !== null).map((c) => c.target)).toEqual(['toelichting']);
    expect(looksLikeClientTable(notes!, format)).toBe(false);
  });
});

describe('through the port', () => {
  test('the vendor sheet is the first candidate; the mapped report checks clean and its figures are the generator’s', async () => {
    const wb = MemoryWorkbook.fromSheets([{ name: 'Notities', values: [['Aantekeningen van de week']] }, exportSheet]);
    const candidates = await sourceCandidates(wb, format);
    expect(candidates[0].sheet).toBe(EXPORT_SHEET);
    const progress: number[] = [];
    const result = await applyMappingThroughPort(wb, { set, mapping: candidates[0].proposal.mapping, onProgress: (done) => progress.push(done) });
    expect(result.written?.rows).toBe(240);
    expect(progress[progress.length - 1]).toBe(240);
    const check = await checkThroughPort(wb, { set, sheets: ['Cliënten'] });
    expect(check.findings).toEqual([]);
    for (const [id, value] of Object.entries(period1.submission.expected)) {
      const recomputed = check.check.indicators.get(id);
      if (value === null) expect(recomputed).toBeNull();
      else expect(recomputed).toBeCloseTo(value, 9);
    }
    // The source sheet stays as it was.
    expect(wb.sheetData(EXPORT_SHEET).values).toEqual(exportSheet.values);
  });

  test('period two reuses the mapping saved in the workbook without questions', async () => {
    const wb = MemoryWorkbook.fromSheets([exportSheet]);
    const proposal = (await proposeForSheet(wb, EXPORT_SHEET, format))!;
    await applyMappingThroughPort(wb, { set, mapping: proposal.mapping });
    const saved = await storedMapping(wb, format);
    expect(saved).toEqual({ ...proposal.mapping });

    const period2 = vendorExport({ rows: 150, seed: 77, firstClient: 241 });
    const next = MemoryWorkbook.fromSheets(period2.workbook.sheets, { stored: await wb.readStored() });
    const result = await applyMappingThroughPort(next, { set, mapping: (await storedMapping(next, format))! });
    expect(result.mapped.unresolved).toEqual([]);
    expect(result.mapped.rows).toEqual(expectedRows(period2, 241));
    const check = checkWorkbook(await next.read({ sheets: ['Cliënten', 'Management'] }), defs);
    expect(check.findings).toEqual([]);
  });

  test('a new label in period two is reported with its cells, not guessed, and nothing is written until it is resolved', async () => {
    const mapping = proposeMapping(exportSheet, format)!.mapping;
    const period2 = vendorExport({ rows: 150, seed: 77, firstClient: 241, unknownStatus: 'Wachtlijst' });
    const typo = period2.workbook.sheets[0].values.map((r) => r?.slice());
    const placedLabel = format.codeLists.get('status')!.byId.get('geplaatst')!.variants[0];
    const placedRow = typo.findIndex((r, i) => i > 2 && r?.[col('status')] === placedLabel);
    typo[placedRow]![col('status')] = 'Geplaats';
    const wb = MemoryWorkbook.fromSheets([{ ...period2.workbook.sheets[0], values: typo }]);
    const result = await applyMappingThroughPort(wb, { set, mapping });
    expect(result.written).toBeNull();
    expect(wb.sheetNames()).toEqual([EXPORT_SHEET]);
    const groups = unresolvedByValue(result.mapped.unresolved);
    expect(groups.map((g) => [g.value, g.kind])).toEqual([
      ['Wachtlijst', 'open'],
      ['Geplaats', 'open'],
    ]);
    expect(groups[0].cells.length).toBe(period2.unknownRows.length);
    // The user resolves it; the typo is not guessed either: it needs its own translation.
    const resolved: Mapping = { ...mapping, values: { ...mapping.values, status: { ...mapping.values.status, Wachtlijst: 'Aangemeld', Geplaats: 'Geplaatst' } } };
    const again = await applyMappingThroughPort(wb, { set, mapping: resolved });
    expect(again.written?.rows).toBe(150);
    expect((await checkThroughPort(wb, { set, sheets: ['Cliënten'] })).findings).toEqual([]);
  });

  test('with partial, the complete rows are written and the others reported; cancelling writes nothing', async () => {
    const mapping = proposeMapping(exportSheet, format)!.mapping;
    const period2 = vendorExport({ rows: 150, seed: 77, unknownStatus: 'Wachtlijst' });
    const wb = MemoryWorkbook.fromSheets(period2.workbook.sheets);
    const result = await applyMappingThroughPort(wb, { set, mapping, partial: true });
    expect(result.written?.rows).toBe(150 - period2.unknownRows.length);
    expect(result.mapped.skippedRows).toEqual(period2.unknownRows);

    const big = vendorExport({ rows: 4500, seed: 3 });
    const other = MemoryWorkbook.fromSheets(big.workbook.sheets);
    const controller = new AbortController();
    await expect(
      applyMappingThroughPort(other, { set, mapping, signal: controller.signal, onProgress: () => controller.abort() }),
    ).rejects.toThrow(CancelledError);
    expect(other.sheetNames()).toEqual([EXPORT_SHEET]);
  });
});
