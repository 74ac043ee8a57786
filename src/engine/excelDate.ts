/**
 * Excel date serials (1900 date system) and calendar dates. Serial 1 is
 * 1900-01-01; Excel counts a 29 February 1900 that never was, so from serial
 * 61 on the serial is the number of days since 1899-12-30. A workbook in
 * the 1904 date system counts from 1904-01-01 as 0; the checker moves its
 * date cells to the 1900 count once (see toDateSystem1900).
 */

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number;
}

/** The serial of a valid calendar date, or undefined (31-02-2008, month 13). */
export function serialFromDate(year: number, month: number, day: number): number | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 9999) return undefined;
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  const serial = Math.round((time - EPOCH) / MS_PER_DAY);
  return serial < 61 ? serial - 1 : serial;
}

export function dateFromSerial(serial: number): CalendarDate {
  const whole = Math.floor(serial);
  const days = whole < 61 ? whole + 1 : whole;
  const d = new Date(EPOCH + days * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** dd-mm-jjjj, the Dutch way of writing a date. */
export function formatSerial(serial: number): string {
  const { year, month, day } = dateFromSerial(serial);
  return `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-${year}`;
}

/** The serial `months` calendar months after `serial` (31-01 + 1 → 28/29-02). */
export function addMonths(serial: number, months: number): number {
  const { year, month, day } = dateFromSerial(serial);
  const total = year * 12 + (month - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return serialFromDate(y, m, Math.min(day, lastDay)) as number;
}

/** The two date systems of Excel workbooks. */
export type DateSystem = 1900 | 1904;

/** Days between the 1900 and the 1904 date system: serial1900 = serial1904 + 1462. */
export const DATE1904_OFFSET = 1462;
