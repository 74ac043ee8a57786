/**
 * The management sheet: label/value pairs (metadata such as `Periode tot`,
 * and indicators), and the indicators recomputed from the client rows by the
 * same definitions (MANAGEMENT_AFWIJKING where a value differs).
 */
import type { Indicator, MetadataLabel } from '../definitions/formatSchema';
import { codeKey, headerKey, type ReportFormat } from '../definitions/reportFormat';
import { displayValue, formulaText, isEmptyValue, parseDateText, parseNumberText, reportedValue } from './cellValues';
import { formatSerial } from './excelDate';
import { isDateFormat, isPercentFormat } from './numberFormat';
import { UNKNOWN_COLUMN_REASONS, type Finding } from './findings';
import { isCellError, isUncalculatedFormula, type RawValue, type SheetData } from './grid';
import { findingAt, type Place } from './located';
import { numberText } from '../definitions/numberText';
import type { Recomputed } from './indicatorTally';

export interface ManagementEntry {
  readonly target: MetadataLabel | Indicator;
  readonly row: number;
  readonly value: RawValue;
  readonly format: string | undefined;
}

export interface ManagementSheet {
  readonly sheet: SheetData;
  readonly entries: readonly ManagementEntry[];
  readonly periodStart?: number;
  readonly periodEnd?: number;
  readonly findings: readonly Finding[];
}

function isIndicator(target: MetadataLabel | Indicator): target is Indicator {
  return 'kind' in target;
}

function readDate(value: RawValue, format: string | undefined): number | undefined {
  if (typeof value === 'number') return isDateFormat(format) ? Math.floor(value) : undefined;
  if (typeof value === 'string') return parseDateText(value);
  return undefined;
}

/** Reads the label/value pairs; flags label variants, unknown labels with a value and bad dates. */
export function readManagement(sheet: SheetData, format: ReportFormat): ManagementSheet {
  const { labelColumn, valueColumn } = format.data.management;
  const entries: ManagementEntry[] = [];
  const findings: Finding[] = [];
  let periodStart: number | undefined;
  let periodEnd: number | undefined;
  let periodEndRow = -1;
  sheet.values.forEach((row, r) => {
    const label = row?.[labelColumn];
    if (typeof label !== 'string' || label.trim() === '') return;
    const value = row?.[valueColumn] ?? null;
    const valueFormat = sheet.formats?.[r]?.[valueColumn];
    const labelPlace: Place = { sheet: sheet.name, row: r, col: labelColumn, column: null, value: label };
    const match = format.managementLabels.get(headerKey(label));
    if (match === undefined) {
      if (!isEmptyValue(value)) {
        findings.push(
          findingAt('KOP_ONBEKEND', labelPlace, {
            waarde: label,
            reden: UNKNOWN_COLUMN_REASONS.notALabel(format.data.sheets.management.name),
          }),
        );
      }
      return;
    }
    const target = match.target;
    if (!match.standard) {
      findings.push(
        findingAt('KOP_NIET_CONFORM', { ...labelPlace, column: target.label }, { waarde: label, suggestie: target.label }, {
          term: target.term,
          suggestion: target.label,
        }),
      );
    }
    entries.push({ target, row: r, value, format: valueFormat });
    if (!isIndicator(target) && target.type === 'date' && !isEmptyValue(value)) {
      const date = readDate(value, valueFormat);
      const place: Place = { sheet: sheet.name, row: r, col: valueColumn, column: target.label, value: reportedValue(value, valueFormat) };
      if (date === undefined) {
        findings.push(findingAt('TYPE_DATUM', place, { kolom: target.label, waarde: displayValue(value, valueFormat) }, { term: target.term }));
      } else if (target.id === 'periodeVan') periodStart = date;
      else if (target.id === 'periodeTot') {
        periodEnd = date;
        periodEndRow = r;
      }
    }
  });
  if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
    const label = (id: string) => format.data.management.metadata.find((m) => m.id === id)?.label ?? id;
    const value = reportedValue(sheet.values[periodEndRow]?.[valueColumn] ?? null, sheet.formats?.[periodEndRow]?.[valueColumn]);
    findings.push(
      findingAt(
        'DATUMVOLGORDE',
        { sheet: sheet.name, row: periodEndRow, col: valueColumn, column: label('periodeTot'), value },
        { kolom: label('periodeTot'), eerder: label('periodeVan'), eerderWaarde: formatSerial(periodStart) },
        { term: 'rapportageperiode' },
      ),
    );
  }
  return { sheet, entries, periodStart, periodEnd, findings };
}

