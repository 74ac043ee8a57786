/**
 * The result of checking one input, and its public JSON shape (Dutch keys,
 * see shared/design/uniforme-rapportage.md, "JSON of one checked file").
 */
import { summarise, type Finding } from '../engine/findings';
import { isCellError, type RawValue } from '../engine/grid';

export interface FileReport {
  readonly file: string;
  readonly version: string;
  readonly profile: string | null;
  readonly findings: readonly Finding[];
  /** Rows checked: client rows, lines of a text, or rows with content. */
  readonly rows: number;
}

function jsonValue(value: RawValue): string | number | boolean | null {
  return isCellError(value) ? value.error : value;
}

export function findingJson(f: Finding) {
  return {
    blad: f.sheet,
    cel: f.cell,
    rij: f.row,
    kolom: f.column,
    code: f.code,
    ernst: f.severity,
    term: f.term,
    melding: f.message,
    waarde: jsonValue(f.value),
    suggestie: f.suggestion,
    fragment: f.fragment,
    suggesties: f.suggestions,
    positie: f.offset,
  };
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
