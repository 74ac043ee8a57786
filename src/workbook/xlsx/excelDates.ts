/**
 * ISO 8601 text (cells with t="d") turned into 1900-system serials.
 */


const DAY_MS = 86400000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

const ISO = /^\s*(?:(-?\d{4,})-(\d{1,2})-(\d{1,2}))?(?:[T ]?(\d{1,2}):(\d{2})(?::(\d{2}(?:[.,]\d+)?))?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?\s*$/;

export interface IsoSerial {
  readonly serial: number;
  readonly hasDate: boolean;
  readonly hasTime: boolean;
}

/**
 * The 1900-system serial of an ISO 8601 date and/or time, read as wall-clock
 * time (a zone designator is ignored: Excel has no time zones). Dates before
 * 1900-03-01 follow Excel's count, which includes the non-existent
 * 1900-02-29 (1900-01-01 is 1); a date on or before 1899-12-30 counts from
 * 1899-12-30 as 0 so that a bare time of day stays a fraction. Undefined
 * when the text is not ISO 8601.
 */
export function isoToSerial(text: string): IsoSerial | undefined {
  const m = ISO.exec(text);
  if (m === null) return undefined;
  const hasDate = m[1] !== undefined;
  const hasTime = m[4] !== undefined;
  if (!hasDate && !hasTime) return undefined;
  let serial = 0;
  if (hasDate) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
    const utc = new Date(0);
    utc.setUTCFullYear(year, month - 1, day);
    utc.setUTCHours(0, 0, 0, 0);
    if (utc.getUTCDate() !== day) return undefined;
    const days = Math.round((utc.getTime() - EPOCH_1899_12_30) / DAY_MS);
    serial = days >= 1 && days < 61 ? days - 1 : days;
  }
  if (hasTime) {
    const hours = Number(m[4]);
    const minutes = Number(m[5]);
    const seconds = m[6] === undefined ? 0 : Number(m[6].replace(',', '.'));
    if (hours > 24 || minutes > 59 || seconds >= 61) return undefined;
    serial += (hours * 3600 + minutes * 60 + seconds) / 86400;
  }
  return { serial, hasDate, hasTime };
}