function round1(x: number): number {
  return Math.round((x + Math.sign(x) * 1e-9) * 10) / 10;
}

/** A number in Dutch notation: integers as they are, others with one decimal and a comma. */
export function formatIndicator(indicator: Indicator, value: number | null, notApplicable: string): string {
  if (value === null) return notApplicable;
  if (indicator.kind === 'count') return String(value);
  return numberText(round1(value));
}

/** The given value in the indicator's units, 'n.v.t.', or undefined when unreadable. */
function readGiven(indicator: Indicator, value: RawValue, format: string | undefined, notApplicable: ReadonlySet<string>): number | null | undefined {
  if (typeof value === 'string') {
    if (notApplicable.has(codeKey(value))) return null;
    const percent = /^(.*?)\s*%$/.exec(value.trim());
    if (percent && indicator.kind === 'percentage') return parseNumberText(percent[1]);
    return parseNumberText(value);
  }
  if (typeof value === 'number') return indicator.kind === 'percentage' && isPercentFormat(format) ? value * 100 : value;
  return undefined;
}

export function indicatorMatches(indicator: Indicator, given: number | null, computed: number | null): boolean {
  if (given === null || computed === null) return given === computed;
  if (indicator.kind === 'count') return given === computed;
  // Equal after rounding to one decimal; a value exactly halfway may be rounded either way.
  if (indicator.kind === 'percentage') return Math.abs(round1(given) - computed) <= 0.05 + 1e-9;
  return Math.abs(given - computed) <= indicator.tolerance + 1e-9;
}

/** MANAGEMENT_AFWIJKING (or TYPE_GETAL) for every indicator that differs from its recomputed value. */
export function compareIndicators(
  management: ManagementSheet,
  recomputed: ReadonlyMap<string, Recomputed>,
  format: ReportFormat,
): Finding[] {
  const { valueColumn, notApplicable } = format.data.management;
  const notApplicableKeys = new Set(notApplicable.map(codeKey));
  const findings: Finding[] = [];
  for (const entry of management.entries) {
    if (!isIndicator(entry.target)) continue;
    const indicator = entry.target;
    const computed = recomputed.get(indicator.id);
    if (computed === undefined) continue;
    const place: Place = {
      sheet: management.sheet.name,
      row: entry.row,
      col: valueColumn,
      column: indicator.label,
      value: reportedValue(entry.value, entry.format),
    };
    const shown = isEmptyValue(entry.value) ? '(leeg)' : displayValue(entry.value, entry.format);
    const expected = formatIndicator(indicator, computed, notApplicable[0]);
    if (isUncalculatedFormula(entry.value)) {
      findings.push(findingAt('FORMULE_ZONDER_WAARDE', place, { kolom: indicator.label, formule: formulaText(entry.value.error) }, { term: indicator.term }));
      continue;
    }
    if (isCellError(entry.value)) {
      findings.push(findingAt('FOUTWAARDE', place, { kolom: indicator.label, waarde: entry.value.error }, { term: indicator.term }));
      continue;
    }
    const given = isEmptyValue(entry.value) ? undefined : readGiven(indicator, entry.value, entry.format, notApplicableKeys);
    if (given === undefined && !isEmptyValue(entry.value)) {
      findings.push(findingAt('TYPE_GETAL', place, { kolom: indicator.label, waarde: shown }, { term: indicator.term }));
      continue;
    }
    if (given !== undefined && indicatorMatches(indicator, given, computed)) continue;
    findings.push(
      findingAt('MANAGEMENT_AFWIJKING', place, { kolom: indicator.label, waarde: shown, suggestie: expected, term: indicator.term }, {
        term: indicator.term,
        suggestion: expected,
      }),
    );
  }
  return findings;
}
