/**
 * The three template commands as users run them (the built CLI in a
 * separate process): sjabloon rapportage, omzetten (period one proposes,
 * period two reuses the mapping, a new label is reported), contract
 * (invalid data, the standard contract, and never over an input). Every
 * report they write is checked with `controleer`.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { standardReportFormat } from '../../src/definitions/reportFormat';
import { runCli, tempDir } from '../support/runCli';
import { writeWorkbookXlsx } from '../../scripts/submissionGenerator';
import { vendorExport } from '../../scripts/vendorExport';
import type { RawValue } from '../../src/engine/grid';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';

const examples = join(__dirname, '..', '..', 'examples');
const profile = join(examples, 'profiel-noord-kennemerland.json');
const contractData = join(examples, 'contract-gegevens-noord-kennemerland.json');

interface CheckedFile {
  readonly bevindingen: { code: string; blad: string; cel: string; ernst: string }[];
  readonly samenvatting: { rijen: number; fout: number; waarschuwing: number; info: number };
}

function controleer(file: string, ...extra: string[]): { status: number | null; json: CheckedFile } {
  const result = runCli(['controleer', file, '--json', ...extra]);
  return { status: result.status, json: JSON.parse(result.stdout) as CheckedFile };
}

describe('reintegratie sjabloon rapportage', () => {
  test('writes a template that checks clean, with the table, drop-downs and the profile', async () => {
    const dir = tempDir();
    const out = join(dir, 'rapportage.xlsx');
    const result = runCli(['sjabloon', 'rapportage', '--uit', out, '--profiel', profile, '--gemeente', 'Alkmaar', '--van', '1-1-2026', '--tot', '31-3-2026']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Sjabloon uniforme rapportage geschreven: ${out}`);
    expect(result.stdout).toContain('profiel Noord-Kennemerland 2009');
    const checked = controleer(out);
    expect(checked.status).toBe(0);
    expect(checked.json.bevindingen).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet('Codelijsten')?.state).toBe('hidden');
    const clients = wb.getWorksheet('Cliënten')!;
    const groups = standardReportFormat().codeLists.get('doelgroep')!.entries.length;
    expect(clients.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: [`Codelijsten!$A$2:$A$${groups + 1}`] });
    expect(clients.getCell('O2').dataValidation).toMatchObject({ type: 'custom', formulae: ['AND(ISNUMBER(O2),O2>0,O2<=60)'] });
    expect(clients.getCell('F3').dataValidation).toMatchObject({ type: 'date', allowBlank: true, showInputMessage: true, promptTitle: 'Datum aanmelding' });
    expect(wb.getWorksheet('Management')!.getCell('B1').value).toBe('Alkmaar');
  });

  test('unusable calls are one Dutch line and exit 2; an existing file is never replaced without --overschrijf', () => {
    const dir = tempDir();
    const out = join(dir, 'bestaat.xlsx');
    writeFileSync(out, 'niet aanraken');
    expect(runCli(['sjabloon', 'rapportage'])).toMatchObject({ status: 2, stderr: 'Geef met --uit aan waar het sjabloon komt (een .xlsx-bestand).\n' });
    expect(runCli(['sjabloon', 'contract', '--uit', join(dir, 'x.xlsx')])).toMatchObject({ status: 2, stderr: "Onbekend sjabloon 'contract'; kies rapportage.\n" });
    expect(runCli(['sjabloon', 'rapportage', '--uit', out])).toMatchObject({ status: 2, stderr: `${out}: bestaat al; kies een andere naam of geef --overschrijf.\n` });
    expect(readFileSync(out, 'utf8')).toBe('niet aanraken');
    expect(runCli(['sjabloon', 'rapportage', '--uit', join(dir, 'y.xlsx'), '--van', '31-02-2026'])).toMatchObject({ status: 2, stderr: "--van: '31-02-2026' is geen datum (schrijf dd-mm-jjjj of jjjj-mm-dd).\n" });
    expect(runCli(['sjabloon', 'rapportage', '--uit', out, '--overschrijf']).status).toBe(0);
  });
});

describe('reintegratie omzetten', () => {
  test('period one: proposes the mapping, writes it next to the report, and the report checks clean', async () => {
    const dir = tempDir();
    const source = join(examples, 'export-werkpad-kwartaal-1.xlsx');
    const before = readFileSync(source);
    const out = join(dir, 'kwartaal-1.xlsx');
    const result = runCli(['omzetten', source, '--uit', out, '--opdrachtnemer', 'Werkpad Re-integratie B.V.']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Klantnr → Cliëntnummer (bekende variant)');
    expect(result.stdout).toContain('Datum plaatsing werk → Datum plaatsing (lijkt erop, controleer)');
    expect(result.stdout).toContain('Klantmanager → — (niet overgenomen)');
    expect(result.stdout).toContain('Status: In traject → Lopend (bekende variant;');
    expect(result.stdout).toContain(`Rapportage geschreven: ${out} (240 van 240 rijen)`);
    expect(result.stdout).toContain('Controle: 0 fouten, 0 waarschuwingen, 0 info');
    const mappingFile = join(dir, 'kwartaal-1-koppeling.json');
    expect(JSON.parse(readFileSync(mappingFile, 'utf8')).waarden.Status['In traject']).toBe('Lopend');
    const checked = controleer(out);
    expect(checked.status).toBe(0);
    expect(checked.json.bevindingen).toEqual([]);
    expect(checked.json.samenvatting.rijen).toBe(240);
    expect(readFileSync(source)).toEqual(before);
  });

  test('a CSV export (";", quotes, CRLF, Windows-1252) gives the report the workbook gives, and its mapping serves the next CSV', () => {
    const dir = tempDir();
    // The example exports as a case-management system writes them to CSV: dates as text, decimal commas,
    // text with a separator or quote in quotes, CRLF, and the old Windows encoding.
    const toCsv = (xlsx: string, csv: string) => {
      const sheet = readXlsx(readFileSync(xlsx)).sheets[0];
      const field = (v: RawValue, format: string | undefined): string => {
        if (v === null) return '';
        if (typeof v === 'number' && format !== undefined && /[dmy]/.test(format)) {
          const d = new Date(Date.UTC(1899, 11, 30) + v * 86400000);
          return `${d.getUTCDate()}-${d.getUTCMonth() + 1}-${d.getUTCFullYear()}`;
        }
        const text = typeof v === 'number' ? String(v).replace('.', ',') : String(v);
        return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
      };
      const lines = sheet.values.map((row, r) => (row ?? []).map((v, c) => field(v, sheet.formats?.[r]?.[c])).join(';'));
      writeFileSync(csv, Buffer.from(lines.join('\r\n') + '\r\n', 'latin1'));
    };
    const csv1 = join(dir, 'export-q1.csv');
    toCsv(join(examples, 'export-werkpad-kwartaal-1.xlsx'), csv1);
    const fromCsv = join(dir, 'q1-csv.xlsx');
    const fromXlsx = join(dir, 'q1-xlsx.xlsx');
    const r = runCli(['omzetten', csv1, '--uit', fromCsv, '--opdrachtnemer', 'Werkpad Re-integratie B.V.']);
    expect(r.stderr).toBe(`${csv1}: geen UTF-8; gelezen als Windows-1252 (ANSI). Sla het bestand als UTF-8 op als tekens verkeerd overkomen.\n`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Bron: ${csv1}, blad CSV, kopregel 3, 240 rijen`);
    expect(r.stdout).toContain('Controle: 0 fouten, 0 waarschuwingen, 0 info');
    expect(runCli(['omzetten', join(examples, 'export-werkpad-kwartaal-1.xlsx'), '--uit', fromXlsx, '--opdrachtnemer', 'Werkpad Re-integratie B.V.']).status).toBe(0);
    const clients = (file: string) => readXlsx(readFileSync(file)).sheets.find((s) => s.name === 'Cliënten')!.values;
    expect(clients(fromCsv)).toEqual(clients(fromXlsx));
    // Period two, from CSV too, with the mapping the first CSV gave.
    const csv2 = join(dir, 'export-q2.csv');
    toCsv(join(examples, 'export-werkpad-kwartaal-2.xlsx'), csv2);
    const q2 = runCli(['omzetten', csv2, '--koppeling', join(dir, 'q1-csv-koppeling.json'), '--uit', join(dir, 'q2.xlsx'), '--json']);
    expect(q2.status).toBe(0);
    expect(JSON.parse(q2.stdout)).toMatchObject({ blad: 'CSV', rijen: { bron: 150, geschreven: 150, overgeslagen: 0 }, open: [], controle: { fout: 0 } });
  });

  test('a file of another kind says what to do with it: an old .xls, a CSV given to controleer, a PDF', () => {
    const dir = tempDir();
    const xls = join(dir, 'oud.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    const old = `${xls}: een Excel 97-2003-bestand (.xls) wordt niet gelezen; open het in Excel en sla het op als Excel-werkmap (.xlsx).\n`;
    for (const args of [['omzetten', xls, '--uit', join(dir, 'r.xlsx')], ['controleer', xls], ['termen', xls]]) {
      expect(runCli(args)).toMatchObject({ status: 2, stdout: '', stderr: old });
    }
    const csv = join(dir, 'export.csv');
    writeFileSync(csv, 'Klantnr;Status\nK1;Lopend\n');
    expect(runCli(['controleer', csv]).stderr).toBe(
      `${csv}: is een CSV-bestand; controleer leest Excel-werkmappen (.xlsx). Een eigen export zet u om met 'reintegratie omzetten ${csv} --uit <rapportage.xlsx>'.\n`,
    );
    const pdf = join(dir, 'a.pdf');
    writeFileSync(pdf, '%PDF');
    expect(runCli(['omzetten', pdf, '--uit', join(dir, 'r.xlsx')])).toMatchObject({ status: 2, stderr: `${pdf}: is geen Excel-werkmap (.xlsx) of CSV-bestand (.csv).\n` });
    expect(existsSync(join(dir, 'r.xlsx'))).toBe(false);
  });

  test('period two: the saved mapping (JSON, or the previous report) runs without questions', () => {
    const dir = tempDir();
    const first = join(dir, 'kwartaal-1.xlsx');
    expect(runCli(['omzetten', join(examples, 'export-werkpad-kwartaal-1.xlsx'), '--uit', first]).status).toBe(0);
    for (const [i, mapping] of [join(dir, 'kwartaal-1-koppeling.json'), first].entries()) {
      const out = join(dir, `kwartaal-2-${i}.xlsx`);
      const result = runCli(['omzetten', join(examples, 'export-werkpad-kwartaal-2.xlsx'), '--koppeling', mapping, '--uit', out, '--json']);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json).toMatchObject({ koppeling: null, rijen: { bron: 150, geschreven: 150, overgeslagen: 0 }, open: [], controle: { fout: 0, waarschuwing: 0, info: 0 } });
      expect(existsSync(join(dir, `kwartaal-2-${i}-koppeling.json`))).toBe(false);
      expect(controleer(out).json.bevindingen).toEqual([]);
    }
  });

  test('a new label in period two is reported with its cells, not guessed; the mapping to complete is written; exit 1', async () => {
    const dir = tempDir();
    const period2 = vendorExport({ rows: 150, seed: 77, firstClient: 241, unknownStatus: 'Wachtlijst' });
    const source = join(dir, 'export-2.xlsx');
    await writeWorkbookXlsx(period2.workbook, source);
    const mapping = join(dir, 'koppeling.json');
    copyFileSync(join(examples, 'koppeling-werkpad.json'), mapping);
    const out = join(dir, 'kwartaal-2.xlsx');
    const result = runCli(['omzetten', source, '--koppeling', mapping, '--uit', out]);
    expect(result.status).toBe(1);
    const n = period2.unknownRows.length;
    expect(n).toBeGreaterThan(0);
    expect(result.stdout).toContain(`Niet overgenomen: ${n} ${n === 1 ? 'rij' : 'rijen'} met een waarde die niet te vertalen is:`);
    expect(result.stdout).toContain(`Rapportage geschreven: ${out} (${150 - n} van 150 rijen)`);
    expect(result.stdout).toMatch(/Status 'Wachtlijst' in I\d+/);
    const open = join(dir, 'kwartaal-2-koppeling.json');
    expect(JSON.parse(readFileSync(open, 'utf8')).waarden.Status.Wachtlijst).toBeNull();
    expect(JSON.parse(readFileSync(mapping, 'utf8')).waarden.Status.Wachtlijst).toBeUndefined();
    // The vendor chooses the code; then it runs clean.
    const completed = JSON.parse(readFileSync(open, 'utf8'));
    completed.waarden.Status.Wachtlijst = 'Aangemeld';
    writeFileSync(open, JSON.stringify(completed));
    const again = runCli(['omzetten', source, '--koppeling', open, '--uit', join(dir, 'kwartaal-2b.xlsx')]);
    expect(again.status).toBe(0);
    expect(controleer(join(dir, 'kwartaal-2b.xlsx')).json.samenvatting).toEqual({ rijen: 150, fout: 0, waarschuwing: 0, info: 0 });
  });

  test('an invalid mapping is one Dutch line per problem, exit 2', () => {
    const dir = tempDir();
    const mapping = join(dir, 'k.json');
    writeFileSync(mapping, JSON.stringify({ kolommen: [{ bron: 'Klantnr', doel: 'Onbekend' }] }));
    const result = runCli(['omzetten', join(examples, 'export-werkpad-kwartaal-2.xlsx'), '--koppeling', mapping, '--uit', join(dir, 'r.xlsx')]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${mapping}: Koppeling: kolom 1 ('Klantnr'): 'Onbekend' is geen kolom van de uniforme rapportage.\n`);
  });

  test('a workbook that is already the report, or has no table like it: exit 2 with one Dutch line saying what to do, nothing written', () => {
    const dir = tempDir();
    const report = join(examples, 'inzending-noord-kennemerland.xlsx');
    const out = join(dir, 'r.xlsx');
    const already = runCli(['omzetten', report, '--uit', out]);
    expect(already.status).toBe(2);
    expect(already.stderr).toBe(
      `${report}: de werkmap heeft al het blad 'Cliënten' van de uniforme rapportage en geen ander blad dat erop lijkt; controleer hem met 'reintegratie controleer', of kies toch een blad om om te zetten met --blad ('Cliënten', 'Management', 'Toelichting').\n`,
    );
    const contract = join(examples, 'contract-noord-kennemerland.xlsx');
    const none = runCli(['omzetten', contract, '--uit', out]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/geen blad met kolommen die op de uniforme rapportage lijken; kies er een met --blad/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('reintegratie contract', () => {
  test('invalid data: one Dutch line per field on stderr, exit 2, nothing written', () => {
    const dir = tempDir();
    const data = JSON.parse(readFileSync(contractData, 'utf8'));
    const bad = join(dir, 'contract.json');
    writeFileSync(bad, JSON.stringify({ ...data, opdrachtnemer: { naam: '' }, budget: { bedrag: 'veel' }, financieringsvorm: undefined }));
    const out = join(dir, 'contract.xlsx');
    const result = runCli(['contract', '--gegevens', bad, '--uit', out]);
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual([
      `${bad}: opdrachtnemer.naam: is leeg.`,
      `${bad}: budget.bedrag: verwacht een getal.`,
      `${bad}: financieringsvorm: ontbreekt.`,
    ]);
    expect(existsSync(out)).toBe(false);
  });

  test('the standard contract with the profile checks without term findings from its text and without contradictions', () => {
    const dir = tempDir();
    const out = join(dir, 'contract.xlsx');
    const result = runCli(['contract', '--gegevens', contractData, '--profiel', profile, '--uit', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('artikel 1 noemt definitieset');
    const checked = controleer(out, '--profiel', profile);
    expect(checked.status).toBe(0);
    expect(checked.json.bevindingen.filter((f) => f.blad === 'Overeenkomst')).toEqual([]);
    expect(checked.json.bevindingen.filter((f) => f.code === 'DEFINITIE_STRIJDIG')).toEqual([]);
  });

  test('the own workbook is never the output', () => {
    const dir = tempDir();
    const own = join(dir, 'eigen.xlsx');
    copyFileSync(join(examples, 'contract-noord-kennemerland.xlsx'), own);
    const result = runCli(['contract', '--gegevens', contractData, '--sjabloon', own, '--uit', own]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`${own}: is ook de invoer; kies een andere naam voor --uit (de invoer wordt nooit overschreven).\n`);
  });
});
