/**
 * The workbook port over Excel through Office.js. Every `Excel.run` of the
 * product lives in this folder (the host in officeHost.ts hands in the real
 * Excel; tests hand in a fake with the same semantics).
 *
 * Reading: one sync for the sheet list, the date system and the ids of our
 * custom XML part; one for the used ranges, merged areas and the part's XML;
 * then the cells in blocks of about 10,000 rows, small sheets packed with
 * the large ones, each response estimated below 5 MB (readPlan.ts). A block
 * loads values and number formats; which cells hold an error value comes
 * from the special cells of type "Errors" (a short address list) instead of
 * a value type per cell, which would add almost half to every response.
 * Without ExcelApi 1.9 value types are loaded instead. Reading never writes.
 *
 * Writing: queued and sent in as few requests as the 5 MB limit allows
 * (requestBatch.ts), text kept as text (excelValues.ts); a sheet's charts
 * after its cells (officeCharts.ts).
 */
import type { DateSystem } from '../../engine/excelDate';
import type { MergeRange, RawValue, SheetData } from '../../engine/grid';
import {
  EMPTY_STORED_STATE,
  throwIfCancelled,
  type CellRef,
  type CellMark,
  type RangeRef,
  type ReadRequest,
  type SheetSpec,
  type SheetVisibility,
  type StoredState,
  type WorkbookInfo,
  type WorkbookPort,
  type WorkbookSnapshot,
  type WriteBlock,
  type CellInput,
} from '../port';
import { isStoredStateXml, parseStoredStateXml, STORED_NAMESPACE, storedStateXml } from '../storedState';
import { parseAddressList } from './addresses';
import { errorCode, type ExcelHost, type Range, type RangeAreas, type RequestContext, type Worksheet } from './excelApi';
import { rawFromExcel, valueBytes } from './excelValues';
import { addCharts, type ChartCapabilities } from './officeCharts';
import { applyMarksInExcel, clearMarksInExcel, type NoteMode } from './officeMarks';
import { INITIAL_BYTES_PER_CELL, nextSync, type ReadPiece } from './readPlan';
import { RequestBatch } from './requestBatch';
import { applyColumns, applySheetSettings, excelVisibility, writeRows, type WriteCapabilities } from './sheetWrites';

/** What the Excel at hand supports, decided with isSetSupported. */
export interface OfficeCapabilities extends WriteCapabilities, ChartCapabilities {
  /** ExcelApi 1.9: error cells by special cells; marks over many cells in one rule. */
  readonly specialCells: boolean;
  readonly rangeAreas: boolean;
  /** ExcelApi 1.13: merged areas. */
  readonly merges: boolean;
  /** Notes (1.18), else comments (1.10), else only the task pane. */
  readonly noteMode: NoteMode;
}

export function officeCapabilities(host: ExcelHost): OfficeCapabilities {
  const has = (version: string) => host.isSetSupported(version);
  return {
    specialCells: has('1.9'),
    rangeAreas: has('1.9'),
    autoFilter: has('1.9'),
    pageLayout: has('1.9'),
    merges: has('1.13'),
    valuesAsJson: has('1.16'),
    hyperlinks: has('1.7'),
    dataValidation: has('1.8'),
    chartSeries: has('1.7'),
    chartAxisFormat: has('1.8'),
    noteMode: has('1.18') ? 'notitie' : has('1.10') ? 'opmerking' : 'taakvenster',
  };
}

const VISIBILITY: Readonly<Record<string, SheetVisibility>> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

/** The date system from DATE(1904;1;1): 0 in a 1904 workbook, 1462 in a 1900 one. */
function dateSystemOf(serialOf1904: number): DateSystem {
  return serialOf1904 === 0 ? 1904 : 1900;
}

function missingSheet(name: string): Error {
  return new Error(`Werkblad '${name}' bestaat niet.`);
}

/** The first part of ours that reads, or the empty state. */
function storedFromXml(xmls: readonly string[]): StoredState {
  const ours = xmls.find(isStoredStateXml);
  return ours === undefined ? EMPTY_STORED_STATE : parseStoredStateXml(ours);
}

const toKey = (row: number, col: number): number => row * 16384 + col;

interface Grid {
  values: (RawValue[] | undefined)[];
  formats: ((string | undefined)[] | undefined)[];
}

