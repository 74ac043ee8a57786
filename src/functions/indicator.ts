/**
 * REINT.INDICATOR: a management indicator recomputed from client rows (a
 * range with its header row) exactly as the checker recomputes it for the
 * Management sheet: counts, percentages (of 100) and mean lead times, with
 * the effective definitions (a profile's minimum for duurzaam included).
 */
import type { Indicator } from '../definitions/formatSchema';
import { headerKey } from '../definitions/reportFormat';
import type { RawValue } from '../engine/grid';
import { recomputeIndicators } from '../engine/indicatorTally';
import { checkClientRows } from './clientRows';
import { notAvailable } from './functionErrors';
import type { FunctionsContext } from './functionsRuntime';

function findIndicator(ctx: FunctionsContext, name: string): Indicator {
  const indicators = ctx.format.data.management.indicators;
  const byId = indicators.find((i) => i.id === name.trim());
  if (byId !== undefined) return byId;
  const target = ctx.format.managementLabels.get(headerKey(name))?.target;
  if (target !== undefined && 'kind' in target) return target;
  throw notAvailable(`Onbekende indicator '${name}'. Kies uit: ${indicators.map((i) => i.label).join('; ')}.`);
}

/** The format fields an indicator is computed from. */
function fieldsOf(indicator: Indicator, all: readonly Indicator[]): string[] {
  switch (indicator.kind) {
    case 'count': {
      const [kind, arg] = String(indicator.rows).split(':');
      if (kind === 'all') return [];
      if (kind === 'status') return ['status'];
      if (kind === 'validDate') return [arg];
      return ['status', 'soortWerk', 'arbeidsovereenkomst', 'duur'];
    }
    case 'percentage': {
      const parts = [indicator.numerator as string, ...(indicator.denominator as string[])];
      return [...new Set(parts.flatMap((id) => {
        const part = all.find((i) => i.id === id);
        return part === undefined ? [] : fieldsOf(part, all);
      }))];
    }
    default:
      return ['status', indicator.from as string, indicator.to as string];
  }
}

export function indicatorValue(ctx: FunctionsContext, name: string, range: readonly (readonly RawValue[])[]): number | string {
  const indicator = findIndicator(ctx, name);
  const { clients } = checkClientRows(ctx, range);
  const value = recomputeIndicators(clients, ctx.format, ctx.durable()).get(indicator.id);
  if (value === undefined) {
    const missing = fieldsOf(indicator, ctx.format.data.management.indicators)
      .filter((field) => !clients.present[clients.field[field]])
      .map((field) => ctx.format.columnByField.get(field)?.header ?? field);
    throw notAvailable(`${indicator.label} kan niet worden berekend: het bereik mist de kolom ${missing.join(', ')}.`);
  }
  return value === null ? ctx.format.data.management.notApplicable[0] : value;
}
