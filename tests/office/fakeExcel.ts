/**
 * A fake of the part of the Excel JavaScript API that the Office adapter
 * uses, with Excel's semantics where they matter:
 *
 * - calls queue operations; nothing reaches the workbook before
 *   `context.sync()`, and a loaded property is readable only after it;
 * - reading a property that was not loaded throws (PropertyNotLoaded), as
 *   does reading `items` of a collection that was not loaded;
 * - `*OrNullObject` gives an object whose `isNullObject` is known after sync;
 * - a request or a response over 5 MB is refused (RequestPayloadSizeLimit-
 *   Exceeded / ResponsePayloadSizeLimitExceeded), and so is a read of more
 *   than 5 million cells;
 * - `range.values` takes strings as typed input: "=..." becomes a formula,
 *   "123" a number, "TRUE" a boolean, "#N/A" an error, and a leading
 *   apostrophe keeps the rest as text; `valuesAsJson` strings stay text;
 * - null in a written matrix leaves that cell as it is; a single value
 *   written to a range applies to every cell;
 * - Excel.run sends what is still queued when the batch ends;
 * - a chart added from a range takes its series from it as Excel guesses
 *   (simplified: a first column with text is the categories, a first row
 *   with text the names); chart members of a requirement set above the
 *   host's fail at sync (ApiNotFound).
 *
 * It counts every sync with the bytes of its request and response (the
 * request as the JSON of the queued operations, the response as the JSON of
 * what was loaded) and logs every operation that changes the workbook.
 */
import type {
  ExcelHost,
  RequestContext,
  Workbook,
  Worksheet,
  WorksheetCollection,
  Range,
  RangeAreas,
  ConditionalFormatCollection,
  ConditionalFormat,
  CustomConditionalFormat,
  NoteCollection,
  Note,
  CommentCollection,
  Comment,
  CustomXmlPartCollection,
  CustomXmlPartScopedCollection,
  CustomXmlPart,
  FunctionResult,
  DataValidation,
  RangeFormat,
  RangeHyperlink,
  Chart,
  ChartCollection,
  ChartSeries,
  ChartSeriesCollection,
} from '../../src/workbook/office/excelApi';
import type { CellRect } from '../../src/workbook/office/addresses';
import { serialFromDate } from '../../src/engine/excelDate';
import { FakeSheet, FakeWorkbook, key, unkey, type CellValue, type ChartSeriesState, type ChartState, type ConditionalRule } from './fakeWorkbook';

export const PAYLOAD_LIMIT = 5_000_000;
export const CELL_LIMIT = 5_000_000;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly operations: number;
  readonly writes: number;
  readonly cellsRead: number;
}

interface Applied {
  readonly response?: unknown;
  readonly commit?: () => void;
  readonly cellsRead?: number;
}

interface Operation {
  readonly request: unknown;
  readonly write: string | null;
  readonly apply: () => Applied | void;
}

const bytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');

const WHOLE_SHEET: CellRect = { top: 0, left: 0, bottom: 1048575, right: 16383 };

