/**
 * `reintegratie controleer <bestand.xlsx>...`: checks submissions against the
 * uniform report and the effective definitions; optionally writes a marked
 * copy of each input (--uit), never touching the input itself.
 */
import { mkdirSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { checkWorkbook } from '../engine/checkWorkbook';
import { summarise } from '../engine/findings';
import { loadDefinitions, type CommonOptions, type Output } from './context';
import { exitStatus, reportJson, type FileReport } from './fileReport';
import { InputError } from './inputError';
import { inputKind, readWorkbookFile } from './inputFiles';
import { Progress } from './progress';
import { renderReport } from './table';

export interface CheckOptions extends CommonOptions {
  readonly uit?: string;
  /** Show every finding in the table (default: the first TABLE_LIMIT). */
  readonly alles?: boolean;
}

const TABLE_LIMIT = 200;

/** Where the marked copy of `input` goes: <map>/<naam>-gecontroleerd.xlsx, never over an input. */
export function markedCopyPath(dir: string, input: string, taken: Set<string>): string {
  const stem = basename(input, extname(input));
  let candidate = resolve(join(dir, `${stem}-gecontroleerd.xlsx`));
  for (let i = 2; taken.has(candidate); i++) candidate = resolve(join(dir, `${stem}-gecontroleerd-${i}.xlsx`));
  taken.add(candidate);
  return candidate;
}

export async function checkCommand(files: string[], options: CheckOptions, output: Output): Promise<number> {
  const defs = loadDefinitions(options);
  const reports: (FileReport & { copy?: string })[] = [];
  const problems: string[] = [];
  if (options.uit !== undefined) {
    try {
      mkdirSync(options.uit, { recursive: true });
    } catch {
      throw new InputError(`${options.uit}: map voor --uit kan niet worden gemaakt.`);
    }
  }
  const taken = new Set(files.map((f) => resolve(f)));

  for (const [index, file] of files.entries()) {
    try {
      if (inputKind(file) !== 'werkmap') throw new InputError(`${file}: is geen Excel-werkmap (.xlsx).`);
      const workbook = readWorkbookFile(file);
      const label = files.length > 1 ? `[${index + 1}/${files.length}] ${basename(file)}` : basename(file);
      const progress = new Progress(output.interactiveErr, `Controleren ${label}`);
      const check = checkWorkbook(workbook, defs, { onProgress: (done, total) => progress.update(done, total) });
      progress.stop();
      const report: FileReport & { copy?: string } = {
        file,
        version: defs.version,
        profile: defs.profile?.naam ?? null,
        findings: check.findings,
        rows: check.rows,
      };
      if (options.uit !== undefined) {
        const copy = markedCopyPath(options.uit, file, taken);
        // ExcelJS is loaded only when a marked copy is asked for (it costs half a second to load).
        const { writeMarkedCopy } = await import('../workbook/markedCopy');
        await writeMarkedCopy(file, copy, check.findings, { file: basename(file), version: report.version, profile: report.profile });
        report.copy = copy;
      }
      reports.push(report);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(error.message);
    }
  }

  if (options.json) {
    if (reports.length > 0 || files.length > 1) {
      const withCopy = (r: (typeof reports)[number]) => (r.copy !== undefined ? { ...reportJson(r), kopie: r.copy } : reportJson(r));
      output.out(JSON.stringify(files.length > 1 ? reports.map(withCopy) : withCopy(reports[0]), null, 2));
    }
  } else if (reports.length > 0) {
    const style = { colour: output.colour };
    const blocks = reports.map((r) => {
      const text = renderReport(r, style, { one: 'cliëntrij', many: 'cliëntrijen' }, options.alles ? undefined : TABLE_LIMIT);
      return r.copy !== undefined ? `${text}\nGemarkeerde kopie: ${r.copy}` : text;
    });
    if (reports.length > 1) blocks.push(batchSummary(reports));
    output.out(blocks.join('\n\n'));
  }
  for (const problem of problems) output.err(problem);
  return problems.length > 0 ? 2 : exitStatus(reports);
}

function batchSummary(reports: readonly FileReport[]): string {
  const rows = reports.map((r) => {
    const s = summarise(r.findings);
    return [basename(r.file), String(r.rows), String(s.fout), String(s.waarschuwing), String(s.info)];
  });
  const header = ['Bestand', 'Rijen', 'Fout', 'Waarschuwing', 'Info'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return ['Samenvatting', line(header), ...rows.map(line)].join('\n');
}
