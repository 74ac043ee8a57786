import { format, standardDefs, codesOf, check, clientSheet, d, defsWithProfile, HEADERS, managementSheet, placedRow, runningRow } from '../support/workbooks';
import { checkWorkbook } from '../../src/engine/checkWorkbook';
import { toDateSystem1900 } from '../../src/engine/dateSystem';
import { FINDING_CODES, type Finding } from '../../src/engine/findings';
import { exampleFinding } from '../../scripts/codeExamples';
import { indicatorMatches } from '../../src/engine/management';

const only = (findings: readonly Finding[], code: string) => findings.filter((f) => f.code === code);
const rowsCheck = (rows: Record<string, unknown>[], extra: Parameters<typeof check>[0] = []) =>
  check([clientSheet({ rows: rows as never }), ...extra]).findings;

describe('clean rows', () => {
  test('a valid row of every status gives no finding', () => {
    const findings = rowsCheck([
      placedRow(),
      runningRow({ Cliëntnummer: 'NK-2' }),
      runningRow({ Cliëntnummer: 'NK-3', Status: 'Aangemeld', 'Datum start traject': null, 'Datum intake': null }),
      runningRow({ Cliëntnummer: 'NK-4', Status: 'Teruggemeld', 'Datum start traject': null, 'Datum intake': null, 'Datum einde traject': d(1, 2, 2008) }),
      runningRow({ Cliëntnummer: 'NK-5', Status: 'Uitgevallen', 'Reden uitval': 'Verhuizing', 'Datum einde traject': d(1, 4, 2008) }),
      runningRow({ Cliëntnummer: 'NK-6', Status: 'Afgerond zonder plaatsing', 'Datum einde traject': d(1, 8, 2008) }),
    ]);
    expect(codesOf(findings)).toEqual([]);
  });
});

describe('headers', () => {
  test('the header row is found below title rows; variants are mapped and flagged', () => {
    const headers = HEADERS.map((h) => (h === 'Cliëntnummer' ? 'Klantnummer' : h === 'Datum start traject' ? 'Startdatum' : h));
    const row = placedRow();
    row.Klantnummer = row.Cliëntnummer;
    row.Startdatum = row['Datum start traject'];
    const { findings } = check([clientSheet({ headers, rows: [row], above: [['Rapportage Q1 2009'], []] })]);
    expect(codesOf(findings)).toEqual(['KOP_NIET_CONFORM@A3', 'KOP_NIET_CONFORM@H3']);
    expect(findings[0]).toMatchObject({ suggestion: 'Cliëntnummer', column: 'Cliëntnummer', value: 'Klantnummer', row: 3 });
  });

  test('headers match ignoring case, diacritics and punctuation', () => {
    const headers = HEADERS.map((h) => (h === 'Cliëntnummer' ? 'CLIENTNUMMER' : h === 'Datum aanmelding' ? ' datum-aanmelding ' : h));
    const row = placedRow();
    row.CLIENTNUMMER = row.Cliëntnummer;
    row[' datum-aanmelding '] = row['Datum aanmelding'];
    expect(codesOf(check([clientSheet({ headers, rows: [row] })]).findings)).toEqual([]);
  });

  test('an unknown column is info; a missing required column is a fout at the first header cell', () => {
    const headers = [...HEADERS.filter((h) => h !== 'Doelgroep'), 'Klantmanager'];
    const { findings } = check([clientSheet({ headers, rows: [placedRow()], above: [[]] })]);
    expect(codesOf(findings)).toEqual(['KOP_ONTBREEKT@A2', 'KOP_ONBEKEND@T2']);
    expect(findings[0].message).toBe("De verplichte kolom 'Doelgroep' ontbreekt in blad Cliënten.");
    expect(findings[1].severity).toBe('info');
  });
});

