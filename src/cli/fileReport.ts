/**
 * The result of checking one input, and its public JSON shape (Dutch keys,
 * see shared/design/uniforme-rapportage.md, "JSON of one checked file").
 * Keys are only ever added: `kopie`, `profielbron`, `genegeerd` and
 * `nietGecontroleerd` come after the contract's own.
 */
import { summarise, type Finding } from '../engine/findings';
import { findingJson } from '../engine/findingPresentation';

export interface FileReport {
  readonly file: string;
  readonly version: string;
  readonly profile: string | null;
  readonly findings: readonly Finding[];
  /** Rows checked: client rows, lines of a text, or rows with content. */
  readonly rows: number;
  /** Where the profile came from (controleer): given with --profiel, stored in the workbook, or none. */
  readonly profileSource?: 'opgegeven' | 'werkmap' | null;
  /** Findings left out because they were accepted in the workbook (controleer). */
  readonly accepted?: number;
  /** Our own sheets that were not checked (controleer). */
  readonly skipped?: readonly { readonly sheet: string }[];
  /** The marked copy written (controleer --uit). */
  readonly copy?: string;
}

export function reportJson(report: FileReport) {
  return {
    bestand: report.file,
    definitieset: report.version,
    profiel: report.profile,
    bevindingen: report.findings.map(findingJson),
    samenvatting: { rijen: report.rows, ...summarise(report.findings) },
    ...(report.copy !== undefined ? { kopie: report.copy } : {}),
    ...(report.profileSource !== undefined ? { profielbron: report.profileSource } : {}),
    ...(report.accepted !== undefined ? { genegeerd: report.accepted } : {}),
    ...(report.skipped !== undefined ? { nietGecontroleerd: report.skipped.map((s) => s.sheet) } : {}),
  };
}

/** Exit status: 1 when any finding is a `fout`, else 0. */
export function exitStatus(reports: readonly FileReport[]): 0 | 1 {
  return reports.some((r) => r.findings.some((f) => f.severity === 'fout')) ? 1 : 0;
}