function columnLetters(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

function rectText(r: CellRect): string {
  return r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
}

function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function parseCell(text: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(text.trim());
  if (m === null) throw new FakeExcelError('InvalidArgument', `bad address ${text}`);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [Number(m[2]) - 1, col - 1];
}

/** "A1", "A1:B2", "Sheet!A1" (the sheet prefix is ignored). */
function parseRect(text: string): CellRect {
  const bare = text.includes('!') ? text.slice(text.lastIndexOf('!') + 1) : text;
  const [a, b] = bare.split(':');
  const [top, left] = parseCell(a);
  const [bottom, right] = b === undefined ? [top, left] : parseCell(b);
  return { top, left, bottom, right };
}

function parseList(text: string): CellRect[] {
  if (text.length > 8000) throw new FakeExcelError('InvalidArgument', 'address list too long');
  return text.split(/[,;]/).map((t) => parseRect(t.trim()));
}

const intersects = (a: CellRect, b: CellRect): boolean => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const cellCount = (r: CellRect): number => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function notLoaded(name: string): FakeExcelError {
  return new FakeExcelError(
    'PropertyNotLoaded',
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

/** Typed input as Excel reads it from `range.values`. */
function typedInput(sheet: FakeSheet, row: number, col: number, input: unknown): void {
  if (input === null || input === undefined) return;
  const style = sheet.styles.get(key(row, col));
  if (style !== undefined) delete style.quotePrefix;
  if (typeof input === 'number' || typeof input === 'boolean') {
    sheet.setValue(row, col, input);
    return;
  }
  const text = String(input);
  if (text === '') {
    sheet.setValue(row, col, '');
    return;
  }
  if (text.startsWith("'")) {
    sheet.setValue(row, col, text.slice(1));
    sheet.style(row, col).quotePrefix = true;
    return;
  }
  if (/^[=+-]./.test(text)) {
    const number = Number(text.slice(1));
    const value = text[0] !== '=' && Number.isFinite(number) ? (text[0] === '-' ? -number : number) : /^=NA\(\)$/i.test(text) ? '#N/A' : '#NAME?';
    sheet.setValue(row, col, value);
    sheet.formulas.set(key(row, col), text[0] === '=' ? text : `=${text}`);
    if (typeof value === 'string') sheet.errors.set(key(row, col), value);
    return;
  }
  if (/^#(N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!)$/.test(text)) {
    sheet.setValue(row, col, text);
    sheet.errors.set(key(row, col), text);
    return;
  }
  if (/^(true|false)$/i.test(text)) {
    sheet.setValue(row, col, text.toLowerCase() === 'true');
    return;
  }
  if (/^\s*[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?%?\s*$/i.test(text)) {
    const pct = text.trim().endsWith('%');
    const n = Number(text.trim().replace('%', '').replace(',', '.'));
    sheet.setValue(row, col, pct ? n / 100 : n);
    return;
  }
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso !== null) {
    const serial = serialFromDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (serial !== undefined) {
      sheet.setValue(row, col, serial);
      return;
    }
  }
  sheet.setValue(row, col, text);
}

export class FakeContext implements RequestContext {
  private queue: Operation[] = [];
  readonly workbook: Workbook;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new WorkbookProxy(this);
  }

  get model(): FakeWorkbook {
    return this.excel.model;
  }

  enqueue(request: unknown, apply: () => Applied | void, write: string | null = null): void {
    this.queue.push({ request, apply, write });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    const requestBytes = bytes(ops.map((o) => o.request));
    if (requestBytes > PAYLOAD_LIMIT) {
      this.excel.refused.push({ requestBytes, responseBytes: 0, operations: ops.length, writes: 0, cellsRead: 0 });
      throw new FakeExcelError('RequestPayloadSizeLimitExceeded', `request of ${requestBytes} bytes`);
    }
    let responseBytes = 0;
    let writes = 0;
    let cellsRead = 0;
    const commits: (() => void)[] = [];
    for (const op of ops) {
      const applied = op.apply();
      if (op.write !== null) {
        writes++;
        this.excel.writes.push(op.write);
      }
      if (applied === undefined) continue;
      if (applied.response !== undefined) responseBytes += bytes(applied.response);
      if (applied.commit !== undefined) commits.push(applied.commit);
      cellsRead += applied.cellsRead ?? 0;
    }
    const record = { requestBytes, responseBytes, operations: ops.length, writes, cellsRead };
    if (responseBytes > PAYLOAD_LIMIT) {
      this.excel.refused.push(record);
      throw new FakeExcelError('ResponsePayloadSizeLimitExceeded', `response of ${responseBytes} bytes`);
    }
    this.excel.syncs.push(record);
    for (const commit of commits) commit();
  }
}

type Resolve<T> = () => T;

/** Base of every proxy: loads, properties readable only after sync, null objects. */
abstract class FakeProxy {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly ctx: FakeContext,
    readonly path: string,
  ) {}

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded('isNullObject');
    return this.nullState;
  }

  /** Whether the object is a null object (evaluated at sync). */
  protected resolveNull(): boolean {
    return false;
  }

  /** A scalar property's value now (at sync). */
  protected abstract read(name: string): unknown;

  /** A navigation property or the items of a collection, for nested loads. */
  protected nav(name: string): FakeProxy | FakeProxy[] | undefined {
    void name;
    return undefined;
  }

  private readonly navigations = new Map<string, unknown>();

  /** A navigation property is the same object on every access (as in Office.js). */
  protected memo<T>(name: string, make: () => T): T {
    if (!this.navigations.has(name)) this.navigations.set(name, make());
    return this.navigations.get(name) as T;
  }

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  /** Loads paths ("a", "items/b", "c/d") now (a page of the items when given); returns the response and the commit. */
  loadNow(paths: readonly string[], page?: { top: number; skip: number }): { response: Record<string, unknown>; commits: (() => void)[]; cells: number } {
    const response: Record<string, unknown> = {};
    const commits: (() => void)[] = [];
    let cells = 0;
    const isNull = this.resolveNull();
    commits.push(() => {
      this.nullState = isNull;
    });
    if (isNull) return { response: { isNullObject: true }, commits, cells };
    const groups = new Map<string, string[]>();
    for (const path of paths) {
      const [head, ...rest] = path.split('/');
      const list = groups.get(head) ?? [];
      if (rest.length > 0) list.push(rest.join('/'));
      groups.set(head, list);
    }
    for (const [head, rest] of groups) {
      const target = this.nav(head);
      if (target === undefined) {
        const value = this.read(head);
        response[head] = value;
        if (Array.isArray(value) && Array.isArray(value[0])) cells += value.length * (value[0] as unknown[]).length;
        commits.push(() => this.loaded.set(head, value));
      } else if (Array.isArray(target)) {
        const list = page === undefined ? target : target.slice(page.skip, page.skip + page.top);
        const items = list.map((item) => item.loadNow(rest));
        response[head] = items.map((i) => i.response);
        for (const i of items) commits.push(...i.commits);
        commits.push(() => this.loaded.set(head, list));
      } else {
        const inner = target.loadNow(rest);
        response[head] = inner.response;
        commits.push(...inner.commits);
        cells += inner.cells;
      }
    }
    return { response, commits, cells };
  }

  load(spec?: string | string[] | object): this {
    let paths: string[];
    let page: { top: number; skip: number } | undefined;
    if (typeof spec === 'object' && !Array.isArray(spec)) {
      // Collection load options: the properties of the items, and a page ($top, $skip).
      const options = spec as Record<string, unknown>;
      paths = Object.keys(options).filter((k) => !k.startsWith('$') && options[k] === true).map((k) => `items/${k}`);
      page = { top: Number(options.$top ?? Infinity), skip: Number(options.$skip ?? 0) };
    } else {
      paths = (Array.isArray(spec) ? spec : (spec ?? '').split(',')).map((p) => p.trim()).filter((p) => p !== '');
    }
    this.ctx.enqueue({ o: this.path, load: paths, page }, () => {
      const { response, commits, cells } = this.loadNow(paths, page);
      if (cells > CELL_LIMIT) throw new FakeExcelError('RangeExceedsLimit', `read of ${cells} cells`);
      return { response, commit: () => commits.forEach((c) => c()), cellsRead: cells };
    });
    return this;
  }

  protected write(what: string, request: Record<string, unknown>, apply: () => void): void {
    this.ctx.enqueue({ o: this.path, ...request }, apply, what);
  }

  protected act(request: Record<string, unknown>, apply: () => void): void {
    this.ctx.enqueue({ o: this.path, ...request }, apply, null);
  }
}

class ClientResult<T> {
  private state: { value: T } | undefined;
  set(value: T): void {
    this.state = { value };
  }
  get value(): T {
    if (this.state === undefined) throw notLoaded('value');
    return this.state.value;
  }
}

class WorkbookProxy implements Workbook {
  readonly worksheets: WorksheetCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  readonly functions = {
    date: (year: number, month: number, day: number): FunctionResult<number> => new FunctionResultProxy(this.ctx, year, month, day),
  };
  readonly application = {
    calculate: (type: 'Recalculate' | 'Full' | 'FullRebuild'): void => {
      this.ctx.enqueue({ o: 'application', m: 'calculate', a: [type] }, () => {
        this.ctx.model.calculations++;
      });
    },
  };

  constructor(private readonly ctx: FakeContext) {
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.customXmlParts = new CustomXmlPartCollectionProxy(ctx);
  }

