/**
 * `reintegratie controleer` as a user relies on it (issue: reliability):
 * the profile and accepted findings stored in a workbook, our own sheets
 * skipped on a re-check, copies written safely (never over an input,
 * never through a link, a Dutch line for every write error while the
 * batch goes on), a budget for every file, pathological inputs that end
 * quickly, and messages a user can act on.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateSubmission, toWorkbookData, writeWorkbookXlsx } from '../../scripts/submissionGenerator';
import { standardDefinitionSet } from '../../src/definitions/definitionSet';
import { parseProfile } from '../../src/definitions/profile';
import type { RawValue, WorkbookData } from '../../src/engine/grid';
import { checkThroughPort } from '../../src/workbook/flows/checkFlow';
import { acceptFinding, storeProfile } from '../../src/workbook/flows/storedState';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { makeXlsx } from '../workbook/xlsxFixture';
import { runCli, tempDir } from '../support/runCli';

const dir = tempDir();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const set = standardDefinitionSet();

/** A generated submission (rows × 20 columns plus Management), changed by `mutate`, written with ExcelJS (formulas and all). */
async function submission(name: string, rows: number, mutate?: (workbook: { clients: unknown[][]; management: unknown[][] }) => void): Promise<string> {
  const data: WorkbookData = toWorkbookData(generateSubmission({ rows, seed: rows + name.length }));
  const clients = data.sheets[0].values.map((r) => (r ?? []).slice()) as unknown[][];
  const management = data.sheets[1].values.map((r) => (r ?? []).slice()) as unknown[][];
  mutate?.({ clients, management });
  const wb = new ExcelJS.Workbook();
  const write = (sheetName: string, values: unknown[][], formats?: readonly (readonly (string | undefined)[] | undefined)[]) => {
    const ws = wb.addWorksheet(sheetName);
    values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const format = formats?.[r]?.[c];
        if (format !== undefined && typeof v === 'number') cell.numFmt = format;
      }),
    );
  };
  write('Cliënten', clients, data.sheets[0].formats);
  write('Management', management, data.sheets[1].formats);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

const brief = (json: { bevindingen: { code: string; blad: string; cel: string }[] }) => json.bevindingen.map((f) => `${f.code}@${f.blad}!${f.cel}`);

describe('the stored profile and accepted findings, and our own sheets', () => {
  test('plain controleer and --uit honour the profile and the accepted findings stored in the workbook; --profiel wins; every output names the profile', async () => {
    const plain = await submission('opgeslagen.xlsx', 40, ({ clients }) => {
      clients[5][19] = 'De klantmanager belt.';
    });
    const wb = MemoryWorkbook.fromXlsx(new Uint8Array(readFileSync(plain)), xlsxCodec);
    const profile = parseProfile(
      { naam: 'Streng 24', gemeente: 'Bergen', afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 24, motivering: 'Twee jaar.' }] },
      set,
    );
    await storeProfile(wb, profile);
    const first = await checkThroughPort(wb, { set });
    const term = first.findings.find((f) => f.code === 'TERM_NIET_CONFORM')!;
    await acceptFinding(wb, term, 'Citaat.');
    const stored = join(dir, 'met-profiel.xlsx');
    writeFileSync(stored, wb.toXlsx());

    const r = runCli(['controleer', stored, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ profiel: 'Streng 24', profielbron: 'werkmap', genegeerd: 1, nietGecontroleerd: [] });
    expect(brief(json)).not.toContain(`TERM_NIET_CONFORM@Cliënten!${term.cell}`);
    expect(brief(json)).toEqual(first.findings.filter((f) => f !== term).map((f) => `${f.code}@${f.sheet}!${f.cell}`));
    expect(json.samenvatting.fout).toBe(first.findings.filter((f) => f.severity === 'fout').length);

    const table = runCli(['controleer', stored]);
    expect(table.stdout).toContain('profiel: Streng 24 (opgeslagen in de werkmap)');
    expect(table.stdout).toContain('1 bevinding is in de werkmap genegeerd en niet meegeteld.');

    const given = join(dir, 'mild.json');
    writeFileSync(given, JSON.stringify({ naam: 'Mild', gemeente: 'Bergen', afwijkingen: [] }));
    const overruled = JSON.parse(runCli(['controleer', stored, '--profiel', given, '--json']).stdout);
    expect(overruled).toMatchObject({ profiel: 'Mild', profielbron: 'opgegeven', genegeerd: 1 });
    expect(overruled.bevindingen.length).toBeLessThan(json.bevindingen.length);

    const out = join(dir, 'uit-profiel');
    const copy = JSON.parse(runCli(['controleer', stored, '--uit', out, '--json']).stdout);
    expect(brief(copy)).toEqual(brief(json));
    const control = xlsxCodec.open(new Uint8Array(readFileSync(copy.kopie))).workbook.sheets.find((s) => s.name === 'Controle')!;
    expect(control.values[1]?.[0]).toMatch(/^Definitieset [\d.]+, profiel: Streng 24\. .* 1 genegeerde bevinding niet meegeteld\.$/);
  });

  test('re-checking a marked copy gives the same findings and exit status, and says it skipped the Controle sheet', async () => {
    // Warnings only: a term in Toelichting.
    const warn = await submission('waarschuwing.xlsx', 30, ({ clients }) => {
      clients[4][19] = 'Gesprek met de klantmanager over een vaste plaatsing.';
    });
    const out = join(dir, 'uit-waarschuwing');
    const first = runCli(['controleer', warn, '--uit', out, '--json']);
    expect(first.status).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(json.samenvatting.fout).toBe(0);
    expect(json.samenvatting.waarschuwing).toBeGreaterThan(0);
    const again = runCli(['controleer', json.kopie, '--json']);
    expect(again.status).toBe(0);
    const second = JSON.parse(again.stdout);
    expect(brief(second)).toEqual(brief(json));
    expect(second.nietGecontroleerd).toEqual(['Controle']);
    expect(runCli(['controleer', json.kopie]).stdout).toContain('Niet gecontroleerd (eigen bladen van dit programma): Controle.');
  });
});

