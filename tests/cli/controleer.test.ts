/**
 * `reintegratie controleer` as a process, on real .xlsx files written by the
 * tests: exit codes, the JSON contract, the marked copy, the input left
 * unchanged, and hostile input.
 */
import ExcelJS from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateSubmission, toWorkbookData, writeWorkbookXlsx } from '../../scripts/submissionGenerator';
import { MISTAKES } from '../../scripts/build-examples';
import { cellAddress, type RawValue } from '../../src/engine/grid';
import { xlsxCodec } from '../../src/workbook/xlsx/xlsxCodec';
import { runCli, tempDir } from '../support/runCli';

const dir = tempDir();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function submissionFile(name: string, rows: number, mutate?: (values: RawValue[][]) => void): Promise<string> {
  const workbook = toWorkbookData(generateSubmission({ rows, seed: rows }));
  if (mutate) mutate(workbook.sheets[0].values as RawValue[][]);
  const path = join(dir, name);
  await writeWorkbookXlsx(workbook, path);
  return path;
}

let clean: string;
let faulty: string;

beforeAll(async () => {
  clean = await submissionFile('schoon.xlsx', 60);
  faulty = await submissionFile('fouten.xlsx', 60, (values) => {
    values[3][8] = 'Geplaatsd'; // status typo
    values[5][5] = '31-02-2008'; // impossible date
    values[7][0] = 123456782; // a BSN
    values[9][19] = 'Overleg met de klantmanager.';
  });
});

const KEYS = ['bestand', 'definitieset', 'profiel', 'bevindingen', 'samenvatting'];
const FINDING_KEYS = ['blad', 'cel', 'rij', 'kolom', 'code', 'ernst', 'term', 'melding', 'waarde', 'suggestie', 'fragment'];