  getSelectedRange(): Range {
    const ctx = this.ctx;
    const selection = () => {
      const s = ctx.model.selection;
      if (s === null) throw new FakeExcelError('InvalidSelection', 'no range selected');
      return s;
    };
    return new RangeProxy(ctx, 'selection', () => selection().sheet, () => selection().rect);
  }
}

class FunctionResultProxy extends FakeProxy implements FunctionResult<number> {
  constructor(
    ctx: FakeContext,
    private readonly y: number,
    private readonly m: number,
    private readonly d: number,
  ) {
    super(ctx, `functions.date(${y},${m},${d})`);
  }
  protected read(name: string): unknown {
    if (name !== 'value') throw new FakeExcelError('InvalidArgument', name);
    const serial = serialFromDate(this.y, this.m, this.d) as number;
    return this.ctx.model.dateSystem === 1904 ? serial - 1462 : serial;
  }
  get value(): number {
    return this.prop('value');
  }
}

class WorksheetCollectionProxy extends FakeProxy implements WorksheetCollection {
  constructor(ctx: FakeContext) {
    super(ctx, 'worksheets');
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  protected override nav(name: string): FakeProxy[] | undefined {
    if (name !== 'items') return undefined;
    return this.ctx.model.sheets.map((s) => new WorksheetProxy(this.ctx, `ws(${s.name})`, () => s));
  }
  get items(): Worksheet[] {
    return this.prop('items');
  }
  getItem(name: string): Worksheet {
    return new WorksheetProxy(this.ctx, `ws(${name})`, () => {
      const s = this.ctx.model.sheet(name);
      if (s === undefined) throw new FakeExcelError('ItemNotFound', `no sheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): Worksheet {
    return new WorksheetProxy(this.ctx, `ws?(${name})`, () => this.ctx.model.sheet(name) ?? null);
  }
  getActiveWorksheet(): Worksheet {
    return new WorksheetProxy(this.ctx, 'ws(active)', () => this.ctx.model.activeSheet as FakeSheet);
  }
  add(name?: string): Worksheet {
    let created: FakeSheet | undefined;
    const sheetName = name ?? `Blad${this.ctx.model.sheets.length + 1}`;
    this.write(`sheet+ ${sheetName}`, { m: 'add', a: [sheetName] }, () => {
      if (this.ctx.model.sheet(sheetName) !== undefined) throw new FakeExcelError('ItemAlreadyExists', sheetName);
      created = this.ctx.model.addSheet(sheetName);
    });
    return new WorksheetProxy(this.ctx, `ws+(${sheetName})`, () => {
      if (created === undefined) throw new FakeExcelError('InvalidOperation', 'sheet not added yet');
      return created;
    });
  }
}

class WorksheetProxy extends FakeProxy implements Worksheet {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly resolve: Resolve<FakeSheet | null>,
  ) {
    super(ctx, path);
  }
  sheet(): FakeSheet {
    const s = this.resolve();
    if (s === null) throw new FakeExcelError('InvalidOperation', 'null object');
    return s;
  }
  protected override resolveNull(): boolean {
    return this.resolve() === null;
  }
  protected read(name: string): unknown {
    const s = this.sheet();
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw new FakeExcelError('InvalidArgument', name);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(value: string) {
    this.write(`rename ${value}`, { p: 'name', v: value }, () => {
      this.sheet().name = value;
    });
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  set visibility(value: string) {
    this.write(`visibility ${value}`, { p: 'visibility', v: value }, () => {
      this.sheet().visibility = value;
    });
  }
  get notes(): NoteCollection {
    return this.memo('notes', () => new NoteCollectionProxy(this.ctx, `${this.path}.notes`, () => this.sheet(), 'note'));
  }
  get comments(): CommentCollection {
    return this.memo('comments', () => new NoteCollectionProxy(this.ctx, `${this.path}.comments`, () => this.sheet(), 'comment'));
  }
  get freezePanes() {
    return {
      freezeRows: (count?: number) =>
        this.write('freezeRows', { m: 'freezeRows', a: [count] }, () => {
          this.sheet().frozenRows = count ?? 1;
        }),
    };
  }
  get pageLayout() {
    const write = this.write.bind(this);
    const sheet = () => this.sheet();
    return {
      set zoom(v: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        write('pageLayout.zoom', { p: 'pageLayout.zoom', v }, () => {
          sheet().printZoom = v;
        });
      },
      get zoom(): { horizontalFitToPages?: number } {
        throw notLoaded('zoom');
      },
    };
  }
  get charts(): ChartCollection {
    return this.memo('charts', () => new ChartCollectionProxy(this.ctx, `${this.path}.charts`, () => this.sheet()));
  }
  get autoFilter() {
    return {
      apply: (range: string) =>
        this.write('autoFilter', { m: 'autoFilter.apply', a: [range] }, () => {
          this.sheet().autoFilter = range;
        }),
    };
  }
  get tables() {
    return {
      add: (address: string, hasHeaders: boolean) => {
        const table = { address, name: '', style: '' };
        this.write('table+', { m: 'tables.add', a: [address, hasHeaders] }, () => {
          this.sheet().tables.push(table);
        });
        const write = this.write.bind(this);
        return {
          set name(v: string) {
            write('table.name', { p: 'table.name', v }, () => {
              table.name = v;
            });
          },
          get name(): string {
            throw notLoaded('name');
          },
          set style(v: string) {
            write('table.style', { p: 'table.style', v }, () => {
              table.style = v;
            });
          },
          get style(): string {
            throw notLoaded('style');
          },
        };
      },
    };
  }
  activate(): void {
    this.act({ m: 'activate' }, () => {
      this.ctx.model.activeSheet = this.sheet();
    });
  }
  delete(): void {
    this.write(`sheet- ${this.path}`, { m: 'delete' }, () => {
      const s = this.sheet();
      const model = this.ctx.model;
      model.sheets.splice(model.sheets.indexOf(s), 1);
      if (model.activeSheet === s) model.activeSheet = model.sheets[0] ?? null;
    });
  }
  getRange(address?: string): Range {
    return new RangeProxy(this.ctx, `${this.path}.range(${address ?? ''})`, () => this.sheet(), () =>
      address === undefined ? WHOLE_SHEET : parseRect(address),
    );
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range {
    const rect = { top: startRow, left: startColumn, bottom: startRow + rowCount - 1, right: startColumn + columnCount - 1 };
    return new RangeProxy(this.ctx, `${this.path}.range(${startRow},${startColumn},${rowCount},${columnCount})`, () => this.sheet(), () => rect);
  }
  getRanges(address?: string): RangeAreas {
    const list = address ?? '';
    if (list.length > 8000) throw new FakeExcelError('InvalidArgument', 'address list over 8000 characters');
    return new RangeAreasProxy(this.ctx, `${this.path}.ranges(${list})`, () => this.sheet(), () => parseList(list));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range {
    void valuesOnly;
    return new RangeProxy(this.ctx, `${this.path}.usedRange`, () => this.sheet(), () => this.sheet().usedRect());
  }
}

class RangeProxy extends FakeProxy implements Range {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
    private readonly rectOf: Resolve<CellRect | null>,
  ) {
    super(ctx, path);
  }
  private rect(): CellRect {
    const r = this.rectOf();
    if (r === null) throw new FakeExcelError('InvalidOperation', 'null object');
    return r;
  }
  /** The sheet and cells of the range now (at sync), for an operation that takes a range. */
  locate(): { sheet: FakeSheet; rect: CellRect } {
    return { sheet: this.sheetOf(), rect: this.rect() };
  }
  protected override resolveNull(): boolean {
    return this.rectOf() === null;
  }
  private matrix<T>(cell: (sheet: FakeSheet, row: number, col: number) => T): T[][] {
    const r = this.rect();
    if (cellCount(r) > CELL_LIMIT) throw new FakeExcelError('RangeExceedsLimit', `${cellCount(r)} cells`);
    const sheet = this.sheetOf();
    const out: T[][] = [];
    for (let row = r.top; row <= r.bottom; row++) {
      const line: T[] = [];
      for (let col = r.left; col <= r.right; col++) line.push(cell(sheet, row, col));
      out.push(line);
    }
    return out;
  }
  protected read(name: string): unknown {
    const r = this.rect();
    switch (name) {
      case 'address':
        return `${sheetPrefix(this.sheetOf().name)}!${rectText(r)}`;
      case 'rowIndex':
        return r.top;
      case 'columnIndex':
        return r.left;
      case 'rowCount':
        return r.bottom - r.top + 1;
      case 'columnCount':
        return r.right - r.left + 1;
      case 'values':
        return this.matrix((s, row, col) => s.value(row, col));
      case 'formulas':
        return this.matrix((s, row, col) => s.formulas.get(key(row, col)) ?? s.value(row, col));
      case 'numberFormat':
        return this.matrix((s, row, col) => s.numberFormat(row, col));
      case 'valueTypes':
        return this.matrix((s, row, col) => {
          const v = s.value(row, col);
          if (s.errors.has(key(row, col))) return 'Error';
          return v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
        });
      default:
        throw new FakeExcelError('InvalidArgument', `unknown property ${name}`);
    }
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get values(): any[][] {
    return this.prop('values');
  }
  set values(matrix: unknown[][]) {
    this.writeMatrix('values', matrix, (s, row, col, v) => typedInput(s, row, col, v));
  }
  get formulas(): any[][] {
    return this.prop('formulas');
  }
  set formulas(matrix: unknown[][]) {
    this.writeMatrix('formulas', matrix, (s, row, col, v) => typedInput(s, row, col, v));
  }
  get numberFormat(): any[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(matrix: unknown[][]) {
    const r0 = this.rectOf();
    if (r0 !== null && !Array.isArray(matrix) && r0.top === 0 && r0.bottom === WHOLE_SHEET.bottom) {
      // A single format for whole columns.
      this.write(`${this.path}.numberFormat`, { p: 'numberFormat', v: matrix }, () => {
        const s = this.sheetOf();
        for (let col = r0.left; col <= r0.right; col++) {
          s.columnFormats.set(col, String(matrix));
          for (const row of s.numberFormats) if (row !== undefined) delete row[col];
        }
      });
      return;
    }
    this.writeMatrix('numberFormat', matrix, (s, row, col, v) => s.setNumberFormat(row, col, String(v)));
  }
  get valuesAsJson(): unknown[][] {
    return this.prop('valuesAsJson');
  }
  set valuesAsJson(matrix: unknown[][]) {
    this.writeMatrix('valuesAsJson', matrix, (s, row, col, v) => {
      const typed = v as { type: string; basicValue?: CellValue };
      const style = s.styles.get(key(row, col));
      if (style !== undefined) delete style.quotePrefix;
      if (typed.type === 'Empty') s.setValue(row, col, '');
      else if (typed.type === 'String') s.setValue(row, col, String(typed.basicValue));
      else if (typed.type === 'Double' || typed.type === 'Boolean') s.setValue(row, col, typed.basicValue as CellValue);
      else throw new FakeExcelError('InvalidArgument', `cell value type ${typed.type}`);
    });
  }
  private writeMatrix(what: string, matrix: unknown, set: (s: FakeSheet, row: number, col: number, v: unknown) => void): void {
    this.write(`${this.path}.${what}`, { p: what, v: matrix }, () => {
      const r = this.rect();
      const s = this.sheetOf();
      const rows = r.bottom - r.top + 1;
      const cols = r.right - r.left + 1;
      if (!Array.isArray(matrix)) {
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) set(s, row, col, matrix);
        return;
      }
      if (matrix.length !== rows || matrix.some((line) => !Array.isArray(line) || line.length !== cols)) {
        throw new FakeExcelError('InvalidArgument', `${what}: matrix does not match ${rows}x${cols}`);
      }
      for (let i = 0; i < rows; i++) {
        for (let j = 0; j < cols; j++) {
          const v = (matrix[i] as unknown[])[j];
          if (v === null || v === undefined) continue;
          set(s, r.top + i, r.left + j, v);
        }
      }
    });
  }
  get hyperlink(): RangeHyperlink {
    return this.prop('hyperlink');
  }
  set hyperlink(link: RangeHyperlink) {
    this.write(`${this.path}.hyperlink`, { p: 'hyperlink', v: link }, () => {
      const r = this.rect();
      const s = this.sheetOf();
      s.hyperlinks.set(key(r.top, r.left), { ...link });
      if (link.textToDisplay !== undefined) typedInput(s, r.top, r.left, link.textToDisplay);
    });
  }
  get format(): RangeFormat {
    return this.memo('format', () => this.makeFormat());
  }
  private makeFormat(): RangeFormat {
    const styleAll = (what: string, v: unknown, apply: (st: ReturnType<FakeSheet['style']>) => void) =>
      this.write(`${this.path}.format.${what}`, { p: `format.${what}`, v }, () => {
        const r = this.rect();
        if (cellCount(r) > CELL_LIMIT) throw new FakeExcelError('RangeExceedsLimit', 'format of too many cells');
        const s = this.sheetOf();
        for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) apply(s.style(row, col));
      });
    const self = this;
    return {
      fill: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          styleAll('fill', v, (st) => (st.fill = v));
        },
      },
      font: {
        get bold(): boolean {
          throw notLoaded('bold');
        },
        set bold(v: boolean) {
          styleAll('bold', v, (st) => (st.bold = v));
        },
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          styleAll('font', v, (st) => (st.font = v));
        },
      },
      get wrapText(): boolean {
        throw notLoaded('wrapText');
      },
      set wrapText(v: boolean) {
        styleAll('wrap', v, (st) => (st.wrap = v));
      },
      get columnWidth(): number {
        throw notLoaded('columnWidth');
      },
      set columnWidth(v: number) {
        self.write(`${self.path}.columnWidth`, { p: 'format.columnWidth', v }, () => {
          const r = self.rect();
          for (let col = r.left; col <= r.right; col++) self.sheetOf().columnWidths.set(col, v);
        });
      },
    };
  }
  get dataValidation(): DataValidation {
    return this.memo('dataValidation', () => this.makeValidation());
  }
  private makeValidation(): DataValidation {
    const entry = () => {
      const r = this.rect();
      const s = this.sheetOf();
      let v = s.validations.find((x) => x.rect.top === r.top && x.rect.left === r.left && x.rect.bottom === r.bottom && x.rect.right === r.right);
      if (v === undefined) s.validations.push((v = { rect: r }));
      return v;
    };
    const set = (what: 'rule' | 'prompt' | 'errorAlert' | 'ignoreBlanks', v: unknown) =>
      this.write(`${this.path}.dataValidation.${what}`, { p: `dataValidation.${what}`, v }, () => {
        (entry() as unknown as Record<string, unknown>)[what] = v;
      });
    return {
      get rule(): DataValidation['rule'] {
        throw notLoaded('rule');
      },
      set rule(v) {
        set('rule', v);
      },
      get prompt(): DataValidation['prompt'] {
        throw notLoaded('prompt');
      },
      set prompt(v) {
        set('prompt', v);
      },
      get errorAlert(): DataValidation['errorAlert'] {
        throw notLoaded('errorAlert');
      },
      set errorAlert(v) {
        set('errorAlert', v);
      },
      get ignoreBlanks(): boolean {
        throw notLoaded('ignoreBlanks');
      },
      set ignoreBlanks(v: boolean) {
        set('ignoreBlanks', v);
      },
    };
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this.memo('cf', () => new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.cf`, this.sheetOf, () => [this.rect()]));
  }
  get worksheet(): Worksheet {
    return this.memo('worksheet', () => new WorksheetProxy(this.ctx, `${this.path}.worksheet`, this.sheetOf));
  }
  getCell(row: number, column: number): Range {
    return new RangeProxy(this.ctx, `${this.path}.cell(${row},${column})`, this.sheetOf, () => {
      const r = this.rect();
      return { top: r.top + row, left: r.left + column, bottom: r.top + row, right: r.left + column };
    });
  }
  getEntireColumn(): Range {
    return new RangeProxy(this.ctx, `${this.path}.entireColumn`, this.sheetOf, () => {
      const r = this.rect();
      return { top: 0, left: r.left, bottom: WHOLE_SHEET.bottom, right: r.right };
    });
  }
  getMergedAreasOrNullObject(): RangeAreas {
    return new RangeAreasProxy(this.ctx, `${this.path}.merged`, this.sheetOf, () => {
      const r = this.rect();
      const found = this.sheetOf().merges.filter((m) => intersects(m, r));
      return found.length === 0 ? null : found;
    });
  }
  getSpecialCellsOrNullObject(cellType: 'Constants' | 'Formulas', cellValueType?: 'Errors'): RangeAreas {
    if (cellValueType !== 'Errors') throw new FakeExcelError('NotImplemented', 'only Errors');
    return new RangeAreasProxy(this.ctx, `${this.path}.special(${cellType},${cellValueType})`, this.sheetOf, () => {
      const r = this.rect();
      const s = this.sheetOf();
      const cells: CellRect[] = [];
      for (const k of s.errors.keys()) {
        const [row, col] = unkey(k);
        if (row < r.top || row > r.bottom || col < r.left || col > r.right) continue;
        if (s.formulas.has(k) !== (cellType === 'Formulas')) continue;
        cells.push({ top: row, left: col, bottom: row, right: col });
      }
      return cells.length === 0 ? null : cells;
    });
  }
  select(): void {
    this.act({ m: 'select' }, () => {
      this.ctx.model.selection = { sheet: this.sheetOf(), rect: this.rect() };
    });
  }
}

class RangeAreasProxy extends FakeProxy implements RangeAreas {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
    private readonly rectsOf: Resolve<CellRect[] | null>,
  ) {
    super(ctx, path);
  }
  protected override resolveNull(): boolean {
    return this.rectsOf() === null;
  }
  protected read(name: string): unknown {
    if (name !== 'address') throw new FakeExcelError('InvalidArgument', name);
    const prefix = sheetPrefix(this.sheetOf().name);
    return (this.rectsOf() ?? []).map((r) => `${prefix}!${rectText(r)}`).join(',');
  }
  get address(): string {
    return this.prop('address');
  }
  get conditionalFormats(): ConditionalFormatCollection {
    return this.memo('cf', () => new ConditionalFormatCollectionProxy(this.ctx, `${this.path}.cf`, this.sheetOf, () => this.rectsOf() ?? []));
  }
}

class ConditionalFormatCollectionProxy extends FakeProxy implements ConditionalFormatCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
    private readonly rectsOf: Resolve<CellRect[]>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  protected override nav(name: string): FakeProxy[] | undefined {
    if (name !== 'items') return undefined;
    const rects = this.rectsOf();
    return this.sheetOf()
      .rules.filter((rule) => rule.rects.some((a) => rects.some((b) => intersects(a, b))))
      .map((rule) => new ConditionalFormatProxy(this.ctx, `cf#${rule.id}`, this.sheetOf, () => rule));
  }
  get items(): ConditionalFormat[] {
    return this.prop('items');
  }
  add(type: 'Custom'): ConditionalFormat {
    let created: ConditionalRule | undefined;
    this.write(`cf+ ${this.path}`, { m: 'add', a: [type] }, () => {
      const s = this.sheetOf();
      created = this.ctx.model.newRule(type, this.rectsOf().map((r) => ({ ...r })));
      s.rules.unshift(created); // a new rule comes first
    });
    return new ConditionalFormatProxy(this.ctx, `${this.path}.new`, this.sheetOf, () => {
      if (created === undefined) throw new FakeExcelError('InvalidOperation', 'rule not added yet');
      return created;
    });
  }
}

