/**
 * `reintegratie vergelijk <bestand.xlsx>...`: a benchmark across
 * submissions. Each workbook is checked as `controleer` checks it (in the
 * budgeted worker, findings the user accepted left out), but every one by
 * the same definitions: the standard set, or the profile given with
 * --profiel (a profile stored in a workbook does not count here, or the
 * figures would not be comparable). The indicators are recomputed from the
 * client rows per submission and per vendor, municipality, service and
 * target group, with the findings next to them; as tables, JSON, or a new
 * workbook (--uit).
 */
import { standardDefinitionSet } from '../definitions/definitionSet';
import { standardReportFormat } from '../definitions/reportFormat';
import { compareSubmissions, notASubmission, submissionInput, type SubmissionInput } from '../engine/submissionComparison';
import { comparisonSheets } from '../workbook/flows/comparisonSheets';
import { checkFiles } from './checkCommand';
import type { ProfileFile } from './checkJob';
import { comparisonJson, renderComparison } from './comparisonReport';
import type { CommonOptions, Output } from './context';
import { readProfileFile, readTextFile } from './inputFiles';
import { newWorkbook, outputPath, saveWorkbook, type OutputOptions } from './templateFiles';
import { terminalLine } from './terminalText';

export interface CompareOptions extends CommonOptions, OutputOptions {}

export async function compareCommand(files: string[], options: CompareOptions, output: Output): Promise<number> {
  const set = standardDefinitionSet();
  let profile: ProfileFile | null = null;
  if (options.profiel !== undefined) {
    profile = { path: options.profiel, text: readTextFile(options.profiel) };
    readProfileFile(options.profiel, set); // an invalid profile stops the run before any file is read
  }
  // Where the workbook goes is settled before the work: a name that is taken stops the run now, not after it.
  const path = options.uit !== undefined ? outputPath(options, 'de vergelijking', profile !== null ? [...files, profile.path] : files) : undefined;

  const format = standardReportFormat();
  const inputs: SubmissionInput[] = [];
  const problems: string[] = [];
  let version = '';
  let profileName: string | null = null;
  await checkFiles(
    files,
    output,
    (file) => ({ file, profile, groups: true, storedProfile: false }),
    {
      report: (report) => {
        if (report.figures === undefined) {
          problems.push(notASubmission(report.file, format));
          return;
        }
        version = report.version;
        profileName = report.profile;
        inputs.push(submissionInput(report.file, report.figures, report.findings));
      },
      problem: (message) => problems.push(message),
    },
    'Herberekenen',
  );

  if (inputs.length === 0) {
    for (const problem of problems) output.err(terminalLine(problem));
    output.err('Geen inzending om te vergelijken.');
    return 2;
  }
  const comparison = compareSubmissions(inputs, format);
  const header = { version, profile: profileName };

  if (path !== undefined) {
    const workbook = newWorkbook();
    const made = new Date().toLocaleString('nl-NL', { dateStyle: 'long', timeStyle: 'short' });
    for (const sheet of comparisonSheets({ comparison, format, version, profile: profileName, made })) await workbook.putSheet(sheet);
    saveWorkbook(workbook, path, profile !== null ? [...files, profile.path] : files);
  }
  if (options.json) {
    output.out(JSON.stringify({ ...comparisonJson(comparison, header, format), ...(path !== undefined ? { uit: path } : {}) }, null, 2));
  } else {
    const text = renderComparison(comparison, header, format, { colour: output.colour });
    output.out(path !== undefined ? `${text}\n\nVergelijking geschreven: ${terminalLine(path)}` : text);
  }
  for (const problem of problems) output.err(terminalLine(problem));
  // As controleer: 1 when a submission has a finding of severity fout.
  return problems.length > 0 ? 2 : inputs.some((i) => i.findings.fout > 0) ? 1 : 0;
}
