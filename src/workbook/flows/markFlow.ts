/**
 * Marking findings in a workbook, clearing the marks, and writing the
 * Controle sheet: the plan is pure (markPlan.ts), the adapter draws it.
 */
import type { Finding } from '../../engine/findings';
import type { WorkbookPort } from '../port';
import { controlSheetSpec, planMarks, type ControlSheetInfo } from './markPlan';
import { CONTROL_SHEET, ownSheetKind } from './ownSheets';

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

/**
 * Adds the Controle sheet listing the findings, or replaces our own earlier
 * one. A sheet of the user's that happens to be called "Controle" is never
 * replaced: ours then gets the first free name "Controle (2)", ... Returns
 * the name used.
 */
export async function writeControlSheet(port: WorkbookPort, findings: readonly Finding[], info: Omit<ControlSheetInfo, 'sheets'>): Promise<string> {
  const workbook = await port.describe();
  const names = workbook.sheets.map((s) => s.name);
  const base = info.name ?? CONTROL_SHEET;
  let name = base;
  for (let i = 2; names.includes(name); i++) {
    const existing = (await port.read({ sheets: [name] })).sheets[0];
    if (existing !== undefined && ownSheetKind(existing) === 'controle') break;
    name = `${base} (${i})`;
  }
  return port.putSheet(controlSheetSpec(findings, { ...info, name, sheets: new Set(names) }));
}