describe('reintegratie controleer', () => {
  test('a clean submission: exit 0 and the JSON contract', () => {
    const r = runCli(['controleer', clean, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json).slice(0, KEYS.length)).toEqual(KEYS);
    expect(json.bevindingen).toEqual([]);
    expect(json.samenvatting).toEqual({ rijen: 60, fout: 0, waarschuwing: 0, info: 0 });
    expect(json.profiel).toBeNull();
  });

  test('findings: exit 1, every finding in the contract shape', () => {
    const r = runCli(['controleer', faulty, '--json']);
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    for (const f of json.bevindingen) for (const key of FINDING_KEYS) expect(f).toHaveProperty(key);
    const brief = json.bevindingen.map((f: { code: string; cel: string }) => `${f.code}@${f.cel}`);
    expect(brief).toEqual(expect.arrayContaining(['WAARDE_ONBEKEND@I4', 'TYPE_DATUM@F6', 'PRIVACY_BSN@A8', 'TERM_NIET_CONFORM@T10']));
    const typo = json.bevindingen.find((f: { code: string }) => f.code === 'WAARDE_ONBEKEND');
    expect(typo).toMatchObject({ blad: 'Cliënten', rij: 4, kolom: 'Status', ernst: 'fout', waarde: 'Geplaatsd', suggestie: 'Geplaatst', term: 'trajectstatus' });
    expect(json.samenvatting.rijen).toBe(60);
    expect(json.samenvatting.fout).toBe(json.bevindingen.filter((f: { ernst: string }) => f.ernst === 'fout').length);
  });

  test('several files: an array in the given order; the table has a summary per file', () => {
    const r = runCli(['controleer', clean, faulty, '--json']);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).map((j: { bestand: string }) => j.bestand)).toEqual([clean, faulty]);
    const table = runCli(['controleer', clean, faulty]);
    expect(table.stdout).toMatch(/Samenvatting\nBestand\s+Rijen\s+Fout\s+Waarschuwing\s+Info\nschoon\.xlsx\s+60\s+0\s+0\s+0\nfouten\.xlsx\s+60\s+\d+/);
  });

  test('--uit writes a marked copy with a Controle sheet; the input is never changed', async () => {
    const out = join(dir, 'uit');
    const before = sha(faulty);
    const r = runCli(['controleer', faulty, '--uit', out, '--json']);
    expect(r.status).toBe(1);
    expect(sha(faulty)).toBe(before);
    const json = JSON.parse(r.stdout);
    const copy = join(out, 'fouten-gecontroleerd.xlsx');
    expect(json.kopie).toBe(copy);
    // The marks: conditional formats in the severity's colour on exactly the flagged cells, with a note each.
    const opened = xlsxCodec.open(new Uint8Array(readFileSync(copy)));
    const flagged = new Map<string, string>();
    for (const f of json.bevindingen as { blad: string; cel: string | null; ernst: string }[]) {
      if (f.cel === null) continue;
      const key = `${f.blad}!${f.cel}`;
      const worse = { fout: 0, waarschuwing: 1, info: 2 } as Record<string, number>;
      if (!flagged.has(key) || worse[f.ernst] < worse[flagged.get(key)!]) flagged.set(key, f.ernst);
    }
    expect(new Map(opened.marks.map((m) => [`${m.sheet}!${cellAddress(m.row, m.col)}`, m.severity]))).toEqual(flagged);
    expect(opened.marks.find((m) => m.sheet === 'Cliënten' && cellAddress(m.row, m.col) === 'I4')?.note).toContain("Status: 'Geplaatsd' staat niet in de codelijst");
    expect(flagged.get('Cliënten!T10')).toBe('waarschuwing');
    // No cell changed its own style or value.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(copy);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(faulty);
    const clients = wb.getWorksheet('Cliënten')!;
    original.getWorksheet('Cliënten')!.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const now = clients.getCell(r, c);
        expect({ at: cell.address, value: now.value, style: now.style }).toEqual({ at: cell.address, value: cell.value, style: cell.style });
      }),
    );
    expect(clients.getCell('I4').fill).toBeUndefined();
    const control = wb.getWorksheet('Controle')!;
    expect(control.getRow(4).values).toEqual(expect.arrayContaining(['Blad', 'Cel', 'Code', 'Ernst', 'Melding']));
    const listed = json.bevindingen.length;
    expect(control.getCell(`E${4 + listed}`).value).toBe(json.bevindingen[listed - 1].code);
  });

  test('the marked copy never overwrites an input', () => {
    const r = runCli(['controleer', clean, '--uit', dir]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, 'schoon-gecontroleerd.xlsx'))).toBe(true);
    expect(r.stdout).toContain(`Gemarkeerde kopie: ${join(dir, 'schoon-gecontroleerd.xlsx')}`);
  });

  test('a profile changes the check and is named', async () => {
    const profile = join(dir, 'profiel.json');
    writeFileSync(
      profile,
      JSON.stringify({ naam: 'Streng', gemeente: 'Bergen', afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 24, motivering: 'Twee jaar.' }] }),
    );
    const r = runCli(['controleer', clean, '--profiel', profile, '--json']);
    const json = JSON.parse(r.stdout);
    expect(json.profiel).toBe('Streng');
    const codes = new Set(json.bevindingen.map((f: { code: string }) => f.code));
    expect(codes.has('DUURZAAM_ONTERECHT') || codes.has('MANAGEMENT_AFWIJKING')).toBe(true);
    expect(r.status).toBe(1);
  });

  test('the bundled example holds every listed mistake', () => {
    const r = runCli(['controleer', join(__dirname, '..', '..', 'examples', 'inzending-noord-kennemerland.xlsx'), '--profiel', join(__dirname, '..', '..', 'examples', 'profiel-noord-kennemerland.json'), '--json']);
    expect(r.status).toBe(1);
    const codes = JSON.parse(r.stdout).bevindingen.map((f: { code: string }) => f.code);
    for (const mistake of MISTAKES) expect({ mistake: mistake.what, found: codes.includes(mistake.code) }).toEqual({ mistake: mistake.what, found: true });
  });

  test('a workbook without a Cliënten sheet is checked for terms only', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Bestek').getCell('A1').value = 'De opdrachtnemer meldt reïntegratietrajecten.';
    const path = join(dir, 'bestek.xlsx');
    await wb.xlsx.writeFile(path);
    const r = runCli(['controleer', path, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.samenvatting.rijen).toBe(0);
    expect(json.bevindingen.map((f: { code: string }) => f.code)).toEqual(['TERM_NIET_CONFORM']);
  });
});

