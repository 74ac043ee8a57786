/**
 * `reintegratie controleer <bestand.xlsx>...`: checks submissions against the
 * uniform report and the effective definitions, through the same flow as
 * the add-in (the profile and the accepted findings stored in a workbook
 * count; our own sheets are skipped); optionally writes a marked copy of
 * each input (--uit), never touching the input itself. Each file is
 * checked in a worker under a time and memory budget (checkRunner.ts).
 */
import { mkdirSync, realpathSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import { summarise } from '../engine/findings';
import type { CommonOptions, Output } from './context';
import type { CheckedFile, CheckJob, ProfileFile } from './checkJob';
import { budgetFromEnv, CheckRunner } from './checkRunner';
import { exitStatus, reportJson, type FileReport } from './fileReport';
import { InputError } from './inputError';
import { oldExcelLine, readTextFile, TEXT_EXTENSIONS, WORKBOOK_EXTENSIONS } from './inputFiles';
import { fileIdentity, type FileIdentity } from './outputFile';
import { Progress } from './progress';
import { alignedTable, renderReport } from './table';
import { terminalLine } from './terminalText';

export interface CheckOptions extends CommonOptions {
  readonly uit?: string;
  /** Show every finding in the table (default: the first TABLE_LIMIT). */
  readonly alles?: boolean;
}

const TABLE_LIMIT = 200;

/** Where the marked copy of `input` goes: <map>/<naam>-gecontroleerd.xlsx (.xlsm for a workbook with macros), never over an input. */
export function markedCopyPath(dir: string, input: string, taken: Set<string>): string {
  const ext = extname(input).toLowerCase() === '.xlsm' ? '.xlsm' : '.xlsx';
  const stem = basename(input, extname(input));
  let candidate = resolve(join(dir, `${stem}-gecontroleerd${ext}`));
  for (let i = 2; taken.has(candidate); i++) candidate = resolve(join(dir, `${stem}-gecontroleerd-${i}${ext}`));
  taken.add(candidate);
  return candidate;
}

/** Why a file is not a workbook controleer can check (null when it may be one). */
function notAWorkbook(file: string): string | null {
  const ext = extname(file).toLowerCase();
  if (WORKBOOK_EXTENSIONS.has(ext)) return null;
  if (TEXT_EXTENSIONS.has(ext)) return `${file}: is een tekstbestand; controleer leest Excel-werkmappen (.xlsx). Termen in tekst: 'reintegratie termen ${file}'.`;
  if (ext === '.csv') return `${file}: is een CSV-bestand; controleer leest Excel-werkmappen (.xlsx). Een eigen export zet u om met 'reintegratie omzetten ${file} --uit <rapportage.xlsx>'.`;
  return oldExcelLine(file) ?? `${file}: onbekend bestandstype '${ext || '(geen)'}'; controleer leest Excel-werkmappen (.xlsx).`;
}

function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** What checkFiles hands on, file by file in the order given. */
export interface CheckedFiles {
  readonly report: (report: CheckedFile) => void;
  /** A file that could not be checked: one Dutch line naming it. */
  readonly problem: (message: string) => void;
}

/**
 * Checks each file in the budgeted worker, one after the other, with a
 * progress bar on a terminal. An invalid --profiel stops the whole run
 * (InputError); a bug is thrown.
 */
export async function checkFiles(
  files: readonly string[],
  output: Output,
  jobOf: (file: string) => CheckJob,
  to: CheckedFiles,
  verb = 'Controleren',
): Promise<void> {
  const runner = new CheckRunner(budgetFromEnv());
  try {
    for (const [index, file] of files.entries()) {
      const refused = notAWorkbook(file);
      if (refused !== null) {
        to.problem(refused);
        continue;
      }
      const label = terminalLine(files.length > 1 ? `[${index + 1}/${files.length}] ${basename(file)}` : basename(file));
      const progress = new Progress(output.interactiveErr, `${verb} ${label}`);
      const outcome = await runner.run(jobOf(file), (done, total) => progress.update(done, total));
      progress.stop();
      switch (outcome.kind) {
        case 'report':
          to.report(outcome.report);
          break;
        case 'problem':
          to.problem(outcome.message);
          break;
        case 'profile':
          throw new InputError(outcome.message);
        case 'internal':
          throw new Error(outcome.message);
      }
    }
  } finally {
    await runner.close();
  }
}

export async function checkCommand(files: string[], options: CheckOptions, output: Output): Promise<number> {
  const profile: ProfileFile | null = options.profiel !== undefined ? { path: options.profiel, text: readTextFile(options.profiel) } : null;
  const reports: (FileReport & CheckedFile)[] = [];
  const problems: string[] = [];
  let uit: string | undefined;
  if (options.uit !== undefined) {
    try {
      mkdirSync(options.uit, { recursive: true });
    } catch {
      throw new InputError(`${options.uit}: map voor --uit kan niet worden gemaakt.`);
    }
    uit = realPath(options.uit);
  }
  // Inputs by path and by what is on disk, so no copy lands on one, whatever link leads there.
  const taken = new Set(files.flatMap((f) => [resolve(f), realPath(f)]));
  const inputs: FileIdentity[] = files.map(fileIdentity).filter((i): i is FileIdentity => i !== undefined);

  await checkFiles(
    files,
    output,
    (file) => ({ file, profile, copy: uit !== undefined ? { path: markedCopyPath(uit, file, taken), inputs } : undefined }),
    {
      report: (report) => {
        reports.push(report);
        if (report.copyProblem !== undefined) problems.push(report.copyProblem);
      },
      problem: (message) => problems.push(message),
    },
  );

  if (options.json) {
    if (reports.length > 0 || files.length > 1) {
      output.out(JSON.stringify(files.length > 1 ? reports.map(reportJson) : reportJson(reports[0]), null, 2));
    }
  } else if (reports.length > 0) {
    const style = { colour: output.colour };
    const blocks = reports.map((r) => {
      const text = renderReport(r, style, { one: 'cliëntrij', many: 'cliëntrijen' }, options.alles ? undefined : TABLE_LIMIT);
      return r.copy !== undefined ? `${text}\nGemarkeerde kopie: ${terminalLine(r.copy)}` : text;
    });
    if (reports.length > 1) blocks.push(batchSummary(reports));
    output.out(blocks.join('\n\n'));
  }
  for (const problem of problems) output.err(terminalLine(problem));
  return problems.length > 0 ? 2 : exitStatus(reports);
}

function batchSummary(reports: readonly FileReport[]): string {
  const rows = reports.map((r) => {
    const s = summarise(r.findings);
    return [terminalLine(basename(r.file)), String(r.rows), String(s.fout), String(s.waarschuwing), String(s.info)];
  });
  return `Samenvatting\n${alignedTable(['Bestand', 'Rijen', 'Fout', 'Waarschuwing', 'Info'], rows)}`;
}
