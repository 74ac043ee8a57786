/**
 * A sheet written whole from a SheetSpec (the Controle sheet, the Logboek,
 * templates): values, formulas, number formats, bold, wrap, severity fills,
 * internal links, column widths, frozen rows, an autofilter, data
 * validations and an Excel table, in the schema's element order.
 */

import { cellAddress, type RawValue } from '../../engine/grid';
import { isCellSpec, type CellInput, type SheetSpec, type ValidationSpec } from '../port';
import { cellContent, cellElement } from './cellWrite';
import type { CellLook, StylesXml } from './stylesEdit';
import { attrs, cellText, escapeAttr, escapeText, NS, XML_DECLARATION } from './xmlWrite';

const encoder = new TextEncoder();

/** Excel's limits on data validation texts. */
const LIMITS = { title: 32, prompt: 255, error: 225 };

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

/** A sheet name quoted for a reference: 'Cliënten'!A1. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * A cell reference made absolute ($C$26): a link's target must not read as
 * an R1C1 reference (LibreOffice takes "C26" for column 26 and leaves the
 * link unresolved; Excel reads both).
 */
export function absoluteRef(cell: string): string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell);
  return m === null ? cell : `$${m[1].toUpperCase()}$${m[2]}`;
}

/** What the table part needs from the sheet: its range and column names (the header cells are written with them). */
export interface TableLayout {
  readonly ref: string;
  readonly columns: readonly string[];
}

