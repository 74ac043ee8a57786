/**
 * REINT.CONTROLEERRIJ: the findings of one row of the uniform report (code
 * and message), by the checker's row rules. What needs other rows (a
 * duplicate client) or the management sheet (dates after the period) is not
 * judged here; findings about the header row itself are left to a check of
 * the sheet.
 */
import type { RawValue } from '../engine/grid';
import { checkClientRows } from './clientRows';
import { emptyRows } from './functionInputs';
import type { FunctionsContext } from './functionsRuntime';

export function rowFindings(ctx: FunctionsContext, header: readonly RawValue[], row: readonly RawValue[]): string[][] {
  const { clients } = checkClientRows(ctx, [header, row]);
  const out = clients.findings.map((f) => [f.code, f.message]);
  return out.length > 0 ? out : emptyRows(2);
}