describe('reading cells', () => {
  test('dates: Excel dates and text d-m-jjjj, d/m/jjjj, jjjj-mm-dd; impossible dates are TYPE_DATUM', () => {
    const ok = ['7-1-2008', '07/01/2008', '2008-01-07', d(7, 1, 2008)];
    for (const value of ok) expect(codesOf(rowsCheck([placedRow({ 'Datum aanmelding': value })]))).toEqual([]);
    for (const value of ['31-02-2008', '7-13-2008', 'gisteren', 39454, '7-1-08']) {
      const sheet = clientSheet({ rows: [placedRow({ 'Datum aanmelding': value })] });
      if (typeof value === 'number') (sheet.formats as (string | undefined)[][])[1][5] = undefined; // a serial without a date format
      expect({ value, codes: codesOf(check([sheet]).findings) }).toEqual({ value, codes: ['TYPE_DATUM@F2'] });
    }
  });

  test('a date before 1-1-1990 is out of range', () => {
    expect(codesOf(rowsCheck([placedRow({ 'Datum intake': '31-12-1989', 'Datum aanmelding': '1-12-1989' })]))).toEqual(['BEREIK@F2', 'BEREIK@G2']);
  });

  test('numbers with a decimal comma; ranges', () => {
    expect(codesOf(rowsCheck([placedRow({ 'Uren per week': '32,5' })]))).toEqual([]);
    expect(codesOf(rowsCheck([placedRow({ 'Uren per week': 'veel' })]))).toEqual(['TYPE_GETAL@O2']);
    expect(codesOf(rowsCheck([placedRow({ 'Uren per week': 0 })]))).toEqual(['BEREIK@O2']);
    expect(codesOf(rowsCheck([placedRow({ 'Uren per week': 61 })]))).toEqual(['BEREIK@O2']);
    expect(codesOf(rowsCheck([placedRow({ 'Duur arbeidsovereenkomst (maanden)': 'onbepaald' })]))).toEqual([]);
    expect(codesOf(rowsCheck([placedRow({ 'Duur arbeidsovereenkomst (maanden)': 601 })]))).toEqual(['BEREIK@P2']);
  });

  test('codes ignore case and surrounding spaces; variants are WAARDE_NIET_CONFORM with the code', () => {
    expect(codesOf(rowsCheck([placedRow({ Status: '  geplaatst ', Doelgroep: 'wwb' })]))).toEqual([]);
    const findings = rowsCheck([placedRow({ Doelgroep: 'Bijstand', Arbeidsovereenkomst: 'J' }), runningRow({ Cliëntnummer: 'NK-2', Status: 'In traject' })]);
    expect(codesOf(findings)).toEqual(['WAARDE_NIET_CONFORM@C2', 'WAARDE_NIET_CONFORM@N2', 'WAARDE_NIET_CONFORM@I3']);
    expect(findings.map((f) => f.suggestion)).toEqual(['WWB', 'Ja', 'Lopend']);
    expect(findings[0].term).toBe('wwb');
    expect(findings[2].message).toContain('trajectstatus');
  });

  test('unknown codes are WAARDE_ONBEKEND, with the nearest code when close', () => {
    const findings = rowsCheck([placedRow({ Status: 'Geplaatsd', Dienst: 'Knutselen' })]);
    expect(codesOf(findings)).toEqual(['WAARDE_ONBEKEND@D2', 'WAARDE_ONBEKEND@I2']);
    expect(findings[0].suggestion).toBeNull();
    expect(findings[1].suggestion).toBe('Geplaatst');
    expect(findings[1].message).toContain("Bedoeld: 'Geplaatst'?");
  });

  test('positions: 0-6 as number, text or label; out of range is BEREIK', () => {
    for (const value of [3, '3', '3 - Arbeidsactivering', '3 Arbeidsactivering', 'Arbeidsactivering', 0, 6]) {
      expect({ value, codes: codesOf(rowsCheck([placedRow({ 'Re-integratiepositie start': value })])) }).toEqual({ value, codes: [] });
    }
    expect(codesOf(rowsCheck([placedRow({ 'Re-integratiepositie start': 7 })]))).toEqual(['BEREIK@E2']);
    expect(codesOf(rowsCheck([placedRow({ 'Re-integratiepositie start': '3 - Zorg' })]))).toEqual(['WAARDE_ONBEKEND@E2']);
    expect(codesOf(rowsCheck([placedRow({ 'Re-integratiepositie start': 'Arbeidstoeliding' })]))).toEqual(['WAARDE_NIET_CONFORM@E2']);
  });

  test('Ja/Nee accepts Excel booleans', () => {
    expect(codesOf(rowsCheck([placedRow({ Arbeidsovereenkomst: true, Nazorg: false })]))).toEqual([]);
  });

  test('an error value is a finding, not a crash', () => {
    const findings = rowsCheck([placedRow({ 'Datum plaatsing': { error: '#N/A' }, Gemeente: { error: '#REF!' } })]);
    expect(codesOf(findings)).toEqual(['FOUTWAARDE@B2', 'FOUTWAARDE@L2']);
    expect(findings[1].message).toContain('#N/A');
  });

  test('an always-required cell that is empty', () => {
    expect(codesOf(rowsCheck([placedRow({ Gemeente: '  ' })]))).toEqual(['VERPLICHT_LEEG@B2']);
  });

  test('empty rows between data are skipped, hidden rows are checked, merged cells fill their rows', () => {
    const sheet = clientSheet({ rows: [placedRow(), {}, placedRow({ Cliëntnummer: 'NK-2', Gemeente: null, 'Uren per week': 0 })] });
    const hidden = { ...sheet, hiddenRows: new Set([3]), merges: [{ top: 1, left: 1, bottom: 3, right: 1 }] };
    const result = check([hidden]);
    expect(codesOf(result.findings)).toEqual(['BEREIK@O4']);
    expect(result.rows).toBe(2);
  });
});

