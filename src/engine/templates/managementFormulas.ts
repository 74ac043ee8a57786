/**
 * The Management sheet's indicators as Excel formulas over the client table,
 * written so that a spreadsheet gives exactly what the checker recomputes
 * (management.ts): the same rows counted, duurzame plaatsing by the
 * effective definitions (the profile's minimum and whether gesubsidieerd
 * werk counts), `n.v.t.` where a denominator is empty. Codes are counted in
 * every spelling the checker recognises (the code, accepted spellings and
 * known variants), so a pasted variant counts where the checker counts it.
 *
 * Only functions that Excel 2010 and LibreOffice both evaluate: COUNTIFS,
 * SUMIFS, SUMPRODUCT, MATCH, ISNUMBER. Structured references name the
 * table's columns, so rows added to the table are counted too.
 */
import type { CodeEntry, Column, Indicator } from '../../definitions/formatSchema';
import type { ReportFormat } from '../../definitions/reportFormat';
import { PLACED_STATUS, type DurablePlacement } from '../durablePlacement';
import { serialFromDate } from '../excelDate';
import type { ReportLayout } from './reportLayout';

/** A structured reference to a column of a table: `Tabel[[Kop]]`, with [ ] # ' escaped. */
export function columnRef(table: string, header: string): string {
  return `${table}[[${header.replace(/(['#[\]])/g, "'$1")}]]`;
}

/** A text constant in a formula. */
export function textConstant(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

type Constant = string | number;

/** An array constant: {"a","b",1}. */
export function arrayConstant(values: readonly Constant[]): string {
  return `{${values.map((v) => (typeof v === 'number' ? String(v) : textConstant(v))).join(',')}}`;
}

/** A COUNTIFS criterion that matches the text literally (no wildcards, no comparison). */
export function literalCriterion(text: string): string {
  const escaped = text.replace(/([~*?])/g, '~$1');
  return /^[=<>]/.test(escaped) ? `=${escaped}` : escaped;
}

/** Every spelling of a code that the checker recognises, once per letter case (Excel compares without case). */
export function spellings(entry: CodeEntry): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const s of [entry.code, ...(entry.accepted ?? []), ...entry.variants]) {
    const key = s.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(s.trim());
  }
  return out;
}

/** Texts plus, for those that are whole numbers ("1"), the number itself: the checker reads a number 1 as the text "1". */
function withNumbers(texts: readonly string[]): Constant[] {
  const out: Constant[] = [...texts];
  for (const t of texts) if (/^\d+$/.test(t)) out.push(Number(t));
  return out;
}

export function earliestSerial(format: ReportFormat): number {
  const [y, m, d] = format.data.earliestDate.split('-').map(Number);
  return serialFromDate(y, m, d) as number;
}

interface Context {
  readonly format: ReportFormat;
  readonly layout: ReportLayout;
  readonly durable: DurablePlacement;
  readonly notApplicable: string;
  readonly earliest: number;
}

function column(ctx: Context, field: string): Column {
  const c = ctx.format.columnByField.get(field);
  if (c === undefined) throw new Error(`veld ${field} ontbreekt in de uniforme rapportage`);
  return c;
}

function ref(ctx: Context, field: string): string {
  return columnRef(ctx.layout.table, column(ctx, field).header);
}

function codeEntry(ctx: Context, list: string, id: string): CodeEntry {
  const entry = ctx.format.codeLists.get(list)?.byId.get(id);
  if (entry === undefined) throw new Error(`code ${list}.${id} ontbreekt in de uniforme rapportage`);
  return entry;
}

/** A COUNTIFS condition: the column equals one of the texts (literally), or a comparison such as ">=32874". */
type Condition = readonly [range: string, test: { readonly oneOf: readonly string[] } | { readonly compare: string }];

/** COUNTIFS (or SUMIFS over `sumRange`) of conditions; one may list several texts (summed with SUMPRODUCT). */
function countIfs(conditions: readonly Condition[], sumRange?: string): string {
  const lists = conditions.filter(([, t]) => 'oneOf' in t && t.oneOf.length > 1).length;
  if (lists > 1) throw new Error('hoogstens één lijst van waarden per COUNTIFS');
  const args = conditions.map(([range, t]) => {
    if ('compare' in t) return `${range},${textConstant(t.compare)}`;
    const texts = t.oneOf.map(literalCriterion);
    return `${range},${texts.length === 1 ? textConstant(texts[0]) : arrayConstant(texts)}`;
  });
  const call = sumRange !== undefined ? `SUMIFS(${sumRange},${args.join(',')})` : `COUNTIFS(${args.join(',')})`;
  return lists === 1 ? `SUMPRODUCT(${call})` : call;
}

function inList(range: string, values: readonly Constant[]): string {
  return `ISNUMBER(MATCH(${range},${arrayConstant(values)},0))`;
}

