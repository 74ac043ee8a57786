/**
 * Number formats: the built-in formats Excel refers to by id only, and
 * telling date and time formats from the others.
 */

/**
 * The built-in formats of ECMA-376 part 1, §18.8.30 that do not depend on
 * the locale. Ids 5–8 and 23–36, 50–81 are locale-specific and left out: a
 * cell with such an id is treated as having no known format.
 */
export const BUILTIN_FORMATS: Readonly<Record<number, string>> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

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
 * fill, and bracketed parts other than elapsed time ([h], [mm], [ss]).
 * Only the first section counts (the one for positive numbers).
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
      const inner = format.slice(i + 1, close).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) out += inner;
      i = close;
    } else {
      out += ch.toLowerCase();
    }
  }
  return out;
}

/** Whether a number with this format shows as a date and/or time, and whether that includes a calendar date. */
export function dateKind(format: string): DateKind {
  if (format === 'General' || format === '@') return DateKind.None;
  const letters = tokenLetters(format).replace(/general/g, '');
  if (!/[dmyhs]/.test(letters)) return DateKind.None;
  if (/[dy]/.test(letters) || /mmm/.test(letters)) return DateKind.Date;
  // An m without h or s around is a month; next to them it is minutes.
  if (/m/.test(letters) && !/[hs]/.test(letters)) return DateKind.Date;
  return DateKind.TimeOnly;
}