class ConditionalFormatProxy extends FakeProxy implements ConditionalFormat {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
    private readonly ruleOf: Resolve<ConditionalRule>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    if (name === 'type') return this.ruleOf().type;
    throw new FakeExcelError('InvalidArgument', name);
  }
  protected override nav(name: string): FakeProxy | undefined {
    if (name === 'custom') return this.custom as unknown as FakeProxy;
    if (name === 'customOrNullObject') return this.customOrNullObject as unknown as FakeProxy;
    return undefined;
  }
  get type(): string {
    return this.prop('type');
  }
  get custom(): CustomConditionalFormat {
    return this.memo('custom', () =>
      new CustomRuleProxy(this.ctx, `${this.path}.custom`, () => {
        const rule = this.ruleOf();
        if (rule.type !== 'Custom') throw new FakeExcelError('InvalidOperation', 'not a custom rule');
        return rule;
      }),
    );
  }
  get customOrNullObject(): CustomConditionalFormat {
    return this.memo('custom?', () => new CustomRuleProxy(this.ctx, `${this.path}.custom?`, () => (this.ruleOf().type === 'Custom' ? this.ruleOf() : null)));
  }
  getRanges(): RangeAreas {
    return new RangeAreasProxy(this.ctx, `${this.path}.ranges`, this.sheetOf, () => this.ruleOf().rects);
  }
  delete(): void {
    this.write(`cf- ${this.path}`, { m: 'delete' }, () => {
      const s = this.sheetOf();
      s.rules = s.rules.filter((r) => r !== this.ruleOf());
    });
  }
}

