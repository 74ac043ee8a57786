/**
 * Dutch words for the units that definition parameters use, and how they
 * convert. Months and years share a dimension (a year is 12 months), as do
 * days and weeks. Months and days are converted into each other only where
 * the answer does not depend on the length of a month (28 to 31 days): two
 * months is more than six weeks whatever the months, one month is not.
 * Amounts in euro follow or precede the number ("€ 250.000", "250.000 euro").
 */
import type { Unit } from '../definitions/constants';

export type Dimension = 'maanden' | 'dagen' | 'uren' | 'euro';

export interface UnitWord {
  readonly dimension: Dimension;
  /** Size of one of these in the dimension's base unit. */
  readonly size: number;
}

const MONTH: UnitWord = { dimension: 'maanden', size: 1 };
const YEAR: UnitWord = { dimension: 'maanden', size: 12 };
const WEEK: UnitWord = { dimension: 'dagen', size: 7 };
const DAY: UnitWord = { dimension: 'dagen', size: 1 };
const HOUR: UnitWord = { dimension: 'uren', size: 1 };
const EURO: UnitWord = { dimension: 'euro', size: 1 };

/** Folded unit words as they follow a number ("zes maanden", "2 jaar", "200.000 euro"). */
export const UNIT_WORDS: Readonly<Record<string, UnitWord>> = {
  maand: MONTH,
  maanden: MONTH,
  kalendermaand: MONTH,
  kalendermaanden: MONTH,
  jaar: YEAR,
  jaren: YEAR,
  kalenderjaar: YEAR,
  kalenderjaren: YEAR,
  week: WEEK,
  weken: WEEK,
  kalenderweek: WEEK,
  kalenderweken: WEEK,
  dag: DAY,
  dagen: DAY,
  kalenderdag: DAY,
  kalenderdagen: DAY,
  uur: HOUR,
  uren: HOUR,
  euro: EURO,
};

/** Folded unit words that precede their number ("€ 250.000", "EUR 1,6 miljoen"). */
export const PREFIX_UNIT_WORDS: Readonly<Record<string, UnitWord>> = {
  '€': EURO,
  eur: EURO,
};

/** How a parameter unit sits in a dimension; undefined for procent. */
export function parameterUnit(unit: Unit): UnitWord | undefined {
  switch (unit) {
    case 'maanden':
      return MONTH;
    case 'jaren':
      return YEAR;
    case 'weken':
      return WEEK;
    case 'dagen':
      return DAY;
    case 'uren':
      return HOUR;
    case 'euro':
      return EURO;
    default:
      return undefined;
  }
}

/** Shortest and longest month in days. */
const MONTH_DAYS: readonly [number, number] = [28, 31];

/**
 * An amount in `from` units expressed in the base unit of dimension `to`: a
 * range when the conversion depends on the length of a month, undefined when
 * the dimensions cannot be compared.
 */
export function convert(amount: number, from: UnitWord, to: UnitWord): readonly [number, number] | undefined {
  const base = amount * from.size;
  if (from.dimension === to.dimension) return [base / to.size, base / to.size];
  if (from.dimension === 'maanden' && to.dimension === 'dagen') return [(base * MONTH_DAYS[0]) / to.size, (base * MONTH_DAYS[1]) / to.size];
  if (from.dimension === 'dagen' && to.dimension === 'maanden') return [base / MONTH_DAYS[1] / to.size, base / MONTH_DAYS[0] / to.size];
  return undefined;
}

/** Whether a number in `from` units can say something about a parameter in `to` units. */
export function comparable(from: UnitWord, to: UnitWord): boolean {
  return convert(1, from, to) !== undefined;
}

/** A number the Dutch way: a decimal comma, a dot between thousands. */
function dutchNumber(value: number): string {
  const [whole, fraction] = String(value).split('.');
  const grouped = whole.length > 3 ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return fraction === undefined ? grouped : `${grouped},${fraction}`;
}

/** An amount as Dutch writes it after a number: "6 maanden", "1 maand", "2 jaar", "40 uur", "€ 200.000". */
export function formatAmount(value: number, unit: Unit): string {
  const number = dutchNumber(value);
  const one = value === 1;
  switch (unit) {
    case 'maanden':
      return `${number} ${one ? 'maand' : 'maanden'}`;
    case 'weken':
      return `${number} ${one ? 'week' : 'weken'}`;
    case 'dagen':
      return `${number} ${one ? 'dag' : 'dagen'}`;
    case 'jaren':
      return `${number} jaar`;
    case 'uren':
      return `${number} uur`;
    case 'euro':
      return `€ ${number}`;
    case 'procent':
      return `${number}%`;
  }
}
