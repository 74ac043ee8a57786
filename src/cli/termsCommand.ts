/**
 * `reintegratie termen [bestand...]`: flags non-conforming terms in text
 * files, in every text cell of workbooks, or in standard input.
 */
import type { Finding } from '../engine/findings';
import { countFilledRows, locateTextFinding, scanTextCells, type CellLocation } from '../engine/textCells';
import { termMatcher, type TermMatcher, type TextFinding } from '../engine/termMatcher';
import { loadDefinitions, type CommonOptions, type Output } from './context';
import { exitStatus, reportJson, type FileReport } from './fileReport';
import { InputError } from './inputError';
import { inputKind, readStdin, readTextFile, readWorkbookFile } from './inputFiles';
import { scanText } from './parallelScan';

/** Findings in a plain text: one per occurrence, `rij` the line number (`hits`: the text's scan, if made already). */
export function scanPlainText(matcher: TermMatcher, text: string, hits: readonly TextFinding[] = matcher.scan(text)): { findings: Finding[]; lines: number } {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  let at: CellLocation | undefined;
  let line = 0;
  const findings = hits.map((hit) => {
    // Hits come in text order: the next line is found by stepping on (a search only when one goes back).
    if (hit.start < lineStarts[line]) line = lineOf(hit.start);
    while (line + 1 < lineStarts.length && lineStarts[line + 1] <= hit.start) line++;
    if (at === undefined || at.row !== line + 1) {
      const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] - 1 : text.length;
      const value = text.charCodeAt(lineEnd - 1) === 13 ? text.slice(lineStarts[line], lineEnd - 1) : text.slice(lineStarts[line], lineEnd);
      at = { sheet: null, cell: null, row: line + 1, column: null, value };
    }
    return locateTextFinding(hit, at);
  });
  const lines = text.length === 0 ? 0 : lineStarts.length - (text.endsWith('\n') ? 1 : 0);
  return { findings, lines };
}

export async function termsCommand(files: string[], options: CommonOptions, output: Output): Promise<number> {
  const defs = loadDefinitions(options);
  const matcher = termMatcher(defs);
  const base = { version: defs.version, profile: defs.profile?.naam ?? null };
  const reports: FileReport[] = [];
  const problems: string[] = [];

  if (files.length === 0) {
    const { findings, lines } = scanPlainText(matcher, await readStdin());
    reports.push({ ...base, file: '-', findings, rows: lines });
  }
  for (const file of files) {
    try {
      if (inputKind(file) === 'tekst') {
        const text = readTextFile(file);
        const { findings, lines } = scanPlainText(matcher, text, await scanText(matcher, text, defs.profile));
        reports.push({ ...base, file, findings, rows: lines });
      } else {
        const workbook = readWorkbookFile(file);
        const findings = workbook.sheets.flatMap((sheet) => scanTextCells(sheet, matcher));
        const rows = workbook.sheets.reduce((n, sheet) => n + countFilledRows(sheet), 0);
        reports.push({ ...base, file, findings, rows });
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }

  if (options.json) {
    if (reports.length > 0 || files.length > 1) {
      const json = files.length > 1 ? reports.map(reportJson) : reportJson(reports[0]);
      output.out(JSON.stringify(json, null, 2));
    }
  } else if (reports.length > 0) {
    const unit = (r: FileReport) =>
      r.file === '-' || /\.(txt|md|markdown)$/i.test(r.file) ? { one: 'regel', many: 'regels' } : { one: 'rij', many: 'rijen' };
    const { renderReport } = require('./table') as typeof import('./table');
    output.out(reports.map((r) => renderReport(r, { colour: output.colour }, unit(r))).join('\n\n'));
  }
  for (const problem of problems) output.err(problem);
  return problems.length > 0 ? 2 : exitStatus(reports);
}