describe('unusable and hostile input: exit 2 with one Dutch line', () => {
  const unusable = (path: string, message: RegExp) => {
    const r = runCli(['controleer', path]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  };
  const write = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };

  test('a missing file', () => unusable(join(dir, 'weg.xlsx'), /weg\.xlsx: bestand niet gevonden/));
  test('a file that is not a zip', () => unusable(write('tekst.xlsx', 'Cliëntnummer;Gemeente\n1;Alkmaar\n'), /tekst\.xlsx: .*geen/));
  test('a text file given as submission: controleer says it reads workbooks, and what reads text', () =>
    unusable(write('notitie.txt', 'tekst'), /^\S*notitie\.txt: is een tekstbestand; controleer leest Excel-werkmappen \(\.xlsx\)\. Termen in tekst: 'reintegratie termen \S*notitie\.txt'\.\n$/));
  test('an unknown file type', () => unusable(write('lijst.pdf', '%PDF'), /lijst\.pdf: onbekend bestandstype '\.pdf'; controleer leest Excel-werkmappen \(\.xlsx\)\.\n$/));
  test('a truncated zip', () => {
    const bytes = readFileSync(clean);
    unusable(write('half.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2))), /half\.xlsx: /);
  });
  test('a zip without a workbook', () => unusable(write('geen-werkmap.xlsx', zipSync({ 'word/document.xml': strToU8('<w/>') })), /geen-werkmap\.xlsx: /));
  test('a zip bomb', () => {
    const sheet = new Uint8Array(24 * 1024 * 1024).fill(32);
    const bomb = zipSync({
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Cliënten" sheetId="1" r:id="rId1"/></sheets></workbook>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
      'xl/worksheets/sheet1.xml': sheet,
    }, { level: 9 });
    unusable(write('bom.xlsx', bomb), /bom\.xlsx: /);
  });
  test('a sheet beyond Excel limits', () =>
    unusable(
      write(
        'te-groot.xlsx',
        zipSync({
          '[Content_Types].xml': strToU8('<Types/>'),
          'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="Cliënten" sheetId="1" r:id="rId1"/></sheets></workbook>'),
          'xl/_rels/workbook.xml.rels': strToU8('<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>'),
          'xl/worksheets/sheet1.xml': strToU8('<worksheet><sheetData><row r="1048577"><c r="A1048577" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>'),
        }),
      ),
      /te-groot\.xlsx: .*/,
    ));
});

describe('progress', () => {
  test('a progress bar on stderr when it is a terminal, not when it is not', async () => {
    const big = await submissionFile('groot.xlsx', 12_000);
    // `script` gives the process a pseudo-terminal; its output holds what the terminal showed.
    const { spawnSync } = await import('node:child_process');
    const { CLI } = await import('../support/runCli');
    const tty = spawnSync('script', ['-qec', `${process.execPath} ${CLI} controleer ${big} --json > /dev/null`, '/dev/null'], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, COLUMNS: '120', REINTEGRATIE_PROGRESS_DELAY_MS: '0' },
    });
    expect(tty.stdout).toMatch(/Controleren groot\.xlsx \|[█░]+\| \d+% \| \d+\/\d+ rijen/);
    const piped = runCli(['controleer', big, '--json'], undefined, { REINTEGRATIE_PROGRESS_DELAY_MS: '0' });
    expect(piped.stderr).toBe('');
    expect(JSON.parse(piped.stdout).samenvatting.rijen).toBe(12_000);
  }, 120_000);
});