class CustomRuleProxy extends FakeProxy implements CustomConditionalFormat {
  readonly rule: { formula: string };
  readonly format: CustomConditionalFormat['format'];
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ruleOf: Resolve<ConditionalRule | null>,
  ) {
    super(ctx, path);
    const self = this;
    const rule = (): ConditionalRule => {
      const r = ruleOf();
      if (r === null) throw new FakeExcelError('InvalidOperation', 'null object');
      return r;
    };
    this.rule = new RuleFormulaProxy(ctx, `${path}.rule`, rule);
    this.format = {
      fill: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          self.write(`${path}.fill`, { p: 'fill.color', v }, () => {
            rule().fill = v;
          });
        },
      },
      font: {
        get color(): string {
          throw notLoaded('color');
        },
        set color(v: string) {
          self.write(`${path}.font`, { p: 'font.color', v }, () => {
            rule().font = v;
          });
        },
      },
    };
  }
  protected override resolveNull(): boolean {
    return this.ruleOf() === null;
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  protected override nav(name: string): FakeProxy | undefined {
    return name === 'rule' ? (this.rule as unknown as FakeProxy) : undefined;
  }
}

class RuleFormulaProxy extends FakeProxy {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ruleOf: Resolve<ConditionalRule>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    if (name === 'formula') return this.ruleOf().formula;
    throw new FakeExcelError('InvalidArgument', name);
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(v: string) {
    this.write(`${this.path}.formula`, { p: 'formula', v }, () => {
      this.ruleOf().formula = v;
    });
  }
}