/** Puts a block as read into its sheet's grid; returns the estimated bytes of the response. */
function fillGrid(grid: Grid, piece: ReadPiece, range: Range, errors: ReadonlySet<number> | null): number {
  const values = range.values;
  const numberFormats = range.numberFormat;
  const types = errors === null ? range.valueTypes : null;
  let bytes = 0;
  for (let i = 0; i < piece.rows; i++) {
    const r = piece.top + i;
    const rowValues = values[i];
    const rowFormats = numberFormats[i];
    let last = -1;
    for (let j = 0; j < piece.cols; j++) {
      bytes += valueBytes(rowValues[j]) + valueBytes(rowFormats[j]);
      if (rowValues[j] !== '') last = j;
    }
    // Rows arrive in order per sheet: pushing keeps the arrays packed.
    while (grid.values.length < r) grid.values.push(undefined);
    if (last < 0) {
      grid.values.push(undefined);
      continue;
    }
    const row: RawValue[] = new Array(piece.left + last + 1).fill(null);
    let formats: (string | undefined)[] | undefined;
    for (let j = 0; j <= last; j++) {
      const c = piece.left + j;
      const v = rowValues[j];
      const isError = errors !== null ? errors.has(toKey(r, c)) : types?.[i][j] === 'Error';
      row[c] = rawFromExcel(v, isError);
      const format = rowFormats[j];
      if (typeof v === 'number' && typeof format === 'string' && format !== 'General') {
        formats ??= new Array(c + 1);
        formats[c] = format;
      }
    }
    grid.values.push(row);
    if (formats !== undefined) {
      while (grid.formats.length < r) grid.formats.push(undefined);
      grid.formats.push(formats);
    }
  }
  return bytes;
}

function errorCells(areas: readonly RangeAreas[]): Set<number> {
  const out = new Set<number>();
  for (const a of areas) {
    if (a.isNullObject) continue;
    for (const rect of parseAddressList(a.address)) {
      for (let r = rect.top; r <= rect.bottom; r++) for (let c = rect.left; c <= rect.right; c++) out.add(toKey(r, c));
    }
  }
  return out;
}

export class OfficeWorkbook implements WorkbookPort {
  private capabilitiesCache: OfficeCapabilities | undefined;

  constructor(private readonly host: ExcelHost) {}

  /** Decided on first use (isSetSupported needs Office to be ready). */
  get capabilities(): OfficeCapabilities {
    this.capabilitiesCache ??= officeCapabilities(this.host);
    return this.capabilitiesCache;
  }

  /** Where the message of a mark goes in this Excel: a note, a comment, or only the task pane. */
  get noteMode(): NoteMode {
    return this.capabilities.noteMode;
  }

