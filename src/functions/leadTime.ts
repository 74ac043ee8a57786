/**
 * REINT.DOORLOOPTIJD: the number of calendar days from one recorded date to
 * another (the definition of doorlooptijd), from Excel dates or dates
 * written as text the way the checker reads them (dd-mm-jjjj, jjjj-mm-dd).
 */
import { parseDateText } from '../engine/cellValues';
import { DATE1904_OFFSET, type DateSystem } from '../engine/excelDate';
import type { RawValue } from '../engine/grid';
import { invalid, notAvailable } from './functionErrors';

/** A date as a serial in the 1900 count, or null when empty. */
function serial(value: RawValue, dateSystem: DateSystem, what: string): number | null {
  if (value === null || (typeof value === 'string' && value.trim() === '')) return null;
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) throw invalid(`De ${what} is geen datum.`);
    return Math.floor(value) + (dateSystem === 1904 ? DATE1904_OFFSET : 0);
  }
  if (typeof value === 'string') {
    const parsed = parseDateText(value);
    if (parsed === undefined) throw invalid(`De ${what} '${value}' is geen datum (schrijf dd-mm-jjjj).`);
    return parsed;
  }
  throw invalid(`De ${what} is geen datum.`);
}

export function leadTimeDays(start: RawValue, end: RawValue, dateSystem: DateSystem): number {
  const from = serial(start, dateSystem, 'begindatum');
  const to = serial(end, dateSystem, 'einddatum');
  if (from === null || to === null) throw notAvailable('Geef een begin- en een einddatum op.');
  if (to < from) throw invalid('De einddatum ligt voor de begindatum.');
  return to - from;
}
