/**
 * The result of checking one input, and its public JSON shape (Dutch keys,
 * see shared/design/uniforme-rapportage.md, "JSON of one checked file").
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
}

export function reportJson(report: FileReport) {
  return {
    bestand: report.file,
    definitieset: report.version,
    profiel: report.profile,
    bevindingen: report.findings.map(findingJson),
    samenvatting: { rijen: report.rows, ...summarise(report.findings) },
  };
}

/** Exit status: 1 when any finding is a `fout`, else 0. */
export function exitStatus(reports: readonly FileReport[]): 0 | 1 {
  return reports.some((r) => r.findings.some((f) => f.severity === 'fout')) ? 1 : 0;
}
