/**
 * The findings list of the Controleren section as pure data: the filter
 * (severity, code, sheet), the groups by code with the Dutch rule, and the
 * flat rows a virtualised list draws (a header per group, then its
 * findings unless the group is collapsed).
 */
import { CATALOGUE, FINDING_CODES, type Finding, type FindingCode, type Severity } from '../../engine/findings';
import { SEVERITY_RANK } from '../../workbook/marks';

export interface FindingFilter {
  /** null: every severity. */
  readonly severity: Severity | null;
  readonly code: FindingCode | null;
  readonly sheet: string | null;
}

export const NO_FILTER: FindingFilter = Object.freeze({ severity: null, code: null, sheet: null });

export function filterFindings(findings: readonly Finding[], filter: FindingFilter): Finding[] {
  if (filter.severity === null && filter.code === null && filter.sheet === null) return findings.slice();
  return findings.filter(
    (f) =>
      (filter.severity === null || f.severity === filter.severity) &&
      (filter.code === null || f.code === filter.code) &&
      (filter.sheet === null || f.sheet === filter.sheet),
  );
}

/** The choices the filters offer: codes in catalogue order and sheets in order of appearance. */
export function filterChoices(findings: readonly Finding[]): { codes: FindingCode[]; sheets: string[] } {
  const codes = new Set<FindingCode>();
  const sheets = new Set<string>();
  for (const f of findings) {
    codes.add(f.code);
    if (f.sheet !== null) sheets.add(f.sheet);
  }
  return { codes: FINDING_CODES.filter((c) => codes.has(c)), sheets: [...sheets] };
}

export interface GroupRow {
  readonly kind: 'group';
  readonly code: FindingCode;
  readonly severity: Severity;
  readonly rule: string;
  readonly count: number;
  readonly expanded: boolean;
}

export interface FindingRow {
  readonly kind: 'finding';
  readonly code: FindingCode;
  readonly finding: Finding;
}

export type ListRow = GroupRow | FindingRow;

const codeOrder = new Map(FINDING_CODES.map((c, i) => [c, i]));

/** Groups by code, most severe first (then catalogue order); findings keep their order (sheet, row, column). */
export function groupRows(findings: readonly Finding[], collapsed: ReadonlySet<FindingCode>): ListRow[] {
  const groups = new Map<FindingCode, Finding[]>();
  for (const f of findings) {
    const list = groups.get(f.code);
    if (list === undefined) groups.set(f.code, [f]);
    else list.push(f);
  }
  const codes = [...groups.keys()].sort(
    (a, b) => SEVERITY_RANK[CATALOGUE[a].severity] - SEVERITY_RANK[CATALOGUE[b].severity] || (codeOrder.get(a) ?? 0) - (codeOrder.get(b) ?? 0),
  );
  const rows: ListRow[] = [];
  for (const code of codes) {
    const list = groups.get(code) as Finding[];
    const expanded = !collapsed.has(code);
    rows.push({ kind: 'group', code, severity: CATALOGUE[code].severity, rule: CATALOGUE[code].rule, count: list.length, expanded });
    if (expanded) for (const finding of list) rows.push({ kind: 'finding', code, finding });
  }
  return rows;
}