describe('row rules', () => {
  test('status-dependent fields: required and must be empty', () => {
    const findings = rowsCheck([
      placedRow({ 'Uren per week': null, 'Reden uitval': 'Ziekte' }),
      runningRow({ Cliëntnummer: 'NK-2', 'Datum einde traject': d(1, 3, 2008) }),
    ]);
    expect(codesOf(findings)).toEqual(['STATUS_VELDEN@J2', 'STATUS_VELDEN@O2', 'STATUS_VELDEN@K3']);
    expect(findings[1].message).toBe('Bij status Geplaatst is Uren per week verplicht.');
    expect(findings[2].message).toBe('Bij status Lopend moet Datum einde traject leeg zijn.');
  });

  test('date order: the date that should come later is flagged; a missing date is skipped', () => {
    const findings = rowsCheck([placedRow({ 'Datum intake': d(1, 1, 2008) })]);
    expect(codesOf(findings)).toEqual(['DATUMVOLGORDE@G2']);
    expect(findings[0].message).toBe('Datum intake ligt voor Datum aanmelding (07-01-2008).');
    const placement = rowsCheck([placedRow({ 'Datum plaatsing': d(15, 1, 2008), 'Datum start traject': d(1, 2, 2008) })]);
    expect(placement[0].message).toBe('Datum plaatsing ligt voor Datum start traject (01-02-2008).');
    const noStart = rowsCheck([runningRow({ Status: 'Uitgevallen', 'Datum start traject': null, 'Datum intake': null, 'Reden uitval': 'Ziekte', 'Datum einde traject': d(1, 1, 2008) })]);
    expect(codesOf(noStart)).toEqual(['DATUMVOLGORDE@K2']);
  });

  test('a date after Periode tot', () => {
    const findings = rowsCheck([placedRow({ 'Datum plaatsing': d(2, 7, 2009) })], [managementSheet([['Periode tot', d(30, 6, 2009), 'dd-mm-yyyy']])]);
    expect(codesOf(findings)).toEqual(['DATUM_NA_PERIODE@L2']);
    expect(findings[0].message).toBe('Datum plaatsing (02-07-2009) ligt na het einde van de rapportageperiode (30-06-2009).');
  });

  test('a proefplaatsing or werkervaringsplaats is not a plaatsing', () => {
    const findings = rowsCheck([placedRow({ 'Soort werk': 'Proefplaatsing', 'Duurzame plaatsing': 'Nee' })]);
    expect(codesOf(findings)).toEqual(['PLAATSING_GEEN_WERK@M2']);
  });

  test('a plaatsing without arbeidsovereenkomst, except for a zelfstandig ondernemer', () => {
    expect(codesOf(rowsCheck([placedRow({ Arbeidsovereenkomst: 'Nee', 'Duurzame plaatsing': 'Nee' })]))).toEqual(['PLAATSING_GEEN_AO@N2']);
    expect(codesOf(rowsCheck([placedRow({ Arbeidsovereenkomst: 'Nee', 'Soort werk': 'Zelfstandig ondernemer' })]))).toEqual([]);
  });

  test('a duurzame plaatsing that does not meet the definition', () => {
    const findings = rowsCheck([placedRow({ 'Duur arbeidsovereenkomst (maanden)': 3 })]);
    expect(codesOf(findings)).toEqual(['DUURZAAM_ONTERECHT@Q2']);
    expect(findings[0]).toMatchObject({ term: 'duurzame-plaatsing', suggestion: 'Nee' });
    expect(findings[0].message).toBe(
      'Geen duurzame plaatsing: de arbeidsovereenkomst duurt 3 maanden. Een duurzame plaatsing is regulier werk, werk met loonkostensubsidie of zelfstandig ondernemer, met een arbeidsovereenkomst van minimaal 6 maanden of voor onbepaalde tijd (een zelfstandig ondernemer heeft geen arbeidsovereenkomst nodig); definitie duurzame-plaatsing.',
    );
    expect(codesOf(rowsCheck([placedRow({ 'Soort werk': 'Gesubsidieerd werk' })]))).toEqual(['DUURZAAM_ONTERECHT@Q2']);
    expect(codesOf(rowsCheck([runningRow({ 'Duurzame plaatsing': 'Ja' })]))).toEqual(['DUURZAAM_ONTERECHT@Q2']);
  });

  test('the profile decides the minimum and whether gesubsidieerd werk counts', () => {
    const defs = defsWithProfile([
      { term: 'duurzame-plaatsing', parameter: 'minimumMaanden', waarde: 12, motivering: 'Een jaar.' },
      { term: 'duurzame-plaatsing', parameter: 'gesubsidieerdWerkTelt', waarde: true, motivering: 'Beleidsvrijheid.' },
    ]);
    const nine = check([clientSheet({ rows: [placedRow({ 'Duur arbeidsovereenkomst (maanden)': 9 })] })], defs).findings;
    expect(codesOf(nine)).toEqual(['DUURZAAM_ONTERECHT@Q2']);
    expect(nine[0].message).toContain('gesubsidieerd werk of zelfstandig ondernemer, met een arbeidsovereenkomst van minimaal 12 maanden');
    expect(nine[0].message).toMatch(/; profiel Bergen 2009\.$/);
    expect(codesOf(check([clientSheet({ rows: [placedRow({ 'Soort werk': 'Gesubsidieerd werk' })] })], defs).findings)).toEqual([]);
  });

  test('a plaatsing more than 24 months after the start', () => {
    const findings = rowsCheck([placedRow({ 'Datum start traject': d(1, 2, 2008), 'Datum plaatsing': d(2, 2, 2010) })]);
    expect(codesOf(findings)).toEqual(['PLAATSING_NA_24_MAANDEN@L2']);
    expect(codesOf(rowsCheck([placedRow({ 'Datum start traject': d(1, 2, 2008), 'Datum plaatsing': d(1, 2, 2010) })]))).toEqual([]);
  });

  test('a terugmelding after the reclamation period (42 days, or the profile)', () => {
    const back = (days: number) =>
      runningRow({ Status: 'Teruggemeld', 'Datum intake': null, 'Datum start traject': null, 'Datum einde traject': d(7, 1, 2008) + days });
    expect(codesOf(rowsCheck([back(42)]))).toEqual([]);
    const late = rowsCheck([back(43)]);
    expect(codesOf(late)).toEqual(['TERUGMELDING_TE_LAAT@K2']);
    expect(late[0].message).toBe('De terugmelding valt 43 dagen na de aanmelding (07-01-2008), na de reclametermijn van 6 weken.');
    const defs = defsWithProfile([{ term: 'terugmelding', parameter: 'reclametermijnWeken', waarde: 8, motivering: 'Ruimer.' }]);
    expect(codesOf(check([clientSheet({ rows: [back(43)] })], defs).findings)).toEqual([]);
  });

  test('the same client, service and registration date twice', () => {
    const findings = rowsCheck([placedRow(), runningRow(), runningRow({ Dienst: 'Voortraject' })]);
    expect(codesOf(findings)).toEqual(['DUBBEL_CLIENT@A3']);
    expect(findings[0].message).toBe('Cliëntnummer NK-100001 staat met dezelfde dienst en datum aanmelding al in rij 2.');
  });

  test('a BSN in the id column (also with the leading zero lost) or as a token in text', () => {
    const findings = rowsCheck([
      placedRow({ Cliëntnummer: 123456782 }),
      runningRow({ Cliëntnummer: 12345672 }),
      runningRow({ Cliëntnummer: 'NK-9', Toelichting: 'Cliënt met nummer 123456782 gebeld.' }),
      runningRow({ Cliëntnummer: 123456789 }),
    ]);
    expect(codesOf(findings)).toEqual(['PRIVACY_BSN@A2', 'PRIVACY_BSN@A3', 'PRIVACY_BSN@T4']);
    expect(findings[1].message).toContain("'012345672'");
    expect(findings[2].fragment).toBe('123456782');
  });

  test('terms in Toelichting; code cells are not scanned for terms', () => {
    const findings = rowsCheck([runningRow({ Toelichting: 'Overleg met de klantmanager.', 'Reden uitval': null })]);
    expect(codesOf(findings)).toEqual(['TERM_NIET_CONFORM@T2']);
    expect(findings[0]).toMatchObject({ fragment: 'klantmanager', suggestion: 'werkcoach', column: 'Toelichting' });
  });

  test('a rule that cannot be judged because its column is missing does not fire', () => {
    const headers = HEADERS.filter((h) => h !== 'Duur arbeidsovereenkomst (maanden)' && h !== 'Datum start traject');
    const { findings } = check([clientSheet({ headers, rows: [placedRow({ 'Duur arbeidsovereenkomst (maanden)': 3, 'Datum plaatsing': d(2, 2, 2011) })] })]);
    expect(codesOf(findings)).toEqual([]);
  });
});