  async describe(): Promise<WorkbookInfo> {
    return this.host.run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name,items/visibility');
      const active = context.workbook.worksheets.getActiveWorksheet().load('name');
      const probe = context.workbook.functions.date(1904, 1, 1).load('value');
      await context.sync();
      return {
        sheets: sheets.items.map((s) => ({ name: s.name, visibility: VISIBILITY[s.visibility] ?? 'visible' })),
        dateSystem: dateSystemOf(probe.value),
        activeSheet: active.name,
      };
    });
  }

  async read(request: ReadRequest = {}): Promise<WorkbookSnapshot> {
    const caps = this.capabilities;
    return this.host.run(async (context) => {
      const { workbook } = context;
      const all = workbook.worksheets.load('items/name');
      const probe = workbook.functions.date(1904, 1, 1).load('value');
      const parts = request.stored === true ? workbook.customXmlParts.getByNamespace(STORED_NAMESPACE).load('items/id') : null;
      await context.sync();
      throwIfCancelled(request.signal);

      const wanted = request.sheets === undefined ? undefined : new Set(request.sheets);
      const chosen = all.items.filter((s) => wanted === undefined || wanted.has(s.name));
      const extents = chosen.map((sheet) => ({
        sheet,
        used: sheet.getUsedRangeOrNullObject(true).load('rowIndex,columnIndex,rowCount,columnCount'),
        merged: caps.merges ? sheet.getRange().getMergedAreasOrNullObject().load('address') : null,
      }));
      const xml = (parts?.items ?? []).map((p) => p.getXml());
      await context.sync();
      throwIfCancelled(request.signal);

      const grids = new Map<string, Grid>();
      const byName = new Map<string, Worksheet>();
      let pending: ReadPiece[] = [];
      for (const { sheet, used } of extents) {
        byName.set(sheet.name, sheet);
        const grid: Grid = { values: [], formats: [] };
        grids.set(sheet.name, grid);
        if (used.isNullObject) continue;
        pending.push({ sheet: sheet.name, top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount });
      }

      const total = pending.reduce((n, p) => n + p.rows, 0);
      let done = 0;
      let bytesPerCell = caps.specialCells ? INITIAL_BYTES_PER_CELL : INITIAL_BYTES_PER_CELL * 1.5;
      let seenBytes = 0;
      let seenCells = 0;
      while (pending.length > 0) {
        throwIfCancelled(request.signal);
        const { now, rest } = nextSync(pending, bytesPerCell);
        const loads = now.map((piece) => {
          const range = (byName.get(piece.sheet) as Worksheet)
            .getRangeByIndexes(piece.top, piece.left, piece.rows, piece.cols)
            .load(caps.specialCells ? 'values,numberFormat' : 'values,numberFormat,valueTypes');
          const errors = caps.specialCells
            ? [range.getSpecialCellsOrNullObject('Constants', 'Errors').load('address'), range.getSpecialCellsOrNullObject('Formulas', 'Errors').load('address')]
            : null;
          return { piece, range, errors };
        });
        try {
          await context.sync();
        } catch (error) {
          const rows = now.reduce((n, p) => n + p.rows, 0);
          if (errorCode(error) !== 'ResponsePayloadSizeLimitExceeded' || rows <= 1) throw error;
          // Larger than the estimate: read these rows in smaller blocks.
          bytesPerCell *= 2;
          continue;
        }
        for (const { piece, range, errors } of loads) {
          seenBytes += fillGrid(grids.get(piece.sheet) as Grid, piece, range, errors === null ? null : errorCells(errors));
          seenCells += piece.rows * piece.cols;
          done += piece.rows;
        }
        // A margin for what the estimate misses (escapes, letters outside ASCII); a refused block is read again in halves.
        bytesPerCell = Math.max(4, (seenBytes / seenCells) * 1.1);
        pending = rest;
        request.onProgress?.(done, total);
      }

      const sheets: SheetData[] = extents.map(({ sheet, merged }) => {
        const grid = grids.get(sheet.name) as Grid;
        const merges: MergeRange[] =
          merged === null || merged.isNullObject ? [] : parseAddressList(merged.address).map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }));
        return { name: sheet.name, values: grid.values, formats: grid.formats, ...(merges.length > 0 ? { merges } : {}) };
      });
      return {
        sheets,
        dateSystem: dateSystemOf(probe.value),
        ...(parts !== null ? { stored: storedFromXml(xml.map((x) => x.value)) } : {}),
      };
    });
  }

  /** The names of the worksheets, checked against the names asked for (a Dutch error for a missing one). */
  private async sheetsNamed(context: RequestContext, names: Iterable<string>): Promise<Map<string, Worksheet>> {
    const all = context.workbook.worksheets.load('items/name');
    await context.sync();
    const byName = new Map(all.items.map((s) => [s.name, s]));
    for (const name of names) if (!byName.has(name)) throw missingSheet(name);
    return byName;
  }

  async readCells(cells: readonly CellRef[]): Promise<RawValue[]> {
    const ranges = await this.loadCells(cells, 'values,valueTypes');
    return ranges.map((r) => rawFromExcel(r.values[0][0], r.valueTypes[0][0] === 'Error'));
  }

  async formulasOf(cells: readonly CellRef[]): Promise<(string | null)[]> {
    // A cell's formulas give its formula (with the '='), or its constant.
    const ranges = await this.loadCells(cells, 'formulas');
    return ranges.map((r) => {
      const f: unknown = r.formulas[0][0];
      return typeof f === 'string' && f.startsWith('=') ? f : null;
    });
  }

  /** Loads `properties` of single cells, batched (a cell's value is small: room for a few hundred bytes each). */
  private async loadCells(cells: readonly CellRef[], properties: string): Promise<Range[]> {
    if (cells.length === 0) return [];
    return this.host.run(async (context) => {
      const sheets = await this.sheetsNamed(context, new Set(cells.map((c) => c.sheet)));
      const batch = new RequestBatch(context);
      const ranges: Range[] = [];
      for (const c of cells) {
        await batch.room(40, 256);
        ranges.push((sheets.get(c.sheet) as Worksheet).getRangeByIndexes(c.row, c.col, 1, 1).load(properties));
      }
      await batch.flush();
      return ranges;
    });
  }

  async writeCells(blocks: readonly WriteBlock[]): Promise<void> {
    if (blocks.length === 0) return;
    const caps = this.capabilities;
    await this.host.run(async (context) => {
      const sheets = await this.sheetsNamed(context, new Set(blocks.map((b) => b.sheet)));
      const batch = new RequestBatch(context);
      for (const block of blocks) await writeRows(batch, sheets.get(block.sheet) as Worksheet, block.row, block.col, block.rows, caps);
      await batch.flush();
    });
  }

  async applyMarks(marks: readonly CellMark[]): Promise<void> {
    if (marks.length === 0) return;
    const caps = this.capabilities;
    await this.host.run(async (context) => {
      await this.sheetsNamed(context, new Set(marks.map((m) => m.sheet)));
      await applyMarksInExcel(context, marks, caps);
    });
  }

  async clearMarks(): Promise<number> {
    const caps = this.capabilities;
    return this.host.run((context) => clearMarksInExcel(context, caps));
  }

  /** Adds the sheet (the one of that name deleted first) with its columns, rows, settings and charts. */
  private async addSheet(context: RequestContext, spec: SheetSpec, replace: Worksheet | null): Promise<void> {
    const caps = this.capabilities;
    if (replace !== null) replace.delete();
    const sheet = context.workbook.worksheets.add(spec.name);
    const batch = new RequestBatch(context);
    await applyColumns(batch, sheet, spec);
    await writeRows(batch, sheet, 0, 0, spec.rows, caps);
    await applySheetSettings(batch, sheet, spec, caps);
    await addCharts(batch, sheet, spec, caps);
    if (spec.visibility !== undefined && spec.visibility !== 'visible') {
      await batch.room();
      sheet.visibility = excelVisibility(spec.visibility);
    }
    await batch.flush();
  }

  async putSheet(spec: SheetSpec): Promise<string> {
    await this.host.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(spec.name).load('name');
      await context.sync();
      await this.addSheet(context, spec, existing.isNullObject ? null : existing);
    });
    return spec.name;
  }

  async appendRows(name: string, rows: readonly (readonly CellInput[])[], create: SheetSpec): Promise<void> {
    await this.host.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(name).load('name');
      await context.sync();
      if (existing.isNullObject) {
        await this.addSheet(context, { ...create, name, rows: [...create.rows, ...rows] }, null);
        return;
      }
      const used = existing.getUsedRangeOrNullObject(true).load('rowIndex,rowCount');
      await context.sync();
      const top = used.isNullObject ? 0 : used.rowIndex + used.rowCount;
      const batch = new RequestBatch(context);
      await writeRows(batch, existing, top, 0, rows, this.capabilities);
      await batch.flush();
    });
  }

  async readStored(): Promise<StoredState> {
    return this.host.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(STORED_NAMESPACE).load('items/id');
      await context.sync();
      if (parts.items.length === 0) return EMPTY_STORED_STATE;
      const xml = parts.items.map((p) => p.getXml());
      await context.sync();
      return storedFromXml(xml.map((x) => x.value));
    });
  }

  async writeStored(state: StoredState): Promise<void> {
    const xml = storedStateXml(state);
    await this.host.run(async (context) => {
      const parts = context.workbook.customXmlParts.getByNamespace(STORED_NAMESPACE).load('items/id');
      await context.sync();
      const [first, ...others] = parts.items;
      if (first === undefined) context.workbook.customXmlParts.add(xml);
      else first.setXml(xml);
      // One part of ours: a copy left by an earlier version or a copied sheet would disagree later.
      for (const part of others) part.delete();
      await context.sync();
    });
  }

  async getSelection(): Promise<RangeRef | null> {
    return this.host.run(async (context) => {
      const range = context.workbook.getSelectedRange().load('rowIndex,columnIndex,rowCount,columnCount');
      const sheet = range.worksheet.load('name');
      try {
        await context.sync();
      } catch (error) {
        // Not a range selected (a chart, a shape): no selection to report.
        if (errorCode(error) === 'InvalidSelection') return null;
        throw error;
      }
      return { sheet: sheet.name, row: range.rowIndex, col: range.columnIndex, rows: range.rowCount, cols: range.columnCount };
    });
  }

  async select(cell: CellRef): Promise<void> {
    await this.host.run(async (context) => {
      const sheets = await this.sheetsNamed(context, [cell.sheet]);
      const sheet = sheets.get(cell.sheet) as Worksheet;
      sheet.activate();
      sheet.getRangeByIndexes(cell.row, cell.col, 1, 1).select();
      await context.sync();
    });
  }

  /** Recalculates every formula (the REINT functions after the profile changed). */
  async recalculate(): Promise<void> {
    await this.host.run(async (context) => {
      context.workbook.application.calculate('Full');
      await context.sync();
    });
  }
}
