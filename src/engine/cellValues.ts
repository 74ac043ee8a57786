/**
 * Reading one cell as a value of its column's type: dates (Excel dates and
 * d-m-jjjj, d/m/jjjj, jjjj-mm-dd text, day first), numbers (decimal comma),
 * codes (ignoring case and surrounding spaces; known variants; the nearest
 * code for a typo), Ja/Nee, positions and durations. Problems come back as a
 * finding code with its message values; nothing here changes a value.
 */
import { codeKey, type CodeList } from '../definitions/reportFormat';
import type { CodeEntry, Column } from '../definitions/formatSchema';
import { formatSerial, serialFromDate } from './excelDate';
import { isDateFormat, isPercentFormat } from './numberFormat';
import type { FindingCode, MessageValues } from './findings';
import { isCellError, isUncalculatedFormula, type RawValue } from './grid';
import { nearest } from './nearestCode';
import { numberText } from '../definitions/numberText';

export interface CellProblem {
  readonly code: FindingCode;
  readonly values: MessageValues;
  readonly suggestion: string | null;
  readonly term: string | null;
}

/** A cell read as its column's type. */
export interface ParsedCell {
  /** empty: no value; ok: a usable value (also a known variant); bad: unusable. */
  readonly state: 'empty' | 'ok' | 'bad';
  readonly date?: number;
  readonly number?: number;
  readonly bool?: boolean;
  readonly code?: CodeEntry;
  readonly indefinite?: boolean;
  readonly text?: string;
  /** What to report about this cell (also for an `ok` variant). */
  readonly problem?: CellProblem;
}

export const EMPTY: ParsedCell = { state: 'empty' };
const YES: ParsedCell = { state: 'ok', bool: true };
const NO: ParsedCell = { state: 'ok', bool: false };
const byCode = new WeakMap<CodeEntry, ParsedCell>();

/** The (shared, immutable) reading of a cell that holds exactly this code. */
function okCode(code: CodeEntry): ParsedCell {
  let parsed = byCode.get(code);
  if (parsed === undefined) {
    parsed = { state: 'ok', code };
    byCode.set(code, parsed);
  }
  return parsed;
}

/** A formula as a message shows it: "=A1*2", or "(gedeelde formule)" when the file gives no text. */
export function formulaText(formula: string): string {
  return formula.length > 1 ? formula : '(gedeelde formule)';
}

export function isEmptyValue(raw: RawValue): boolean {
  return raw === null || (typeof raw === 'string' && raw.trim() === '');
}

/** How a value is shown in a message: dates as dd-mm-jjjj, errors by name. */
export function displayValue(raw: RawValue, format?: string): string {
  if (raw === null) return '';
  if (isCellError(raw)) return raw.error;
  if (typeof raw === 'number') {
    if (isDateFormat(format)) return formatSerial(raw);
    if (isPercentFormat(format)) return `${numberText(Math.round(raw * 10000) / 100)}%`;
    return numberText(raw);
  }
  if (typeof raw === 'boolean') return raw ? 'WAAR' : 'ONWAAR';
  return raw;
}

/** The value to report for a cell: a date as dd-mm-jjjj text, anything else as it is. */
export function reportedValue(raw: RawValue, format: string | undefined): RawValue {
  return typeof raw === 'number' && isDateFormat(format) ? formatSerial(raw) : raw;
}

function bad(code: FindingCode, values: MessageValues, suggestion: string | null = null, term: string | null = null): ParsedCell {
  return { state: 'bad', problem: { code, values, suggestion, term } };
}

export interface ParseContext {
  readonly column: Column;
  /** The column header to name in messages. */
  readonly label: string;
  readonly codeList?: CodeList;
  readonly earliestDate: number;
  readonly yes: { readonly code: string; readonly variants: ReadonlySet<string> };
  readonly no: { readonly code: string; readonly variants: ReadonlySet<string> };
}

const DMY = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const YMD = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;

/** A date from text, or undefined; impossible dates (31-02, month 13) are undefined. */
export function parseDateText(text: string): number | undefined {
  const t = text.trim();
  let m = DMY.exec(t);
  if (m) return serialFromDate(Number(m[4]), Number(m[3]), Number(m[1]));
  m = YMD.exec(t);
  if (m) return serialFromDate(Number(m[1]), Number(m[2]), Number(m[3]));
  return undefined;
}

