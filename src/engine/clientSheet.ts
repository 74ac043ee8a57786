/**
 * Checking the client sheet (Cliënten) row by row: every cell read as its
 * column's type, then the rules of the uniform report (status fields, date
 * order, placements, durable placements, periods, duplicates, BSNs, terms).
 * A rule whose columns are missing cannot be judged and does not fire.
 */
import type { EffectiveDefinitions } from '../definitions/profile';
import type { ReportFormat } from '../definitions/reportFormat';
import { bsnInIdentifier, bsnsInText } from './bsn';
import { EMPTY, isEmptyValue, parseCell, reportedValue, type ParseContext, type ParsedCell } from './cellValues';
import type { HeaderResult } from './clientHeader';
import { DURABLE_TERM, DurablePlacement } from './durablePlacement';
import { addMonths, formatSerial, serialFromDate } from './excelDate';
import type { Finding } from './findings';
import { codeKey } from '../definitions/reportFormat';
import { cellAddress, type RawValue, type SheetData } from './grid';
import { findingAt, type FindingExtras, type Place } from './located';
import { STATUS_REQUIREMENTS, type FindingCode, type MessageValues } from './findings';
import { locateTextFinding } from './textCells';
import type { TermMatcher } from './termMatcher';

/** One data row, every format field read (EMPTY where the column is missing). */
export interface ClientRow {
  /** 0-based sheet row. */
  readonly index: number;
  readonly cells: readonly ParsedCell[];
  /** Who the row is about, for duplicates: Cliëntnummer, Dienst and Datum aanmelding (undefined when one is missing). */
  readonly key: string | undefined;
}

export interface ClientCheck {
  readonly rows: readonly ClientRow[];
  readonly findings: readonly Finding[];
  /** Which format fields have a column. */
  readonly present: readonly boolean[];
  readonly field: Readonly<Record<string, number>>;
}

export interface ClientCheckInput {
  readonly sheet: SheetData;
  readonly header: HeaderResult;
  readonly format: ReportFormat;
  readonly defs: EffectiveDefinitions;
  readonly matcher: TermMatcher;
  readonly durable: DurablePlacement;
  /** Serial of `Periode tot` from the management sheet. */
  readonly periodEnd?: number;
}

/** Progress of a check: rows of the client sheet done of the total (other sheets count as one row per filled row). */
export interface CheckProgress {
  readonly done: number;
  readonly total: number;
}

/** Rows checked between two steps: a few milliseconds of work, so that a host can keep its UI responsive (the flow pauses per time slice, not per step). */
export const STEP_ROWS = 500;

function isEmptyRow(row: readonly RawValue[] | undefined): boolean {
  return row === undefined || row.every(isEmptyValue);
}

function parameter(defs: EffectiveDefinitions, termId: string, id: string): { value: number; profile: string } {
  const p = defs.byId.get(termId)?.parameters.find((x) => x.id === id);
  if (p === undefined) throw new Error(`parameter ${termId}.${id} ontbreekt`);
  const profile = p.deviation !== undefined && defs.profile !== null ? ` (profiel ${defs.profile.naam})` : '';
  return { value: p.value as number, profile };
}

