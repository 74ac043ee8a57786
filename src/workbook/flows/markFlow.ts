/**
 * Marking findings in a workbook, clearing the marks, and writing the
 * Controle sheet: the plan is pure (markPlan.ts), the adapter draws it.
 */
import type { Finding } from '../../engine/findings';
import type { WorkbookPort } from '../port';
import { controlSheetSpec, planMarks, type ControlSheetInfo } from './markPlan';

/** Replaces every earlier mark of ours by the marks of these findings. Returns the number of marked cells. */
export async function markFindings(port: WorkbookPort, findings: readonly Finding[]): Promise<number> {
  const marks = planMarks(findings);
  await port.clearMarks();
  if (marks.length > 0) await port.applyMarks(marks);
  return marks.length;
}

/** Removes every mark of ours; the user's formatting and notes stay as they were. */
export function clearMarks(port: WorkbookPort): Promise<number> {
  return port.clearMarks();
}

/** Adds (or replaces) the Controle sheet listing the findings. Returns its name. */
export async function writeControlSheet(port: WorkbookPort, findings: readonly Finding[], info: Omit<ControlSheetInfo, 'sheets'>): Promise<string> {
  const workbook = await port.describe();
  return port.putSheet(controlSheetSpec(findings, { ...info, sheets: new Set(workbook.sheets.map((s) => s.name)) }));
}
