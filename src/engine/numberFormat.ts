/**
 * Excel number formats: the one place that tells whether a format shows a
 * number as a calendar date, as a time or duration only, as a percentage,
 * or as a plain number. The xlsx reader, the Office adapter and the checker
 * all ask here, so a cell is a date for all of them or for none.
 */

/** How a format shows a number: not as a date, as a time of day or duration only, or with a calendar date. */
export const DateKind = {
  None: 0,
  TimeOnly: 1,
  Date: 2,
} as const;
export type DateKind = (typeof DateKind)[keyof typeof DateKind];

/**
 * The date/time tokens of a format with the parts that are not tokens
 * removed: quoted text, backslash-escaped characters, `_x` spacing, `*x`
 * fill, and bracketed parts (colours, conditions, locales). Elapsed time
 * ([h], [m], [ss]) is a duration: it stands as `h`, so that an `m` next to
 * it reads as minutes and a lone `[m]` is no month. Only the first section
 * counts (the one for positive numbers).
 */
function tokenLetters(format: string): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === ';') break;
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      if (close < 0) break;
      i = close;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i++;
    } else if (ch === '[') {
      const close = format.indexOf(']', i + 1);
      if (close < 0) break;
      if (/^(h+|m+|s+)$/i.test(format.slice(i + 1, close))) out += 'h';
      i = close;
    } else {
      out += ch.toLowerCase();
    }
  }
  return out;
}

function computeDateKind(format: string): DateKind {
  if (format === '' || format === 'General' || format === '@') return DateKind.None;
  const letters = tokenLetters(format).replace(/general/g, '');
  if (!/[dmyhs]/.test(letters)) return DateKind.None;
  if (/[dy]/.test(letters) || /mmm/.test(letters)) return DateKind.Date;
  // An m without h or s around is a month; next to them it is minutes.
  if (/m/.test(letters) && !/[hs]/.test(letters)) return DateKind.Date;
  return DateKind.TimeOnly;
}

const kinds = new Map<string, DateKind>();

/** Whether a number with this format shows as a date and/or time, and whether that includes a calendar date. Cached per format. */
export function dateKind(format: string | undefined): DateKind {
  if (format === undefined) return DateKind.None;
  let kind = kinds.get(format);
  if (kind === undefined) {
    kind = computeDateKind(format);
    kinds.set(format, kind);
  }
  return kind;
}

/** Whether an Excel number format shows a calendar date (not a plain time, duration or number). */
export function isDateFormat(format: string | undefined): boolean {
  return dateKind(format) === DateKind.Date;
}

/** Whether an Excel number format shows a percentage. */
export function isPercentFormat(format: string | undefined): boolean {
  return format !== undefined && format.replace(/"[^"]*"/g, '').replace(/\\./g, '').includes('%');
}

/**
 * A plain fixed-point number format ("0", "0.0", "#,##0.00", "0.0%"): how
 * the number reads in it, with a decimal comma; undefined for any other
 * format (General, dates, text, conditions), which the caller shows its
 * own way.
 */
export function fixedPointText(value: number, format: string | undefined): string | undefined {
  const m = format === undefined ? null : /^(#,##)?0(?:\.(0+))?(%?)$/.exec(format);
  if (m === null || !Number.isFinite(value)) return undefined;
  const shown = (m[3] === '%' ? value * 100 : value).toFixed(m[2]?.length ?? 0);
  const [whole, fraction] = shown.split('.');
  const grouped = m[1] !== undefined ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return `${grouped}${fraction !== undefined ? `,${fraction}` : ''}${m[3]}`;
}