/** A range argument at sync: Excel's address with the sheet ("Blad!C2:C4"). */
function rangeArgument(range: Range): { sheet: FakeSheet; rect: CellRect; address: string } {
  if (!(range instanceof RangeProxy)) throw new FakeExcelError('InvalidArgument', 'not a range of this context');
  const { sheet, rect } = range.locate();
  return { sheet, rect, address: `${sheetPrefix(sheet.name)}!${rectText(rect)}` };
}

/** Fails at sync when the host lacks the requirement set (as Excel does for a member it does not know). */
function requireApi(ctx: FakeContext, version: string, member: string): void {
  if (!ctx.excel.isSetSupported(version)) throw new FakeExcelError('ApiNotFound', `${member} needs ExcelApi ${version}`);
}

const isText = (v: CellValue | ''): boolean => typeof v === 'string' && v !== '';

/** The series Excel takes from a source range by columns (simplified guess: text in the first column makes it the categories, text in the first row the names). */
function seriesFromSource(sheet: FakeSheet, rect: CellRect): ChartSeriesState[] {
  const prefix = sheetPrefix(sheet.name);
  let categories = false;
  if (rect.right > rect.left) for (let r = rect.top + 1; r <= rect.bottom; r++) if (isText(sheet.value(r, rect.left))) categories = true;
  const valueLeft = categories ? rect.left + 1 : rect.left;
  let names = false;
  for (let c = valueLeft; c <= rect.right; c++) if (isText(sheet.value(rect.top, c))) names = true;
  const dataTop = names && rect.bottom > rect.top ? rect.top + 1 : rect.top;
  const column = (c: number) => `${prefix}!${rectText({ top: dataTop, left: c, bottom: rect.bottom, right: c })}`;
  const series: ChartSeriesState[] = [];
  for (let c = valueLeft; c <= rect.right; c++) {
    series.push({ name: names ? String(sheet.value(rect.top, c)) : `Reeks${series.length + 1}`, values: column(c), xAxis: categories ? column(rect.left) : null });
  }
  return series;
}

