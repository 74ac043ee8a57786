import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/runCli';

const dir = tempDir();
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const FINDING_KEYS = ['blad', 'cel', 'rij', 'kolom', 'code', 'ernst', 'term', 'melding', 'waarde', 'suggestie', 'fragment'];

describe('reintegratie termen', () => {
  test('a text file: one finding per occurrence, rij is the line number, exit 0 for warnings only', () => {
    const txt = file('notitie.txt', 'Inleiding.\nDe klantmanager belt de cliënt.\nDaarna weer de klantmanager.\n');
    const r = runCli(['termen', txt, '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(Object.keys(json)).toEqual(['bestand', 'definitieset', 'profiel', 'bevindingen', 'samenvatting']);
    expect(json.bestand).toBe(txt);
    expect(json.profiel).toBeNull();
    expect(json.bevindingen).toHaveLength(2);
    for (const key of FINDING_KEYS) expect(Object.keys(json.bevindingen[0])).toContain(key);
    expect(json.bevindingen.map((b: { rij: number }) => b.rij)).toEqual([2, 3]);
    expect(json.bevindingen[0]).toMatchObject({
      blad: null,
      cel: null,
      code: 'TERM_NIET_CONFORM',
      ernst: 'waarschuwing',
      term: 'werkcoach',
      fragment: 'klantmanager',
      suggestie: 'werkcoach',
      waarde: 'De klantmanager belt de cliënt.',
    });
    expect(json.samenvatting).toEqual({ rijen: 3, fout: 0, waarschuwing: 2, info: 0 });
  });

  test('a number that contradicts a definition is a fout: exit 1', () => {
    const r = runCli(['termen', '--json'], 'Een duurzame plaatsing van 3 maanden telt mee.');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.bestand).toBe('-');
    expect(json.bevindingen[0]).toMatchObject({ code: 'DEFINITIE_STRIJDIG', ernst: 'fout', fragment: '3 maanden', suggestie: '6 maanden' });
  });

  test('the profile changes the effective value and is named', () => {
    const profile = file(
      'profiel.json',
      JSON.stringify({
        naam: 'Bergen 2009',
        gemeente: 'Bergen',
        afwijkingen: [{ term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Een jaar.' }],
      }),
    );
    const clean = runCli(['termen', '--json'], 'Een duurzame plaatsing vraagt minimaal zes maanden.');
    expect(JSON.parse(clean.stdout).bevindingen).toEqual([]);
    const r = runCli(['termen', '--json', '--profiel', profile], 'Een duurzame plaatsing vraagt minimaal zes maanden.');
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.profiel).toBe('Bergen 2009');
    expect(json.bevindingen[0].melding).toContain('12 maanden, profiel Bergen 2009');
  });

  test('every text cell of every sheet of a workbook', async () => {
    const wb = new ExcelJS.Workbook();
    const contract = wb.addWorksheet('Contract');
    contract.getCell('A1').value = 'Artikel 1';
    contract.getCell('B3').value = 'De opdrachtnemer meldt reïntegratietrajecten aan de klantmanager.';
    contract.getCell('C4').value = 42;
    const bijlage = wb.addWorksheet('Bijlage');
    bijlage.getCell('A2').value = { richText: [{ text: 'Vaste ' }, { text: 'plaatsing', font: { bold: true } }] };
    const path = join(dir, 'contract.xlsx');
    await wb.xlsx.writeFile(path);
    const r = runCli(['termen', path, '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    const places = json.bevindingen.map((b: { blad: string; cel: string; rij: number; fragment: string }) => [b.blad, b.cel, b.rij, b.fragment]);
    expect(places).toEqual([
      ['Contract', 'B3', 3, 'reïntegratietrajecten'],
      ['Contract', 'B3', 3, 'klantmanager'],
      ['Bijlage', 'A2', 2, 'Vaste plaatsing'],
    ]);
    expect(json.bevindingen[0].suggestie).toBe('re-integratietrajecten');
    expect(json.bevindingen[0].kolom).toBe('B');
  });

  test('several files give an array, in the order given', () => {
    const a = file('a.txt', 'De klantmanager.');
    const b = file('b.md', '# Kop\n\nGeen bijzonderheden.');
    const r = runCli(['termen', a, b, '--json']);
    const json = JSON.parse(r.stdout);
    expect(Array.isArray(json)).toBe(true);
    expect(json.map((j: { bestand: string }) => j.bestand)).toEqual([a, b]);
    expect(json[1].bevindingen).toEqual([]);
  });

  test('a readable aligned table without --json, no colour codes when not a terminal', () => {
    const txt = file('tabel.txt', 'De klantmanager en de reïntegratiebedrijven.');
    const r = runCli(['termen', txt]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    const lines = r.stdout.split('\n');
    const header = lines.find((l) => l.startsWith('Plaats'))!;
    const rows = lines.filter((l) => l.startsWith('regel 1'));
    expect(rows).toHaveLength(2);
    for (const column of ['Ernst', 'Code', 'Waarde', 'Suggestie', 'Melding']) {
      const at = header.indexOf(column);
      for (const row of rows) expect(row.charAt(at - 1)).toBe(' ');
    }
    expect(r.stdout).toMatch(/2 bevindingen: 0 fouten, 2 waarschuwingen, 0 info \(1 regel gecontroleerd\)\./);
  });
});

describe('text files as Windows programs write them', () => {
  const sentence = 'De klantmanager belt de cliënt over reïntegratie.\n';
  const fragments = (stdout: string) => JSON.parse(stdout).bevindingen.map((b: { fragment: string; waarde: string; positie: number }) => [b.fragment, b.waarde, b.positie]);
  const expected = fragments(runCli(['termen', '--json'], sentence).stdout);

  test('UTF-16 with its byte order mark (Notepad’s "Unicode"), little- and big-endian, gives what UTF-8 gives', () => {
    expect(expected.map(([f]: string[]) => f)).toEqual(['klantmanager', 'reïntegratie']);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sentence, 'utf16le')]);
    const be = Buffer.from(le.map((_, i) => le[i ^ 1]));
    for (const [name, bytes] of [['le.txt', le], ['be.txt', be]] as const) {
      const r = runCli(['termen', file(name, bytes), '--json']);
      expect([name, r.stderr, fragments(r.stdout)]).toEqual([name, '', expected]);
    }
  });

  test('bytes that are not UTF-8 are read as Windows-1252 (Notepad’s "ANSI"), with one Dutch note on stderr', () => {
    const r = runCli(['termen', file('ansi.txt', Buffer.from(sentence, 'latin1')), '--json']);
    expect(r.status).toBe(0);
    expect(fragments(r.stdout)).toEqual(expected);
    expect(r.stderr.trim()).toMatch(/^.*ansi\.txt: geen UTF-8; gelezen als Windows-1252 \(ANSI\)\. .*$/);
    // Windows-1252's own characters (€ ’) come out as they are meant.
    const euro = runCli(['termen', file('euro.txt', Buffer.from([0x80, 0x20, 0x35, 0x20, 0x92, 0x6b, 0x6c, 0x61, 0x6e, 0x74, 0x6d, 0x61, 0x6e, 0x61, 0x67, 0x65, 0x72, 0x92])), '--json']);
    expect(JSON.parse(euro.stdout).bevindingen[0].waarde).toBe('€ 5 ’klantmanager’');
  });
});

describe('unusable input: exit 2, one Dutch line on stderr, no stack trace', () => {
  const expectUnusable = (args: string[], message: RegExp) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
  };

  test('a missing file', () => expectUnusable(['termen', join(dir, 'bestaat-niet.txt')], /bestaat-niet\.txt: bestand niet gevonden\./));
  test('a file that is not an xlsx workbook', () =>
    expectUnusable(['termen', file('nep.xlsx', 'dit is tekst')], /nep\.xlsx: .*geen/));
  test('an unknown file type', () => expectUnusable(['termen', file('data.pdf', '%PDF')], /onbekend bestandstype '\.pdf'/));
  test('an invalid profile', () =>
    expectUnusable(
      ['termen', file('x.txt', 'tekst'), '--profiel', file('p.json', '{"naam":"P","gemeente":"G","afwijkingen":[{"term":"bestaat-niet","motivering":"m","toelichting":"t"}]}')],
      /p\.json: Profiel ongeldig: afwijking 1: term 'bestaat-niet' bestaat niet/,
    ));
  test('a profile that is not JSON', () =>
    expectUnusable(['definities', '--profiel', file('kapot.json', '{')], /geen geldige JSON/));
  test('binary data, and UTF-16 that does not decode', () => {
    expectUnusable(['termen', file('binair.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x14]))], /binair\.txt: is geen tekstbestand \(bevat binaire gegevens\)\./);
    // A byte order mark, then half a character.
    expectUnusable(['termen', file('half.txt', Buffer.from([0xff, 0xfe, 0x41]))], /half\.txt: is geen geldige UTF-16-tekst\./);
  });
  test('an unknown option', () => expectUnusable(['termen', '--jsn'], /Onbekende optie: --jsn/));
  test('an unknown command', () => expectUnusable(['tel'], /Onbekende opdracht: tel/));

  test('with several inputs the usable ones are still reported', () => {
    const good = file('goed.txt', 'De klantmanager.');
    const r = runCli(['termen', good, join(dir, 'weg.txt'), '--json']);
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).map((j: { bestand: string }) => j.bestand)).toEqual([good]);
    expect(r.stderr).toMatch(/weg\.txt: bestand niet gevonden/);
  });
});

describe('reintegratie definities', () => {
  test('--json holds the effective set in the contract shape', () => {
    const r = runCli(['definities', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.profiel).toBeNull();
    expect(typeof json.versie).toBe('string');
    expect(json.termen.length).toBeGreaterThanOrEqual(70);
    const dp = json.termen.find((t: { id: string }) => t.id === 'duurzame-plaatsing');
    for (const key of ['id', 'term', 'categorie', 'definitie', 'gebruik', 'vormen', 'nietConform', 'parameters', 'verwant']) {
      expect(dp).toHaveProperty(key);
    }
    expect(dp.parameters.find((p: { id: string }) => p.id === 'minimumMaanden')).toMatchObject({ waarde: 6, standaard: 6, eenheid: 'maanden' });
  });

  test('with a profile the parameter shows the deviation', () => {
    const profile = file(
      'p2.json',
      JSON.stringify({ naam: 'NK', gemeente: 'Alkmaar', afwijkingen: [{ term: 'terugmelding', parameter: 'reclametermijnWeken', waarde: 4, motivering: 'Sneller.' }] }),
    );
    const json = JSON.parse(runCli(['definities', '--json', '--profiel', profile]).stdout);
    expect(json.profiel).toBe('NK');
    const t = json.termen.find((x: { id: string }) => x.id === 'terugmelding');
    expect(t.parameters[0]).toMatchObject({ waarde: 4, standaard: 6, afwijking: { motivering: 'Sneller.' } });
    const text = runCli(['definities', '--profiel', profile]).stdout;
    expect(text).toMatch(/profiel NK \(Alkmaar\)/);
    expect(text).toMatch(/4 weken \(standaard 6 weken; afwijking: Sneller\.\)/);
  });
});

describe('reintegratie definities <zoekterm>', () => {
  test('finds a term by the word people write instead, and says so', () => {
    const r = runCli(['definities', 'klantmanager']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("1 begrip gevonden voor 'klantmanager':");
    expect(r.stdout).toMatch(/^werkcoach \(werkcoach\)/m);
    expect(r.stdout).toContain("(gevonden via het niet-conforme woord 'klantmanager')");
  });

  test('several words are one search; the best match comes first; --json keeps the shape with the found terms only', () => {
    const json = JSON.parse(runCli(['definities', 'duurzame', 'plaatsing', '--json']).stdout);
    expect(json.zoekterm).toBe('duurzame plaatsing');
    expect(json.termen[0]).toMatchObject({ id: 'duurzame-plaatsing', gevondenVia: 'term' });
    const full = JSON.parse(runCli(['definities', '--json']).stdout);
    expect(json.termen.length).toBeLessThan(full.termen.length);
    const { gevondenVia, gevondenOp, ...first } = json.termen[0];
    expect(first).toEqual(full.termen.find((t: { id: string }) => t.id === 'duurzame-plaatsing'));
    expect([gevondenVia, gevondenOp]).toEqual(['term', 'duurzame plaatsing']);
  });

  test('nothing found: a Dutch line that says how to search, exit 0', () => {
    const r = runCli(['definities', 'xyzzy']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Geen begrip gevonden voor 'xyzzy'.");
    expect(JSON.parse(runCli(['definities', 'xyzzy', '--json']).stdout).termen).toEqual([]);
    // A pasted text as search term is quoted short, not echoed whole.
    const long = runCli(['definities', `xyzzy ${'plugh '.repeat(2000)}`]).stdout;
    expect(long).toMatch(/Geen begrip gevonden voor 'xyzzy plugh[ a-z]*…'\./);
    expect(long.length).toBeLessThan(1000);
  });
});

describe('the program itself', () => {
  test('the help is Dutch, placeholders included', () => {
    const help = runCli(['--help']).stdout;
    expect(help).toContain('Gebruik: reintegratie [opties] [opdracht]');
    expect(help).toMatch(/controleer \[opties\] <bestand\.\.\.>/);
    expect(help).not.toMatch(/\[options\]|\[command\]|Usage|Options/);
    expect(runCli(['definities', '--help']).stdout).toContain('Gebruik: reintegratie definities [opties] [zoekterm...]');
  });


  test('--versie names the program and the definition set; no command shows the help', () => {
    const version = runCli(['--versie']);
    expect(version.status).toBe(0);
    expect(version.stdout).toMatch(/^reintegratie \d+\.\d+\.\d+, definitieset \d+\.\d+\.\d+\n$/);
    const bare = runCli([]);
    expect(bare.status).toBe(2);
    expect(bare.stderr).toContain('Gebruik: reintegratie');
    expect(bare.stderr).toContain('controleer');
    expect(bare.stderr).not.toContain('Ongeldige aanroep');
  });
});