const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;
const DUTCH_THOUSANDS = /^[+-]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$/;

/** A number from text with a decimal comma ("12,5"; "1.234,5"), or undefined. */
export function parseNumberText(text: string): number | undefined {
  const t = text.trim().replace(/\s+/g, '');
  if (DUTCH_THOUSANDS.test(t)) return Number(t.replace(/\./g, '').replace(',', '.'));
  if (PLAIN_NUMBER.test(t)) return Number(t.replace(',', '.'));
  return undefined;
}

/*
 * The parsers take the raw value and its format as two arguments (no object
 * per cell: a 100,000-row sheet has two million cells). What a message shows
 * is computed only when a message needs it; a valid cell never does.
 */

export function parseCell(raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell {
  if (isEmptyValue(raw)) return EMPTY;
  if (isUncalculatedFormula(raw)) return bad('FORMULE_ZONDER_WAARDE', { kolom: ctx.label, formule: formulaText(raw.error) });
  if (isCellError(raw)) return bad('FOUTWAARDE', { kolom: ctx.label, waarde: raw.error });
  if (ctx.column.type === 'text' || ctx.column.type === 'freeText') {
    return { state: 'ok', text: typeof raw === 'string' ? raw.trim() : displayValue(raw, format) };
  }
  switch (ctx.column.type) {
    case 'date':
      return parseDate(raw, format, ctx);
    case 'number':
      return parseNumberCell(raw, raw, format, ctx);
    case 'duration':
      return parseDuration(raw, format, ctx);
    case 'code':
      return lookUp(codeOf(raw, format), raw, format, ctx.codeList as CodeList, ctx);
    case 'position':
      return parsePosition(raw, format, ctx);
    case 'yesNo':
      return parseYesNo(raw, format, ctx);
  }
}

function parseDate(raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell {
  let serial: number | undefined;
  if (typeof raw === 'number') serial = isDateFormat(format) ? Math.floor(raw) : undefined;
  else if (typeof raw === 'string') serial = parseDateText(raw);
  if (serial === undefined) return bad('TYPE_DATUM', { kolom: ctx.label, waarde: displayValue(raw, format) });
  if (serial < ctx.earliestDate) {
    return bad('BEREIK', { kolom: ctx.label, waarde: formatSerial(serial), bereik: `niet voor ${formatSerial(ctx.earliestDate)}` });
  }
  return { state: 'ok', date: serial };
}

function toNumber(raw: RawValue): number | undefined {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string') return parseNumberText(raw);
  return undefined;
}

function rangeText(column: Column): string {
  const low = column.minExclusive ? `meer dan ${column.min}` : `${column.min} of meer`;
  return `${low} en hoogstens ${column.max}`;
}

function checkRange(value: number, raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell | undefined {
  const { min, max, minExclusive } = ctx.column;
  const tooLow = min !== undefined && (minExclusive ? value <= min : value < min);
  const tooHigh = max !== undefined && value > max;
  if (tooLow || tooHigh) return bad('BEREIK', { kolom: ctx.label, waarde: displayValue(raw, format), bereik: rangeText(ctx.column) });
  return undefined;
}

/** `part` is the cell's value or the number part of it ("12" of "12 maanden"). */
function parseNumberCell(part: RawValue, raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell {
  const value = toNumber(part);
  if (value === undefined || !Number.isFinite(value)) return bad('TYPE_GETAL', { kolom: ctx.label, waarde: displayValue(raw, format) });
  return checkRange(value, raw, format, ctx) ?? { state: 'ok', number: value };
}

const MONTHS_SUFFIX = /^(.*?)\s*(?:maanden|maand|mnd\.?)$/i;

function parseDuration(raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell {
  if (typeof raw === 'string') {
    const key = codeKey(raw);
    if ((ctx.column.indefinite ?? []).some((w) => codeKey(w) === key)) return { state: 'ok', indefinite: true };
    const withUnit = MONTHS_SUFFIX.exec(raw.trim());
    if (withUnit) return parseNumberCell(withUnit[1], raw, format, ctx);
  }
  return parseNumberCell(raw, raw, format, ctx);
}

function codeOf(raw: RawValue, format: string | undefined): string {
  return typeof raw === 'string' ? raw : displayValue(raw, format);
}

/** Looks a text up in a code list: exact, known variant, or unknown (with the nearest code). */
function lookUp(text: string, raw: RawValue, format: string | undefined, list: CodeList, ctx: ParseContext): ParsedCell {
  const exact = list.exact.get(text.trim().toLowerCase());
  if (exact !== undefined) return okCode(exact);
  const key = codeKey(text);
  const variant = list.folded.get(key);
  if (variant !== undefined) {
    return {
      state: 'ok',
      code: variant,
      problem: {
        code: 'WAARDE_NIET_CONFORM',
        values: { kolom: ctx.label, waarde: displayValue(raw, format), suggestie: variant.code, definitie: citeTerm(variant.term, variant.value) },
        suggestion: variant.code,
        term: variant.term,
      },
    };
  }
  const close = nearest(key, list.folded.entries());
  return bad(
    'WAARDE_ONBEKEND',
    {
      kolom: ctx.label,
      waarde: displayValue(raw, format),
      codes: list.entries.map((e) => e.code).join(', '),
      hint: close !== undefined ? ` Bedoeld: '${close.code}'?` : '',
    },
    close?.code ?? null,
    close?.term ?? null,
  );
}

function citeTerm(term: string, value: string | undefined): string {
  return ` (definitie ${term}${value !== undefined ? ', waarde ' + value : ''})`;
}

const POSITION_WITH_LABEL = /^(\d+)\s*[-.:)]?\s*(.+)$/;

function parsePosition(raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell {
  const list = ctx.codeList as CodeList;
  const byNumber = (n: number): CodeEntry | undefined => list.entries.find((e) => e.number === n);
  const numeric = typeof raw === 'number' ? raw : typeof raw === 'string' ? parseNumberText(raw) : undefined;
  if (numeric !== undefined) {
    const entry = Number.isInteger(numeric) ? byNumber(numeric) : undefined;
    if (entry === undefined) {
      const numbers = list.entries.map((e) => e.number ?? 0);
      return bad('BEREIK', { kolom: ctx.label, waarde: displayValue(raw, format), bereik: `${Math.min(...numbers)} tot en met ${Math.max(...numbers)}` });
    }
    return okCode(entry);
  }
  if (typeof raw !== 'string') return bad('WAARDE_ONBEKEND', { kolom: ctx.label, waarde: displayValue(raw, format), codes: codesOf(list), hint: '' });
  const withLabel = POSITION_WITH_LABEL.exec(raw.trim());
  if (withLabel) {
    const entry = byNumber(Number(withLabel[1]));
    const label = list.exact.get(withLabel[2].trim().toLowerCase());
    if (entry !== undefined && label === entry) return okCode(entry);
  }
  return lookUp(raw, raw, format, list, ctx);
}

function codesOf(list: CodeList): string {
  return list.entries.map((e) => e.code).join(', ');
}

function parseYesNo(raw: RawValue, format: string | undefined, ctx: ParseContext): ParsedCell {
  if (typeof raw === 'boolean') return raw ? YES : NO;
  const text = codeOf(raw, format).trim();
  const lower = text.toLowerCase();
  if (lower === ctx.yes.code.toLowerCase()) return YES;
  if (lower === ctx.no.code.toLowerCase()) return NO;
  const key = codeKey(text);
  for (const [answer, bool] of [[ctx.yes, true], [ctx.no, false]] as const) {
    if (answer.variants.has(key)) {
      return {
        state: 'ok',
        bool,
        problem: {
          code: 'WAARDE_NIET_CONFORM',
          values: { kolom: ctx.label, waarde: displayValue(raw, format), suggestie: answer.code, definitie: '' },
          suggestion: answer.code,
          term: ctx.column.term,
        },
      };
    }
  }
  return bad('WAARDE_ONBEKEND', { kolom: ctx.label, waarde: displayValue(raw, format), codes: `${ctx.yes.code}, ${ctx.no.code}`, hint: '' });
}
