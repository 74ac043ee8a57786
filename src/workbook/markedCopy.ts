/**
 * The marked copy of a checked workbook: every finding's cell gets a fill in
 * the colour of its worst severity and a note with the messages, and a sheet
 * `Controle` lists every finding with a link to its cell. The input file is
 * read, never written; the copy goes to a new path.
 */
import ExcelJS from 'exceljs';
import { CATALOGUE, summarise, type Finding, type Severity } from '../engine/findings';

export const FILLS: Record<Severity, string> = { fout: 'FFFFC7CE', waarschuwing: 'FFFFEB9C', info: 'FFDDEBF7' };
const RANK: Record<Severity, number> = { fout: 0, waarschuwing: 1, info: 2 };
export const NOTE_HEADING = 'Controle definitieset re-integratie';

export interface MarkedCopyInfo {
  readonly file: string;
  readonly version: string;
  readonly profile: string | null;
}

function uniqueSheetName(workbook: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; workbook.getWorksheet(name) !== undefined; i++) name = `${base} (${i})`;
  return name;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function noteText(existing: ExcelJS.Cell['note']): string {
  if (existing === undefined || existing === null) return '';
  if (typeof existing === 'string') return existing;
  return (existing.texts ?? []).map((t) => t.text).join('');
}

/** Marks the findings in `workbook` (in place) and adds the Controle sheet. */
export function markWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[], info: MarkedCopyInfo): string {
  const byCell = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.sheet === null || f.cell === null) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const list = byCell.get(key);
    if (list === undefined) byCell.set(key, [f]);
    else list.push(f);
  }
  for (const [key, list] of byCell) {
    const [sheetName, address] = key.split('\u0000');
    const sheet = workbook.getWorksheet(sheetName);
    if (sheet === undefined) continue;
    const cell = sheet.getCell(address);
    const worst = list.reduce((a, f) => (RANK[f.severity] < RANK[a] ? f.severity : a), 'info' as Severity);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[worst] } };
    const ours = [NOTE_HEADING, ...list.map((f) => `[${f.severity}] ${f.code}: ${f.message}`)].join('\n');
    const previous = noteText(cell.note);
    cell.note = previous === '' ? ours : `${previous}\n\n${ours}`;
  }

  const sheet = workbook.addWorksheet(uniqueSheetName(workbook, 'Controle'));
  const summary = summarise(findings);
  sheet.getCell('A1').value = `Controle van ${info.file}`;
  sheet.getCell('A1').font = { bold: true, size: 13 };
  sheet.getCell('A2').value =
    `Definitieset ${info.version}, profiel: ${info.profile ?? 'geen (standaardset)'}. ` +
    `${findings.length} bevindingen: ${summary.fout} fout, ${summary.waarschuwing} waarschuwing, ${summary.info} info.`;
  const headers = ['Blad', 'Cel', 'Rij', 'Kolom', 'Code', 'Ernst', 'Term', 'Melding', 'Waarde', 'Suggestie', 'Fragment', 'Regel'];
  const headerRow = sheet.getRow(4);
  headerRow.values = headers;
  headerRow.font = { bold: true };
  findings.forEach((f, i) => {
    const row = sheet.getRow(5 + i);
    const value = f.value === null ? null : typeof f.value === 'object' ? f.value.error : f.value;
    row.values = [
      f.sheet,
      f.cell,
      f.row,
      f.column,
      f.code,
      f.severity,
      f.term,
      f.message,
      typeof value === 'string' ? value : value === null ? null : String(value),
      f.suggestion,
      f.fragment,
      CATALOGUE[f.code].rule,
    ];
    if (f.sheet !== null && f.cell !== null && workbook.getWorksheet(f.sheet) !== undefined) {
      row.getCell(2).value = { text: f.cell, hyperlink: `#${quoteSheet(f.sheet)}!${f.cell}` };
      row.getCell(2).font = { color: { argb: 'FF0563C1' }, underline: true };
    }
    row.getCell(6).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[f.severity] } };
  });
  const widths = [14, 8, 6, 24, 24, 13, 22, 80, 24, 24, 20, 50];
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = w));
  sheet.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4 + findings.length, column: headers.length } };
  sheet.views = [{ state: 'frozen', ySplit: 4 }];
  return sheet.name;
}

/** Reads `inputPath`, marks it and writes the copy to `outputPath`. */
export async function writeMarkedCopy(
  inputPath: string,
  outputPath: string,
  findings: readonly Finding[],
  info: MarkedCopyInfo,
): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(inputPath);
  markWorkbook(workbook, findings, info);
  await workbook.xlsx.writeFile(outputPath);
}