describe('management figures', () => {
  const rows = [
    placedRow(),
    placedRow({ Cliëntnummer: 'NK-2', 'Duur arbeidsovereenkomst (maanden)': 3, 'Duurzame plaatsing': 'Nee', 'Datum plaatsing': d(3, 3, 2008) }),
    runningRow({ Cliëntnummer: 'NK-3' }),
    runningRow({ Cliëntnummer: 'NK-4', Status: 'Uitgevallen', 'Reden uitval': 'Ziekte', 'Datum einde traject': d(1, 4, 2008) }),
    runningRow({ Cliëntnummer: 'NK-5', Status: 'Teruggemeld', 'Datum start traject': null, 'Datum intake': null, 'Datum einde traject': d(1, 2, 2008) }),
  ];
  const right: [string, unknown, string?][] = [
    ['Gemeente', 'Alkmaar'],
    ['Periode tot', d(30, 6, 2009), 'dd-mm-yyyy'],
    ['Aantal aanmeldingen', 5],
    ['Aantal teruggemeld', 1],
    ['Aantal gestarte trajecten', 4],
    ['Aantal lopende trajecten', 1],
    ['Aantal plaatsingen', 2],
    ['Aantal duurzame plaatsingen', 1],
    ['Aantal uitgevallen', 1],
    ['Aantal afgerond zonder plaatsing', 0],
    ['Plaatsingspercentage', 66.7],
    ['Uitvalpercentage', 0.3333, '0.0%'],
    ['Percentage duurzaam', '50%'],
    ['Gemiddelde doorlooptijd tot plaatsing (dagen)', 77],
  ];
  const run = (pairs: [string, unknown, string?][]) =>
    rowsCheck(rows, [managementSheet(pairs as [string, never, string?][])]);

  test('figures that match the client rows give no finding (percentages as 0-100 or Excel %, lead time ±1 day)', () => {
    expect(codesOf(run(right))).toEqual([]);
  });

  test('every differing figure is MANAGEMENT_AFWIJKING with the recomputed value', () => {
    const wrong = right.map(([label, value, fmt]): [string, unknown, string?] => {
      if (label === 'Aantal plaatsingen') return [label, 3];
      if (label === 'Plaatsingspercentage') return [label, 66.6];
      if (label === 'Gemiddelde doorlooptijd tot plaatsing (dagen)') return [label, 78];
      if (label === 'Aantal afgerond zonder plaatsing') return [label, 'n.v.t.'];
      return [label, value, fmt];
    });
    const findings = run(wrong);
    expect(codesOf(findings)).toEqual(['MANAGEMENT_AFWIJKING@B7', 'MANAGEMENT_AFWIJKING@B10', 'MANAGEMENT_AFWIJKING@B11', 'MANAGEMENT_AFWIJKING@B14']);
    expect(findings.map((f) => f.suggestion)).toEqual(['2', '0', '66,7', '76,5']);
    expect(findings[0].message).toBe('Aantal plaatsingen: opgegeven 3, herberekend uit de cliëntrijen 2 (definitie aantal-plaatsingen).');
  });

  test('a percentage with an empty denominator is n.v.t.', () => {
    const findings = check([
      clientSheet({ rows: [runningRow()] }),
      managementSheet([['Plaatsingspercentage', 'n.v.t.'], ['Percentage duurzaam', 0]]),
    ]).findings;
    expect(codesOf(findings)).toEqual(['MANAGEMENT_AFWIJKING@B2']);
    expect(findings[0].suggestion).toBe('n.v.t.');
  });

  test('label variants are flagged, labels are scanned for terms, unreadable values are TYPE_GETAL', () => {
    const findings = run([['Plaatsingen', 2], ['Aantal gestarte trajecten', 'veel'], ['Aantal vaste plaatsingen', 1]]);
    expect(codesOf(findings)).toEqual(['KOP_NIET_CONFORM@A1', 'TYPE_GETAL@B2', 'KOP_ONBEKEND@A3', 'TERM_NIET_CONFORM@A3']);
  });
});