describe('writing the copy: never over an input, never through a link, a Dutch line for every error', () => {
  let clean: string;
  let other: string;
  beforeAll(async () => {
    clean = await submission('schoon.xlsx', 20);
    other = await submission('ander.xlsx', 20);
  });

  test('a link waiting at the output path that leads to the input is refused; the input is unchanged', () => {
    const out = join(dir, 'uit-link');
    mkdirSync(out, { recursive: true });
    const trap = join(out, 'schoon-gecontroleerd.xlsx');
    symlinkSync(clean, trap);
    const before = sha(clean);
    const r = runCli(['controleer', clean, '--uit', out, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${trap}: dit pad wijst naar een invoerbestand; de kopie wordt niet geschreven (kies een andere map voor --uit).\n`);
    expect(sha(clean)).toBe(before);
    expect(readlinkSync(trap)).toBe(clean);
    // The check itself is still reported.
    expect(JSON.parse(r.stdout).bestand).toBe(clean);
  });

  test('a link to some other file is replaced by the copy, not written through', () => {
    const out = join(dir, 'uit-andere-link');
    mkdirSync(out, { recursive: true });
    const elsewhere = join(dir, 'iets-anders.txt');
    writeFileSync(elsewhere, 'niet overschrijven');
    const link = join(out, 'schoon-gecontroleerd.xlsx');
    symlinkSync(elsewhere, link);
    const r = runCli(['controleer', clean, '--uit', out]);
    expect(r.status).toBe(0);
    expect(readFileSync(elsewhere, 'utf8')).toBe('niet overschrijven');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(xlsxCodec.open(new Uint8Array(readFileSync(link))).workbook.sheets.map((s) => s.name)).toEqual(['Cliënten', 'Management', 'Controle']);
  });

  test('a folder where the copy should go: exit 2 with a Dutch line naming the path; the other file of the batch is reported and copied', () => {
    const out = join(dir, 'uit-map');
    mkdirSync(join(out, 'schoon-gecontroleerd.xlsx'), { recursive: true });
    const r = runCli(['controleer', clean, other, '--uit', out, '--json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(out, 'schoon-gecontroleerd.xlsx')}: kopie niet geschreven: op die plek staat een map.\n`);
    const json = JSON.parse(r.stdout);
    expect(json.map((j: { bestand: string }) => j.bestand)).toEqual([clean, other]);
    expect(json[0].kopie).toBeUndefined();
    expect(json[1].kopie).toBe(join(out, 'ander-gecontroleerd.xlsx'));
    expect(existsSync(json[1].kopie)).toBe(true);
    // No temporary file is left behind.
    expect(readFileSync(json[1].kopie).length).toBeGreaterThan(0);
  });

  test('a --uit that cannot be a folder: exit 2 with one Dutch line', () => {
    const blocker = join(dir, 'geen-map');
    writeFileSync(blocker, 'x');
    const r = runCli(['controleer', clean, '--uit', join(blocker, 'uit')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${join(blocker, 'uit')}: map voor --uit kan niet worden gemaakt.\n`);
  });
});

describe('a budget for every file, and inputs that used to hang or exhaust memory', () => {
  test('past the time limit: exit 2 with a Dutch line naming the file and the limit; the next file is still checked', async () => {
    // 60,000 rows take about 1 s to read and check on a fast machine, far past 0.25 s; 10 rows take a few milliseconds.
    const big = await submission('tijd.xlsx', 60000);
    const small = await submission('klein.xlsx', 10);
    const r = runCli(['controleer', big, small, '--json'], undefined, { REINTEGRATIE_MAX_SECONDEN: '0.25' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${big}: de controle is gestopt na 0.25 seconden, de tijdslimiet per bestand; het bestand is te groot of te ingewikkeld (ruimer: REINTEGRATIE_MAX_SECONDEN).\n`);
    expect(JSON.parse(r.stdout).map((j: { bestand: string }) => j.bestand)).toEqual([small]);
  }, 120_000);

  test('past the memory limit: exit 2 with a Dutch line naming the file and the limit, while a small file fits the same limit', async () => {
    const big = await submission('geheugen.xlsx', 20000);
    const small = await submission('past.xlsx', 10);
    const r = runCli(['controleer', big, small, '--json'], undefined, { REINTEGRATIE_MAX_GEHEUGEN_MB: '24' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${big}: de controle is gestopt: het bestand vraagt meer dan 24 MiB geheugen, de limiet per bestand (ruimer: REINTEGRATIE_MAX_GEHEUGEN_MB).\n`);
    expect(JSON.parse(r.stdout).map((j: { bestand: string }) => j.bestand)).toEqual([small]);
  }, 120_000);

  test('16,384 full-height merged columns on a side sheet, and one value in column XFD on each of 100,000 rows, are checked quickly', () => {
    const letters = (c: number) => {
      let n = c + 1;
      let s = '';
      while (n > 0) {
        s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
        n = Math.floor((n - 1) / 26);
      }
      return s;
    };
    const merges = Array.from({ length: 16384 }, (_, c) => `<mergeCell ref="${letters(c)}1:${letters(c)}1048576"/>`).join('');
    const side = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="3"><c r="B3" t="inlineStr"><is><t>x</t></is></c></row></sheetData><mergeCells count="16384">${merges}</mergeCells></worksheet>`;
    const mergesFile = join(dir, 'samengevoegd.xlsx');
    writeFileSync(mergesFile, makeXlsx({ sheets: [{ name: 'Notities', xml: '<row r="1"><c r="A1"><v>1</v></c></row>' }, { name: 'Zij', xml: side }] }, 9));
    const rows: string[] = [];
    for (let r = 1; r <= 100_000; r++) rows.push(`<row r="${r}"><c r="XFD${r}" t="inlineStr"><is><t>tekst ${r}</t></is></c></row>`);
    const wideFile = join(dir, 'breed.xlsx');
    writeFileSync(wideFile, makeXlsx({ sheets: [{ name: 'Blad1', xml: rows.join('') }] }, 9));
    // Each took minutes or ran out of heap before; the budget is far away.
    for (const file of [mergesFile, wideFile]) {
      const r = runCli(['controleer', file, '--json'], undefined, { REINTEGRATIE_MAX_SECONDEN: '60', REINTEGRATIE_MAX_GEHEUGEN_MB: '512' });
      expect({ file, status: r.status, stderr: r.stderr }).toEqual({ file, status: 0, stderr: '' });
    }
  }, 180_000);

  test('300,000 findings on one sheet', async () => {
    const data = toWorkbookData(generateSubmission({ rows: 100_000, seed: 5 }));
    const clients = data.sheets[0].values as RawValue[][];
    for (let r = 1; r < clients.length; r++) {
      clients[r][2] = 'Bijstandd';
      clients[r][3] = 'Bemiddelingg';
      clients[r][8] = 'Geplaatsd';
    }
    const many = join(dir, 'veel.xlsx');
    await writeWorkbookXlsx(data, many);
    const r = runCli(['controleer', many, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.bevindingen.filter((f: { blad: string }) => f.blad === 'Cliënten').length).toBeGreaterThanOrEqual(300_000);
    // (The table of all of them: tests/cli/table.test.ts.)
  }, 300_000);
});

describe('messages a user can act on', () => {
  test('control characters from cells are shown escaped in the terminal', async () => {
    const value = '\u001b[2J\u001b[31mGeplaatsd\u001b[0m\u0007';
    // ExcelJS drops control characters; our codec writes them as Excel does (_x001B_), so a file can carry them.
    const plain = await submission('stuurtekens-basis.xlsx', 10);
    const wb = MemoryWorkbook.fromXlsx(new Uint8Array(readFileSync(plain)), xlsxCodec);
    await wb.writeCells([{ sheet: 'Cliënten', row: 3, col: 8, rows: [[value]] }]);
    const hostile = join(dir, 'stuurtekens.xlsx');
    writeFileSync(hostile, wb.toXlsx());
    const r = runCli(['controleer', hostile]);
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const line = r.stdout.split('\n').find((l) => l.startsWith('Cliënten!I4'))!;
    // The value column and the message both show the escapes.
    expect(line.match(/\\x1B\[2J\\x1B\[31mGeplaatsd\\x1B\[0m\\x07/g)?.length).toBe(2);
    // JSON keeps the value as it is (escaped by JSON itself).
    const json = JSON.parse(runCli(['controleer', hostile, '--json']).stdout);
    expect(json.bevindingen.find((f: { cel: string }) => f.cel === 'I4').waarde).toBe(value);
  });

  test('a formula without a calculated value is reported as such, with how to get one', async () => {
    const formulas = await submission('formule.xlsx', 10, ({ clients, management }) => {
      clients[2][14] = { formula: 'P3*8' }; // Uren per week, no cached value
      management[management.findIndex((row) => row[0] === 'Aantal aanmeldingen')][1] = { formula: 'COUNTA(Cliënten!A2:A11)' };
    });
    const json = JSON.parse(runCli(['controleer', formulas, '--json']).stdout);
    const hours = json.bevindingen.find((f: { cel: string }) => f.cel === 'O3');
    expect(hours).toMatchObject({ code: 'FORMULE_ZONDER_WAARDE', ernst: 'fout', waarde: '=P3*8' });
    expect(hours.melding).toBe(
      'Uren per week bevat de formule =P3*8 zonder berekende waarde, dus de waarde is onbekend. Open het bestand in Excel of LibreOffice Calc, laat alles herberekenen en sla het op, of vul de waarde zelf in.',
    );
    expect(json.bevindingen.filter((f: { code: string }) => f.code === 'VERPLICHT_LEEG' || f.code === 'STATUS_VELDEN').map((f: { cel: string }) => f.cel)).not.toContain('O3');
    expect(json.bevindingen.some((f: { blad: string; code: string }) => f.blad === 'Management' && f.code === 'FORMULE_ZONDER_WAARDE')).toBe(true);
  });

  test('a header row below row 10 is named in the findings', async () => {
    const low = await submission('lage-kop.xlsx', 10, ({ clients }) => {
      clients.unshift(...Array.from({ length: 13 }, (_, i) => (i === 0 ? ['Rapportage kwartaal 3'] : [])));
    });
    const json = JSON.parse(runCli(['controleer', low, '--json']).stdout);
    const missing = json.bevindingen.filter((f: { code: string }) => f.code === 'KOP_ONTBREEKT');
    expect(missing.length).toBeGreaterThan(0);
    for (const f of missing) {
      expect(f.melding).toMatch(/ Rij 14 lijkt de kopregel, maar de kopregel moet in de eerste 10 rijen staan: verwijder de rijen erboven\.$/);
      expect(f.cel).toBe('A14');
    }
  });

  test('numbers in messages are rounded for people; the JSON value stays the cell value', async () => {
    const odd = await submission('getallen.xlsx', 10, ({ management }) => {
      const row = management.findIndex((r) => r[0] === 'Plaatsingspercentage');
      management[row][1] = 0.19699999999999998;
    });
    const json = JSON.parse(runCli(['controleer', odd, '--json']).stdout);
    const f = json.bevindingen.find((x: { kolom: string }) => x.kolom === 'Plaatsingspercentage');
    expect(f.melding).toMatch(/^Plaatsingspercentage: opgegeven 0,197, herberekend/);
    expect(f.waarde).toBe(0.19699999999999998);
    expect(runCli(['controleer', odd]).stdout).not.toContain('0,19699999999999998');
  });
});
