/**
 * REINT.POSITIE: a re-integration position as its number from a label
 * ("3 Arbeidsactivering", "Arbeidsactivering", "Trede 3") and as its label
 * from a number, read as the checker reads the position column.
 */
import type { RawValue } from '../engine/grid';
import { parseNumberText } from '../engine/cellValues';
import { checkClientRows, headerOf } from './clientRows';
import { invalid, notAvailable } from './functionErrors';
import type { FunctionsContext } from './functionsRuntime';

/** The position column with two others, so that the header is recognised as one of the report. */
const FIELDS = ['clientnummer', 'gemeente', 'positie'] as const;

export function position(ctx: FunctionsContext, value: RawValue): number | string {
  if (value === null || (typeof value === 'string' && value.trim() === '')) {
    throw notAvailable('Geef een re-integratiepositie op: een getal van 0 tot en met 6 of een omschrijving.');
  }
  const header = headerOf(ctx, FIELDS);
  const { clients } = checkClientRows(ctx, [header, ['-', '-', value]]);
  const parsed = clients.rows[0].cells[clients.field.positie];
  if (parsed.state !== 'ok' || parsed.code === undefined) {
    const problem = clients.findings.find((f) => f.column === header[2]);
    throw invalid(problem?.message ?? `'${String(value)}' is geen re-integratiepositie.`);
  }
  const numeric = typeof value === 'number' || (typeof value === 'string' && parseNumberText(value) !== undefined);
  return numeric ? parsed.code.code : (parsed.code.number as number);
}