function countFormula(ctx: Context, indicator: Indicator): string {
  const [kind, arg] = (indicator.rows as string).split(':');
  if (kind === 'all') {
    // A row counts when any of its cells holds more than spaces (the checker skips empty rows).
    const joined = ctx.layout.columns.map((c) => columnRef(ctx.layout.table, c.header)).join('&');
    return `SUMPRODUCT(--(LEN(TRIM(${joined}))>0))`;
  }
  if (kind === 'status') {
    const status = column(ctx, 'status');
    return countIfs([[ref(ctx, 'status'), { oneOf: spellings(codeEntry(ctx, status.codeList as string, arg)) }]]);
  }
  if (kind === 'validDate') return countIfs([[ref(ctx, arg), { compare: `>=${ctx.earliest}` }]]);
  return durableFormula(ctx);
}

/** Rows that meet the effective definition of duurzame plaatsing (DurablePlacement.judge). */
function durableFormula(ctx: Context): string {
  const { format, durable } = ctx;
  const yesNo = format.data.yesNo;
  const statusList = column(ctx, 'status').codeList as string;
  const kindList = column(ctx, 'soortWerk').codeList as string;
  const status = ref(ctx, 'status');
  const kind = ref(ctx, 'soortWerk');
  const contract = ref(ctx, 'arbeidsovereenkomst');
  const duration = ref(ctx, 'duur');
  const durationColumn = column(ctx, 'duur');

  const counting = (format.codeLists.get(kindList)?.entries ?? []).filter((e) => durable.kindCounts(e));
  const needsContract = counting.filter((e) => e.arbeidsovereenkomstNodig !== false).flatMap(spellings);
  const withoutContract = counting.filter((e) => e.arbeidsovereenkomstNodig === false).flatMap(spellings);
  const yes = withNumbers([yesNo.yes.code, ...yesNo.yes.variants]);
  const no = withNumbers([yesNo.no.code, ...yesNo.no.variants]);

  const kindTerms: string[] = [];
  // A kind that needs an arbeidsovereenkomst: Ja (or TRUE) in that column. "> 0" because LibreOffice
  // has no separate boolean type: there TRUE is also the number 1 of the yes list.
  if (needsContract.length > 0) kindTerms.push(`${inList(kind, needsContract)}*(${inList(contract, yes)}+(${contract}=TRUE)>0)`);
  // A kind that needs none: any readable Ja/Nee or an empty cell (an unreadable one leaves the row undetermined).
  if (withoutContract.length > 0) {
    kindTerms.push(`${inList(kind, withoutContract)}*((LEN(TRIM(${contract}))=0)+${inList(contract, [...yes, ...no])}+ISLOGICAL(${contract})>0)`);
  }
  if (kindTerms.length === 0) return '0';

  const low = Math.max(durable.minimumMonths, durationColumn.min ?? Number.NEGATIVE_INFINITY);
  const high = durationColumn.max;
  const numeric = [`ISNUMBER(${duration})`, `(${duration}>=${low})`, ...(high !== undefined ? [`(${duration}<=${high})`] : [])].join('*');
  const indefinite = durationColumn.indefinite ?? [];
  const durationTerm = indefinite.length > 0 ? `(${numeric}+${inList(duration, indefinite)})` : `(${numeric})`;

  const placed = inList(status, spellings(codeEntry(ctx, statusList, PLACED_STATUS)));
  return `SUMPRODUCT(${placed}*(${kindTerms.join('+')})*${durationTerm})`;
}

function percentageFormula(ctx: Context, indicator: Indicator): string {
  const cell = (id: string) => ctx.layout.managementCell(id);
  const parts = (indicator.denominator as string[]).map(cell);
  const denominator = parts.length === 1 ? parts[0] : `SUM(${parts.join(',')})`;
  return `IF(${denominator}=0,${textConstant(ctx.notApplicable)},${cell(indicator.numerator as string)}/${denominator}*100)`;
}

function meanDaysFormula(ctx: Context, indicator: Indicator): string {
  const statusList = column(ctx, 'status').codeList as string;
  const status: Condition = [ref(ctx, 'status'), { oneOf: spellings(codeEntry(ctx, statusList, indicator.status as string)) }];
  const from = ref(ctx, indicator.from as string);
  const to = ref(ctx, indicator.to as string);
  const valid: Condition[] = [
    [from, { compare: `>=${ctx.earliest}` }],
    [to, { compare: `>=${ctx.earliest}` }],
  ];
  const n = countIfs([status, ...valid]);
  const sumTo = countIfs([status, ...valid], to);
  const sumFrom = countIfs([status, ...valid], from);
  return `IF(${n}=0,${textConstant(ctx.notApplicable)},(${sumTo}-${sumFrom})/${n})`;
}

/** Every indicator's formula (with the leading =), by indicator id. */
export function managementFormulas(layout: ReportLayout, durable: DurablePlacement): Map<string, string> {
  const format = layout.format;
  const ctx: Context = {
    format,
    layout,
    durable,
    notApplicable: format.data.management.notApplicable[0],
    earliest: earliestSerial(format),
  };
  const out = new Map<string, string>();
  for (const indicator of format.data.management.indicators) {
    let formula: string;
    if (indicator.kind === 'count') formula = countFormula(ctx, indicator);
    else if (indicator.kind === 'percentage') formula = percentageFormula(ctx, indicator);
    else formula = meanDaysFormula(ctx, indicator);
    out.set(indicator.id, `=${formula}`);
  }
  return out;
}
