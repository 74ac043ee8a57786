/**
 * `reintegratie vergelijk`: the bundled submissions of two vendors side by
 * side, through the built command line.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { SECOND_VENDOR } from '../../scripts/exampleVendors';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { runCli, tempDir } from '../support/runCli';

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const FIRST = join(EXAMPLES, 'inzending-noord-kennemerland.xlsx');
const SECOND = join(EXAMPLES, SECOND_VENDOR.file);
const PROFILE = join(EXAMPLES, 'profiel-noord-kennemerland.json');
const CONTRACT = join(EXAMPLES, 'contract-noord-kennemerland.xlsx');

const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface Group {
  naam: string;
  inzendingen: number;
  rijen: number;
  indicatoren: Record<string, number | null>;
}

describe('reintegratie vergelijk', () => {
  it('puts both vendors side by side with figures per vendor, municipality, service and target group (JSON)', () => {
    const result = runCli(['vergelijk', FIRST, SECOND, '--profiel', PROFILE, '--json']);
    expect(result.stderr).toBe('');
    // The first vendor's submission holds deliberate mistakes of severity fout: exit status 1, as controleer.
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.profiel).toBe('Noord-Kennemerland 2009');
    expect(json.inzendingen.map((s: { opdrachtnemer: string }) => s.opdrachtnemer)).toEqual(['Werkpad Re-integratie B.V.', SECOND_VENDOR.vendor]);
    expect(json.inzendingen.map((s: { rijen: number }) => s.rijen)).toEqual([320, 180]);
    expect(json.inzendingen[0].periodeVan).toBe('2008-01-01');
    expect(json.inzendingen[0].managementAfwijkingen).toBe(1); // the one wrong figure put in on purpose
    expect(Object.keys(json.groeperingen)).toEqual(['opdrachtnemer', 'gemeente', 'dienst', 'doelgroep', 'periode', 'gemeenteOpdrachtnemer']);
    // Alkmaar: the two vendors side by side, in that municipality's order.
    const alkmaar = (json.groeperingen.gemeenteOpdrachtnemer as Group[]).filter((g) => g.naam.startsWith('Alkmaar — '));
    expect(alkmaar.map((g) => g.naam)).toEqual(['Alkmaar — Arbeidspoort B.V.', 'Alkmaar — Werkpad Re-integratie B.V.']);
    const inAlkmaar = (json.groeperingen.gemeente as Group[]).find((g) => g.naam === 'Alkmaar') as Group;
    expect(alkmaar[0].rijen + alkmaar[1].rijen).toBe(inAlkmaar.rijen);
    // Both cover the same half year: one period group.
    expect(json.groeperingen.periode.map((g: Group) => [g.naam, g.inzendingen, g.rijen])).toEqual([['01-01-2008 t/m 30-06-2009', 2, 500]]);
    const byVendor: Group[] = json.groeperingen.opdrachtnemer;
    expect(byVendor.map((g) => g.rijen)).toEqual([180, 320]);
    // Only the municipalities of the second vendor have two submissions.
    const twice = (json.groeperingen.gemeente as Group[]).filter((g) => g.inzendingen === 2).map((g) => g.naam);
    expect(twice).toEqual(SECOND_VENDOR.municipalities);
    expect(json.totaal.rijen).toBe(500);
    // The total counts add up; its rate comes from the counts.
    const total = json.totaal.indicatoren;
    expect(total.plaatsingen).toBe(byVendor[0].indicatoren.plaatsingen! + byVendor[1].indicatoren.plaatsingen!);
    const closed = total.plaatsingen + total.uitgevallen + total.afgerondZonderPlaatsing;
    expect(total.plaatsingspercentage).toBeCloseTo((total.plaatsingen / closed) * 100, 1);
    expect(json.opmerkingen).toEqual([]);
  });

  it('recomputes every submission by the same definitions: the profile given, else the standard set', () => {
    const withProfile = JSON.parse(runCli(['vergelijk', FIRST, SECOND, '--profiel', PROFILE, '--json']).stdout);
    const standard = JSON.parse(runCli(['vergelijk', FIRST, SECOND, '--json']).stdout);
    expect(standard.profiel).toBeNull();
    // The profile asks 12 months for a durable placement, the standard set 6: fewer durable placements with it.
    expect(withProfile.totaal.indicatoren.duurzamePlaatsingen).toBeLessThan(standard.totaal.indicatoren.duurzamePlaatsingen);
    expect(withProfile.totaal.indicatoren.plaatsingen).toBe(standard.totaal.indicatoren.plaatsingen);
  });

  it('does not let a profile stored in one workbook change its figures', async () => {
    const dir = tempDir();
    const stored = join(dir, 'met-profiel.xlsx');
    const workbook = MemoryWorkbook.fromXlsx(readFileSync(FIRST), xlsxCodec);
    await workbook.writeStored({ profile: JSON.parse(readFileSync(PROFILE, 'utf8')), accepted: [], mapping: null });
    writeFileSync(stored, workbook.toXlsx());
    // controleer uses the stored profile ...
    expect(JSON.parse(runCli(['controleer', stored, '--json']).stdout).profielbron).toBe('werkmap');
    // ... vergelijk the standard set, as for every other submission.
    const plain = JSON.parse(runCli(['vergelijk', FIRST, '--json']).stdout);
    const withStored = JSON.parse(runCli(['vergelijk', stored, '--json']).stdout);
    expect(withStored.profiel).toBeNull();
    expect(withStored.totaal.indicatoren).toEqual(plain.totaal.indicatoren);
  });

  it('prints readable tables, and writes the comparison as a new workbook without touching the inputs', async () => {
    const dir = tempDir();
    const out = join(dir, 'benchmark.xlsx');
    const before = [hash(FIRST), hash(SECOND)];
    const result = runCli(['vergelijk', FIRST, SECOND, '--uit', out]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Per gemeente');
    expect(result.stdout).toMatch(/Arbeidspoort B\.V\.\s+1\s+180/);
    expect(result.stdout).toContain(`Vergelijking geschreven: ${out}`);
    expect([hash(FIRST), hash(SECOND)]).toEqual(before);

    const book = readXlsx(readFileSync(out));
    expect(book.sheets.map((s) => s.name)).toEqual(['Vergelijking', 'Inzendingen', 'Per opdrachtnemer', 'Per gemeente', 'Per dienst', 'Per doelgroep', 'Per periode', 'Per gemeente en opdrachtnemer']);
    const vendors = book.sheets[2].values;
    expect(vendors[0]?.slice(0, 3)).toEqual(['Opdrachtnemer', 'Inzendingen', 'Rijen']);
    expect(vendors.slice(1).map((row) => row?.[0])).toEqual([SECOND_VENDOR.vendor, 'Werkpad Re-integratie B.V.', 'Totaal']);
    expect(vendors[3]?.[2]).toBe(500);
    // Two charts under each grouping's table: the percentages, and the errors per 100 rows.
    const parts = Object.keys(unzipSync(new Uint8Array(readFileSync(out))));
    expect(parts.filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(12);
    expect(parts.filter((n) => /^xl\/drawings\/drawing\d+\.xml$/.test(n))).toHaveLength(6);
    // The workbook opens again as a workbook of ours (the package is sound).
    expect((await MemoryWorkbook.fromXlsx(readFileSync(out), xlsxCodec).describe()).sheets).toHaveLength(8);

    // A second run does not replace it without --overschrijf, and never writes over an input.
    const again = runCli(['vergelijk', FIRST, SECOND, '--uit', out]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('bestaat al');
    const copy = join(dir, 'eerste.xlsx');
    copyFileSync(FIRST, copy);
    const onInput = runCli(['vergelijk', copy, SECOND, '--uit', copy, '--overschrijf']);
    expect(onInput.status).toBe(2);
    expect(onInput.stderr).toContain('is ook de invoer');
    expect(hash(copy)).toBe(hash(FIRST));
  });

  it('says when two submissions are about the same clients', () => {
    const json = JSON.parse(runCli(['vergelijk', FIRST, SECOND, FIRST, '--json']).stdout);
    expect(json.gedeeldeClienten).toHaveLength(1);
    expect(json.gedeeldeClienten[0].bestanden).toEqual([FIRST, FIRST]);
    // Every client of the first example once (one row repeats a client on purpose: DUBBEL_CLIENT).
    expect(json.gedeeldeClienten[0].clienten).toBeGreaterThan(300);
    expect(json.opmerkingen).toEqual([expect.stringContaining('het lijkt twee keer dezelfde inzending')]);
    expect(JSON.parse(runCli(['vergelijk', FIRST, SECOND, '--json']).stdout).gedeeldeClienten).toEqual([]);
  });

  it('names a file that is no submission and compares the others', () => {
    const result = runCli(['vergelijk', FIRST, CONTRACT, SECOND, '--json']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`${CONTRACT}: is geen rapportage (geen blad Cliënten)`);
    expect(JSON.parse(result.stdout).inzendingen).toHaveLength(2);

    const nothing = runCli(['vergelijk', CONTRACT, join(EXAMPLES, 'bestaat-niet.xlsx')]);
    expect(nothing.status).toBe(2);
    expect(nothing.stdout).toBe('');
    expect(nothing.stderr).toContain('bestand niet gevonden');
    expect(nothing.stderr).toContain('Geen inzending om te vergelijken.');
  });
});