/** Unique, non-empty column names for a table's header row; the header cells must hold exactly these. */
export function tableColumnNames(spec: SheetSpec): string[] {
  const table = spec.table;
  if (table === undefined) return [];
  const header = spec.rows[table.headerRow] ?? [];
  const seen = new Set<string>();
  const names: string[] = [];
  for (let i = 0; i < table.cols; i++) {
    const input = header[table.col + i];
    const value = input === undefined ? null : cellContent(input).value;
    let name = typeof value === 'string' ? value.trim() : value === null ? '' : String(value);
    if (name === '') name = `Kolom${i + 1}`;
    let unique = name;
    for (let n = 2; seen.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
    seen.add(unique.toLowerCase());
    names.push(unique);
  }
  return names;
}

function validationXml(v: ValidationSpec): string {
  const type = v.kind;
  let operator: string | undefined;
  let f1: string | undefined;
  let f2: string | undefined;
  if (type === 'list') {
    f1 = (v.source ?? '').replace(/^=/, '');
  } else if (type === 'custom') {
    // Allowed where the formula (relative to the range's first cell) is TRUE; no operator.
    f1 = (v.formula ?? '').replace(/^=/, '');
  } else {
    const lowest = type === 'date' ? 1 : type === 'textLength' || type === 'whole' ? 0 : -9.99e307;
    const highest = type === 'date' ? 2958465 : type === 'textLength' ? 32767 : type === 'whole' ? 2147483647 : 9.99e307;
    if (v.min !== undefined && v.max !== undefined) {
      operator = 'between';
      f1 = String(v.min);
      f2 = String(v.max);
    } else if (v.min !== undefined) {
      operator = 'greaterThanOrEqual';
      f1 = String(v.min);
    } else if (v.max !== undefined) {
      operator = 'lessThanOrEqual';
      f1 = String(v.max);
    } else {
      operator = 'between';
      f1 = String(type === 'whole' ? -2147483648 : lowest);
      f2 = String(highest);
    }
  }
  const a = attrs({
    type,
    operator,
    allowBlank: v.allowBlank === false ? undefined : '1',
    showInputMessage: v.prompt !== undefined ? '1' : undefined,
    showErrorMessage: '1',
    errorStyle: 'stop',
    errorTitle: clip(v.error.title, LIMITS.title),
    error: clip(v.error.message, LIMITS.error),
    promptTitle: v.prompt !== undefined ? clip(v.prompt.title, LIMITS.title) : undefined,
    prompt: v.prompt !== undefined ? clip(v.prompt.message, LIMITS.prompt) : undefined,
    sqref: v.range,
  });
  return `<dataValidation${a}>${f1 !== undefined ? `<formula1>${escapeText(f1)}</formula1>` : ''}${f2 !== undefined ? `<formula2>${escapeText(f2)}</formula2>` : ''}</dataValidation>`;
}

export interface WrittenSheet {
  /** The worksheet part in pieces. */
  readonly pieces: Uint8Array[];
  readonly hasFormulas: boolean;
}

/**
 * The worksheet XML of a spec. `parts` are the relationship ids of its
 * table part and its drawing part (the charts), when it has them.
 */
export function specSheetXml(spec: SheetSpec, styles: StylesXml, parts: { readonly table?: string; readonly drawing?: string } = {}): WrittenSheet {
  const tableRelId = parts.table;
  const tableNames = tableColumnNames(spec);
  const columnFormats = (spec.columns ?? []).map((c) => (c.numberFormat !== undefined ? styles.cellFormat({ numberFormat: c.numberFormat }) : 0));
  const chunks: Uint8Array[] = [];
  let buffer = '';
  const flush = (force = false) => {
    if (buffer.length > 1 << 20 || (force && buffer.length > 0)) {
      chunks.push(encoder.encode(buffer));
      buffer = '';
    }
  };

  let maxRow = -1;
  let maxCol = -1;
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r];
    for (let c = row.length - 1; c >= 0; c--) {
      const input = row[c];
      if (input === null || input === undefined || (isCellSpec(input) && input.value == null && input.formula === undefined)) continue;
      maxRow = Math.max(maxRow, r);
      maxCol = Math.max(maxCol, c);
      break;
    }
  }
  const table = spec.table;
  if (table !== undefined) {
    maxRow = Math.max(maxRow, table.headerRow + table.dataRows);
    maxCol = Math.max(maxCol, table.col + table.cols - 1);
  }

  buffer += `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.relationships}">`;
  if (spec.printOnePageWide === true) buffer += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  buffer += `<dimension ref="${maxRow < 0 ? 'A1' : `A1:${cellAddress(maxRow, Math.max(maxCol, 0))}`}"/>`;
  buffer += '<sheetViews><sheetView workbookViewId="0">';
  const frozen = spec.frozenRows ?? 0;
  if (frozen > 0) {
    const topLeft = cellAddress(frozen, 0);
    buffer += `<pane ySplit="${frozen}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>`;
  }
  buffer += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>';
  let cols = '';
  (spec.columns ?? []).forEach((c, i) => {
    if (c.width === undefined && columnFormats[i] === 0) return;
    cols += `<col${attrs({ min: i + 1, max: i + 1, width: c.width ?? 9.140625, style: columnFormats[i] > 0 ? columnFormats[i] : undefined, customWidth: c.width !== undefined ? '1' : undefined })}/>`;
  });
  if (cols !== '') buffer += `<cols>${cols}</cols>`;

  buffer += '<sheetData>';
  const links: string[] = [];
  let hasFormulas = false;
  const looks = new Map<string, number>();
  const styleOf = (look: CellLook): number => {
    const key = `${look.numberFormat ?? ''}\u0000${look.bold ? 1 : 0}${look.wrap ? 1 : 0}${look.link ? 1 : 0}${look.severity ?? ''}`;
    let s = looks.get(key);
    if (s === undefined) looks.set(key, (s = styles.cellFormat(look)));
    return s;
  };
  for (let r = 0; r < spec.rows.length; r++) {
    let row = spec.rows[r];
    if (table !== undefined && r === table.headerRow) {
      const named = row.slice();
      for (let i = 0; i < tableNames.length; i++) {
        const old = named[table.col + i];
        named[table.col + i] = old !== undefined && isCellSpec(old) ? { ...old, value: tableNames[i], formula: undefined } : tableNames[i];
      }
      row = named;
    }
    let cells = '';
    let lines = 1;
    for (let c = 0; c < row.length; c++) {
      const input = row[c];
      if (input === undefined) continue;
      const spec_ = isCellSpec(input) ? input : undefined;
      const ref = cellAddress(r, c);
      const look: CellLook = {
        numberFormat: spec_?.numberFormat ?? spec.columns?.[c]?.numberFormat,
        bold: spec_?.bold,
        wrap: spec_?.wrap,
        severity: spec_?.severity,
        link: spec_?.link !== undefined,
      };
      const element = cellElement('', ref, input, styleOf(look));
      if (look.wrap === true) lines = Math.max(lines, wrappedLines(cellContent(input).value, spec.columns?.[c]?.width ?? DEFAULT_WIDTH));
      if (spec_?.formula !== undefined) hasFormulas = true;
      if (spec_?.link !== undefined) {
        const display = cellContent(input).value;
        links.push(`<hyperlink${attrs({ ref, location: `${quotedSheet(spec_.link.sheet)}!${absoluteRef(spec_.link.cell)}`, display: typeof display === 'string' ? display : undefined })}/>`);
      }
      cells += element;
    }
    // A row with wrapped text gets the height of its lines: not every reader sizes such a row itself (LibreOffice does not).
    const height = lines > 1 ? ` ht="${lines * LINE_HEIGHT}" customHeight="1"` : '';
    if (cells !== '') buffer += `<row r="${r + 1}"${height}>${cells}</row>`;
    flush();
  }
  buffer += '</sheetData>';

  if (spec.autoFilterRow !== undefined && table === undefined) {
    const header = spec.rows[spec.autoFilterRow] ?? [];
    const lastCol = Math.max(header.length - 1, 0);
    const lastRow = Math.max(maxRow, spec.autoFilterRow);
    buffer += `<autoFilter ref="${cellAddress(spec.autoFilterRow, 0)}:${cellAddress(lastRow, lastCol)}"/>`;
  }
  if (spec.validations !== undefined && spec.validations.length > 0) {
    buffer += `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join('')}</dataValidations>`;
  }
  if (links.length > 0) buffer += `<hyperlinks>${links.join('')}</hyperlinks>`;
  buffer += '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
  // One page wide; fitToHeight 0: as many pages tall as needed.
  if (spec.printOnePageWide === true) buffer += '<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0"/>';
  if (parts.drawing !== undefined) buffer += `<drawing r:id="${parts.drawing}"/>`;
  if (tableRelId !== undefined) buffer += `<tableParts count="1"><tablePart r:id="${tableRelId}"/></tableParts>`;
  buffer += '</worksheet>';
  flush(true);
  return { pieces: chunks, hasFormulas };
}