/** Checks the client sheet at once. */
export function checkClients(input: ClientCheckInput): ClientCheck {
  const steps = clientSteps(input);
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** Checks the client sheet in steps: yields its progress every STEP_ROWS rows and returns the result. */
export function* clientSteps(input: ClientCheckInput): Generator<CheckProgress, ClientCheck> {
  const { sheet, header, format, defs, matcher, durable } = input;
  const columns = format.columns;
  const field: Record<string, number> = Object.fromEntries(columns.map((c, i) => [c.field, i]));
  const present = header.columnOfField.map((c) => c >= 0);
  const findings: Finding[] = [];
  const rows: ClientRow[] = [];
  if (header.headerRow < 0) return { rows, findings, present, field };

  const { yes, no } = format.data.yesNo;
  const earliest = format.data.earliestDate.split('-').map(Number);
  const contexts: ParseContext[] = columns.map((column) => ({
    column,
    label: column.header,
    codeList: column.codeList !== undefined ? format.codeLists.get(column.codeList) : undefined,
    earliestDate: serialFromDate(earliest[0], earliest[1], earliest[2]) as number,
    yes: { code: yes.code, variants: new Set(yes.variants.map(codeKey)) },
    no: { code: no.code, variants: new Set(no.variants.map(codeKey)) },
  }));
  const reclaim = parameter(defs, 'terugmelding', 'reclametermijnWeken');
  const window = parameter(defs, 'uitstroom-naar-werk', 'termijnMaanden');
  const statusRules = format.data.statusRules;
  const dateOrder = format.data.dateOrder.map((f) => field[f]).filter((i) => present[i]);
  const dateFields = columns.map((c, i) => (c.type === 'date' && present[i] ? i : -1)).filter((i) => i >= 0);
  const scanFields = columns.map((c, i) => (c.scanTerms && present[i] ? i : -1)).filter((i) => i >= 0);
  const clientIdField = columns.findIndex((c) => c.clientId === true);
  const durableJudgeable = ['status', 'soortWerk', 'arbeidsovereenkomst', 'duur', 'duurzaam'].every((f) => present[field[f]]);
  const seen = new Map<string, number>();
  const total = sheet.values.length - header.headerRow - 1;

  for (let r = header.headerRow + 1; r < sheet.values.length; r++) {
    if ((r - header.headerRow) % STEP_ROWS === 0) yield { done: r - header.headerRow, total };
    const raw = sheet.values[r];
    if (isEmptyRow(raw)) continue;
    const formats = sheet.formats?.[r];
    const cells: ParsedCell[] = new Array(columns.length).fill(EMPTY);
    const place = (f: number): Place => {
      const col = header.columnOfField[f];
      return { sheet: sheet.name, row: r, col, column: columns[f].header, value: reportedValue(raw?.[col] ?? null, formats?.[col]) };
    };
    const report = (code: FindingCode, f: number, values: MessageValues, extras: FindingExtras = {}): void => {
      findings.push(findingAt(code, place(f), values, { term: columns[f].term, ...extras }));
    };

    for (const binding of header.bindings) {
      const value = raw?.[binding.col] ?? null;
      const parsed = parseCell(value, formats?.[binding.col], contexts[binding.field]);
      cells[binding.field] = parsed;
      if (parsed.problem !== undefined) {
        const { code, values, suggestion, term } = parsed.problem;
        report(code, binding.field, values, { suggestion, term: term ?? binding.column.term });
      }
      if (parsed.state === 'empty' && binding.column.required === 'always') {
        report('VERPLICHT_LEEG', binding.field, { kolom: binding.column.header });
      }
    }
    // The same client, service and registration date as an earlier row (DUBBEL_CLIENT below).
    const registered = cells[field.aanmelding].date;
    const id = cells[field.clientnummer].text;
    const key =
      id !== undefined && registered !== undefined && cells[field.dienst].state !== 'empty'
        ? `${id.toLowerCase()}\u0000${cells[field.dienst].code?.id ?? codeKey(String(raw?.[header.columnOfField[field.dienst]] ?? ''))}\u0000${registered}`
        : undefined;
    rows.push({ index: r, cells, key });

    // Fields required or forbidden by the status.
    const status = cells[field.status].code;
    if (status !== undefined) {
      const rule = statusRules[status.id];
      for (const f of rule.required) {
        const i = field[f];
        if (present[i] && cells[i].state === 'empty') {
          report('STATUS_VELDEN', i, { status: status.code, eis: STATUS_REQUIREMENTS.required(columns[i].header) }, { term: status.term });
        }
      }
      for (const f of rule.empty) {
        const i = field[f];
        if (present[i] && cells[i].state !== 'empty') {
          report('STATUS_VELDEN', i, { status: status.code, eis: STATUS_REQUIREMENTS.empty(columns[i].header) }, { term: status.term });
        }
      }
    }

    // Date order: the date that should come later is flagged, against the latest earlier date.
    for (let j = 1; j < dateOrder.length; j++) {
      const later = cells[dateOrder[j]].date;
      if (later === undefined) continue;
      let latest = -1;
      for (let k = 0; k < j; k++) {
        const d = cells[dateOrder[k]].date;
        if (d !== undefined && (latest < 0 || d >= (cells[dateOrder[latest]].date as number))) latest = k;
      }
      if (latest >= 0 && later < (cells[dateOrder[latest]].date as number)) {
        const earlier = dateOrder[latest];
        report('DATUMVOLGORDE', dateOrder[j], {
          kolom: columns[dateOrder[j]].header,
          eerder: columns[earlier].header,
          eerderWaarde: formatSerial(cells[earlier].date as number),
        });
      }
    }

    if (input.periodEnd !== undefined) {
      for (const i of dateFields) {
        const d = cells[i].date;
        if (d !== undefined && d > input.periodEnd) {
          report('DATUM_NA_PERIODE', i, { kolom: columns[i].header, waarde: formatSerial(d), periodeTot: formatSerial(input.periodEnd) }, {
            term: 'rapportageperiode',
          });
        }
      }
    }

    const placed = status?.id === 'geplaatst';
    const kind = cells[field.soortWerk].code;
    if (placed && kind !== undefined && kind.plaatsing === false) {
      report('PLAATSING_GEEN_WERK', field.soortWerk, { soortWerk: kind.code.toLowerCase() }, { term: 'plaatsing' });
    }
    // Only a kind of plaatsing that needs no arbeidsovereenkomst (zelfstandig ondernemer) is exempt; a
    // proefplaatsing or werkervaringsplaats with Nee gets this finding next to PLAATSING_GEEN_WERK.
    if (placed && cells[field.arbeidsovereenkomst].bool === false && !(kind?.plaatsing === true && kind.arbeidsovereenkomstNodig === false)) {
      report('PLAATSING_GEEN_AO', field.arbeidsovereenkomst, { waarde: no.code }, { term: 'plaatsing' });
    }

    if (durableJudgeable && cells[field.duurzaam].bool === true) {
      const verdict = durable.judge({
        status: cells[field.status],
        soortWerk: cells[field.soortWerk],
        arbeidsovereenkomst: cells[field.arbeidsovereenkomst],
        duur: cells[field.duur],
      });
      if (verdict.durable === false) {
        report('DUURZAAM_ONTERECHT', field.duurzaam, { reden: verdict.reason, definitie: durable.citation }, {
          term: DURABLE_TERM,
          suggestion: no.code,
        });
      }
    }

    const start = cells[field.start].date;
    const placement = cells[field.plaatsing].date;
    if (start !== undefined && placement !== undefined && placement > addMonths(start, window.value)) {
      report(
        'PLAATSING_NA_24_MAANDEN',
        field.plaatsing,
        { termijn: window.value, start: formatSerial(start), profiel: window.profile },
        { term: 'uitstroom-naar-werk' },
      );
    }

    const end = cells[field.einde].date;
    if (status?.id === 'teruggemeld' && registered !== undefined && end !== undefined && end - registered > reclaim.value * 7) {
      report(
        'TERUGMELDING_TE_LAAT',
        field.einde,
        { dagen: end - registered, aanmelding: formatSerial(registered), weken: reclaim.value, profiel: reclaim.profile },
        { term: 'terugmelding' },
      );
    }

    if (key !== undefined) {
      const earlier = seen.get(key);
      if (earlier !== undefined) report('DUBBEL_CLIENT', field.clientnummer, { waarde: id as string, eerdereRij: earlier + 1 }, { term: 'clientnummer' });
      else seen.set(key, r);
    }

    // BSNs: the id column as a whole, every other text cell as tokens.
    const idCol = clientIdField >= 0 ? header.columnOfField[clientIdField] : -1;
    if (idCol >= 0) {
      const value = raw?.[idCol];
      const bsn = typeof value === 'string' || typeof value === 'number' ? bsnInIdentifier(value) : null;
      if (bsn !== null) report('PRIVACY_BSN', clientIdField, { bsn }, { term: 'clientnummer' });
    }
    if (raw !== undefined) {
      for (let c = 0; c < raw.length; c++) {
        const value = raw[c];
        if (c === idCol || typeof value !== 'string') continue;
        for (const bsn of bsnsInText(value)) {
          const f = header.columnOfField.indexOf(c);
          findings.push(
            findingAt('PRIVACY_BSN', { sheet: sheet.name, row: r, col: c, column: f >= 0 ? columns[f].header : null, value }, { bsn }, {
              term: 'clientnummer',
              fragment: bsn,
              offset: value.indexOf(bsn),
            }),
          );
        }
      }
    }

    for (const i of scanFields) {
      const value = raw?.[header.columnOfField[i]];
      if (typeof value !== 'string' || value === '') continue;
      const p = place(i);
      for (const hit of matcher.scan(value)) {
        findings.push(locateTextFinding(hit, { sheet: p.sheet, cell: cellAddress(p.row, p.col), row: r + 1, column: p.column, value }));
      }
    }
  }
  return { rows, findings, present, field };
}