describe('workbooks without a client sheet', () => {
  test('are checked for terms only', () => {
    const contract = { name: 'Contract', values: [['Artikel 3'], ['De opdrachtnemer rapporteert de vaste plaatsingen.'], [42]] };
    const result = check([contract, managementSheet([['Aantal plaatsingen', 99]])]);
    expect(result.report).toBe(false);
    expect(codesOf(result.findings)).toEqual(['TERM_NIET_CONFORM@A2']);
  });
});

describe('the documented example of every finding code', () => {
  test.each(FINDING_CODES.map((c) => [c]))('%s', (code) => {
    const finding = exampleFinding(code, standardDefs);
    expect(finding?.code).toBe(code);
  });
});

describe('matching a management figure', () => {
  const indicator = (id: string) => format.data.management.indicators.find((i) => i.id === id)!;
  test('percentages equal after rounding to one decimal; exactly halfway either way', () => {
    const p = indicator('plaatsingspercentage');
    expect(indicatorMatches(p, 51.2, 51.25)).toBe(true);
    expect(indicatorMatches(p, 51.3, 51.25)).toBe(true);
    expect(indicatorMatches(p, 51.1, 51.25)).toBe(false);
    expect(indicatorMatches(p, 66.66, 200 / 3)).toBe(true);
    expect(indicatorMatches(p, 66.6, 200 / 3)).toBe(false);
    expect(indicatorMatches(p, null, null)).toBe(true);
    expect(indicatorMatches(p, 0, null)).toBe(false);
  });
  test('counts exactly, lead time within a day', () => {
    expect(indicatorMatches(indicator('plaatsingen'), 3, 3)).toBe(true);
    expect(indicatorMatches(indicator('plaatsingen'), 3.0001, 3)).toBe(false);
    expect(indicatorMatches(indicator('doorlooptijd'), 77, 76.5)).toBe(true);
    expect(indicatorMatches(indicator('doorlooptijd'), 78, 76.5)).toBe(false);
  });
});