/** The table part of a spec's table. */
export function tablePartXml(spec: SheetSpec, id: number, name: string): string {
  const table = spec.table;
  if (table === undefined) throw new Error('blad zonder tabel');
  const names = tableColumnNames(spec);
  const ref = `${cellAddress(table.headerRow, table.col)}:${cellAddress(table.headerRow + Math.max(table.dataRows, 1), table.col + table.cols - 1)}`;
  const columns = names.map((n, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(tableColumnName(n))}"/>`).join('');
  return (
    `${XML_DECLARATION}<table xmlns="${NS.main}"${attrs({ id, name, displayName: name, ref, totalsRowShown: '0' })}>` +
    `<autoFilter ref="${ref}"/><tableColumns count="${names.length}">${columns}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(table.style ?? 'TableStyleMedium2')}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

/** A column name as a table part writes it (line breaks as Excel's escape). */
function tableColumnName(name: string): string {
  return cellText(name).replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\n/g, '_x000a_');
}

/** A valid, unused table name from a wish (letters, digits, _ and .; not like a cell reference). */
export function tableName(wish: string, taken: ReadonlySet<string>): string {
  let name = wish.normalize('NFC').replace(/[^\p{L}\p{N}_.]/gu, '_');
  if (!/^[\p{L}_]/u.test(name)) name = `_${name}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc](\d*)$/.test(name) || /^R\d*C\d*$/i.test(name)) name = `_${name}`;
  name = name.slice(0, 250);
  let unique = name;
  for (let n = 2; taken.has(unique.toLowerCase()); n++) unique = `${name}${n}`;
  return unique;
}

/** Excel's default column width in characters, and the height of one line of text in points. */
const DEFAULT_WIDTH = 8.43;
const LINE_HEIGHT = 15;

/** How many lines a wrapped text takes in a column `width` characters wide (an estimate: words are not split). */
export function wrappedLines(value: RawValue, width: number): number {
  if (typeof value !== 'string') return 1;
  const perLine = Math.max(1, Math.floor(width) - 1);
  let lines = 0;
  for (const paragraph of value.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(' ')) {
      const needed = line === 0 ? word.length : line + 1 + word.length;
      if (needed > perLine && line > 0) {
        count++;
        line = word.length;
      } else line = needed;
    }
    lines += count;
  }
  return Math.max(1, lines);
}
