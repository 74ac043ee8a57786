/**
 * Hand-run timing check (not a jest test): writes a 100,000-row × 20-column
 * workbook with ExcelJS's streaming writer, then times readXlsx against
 * ExcelJS's own reader on it.
 *
 *   npx tsx tests/workbook/readXlsx.timing.ts [rows] [--inline-strings]
 */

import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { readXlsx } from '../../src/workbook/xlsx/readXlsx';

const rows = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 100000);
const sharedStrings = !process.argv.includes('--inline-strings');

async function writeWorkbook(path: string): Promise<void> {
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: sharedStrings, useStyles: true });
  const sheet = writer.addWorksheet('Cliënten');
  const columns = Array.from({ length: 20 }, (_, i) => ({ header: `Kolom ${i + 1}`, key: `k${i}`, width: 12 }));
  sheet.columns = columns;
  sheet.getColumn(4).numFmt = 'dd-mm-yyyy';
  sheet.getColumn(12).numFmt = 'dd-mm-yyyy';
  sheet.getColumn(6).numFmt = '0.00%';
  const gemeenten = ['Haarlem', 'Zandvoort', 'Bloemendaal', 'Heemstede', 'Velsen', 'Beverwijk'];
  const instrumenten = ['Loonkostensubsidie', 'Jobcoaching', 'Proefplaatsing', 'Scholing', 'Werkfit-traject'];
  for (let r = 0; r < rows; r++) {
    const day = new Date(Date.UTC(2020, 0, 1 + (r % 1500)));
    sheet
      .addRow([
        `K${String(100000 + r)}`,
        gemeenten[r % gemeenten.length],
        r * 7 + 3,
        day,
        instrumenten[r % instrumenten.length],
        (r % 100) / 100,
        Math.round(r * 13.37) / 100,
        `Opmerking bij rij ${r} met wat tekst`,
        r % 3 === 0,
        `INS-${r % 250}`,
        r % 12,
        new Date(Date.UTC(2021, 5, 1 + (r % 700))),
        `${r % 97} uur`,
        1234.5 + r,
        `Traject ${r % 1000}`,
        r % 2 === 0 ? 'ja' : 'nee',
        r * 0.25,
        `Contract NK-${r % 40}`,
        r,
        `Casemanager ${r % 60}`,
      ])
      .commit();
  }
  sheet.commit();
  await writer.commit();
}

function seconds(wallMs: number, cpu: NodeJS.CpuUsage): string {
  return `${(wallMs / 1000).toFixed(2)} s / ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'xlsx-timing-'));
  const path = join(dir, 'groot.xlsx');
  try {
    let t = performance.now();
    await writeWorkbook(path);
    console.log(`geschreven: ${rows} rijen × 20 kolommen, ${(statSync(path).size / 1048576).toFixed(1)} MiB, ${((performance.now() - t) / 1000).toFixed(1)} s (shared strings: ${sharedStrings})`);

    const bytes = new Uint8Array(readFileSync(path));
    const times: string[] = [];
    let cells = 0;
    let rowsRead = 0;
    for (let run = 0; run < 5; run++) {
      const cpu = process.cpuUsage();
      t = performance.now();
      const workbook = readXlsx(bytes);
      times.push(seconds(performance.now() - t, process.cpuUsage(cpu)));
      const sheet = workbook.sheets[0];
      rowsRead = sheet.values.length;
      cells = 0;
      for (const row of sheet.values) if (row) for (const v of row) if (v !== null) cells++;
    }
    console.log(`readXlsx (wall / cpu, 5 runs): ${times.join('  ')} — ${rowsRead} rijen, ${cells} cellen`);

    const cpu = process.cpuUsage();
    t = performance.now();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    let excelCells = 0;
    wb.eachSheet((ws) => {
      ws.eachRow({ includeEmpty: true }, (row) => {
        row.eachCell({ includeEmpty: true }, (cell) => {
          if (cell.value !== null) excelCells++;
        });
      });
    });
    console.log(`ExcelJS xlsx.readFile + alle cellen (wall / cpu): ${seconds(performance.now() - t, process.cpuUsage(cpu))} — ${excelCells} cellen`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
