/**
 * Placeholders in a municipality's own .xlsx: `reintegratie contract
 * --sjabloon` fills every known placeholder in a copy and changes nothing
 * else. Both files are read back with ExcelJS and compared cell by cell:
 * value, formula and style of every other cell (formulas that show a
 * placeholder included: they stay formulas), the style of the filled cells,
 * merges, widths and the other sheet; the own file is untouched.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { recalculateWithLibreOffice } from '../support/libreOffice';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';
import { runCli, tempDir } from '../support/runCli';

const contractData = join(__dirname, '..', '..', 'examples', 'contract-gegevens-noord-kennemerland.json');

async function ownWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Contract');
  ws.getColumn(1).width = 42;
  ws.getColumn(2).width = 18;
  ws.mergeCells('A1:C1');
  ws.getCell('A1').value = 'Overeenkomst met {{opdrachtnemer.naam}}';
  ws.getCell('A1').font = { bold: true, size: 16, color: { argb: 'FF1F4E79' } };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = 'Kenmerk';
  ws.getCell('B2').value = '{{kenmerk}}';
  ws.getCell('B2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  ws.getCell('A3').value = 'Budget';
  ws.getCell('B3').value = '{{budget.bedrag}}';
  ws.getCell('B3').numFmt = '€ #,##0';
  ws.getCell('A4').value = 'Ingangsdatum';
  ws.getCell('B4').value = '{{looptijd.van}}';
  ws.getCell('B4').numFmt = 'd mmmm yyyy';
  ws.getCell('A5').value = 'Jaarbudget';
  ws.getCell('B5').value = { formula: 'B3/2', result: 0 };
  ws.getCell('A6').value = 'Reclametermijn: {{reclametermijnWeken}} weken; {{onbekend}}';
  ws.getCell('A6').alignment = { wrapText: true };
  ws.getCell('A6').border = { bottom: { style: 'thin', color: { argb: 'FF000000' } } };
  ws.getCell('A7').value = 'Gewone tekst in een rand.';
  ws.getCell('A7').border = { top: { style: 'double' } };
  ws.getCell('C7').value = 12.5;
  ws.getCell('C7').numFmt = '0.00';
  // Formulas whose result shows a placeholder: one refers to a placeholder cell (it follows that cell),
  // one has the placeholder in its own text (the user fills it there). Neither may become a constant.
  ws.getCell('C2').value = { formula: 'B2', result: '{{kenmerk}}' };
  ws.getCell('A8').value = { formula: '"Opdrachtgever: "&"{{opdrachtgever.naam}}"', result: 'Opdrachtgever: {{opdrachtgever.naam}}' };
  const notes = wb.addWorksheet('Toelichting');
  notes.getCell('A1').value = 'Geen plaatshouders hier.';
  notes.getCell('B2').value = new Date(Date.UTC(2025, 5, 1));
  await wb.xlsx.writeFile(path);
}

async function read(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

const FILLED: Record<string, unknown> = {
  A1: 'Overeenkomst met Werkpad Re-integratie B.V.',
  B2: 'NK-RI-2026-014',
  B3: 1250000,
  B4: '1 januari 2026',
  A6: 'Reclametermijn: 6 weken; {{onbekend}}',
};

test('every placeholder filled, unknown ones reported with their cell, every other cell and every style as before', async () => {
  const dir = tempDir();
  const own = join(dir, 'eigen-contract.xlsx');
  await ownWorkbook(own);
  const before = readFileSync(own);
  const out = join(dir, 'contract.xlsx');
  const result = runCli(['contract', '--gegevens', contractData, '--sjabloon', own, '--uit', out]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(1);
  expect(result.stdout).toContain('5 cellen ingevuld');
  expect(result.stdout).toContain('{{onbekend}} in Contract!A6');
  expect(result.stdout).toContain('Plaatshouders in een formule');
  expect(result.stdout).toContain('{{opdrachtgever.naam}} in Contract!A8');
  expect(result.stdout).not.toContain('Contract!C2');
  expect(readFileSync(own)).toEqual(before);

  const [a, b] = [await read(own), await read(out)];
  expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
  for (const sheet of a.worksheets) {
    const other = b.getWorksheet(sheet.name)!;
    expect(other.model.merges).toEqual(sheet.model.merges);
    for (let c = 1; c <= 3; c++) expect(other.getColumn(c).width).toBe(sheet.getColumn(c).width);
    sheet.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const copy = other.getCell(r, c);
        expect([cell.address, copy.style]).toEqual([cell.address, cell.style]);
        // A cell merged into another shows the value of the merge's first cell.
        if (cell.isMerged && cell.master !== cell) expect(copy.master.address).toBe(cell.master.address);
        else if (sheet.name === 'Contract' && cell.address in FILLED) expect([cell.address, copy.value]).toEqual([cell.address, FILLED[cell.address]]);
        else expect([cell.address, copy.value]).toEqual([cell.address, cell.value]);
      }),
    );
  }

  // The cached result of '=B2' still shows the placeholder: the copy asks for a calculation on load, and
  // a spreadsheet that calculates gives the filled text.
  expect(strFromU8(unzipSync(readFileSync(out))['xl/workbook.xml'])).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  const calculated = readXlsx(recalculateWithLibreOffice(readFileSync(out))).sheets.find((s) => s.name === 'Contract')!;
  expect(calculated.values[1]?.[2]).toBe('NK-RI-2026-014'); // C2: =B2
  expect(calculated.values[7]?.[0]).toBe('Opdrachtgever: {{opdrachtgever.naam}}'); // A8, left for the user
});
