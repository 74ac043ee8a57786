/**
 * REINT.DUURZAAM: whether a placement meets the effective definition of
 * duurzame plaatsing, judged by the checker's own rule (DurablePlacement) on
 * a row with status Geplaatst and the given kind of work, employment
 * contract and duration.
 */
import type { RawValue } from '../engine/grid';
import { checkClientRows, headerOf } from './clientRows';
import { invalid } from './functionErrors';
import type { FunctionsContext } from './functionsRuntime';

const FIELDS = ['status', 'soortWerk', 'arbeidsovereenkomst', 'duur'] as const;
const PLACED = 'geplaatst';

export function isDurable(ctx: FunctionsContext, kindOfWork: RawValue, contract: RawValue, months: RawValue): boolean {
  const placed = ctx.format.codeLists.get('status')?.byId.get(PLACED)?.code ?? PLACED;
  const header = headerOf(ctx, FIELDS);
  const { clients } = checkClientRows(ctx, [header, [placed, kindOfWork, contract, months]]);
  const row = clients.rows[0];
  const cell = (field: (typeof FIELDS)[number]) => row.cells[clients.field[field]];
  const verdict = ctx.durable().judge({
    status: cell('status'),
    soortWerk: cell('soortWerk'),
    arbeidsovereenkomst: cell('arbeidsovereenkomst'),
    duur: cell('duur'),
  });
  if (verdict.durable === 'undetermined') {
    // A value the definition needs cannot be read: say which, in the checker's words.
    const columns = new Set(header.slice(1));
    const problem = clients.findings.find((f) => f.column !== null && columns.has(f.column) && f.severity === 'fout');
    throw invalid(problem?.message ?? 'Een van de waarden kan niet worden gelezen.');
  }
  return verdict.durable;
}