class ChartCollectionProxy extends FakeProxy implements ChartCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  add(type: 'ColumnClustered', sourceData: Range, seriesBy?: 'Auto' | 'Columns' | 'Rows'): Chart {
    let created: ChartState | undefined;
    this.write(`chart+ ${this.path}`, { m: 'add', a: [type, (sourceData as RangeProxy).path, seriesBy] }, () => {
      if (seriesBy !== 'Columns') throw new FakeExcelError('NotImplemented', 'the fake takes series by columns only');
      const source = rangeArgument(sourceData);
      const chart: ChartState = {
        type,
        source: source.address,
        seriesBy,
        series: seriesFromSource(source.sheet, source.rect),
        title: null,
        legend: null,
        position: null,
        axisFormat: null,
      };
      this.sheetOf().charts.push(chart);
      created = chart;
    });
    return new ChartProxy(this.ctx, `${this.path}.new`, () => {
      if (created === undefined) throw new FakeExcelError('InvalidOperation', 'chart not added yet');
      return created;
    });
  }
}

class ChartProxy extends FakeProxy implements Chart {
  readonly title: Chart['title'];
  readonly legend: Chart['legend'];
  readonly axes: Chart['axes'];
  readonly series: ChartSeriesCollection;
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chartOf: Resolve<ChartState>,
  ) {
    super(ctx, path);
    const self = this;
    this.title = {
      get text(): string {
        throw notLoaded('text');
      },
      set text(v: string) {
        self.write(`${path}.title`, { p: 'title.text', v }, () => {
          chartOf().title = v;
        });
      },
    };
    this.legend = {
      get position(): string {
        throw notLoaded('position');
      },
      set position(v: string) {
        self.write(`${path}.legend`, { p: 'legend.position', v }, () => {
          chartOf().legend = v;
        });
      },
      get visible(): boolean {
        throw notLoaded('visible');
      },
      set visible(v: boolean) {
        self.write(`${path}.legend.visible`, { p: 'legend.visible', v }, () => {
          if (!v) chartOf().legend = null;
        });
      },
    };
    this.axes = {
      valueAxis: {
        get numberFormat(): string {
          throw notLoaded('numberFormat');
        },
        set numberFormat(v: string) {
          self.write(`${path}.valueAxis`, { p: 'axes.valueAxis.numberFormat', v }, () => {
            requireApi(ctx, '1.8', 'ChartAxis.numberFormat');
            chartOf().axisFormat = v;
          });
        },
      },
    };
    this.series = new ChartSeriesCollectionProxy(ctx, `${path}.series`, chartOf);
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  setPosition(startCell: string, endCell?: string): void {
    this.write(`${this.path}.setPosition`, { m: 'setPosition', a: [startCell, endCell] }, () => {
      parseCell(startCell);
      if (endCell !== undefined) parseCell(endCell);
      this.chartOf().position = { start: startCell, end: endCell };
    });
  }
}

class ChartSeriesCollectionProxy extends FakeProxy implements ChartSeriesCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly chartOf: Resolve<ChartState>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  getItemAt(index: number): ChartSeries {
    return new ChartSeriesProxy(this.ctx, `${this.path}[${index}]`, () => {
      const series = this.chartOf().series[index];
      if (series === undefined) throw new FakeExcelError('ItemNotFound', `no series ${index}`);
      return series;
    });
  }
  add(name?: string, index?: number): ChartSeries {
    let created: ChartSeriesState | undefined;
    this.write(`series+ ${this.path}`, { m: 'add', a: [name, index] }, () => {
      requireApi(this.ctx, '1.7', 'ChartSeriesCollection.add');
      const list = this.chartOf().series;
      created = { name: name ?? `Reeks${list.length + 1}`, values: null, xAxis: null };
      list.splice(index ?? list.length, 0, created);
    });
    return new ChartSeriesProxy(this.ctx, `${this.path}.new`, () => {
      if (created === undefined) throw new FakeExcelError('InvalidOperation', 'series not added yet');
      return created;
    });
  }
}

class ChartSeriesProxy extends FakeProxy implements ChartSeries {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly seriesOf: Resolve<ChartSeriesState>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    if (name === 'name') return this.seriesOf().name;
    throw new FakeExcelError('InvalidArgument', name);
  }
  get name(): string {
    return this.prop('name');
  }
  set name(v: string) {
    this.write(`${this.path}.name`, { p: 'name', v }, () => {
      this.seriesOf().name = v;
    });
  }
  setValues(sourceData: Range): void {
    this.write(`${this.path}.setValues`, { m: 'setValues', a: [(sourceData as RangeProxy).path] }, () => {
      requireApi(this.ctx, '1.7', 'ChartSeries.setValues');
      this.seriesOf().values = rangeArgument(sourceData).address;
    });
  }
  setXAxisValues(sourceData: Range): void {
    this.write(`${this.path}.setXAxisValues`, { m: 'setXAxisValues', a: [(sourceData as RangeProxy).path] }, () => {
      requireApi(this.ctx, '1.7', 'ChartSeries.setXAxisValues');
      this.seriesOf().xAxis = rangeArgument(sourceData).address;
    });
  }
}