describe('the management period', () => {
  test('Periode van after Periode tot is flagged on Periode tot; a bad date is TYPE_DATUM', () => {
    const findings = check([
      clientSheet({ rows: [placedRow()] }),
      managementSheet([
        ['Periode van', d(1, 7, 2009), 'dd-mm-yyyy'],
        ['Periode tot', d(30, 6, 2009), 'dd-mm-yyyy'],
        ['Gemeente', 'Alkmaar'],
      ]),
    ]).findings;
    expect(codesOf(findings)).toEqual(['DATUMVOLGORDE@B2']);
    expect(findings[0]).toMatchObject({ value: '30-06-2009', message: 'Periode tot ligt voor Periode van (01-07-2009).' });
    expect(codesOf(check([clientSheet({ rows: [placedRow()] }), managementSheet([['Periode tot', 'eind juni']])]).findings)).toEqual(['TYPE_DATUM@B1']);
  });
});

describe('date systems', () => {
  test('a 1904 workbook: date cells are read 1462 days on, durations keep their value', () => {
    const shift = (sheet: ReturnType<typeof clientSheet>) => {
      const formats = sheet.formats as (string | undefined)[][];
      const values = sheet.values as unknown[][];
      values.forEach((row, r) => row?.forEach((v, c) => {
        if (typeof v === 'number' && formats[r]?.[c] !== undefined && /y/.test(formats[r][c] as string)) values[r][c] = v - 1462;
      }));
      return sheet;
    };
    const rows = [placedRow(), runningRow({ Cliëntnummer: 'NK-2' })];
    const as1904 = checkWorkbook({ sheets: [shift(clientSheet({ rows }))], dateSystem: 1904 }, standardDefs);
    expect(codesOf(as1904.findings)).toEqual([]);
    // Read as 1900 serials the same cells lie four years too early: before the 1990 limit for a 1993 date.
    const early = [placedRow({ 'Datum aanmelding': d(7, 1, 1993), 'Datum intake': null, 'Datum start traject': d(1, 2, 1993), 'Datum plaatsing': d(2, 6, 1993) })];
    expect(codesOf(checkWorkbook({ sheets: [shift(clientSheet({ rows: early }))], dateSystem: 1904 }, standardDefs).findings)).toEqual([]);
    expect(codesOf(checkWorkbook({ sheets: [shift(clientSheet({ rows: early }))] }, standardDefs).findings)).toEqual(['BEREIK@F2', 'BEREIK@H2', 'BEREIK@L2']);
    // A finding shows the date the user sees.
    const order = shift(clientSheet({ rows: [placedRow({ 'Datum plaatsing': d(15, 1, 2008) })] }));
    const finding = checkWorkbook({ sheets: [order], dateSystem: 1904 }, standardDefs).findings.find((f) => f.code === 'DATUMVOLGORDE');
    expect(finding?.value).toBe('15-01-2008');
  });

  test('a value formatted [m] is a duration in both date systems, never a date', () => {
    const sheet = { name: 'Notities', values: [[14, 'De reclametermijn is zes weken.']], formats: [['[m]', undefined]] };
    for (const dateSystem of [1900, 1904] as const) {
      const result = toDateSystem1900(sheet, dateSystem);
      expect(result.values[0]?.[0]).toBe(14);
    }
    const dated = { name: 'Notities', values: [[14]], formats: [['dd-mm-yyyy']] };
    expect(toDateSystem1900(dated, 1904).values[0]?.[0]).toBe(1476);
  });
});
