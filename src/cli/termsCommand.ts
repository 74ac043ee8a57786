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
import { inputKind, readStdin, readTextFileWithNote, readWorkbookFile } from './inputFiles';
import { scanText } from './parallelScan';

/** Findings in a plain text: one per occurrence, `rij` the line number (`hits`: the text's scan, if made already). */
export function scanPlainText(matcher: TermMatcher, text: string, hits: readonly TextFinding[] = matcher.scan(text)): { findings: Finding[]; lines: number } {
  // The line of each hit is found by walking from the line of the hit before: hits come in text order
  // (a walk back only when one does not), so the text is searched for line ends once.
  let line = 0; // 0-based, the line that starts at lineStart
  let lineStart = 0;
  let lineEnd = text.indexOf('\n'); // -1: the last line
  let at: CellLocation | undefined;
  let valueEnd = 0; // where at.value ends in the text
  const findings = hits.map((hit) => {
    while (hit.start < lineStart) {
      lineEnd = lineStart - 1;
      lineStart = lineEnd === 0 ? 0 : text.lastIndexOf('\n', lineEnd - 1) + 1;
      line--;
    }
    while (lineEnd >= 0 && lineEnd < hit.start) {
      lineStart = lineEnd + 1;
      lineEnd = text.indexOf('\n', lineStart);
      line++;
    }
    if (at === undefined || at.row !== line + 1) {
      const end = lineEnd < 0 ? text.length : lineEnd;
      valueEnd = text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      at = { sheet: null, cell: null, row: line + 1, column: null, value: text.slice(lineStart, valueEnd) };
    }
    if (valueEnd - lineStart > LONG_LINE) {
      return locateTextFinding(hit, { ...at, value: lineExcerpt(text, lineStart, valueEnd, hit.start, hit.end) });
    }
    return locateTextFinding(hit, at);
  });
  // The lines after the last hit; a line end at the very end does not start another line.
  while (lineEnd >= 0) {
    lineEnd = text.indexOf('\n', lineEnd + 1);
    line++;
  }
  const lines = text.length === 0 ? 0 : line + (text.endsWith('\n') ? 0 : 1);
  return { findings, lines };
}

/**
 * Lines longer than this (a text without line breaks, such as one taken
 * from a PDF) are not repeated whole in each finding's `waarde`: every
 * finding on them would carry the whole line, and a 100 KB line with a
 * thousand findings gave 440 MB of JSON. Such a finding gets an excerpt
 * around its fragment instead (`positie` stays the offset in the text).
 */
export const LONG_LINE = 1000;

/** Characters of context on each side of a fragment in an excerpt of a long line. */
const EXCERPT_CONTEXT = 120;

/**
 * The part of the line [lineStart, lineEnd) around [start, end): up to
 * EXCERPT_CONTEXT characters on each side, cut at a space where there is
 * one, with '…' where the line goes on.
 */
export function lineExcerpt(text: string, lineStart: number, lineEnd: number, start: number, end: number): string {
  let from = Math.max(lineStart, start - EXCERPT_CONTEXT);
  let to = Math.min(lineEnd, end + EXCERPT_CONTEXT);
  if (from > lineStart) {
    const space = text.indexOf(' ', from);
    if (space >= 0 && space < start) from = space + 1;
  }
  if (to < lineEnd) {
    const space = text.lastIndexOf(' ', to);
    if (space >= end) to = space;
  }
  return `${from > lineStart ? '…' : ''}${text.slice(from, to)}${to < lineEnd ? '…' : ''}`;
}

export async function termsCommand(files: string[], options: CommonOptions, output: Output): Promise<number> {
  const defs = loadDefinitions(options);
  const matcher = termMatcher(defs);
  const base = { version: defs.version, profile: defs.profile?.naam ?? null };
  const reports: FileReport[] = [];
  const problems: string[] = [];

  if (files.length === 0) {
    const input = await readStdin();
    if (input.note !== null) output.err(input.note);
    const { findings, lines } = scanPlainText(matcher, input.text);
    reports.push({ ...base, file: '-', findings, rows: lines });
  }
  for (const file of files) {
    try {
      if (inputKind(file) === 'tekst') {
        const { text, note } = readTextFileWithNote(file);
        if (note !== null) output.err(note);
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
