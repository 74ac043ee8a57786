/**
 * Dutch words for the time units that definition parameters use, and how
 * they convert. Months and years share a dimension (a year is 12 months),
 * as do days and weeks; months and weeks are not converted into each other.
 */
import type { Unit } from '../definitions/schema';

export type Dimension = 'maanden' | 'dagen' | 'uren';

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

/** Folded unit words as they follow a number ("zes maanden", "2 jaar"). */
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
};

/** How a parameter unit sits in a dimension; undefined for euro and procent. */
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
    default:
      return undefined;
  }
}

/** An amount as Dutch writes it after a number: "6 maanden", "1 maand", "2 jaar", "40 uur". */
export function formatAmount(value: number, unit: Unit): string {
  const number = Number.isInteger(value) ? String(value) : String(value).replace('.', ',');
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