/** Notes and comments: both a map from cell to text on the sheet. */
class NoteCollectionProxy extends FakeProxy implements NoteCollection, CommentCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
    private readonly kind: 'note' | 'comment',
  ) {
    super(ctx, path);
  }
  private map(): Map<number, string> {
    const s = this.sheetOf();
    return this.kind === 'note' ? s.notes : s.comments;
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  protected override nav(name: string): FakeProxy[] | undefined {
    if (name !== 'items') return undefined;
    return [...this.map().keys()].map((k) => new NoteProxy(this.ctx, `${this.path}#${k}`, this.sheetOf, () => this.map(), () => k));
  }
  get items(): (Note & Comment)[] {
    return this.prop('items');
  }
  getCount(): { readonly value: number } {
    const result = new ClientResult<number>();
    this.ctx.enqueue({ o: this.path, m: 'getCount' }, () => {
      const n = this.map().size;
      return { response: n, commit: () => result.set(n) };
    });
    return result;
  }
  add(cellAddress: string, content: string): Note & Comment {
    if (this.kind === 'comment' && !cellAddress.includes('!')) throw new FakeExcelError('InvalidArgument', 'a comment needs the sheet in its address');
    const r = parseRect(cellAddress);
    if (r.top !== r.bottom || r.left !== r.right) throw new FakeExcelError('InvalidArgument', 'one cell');
    const k = key(r.top, r.left);
    this.write(`${this.kind}+ ${cellAddress}`, { m: 'add', a: [cellAddress, content] }, () => {
      if (this.map().has(k)) throw new FakeExcelError('InvalidOperation', `${this.kind} exists at ${cellAddress}`);
      this.map().set(k, content);
    });
    return new NoteProxy(this.ctx, `${this.path}+${k}`, this.sheetOf, () => this.map(), () => k);
  }
  getItemOrNullObject(cellAddress: string): Note {
    const r = parseRect(cellAddress);
    const k = key(r.top, r.left);
    return new NoteProxy(this.ctx, `${this.path}?${k}`, this.sheetOf, () => this.map(), () => (this.map().has(k) ? k : null));
  }
}

class NoteProxy extends FakeProxy implements Note, Comment {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly sheetOf: Resolve<FakeSheet>,
    private readonly mapOf: Resolve<Map<number, string>>,
    private readonly keyOf: Resolve<number | null>,
  ) {
    super(ctx, path);
  }
  private k(): number {
    const k = this.keyOf();
    if (k === null || !this.mapOf().has(k)) throw new FakeExcelError('ItemNotFound', 'no note');
    return k;
  }
  protected override resolveNull(): boolean {
    const k = this.keyOf();
    return k === null || !this.mapOf().has(k);
  }
  protected read(name: string): unknown {
    if (name === 'content') return this.mapOf().get(this.k());
    throw new FakeExcelError('InvalidArgument', name);
  }
  get content(): string {
    return this.prop('content');
  }
  set content(v: string) {
    this.write(`${this.path}.content`, { p: 'content', v }, () => {
      this.mapOf().set(this.k(), v);
    });
  }
  getLocation(): Range {
    return new RangeProxy(this.ctx, `${this.path}.location`, this.sheetOf, () => {
      const [row, col] = unkey(this.k());
      return { top: row, left: col, bottom: row, right: col };
    });
  }
  delete(): void {
    this.write(`${this.path}-`, { m: 'delete' }, () => {
      this.mapOf().delete(this.k());
    });
  }
}

function rootNamespace(xml: string): string | null {
  const m = /<(?:[\w-]+:)?[\w-]+\b[^>]*?\sxmlns(?::[\w-]+)?="([^"]*)"/.exec(xml.replace(/<\?xml[^>]*\?>/, ''));
  return m === null ? null : m[1];
}

class CustomXmlPartCollectionProxy extends FakeProxy implements CustomXmlPartCollection {
  constructor(ctx: FakeContext) {
    super(ctx, 'customXmlParts');
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  add(xml: string): CustomXmlPart {
    let created: { id: string; xml: string } | undefined;
    this.write('part+', { m: 'add', a: [xml] }, () => {
      created = this.ctx.model.addPart(xml);
    });
    return new CustomXmlPartProxy(this.ctx, 'part+', () => {
      if (created === undefined) throw new FakeExcelError('InvalidOperation', 'not added yet');
      return created;
    });
  }
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection {
    return new ScopedPartsProxy(this.ctx, `parts(${namespaceUri})`, namespaceUri);
  }
}

class ScopedPartsProxy extends FakeProxy implements CustomXmlPartScopedCollection {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly ns: string,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    throw new FakeExcelError('InvalidArgument', name);
  }
  protected override nav(name: string): FakeProxy[] | undefined {
    if (name !== 'items') return undefined;
    return this.ctx.model.parts.filter((p) => rootNamespace(p.xml) === this.ns).map((p) => new CustomXmlPartProxy(this.ctx, `part(${p.id})`, () => p));
  }
  get items(): CustomXmlPart[] {
    return this.prop('items');
  }
}

class CustomXmlPartProxy extends FakeProxy implements CustomXmlPart {
  constructor(
    ctx: FakeContext,
    path: string,
    private readonly partOf: Resolve<{ id: string; xml: string }>,
  ) {
    super(ctx, path);
  }
  protected read(name: string): unknown {
    if (name === 'id') return this.partOf().id;
    throw new FakeExcelError('InvalidArgument', name);
  }
  get id(): string {
    return this.prop('id');
  }
  getXml(): { readonly value: string } {
    const result = new ClientResult<string>();
    this.ctx.enqueue({ o: this.path, m: 'getXml' }, () => {
      const xml = this.partOf().xml;
      return { response: xml, commit: () => result.set(xml) };
    });
    return result;
  }
  setXml(xml: string): void {
    this.write('part.setXml', { m: 'setXml', a: [xml] }, () => {
      this.partOf().xml = xml;
    });
  }
  delete(): void {
    this.write('part-', { m: 'delete' }, () => {
      const part = this.partOf();
      this.ctx.model.parts = this.ctx.model.parts.filter((p) => p !== part);
    });
  }
}

/** The fake host: Excel.run over a FakeWorkbook, requirement sets up to a version. */
export class FakeExcel implements ExcelHost {
  readonly syncs: SyncRecord[] = [];
  /** Syncs Excel refused (over a limit). */
  readonly refused: SyncRecord[] = [];
  /** Every operation that changed the workbook, in order. */
  readonly writes: string[] = [];

  constructor(
    readonly model: FakeWorkbook,
    private readonly apiVersion = '1.18',
  ) {}

  isSetSupported(version: string): boolean {
    const [a, b] = version.split('.').map(Number);
    const [x, y] = this.apiVersion.split('.').map(Number);
    return a < x || (a === x && b <= y);
  }

  async run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T> {
    const context = new FakeContext(this);
    const result = await batch(context);
    if (context.pending > 0) await context.sync();
    return result;
  }

  /** Forgets the counts so far (after setting up a workbook through the adapter). */
  resetCounts(): void {
    this.syncs.length = 0;
    this.refused.length = 0;
    this.writes.length = 0;
  }
}
