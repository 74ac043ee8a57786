/**
 * The part of the Excel JavaScript API that the Office adapter uses, as
 * structural types. The adapter is written against these rather than the
 * global `Excel` namespace so that it compiles without Office's typings (the
 * CLI build) and so that the fake in tests/office implements exactly what
 * the adapter may touch. officeHost.ts hands the real `Excel.RequestContext`
 * to code typed with these interfaces; the compiler checks there that the
 * real API is assignable to them (a renamed or retyped member fails the
 * type check).
 *
 * Enumerations are plain strings here ("Visible", "Constants", ...): the
 * real API accepts and returns those strings.
 *
 * Requirement sets (ExcelApi) of what is used: 1.1 worksheets, ranges,
 * values, number formats, tables, calculate, charts (add, title, legend,
 * position, first series); 1.2 used range (values only), functions; 1.5
 * custom XML parts; 1.6 conditional formats; 1.7 hyperlinks,
 * getRangeByIndexes, freeze panes, chart series (add, setValues,
 * setXAxisValues); 1.8 data validation, a chart axis's number format; 1.9
 * getRanges, special cells, auto filter, conditional formats on RangeAreas;
 * 1.10 comments; 1.13 merged areas; 1.16 valuesAsJson; 1.18 notes.
 */

/** A value that arrives at sync (ClientResult, FunctionResult). */
export interface ClientResultLike<T> {
  readonly value: T;
}

export interface RequestContext {
  readonly workbook: Workbook;
  sync(): Promise<void>;
}

export interface Workbook {
  readonly worksheets: WorksheetCollection;
  readonly customXmlParts: CustomXmlPartCollection;
  readonly functions: WorkbookFunctions;
  readonly application: Application;
  getSelectedRange(): Range;
}

export interface Application {
  calculate(calculationType: 'Recalculate' | 'Full' | 'FullRebuild'): void;
}

export interface WorkbookFunctions {
  /** DATE(year, month, day): its serial in the workbook's date system. */
  date(year: number, month: number, day: number): FunctionResult<number>;
}

export interface FunctionResult<T> {
  readonly value: T;
  load(propertyNames?: string | string[]): FunctionResult<T>;
}

export interface WorksheetCollection {
  readonly items: Worksheet[];
  load(propertyNames?: string | string[]): WorksheetCollection;
  getItem(key: string): Worksheet;
  getItemOrNullObject(key: string): Worksheet;
  getActiveWorksheet(): Worksheet;
  add(name?: string): Worksheet;
}

/** ExcelApi 1.9: how the sheet prints. */
export interface PageLayout {
  zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
}

export interface Worksheet {
  readonly isNullObject: boolean;
  name: string;
  /** "Visible", "Hidden" or "VeryHidden". */
  visibility: string;
  readonly notes: NoteCollection;
  readonly comments: CommentCollection;
  readonly freezePanes: WorksheetFreezePanes;
  readonly autoFilter: AutoFilter;
  readonly tables: TableCollection;
  readonly pageLayout: PageLayout;
  readonly charts: ChartCollection;
  load(propertyNames?: string | string[]): Worksheet;
  activate(): void;
  delete(): void;
  getRange(address?: string): Range;
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): Range;
  getRanges(address?: string): RangeAreas;
  getUsedRangeOrNullObject(valuesOnly?: boolean): Range;
}

export interface WorksheetFreezePanes {
  freezeRows(count?: number): void;
}

export interface AutoFilter {
  apply(range: string): void;
}

export interface TableCollection {
  add(address: string, hasHeaders: boolean): Table;
}

export interface Table {
  name: string;
  style: string;
}

export interface ChartCollection {
  /** ExcelApi 1.1. Type and series-by are Excel.ChartType / Excel.ChartSeriesBy as strings. */
  add(type: 'ColumnClustered', sourceData: Range, seriesBy?: 'Auto' | 'Columns' | 'Rows'): Chart;
}

export interface Chart {
  readonly title: ChartTitle;
  readonly legend: ChartLegend;
  readonly axes: ChartAxes;
  readonly series: ChartSeriesCollection;
  /** Places the chart over cells: from `startCell`'s top-left to cover `endCell` (A1 text). */
  setPosition(startCell: string, endCell?: string): void;
}

export interface ChartTitle {
  text: string;
}

export interface ChartLegend {
  /** "Top", "Bottom", "Left", "Right", "Corner", "Custom". */
  position: string;
  visible: boolean;
}

export interface ChartAxes {
  readonly valueAxis: ChartAxis;
}

export interface ChartAxis {
  /** ExcelApi 1.8. */
  numberFormat: string;
}

export interface ChartSeriesCollection {
  /** ExcelApi 1.1. */
  getItemAt(index: number): ChartSeries;
  /** ExcelApi 1.7. */
  add(name?: string, index?: number): ChartSeries;
}

export interface ChartSeries {
  /** ExcelApi 1.1. */
  name: string;
  /** ExcelApi 1.7. */
  setValues(sourceData: Range): void;
  /** ExcelApi 1.7. */
  setXAxisValues(sourceData: Range): void;
}

export interface Range {
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  /** Matrices of any cell content (the real API's type; a write may also give one value for the whole range). */
  values: any[][];
  formulas: any[][];
  numberFormat: any[][];
  /** Read: per cell "Empty", "String", "Double", "Boolean", "Error", "Integer", "Unknown", "RichValue". */
  readonly valueTypes: string[][];
  valuesAsJson: unknown[][];
  hyperlink: RangeHyperlink;
  readonly format: RangeFormat;
  readonly dataValidation: DataValidation;
  readonly conditionalFormats: ConditionalFormatCollection;
  readonly worksheet: Worksheet;
  load(propertyNames?: string | string[]): Range;
  getCell(row: number, column: number): Range;
  getEntireColumn(): Range;
  getMergedAreasOrNullObject(): RangeAreas;
  getSpecialCellsOrNullObject(cellType: 'Constants' | 'Formulas', cellValueType?: 'Errors'): RangeAreas;
  select(): void;
}

export interface RangeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface RangeFormat {
  readonly fill: { color: string };
  readonly font: { bold: boolean; color: string };
  wrapText: boolean;
  columnWidth: number;
}

export interface RangeAreas {
  readonly isNullObject: boolean;
  /** "Sheet1!A1:B2, Sheet1!D4" (comma separated, sheet names quoted where needed). */
  readonly address: string;
  readonly conditionalFormats: ConditionalFormatCollection;
  load(propertyNames?: string | string[]): RangeAreas;
}

export interface ConditionalFormatCollection {
  readonly items: ConditionalFormat[];
  load(propertyNames?: string | string[]): ConditionalFormatCollection;
  add(type: 'Custom'): ConditionalFormat;
}

export interface ConditionalFormat {
  /** "Custom", "DataBar", "ColorScale", ... */
  readonly type: string;
  readonly custom: CustomConditionalFormat;
  readonly customOrNullObject: CustomConditionalFormat;
  load(propertyNames?: string | string[]): ConditionalFormat;
  getRanges(): RangeAreas;
  delete(): void;
}

export interface CustomConditionalFormat {
  readonly isNullObject: boolean;
  readonly rule: { formula: string };
  readonly format: { readonly fill: { color: string }; readonly font: { color: string } };
  load(propertyNames?: string | string[]): CustomConditionalFormat;
}

export interface DataValidation {
  rule: DataValidationRule;
  prompt: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert: { showAlert?: boolean; style?: string; title?: string; message?: string };
  ignoreBlanks: boolean;
}

export interface DataValidationRule {
  list?: { inCellDropDown: boolean; source: unknown };
  date?: { formula1: unknown; formula2?: unknown; operator: string };
  decimal?: { formula1: unknown; formula2?: unknown; operator: string };
  wholeNumber?: { formula1: unknown; formula2?: unknown; operator: string };
  textLength?: { formula1: unknown; formula2?: unknown; operator: string };
  custom?: { formula: string };
}

/** A page of a collection with the content of its items (CollectionLoadOptions). */
export interface ContentPage {
  content: boolean;
  $top: number;
  $skip: number;
}

export interface NoteCollection {
  readonly items: Note[];
  load(propertyNames?: string | string[]): NoteCollection;
  load(options: ContentPage): NoteCollection;
  getCount(): ClientResultLike<number>;
  add(cellAddress: string, content: string): Note;
  /** The note of a cell by its address ("A1"). */
  getItemOrNullObject(key: string): Note;
}

export interface Note {
  readonly isNullObject: boolean;
  content: string;
  load(propertyNames?: string | string[]): Note;
  getLocation(): Range;
  delete(): void;
}

export interface CommentCollection {
  readonly items: Comment[];
  load(propertyNames?: string | string[]): CommentCollection;
  load(options: ContentPage): CommentCollection;
  getCount(): ClientResultLike<number>;
  add(cellAddress: string, content: string): Comment;
}

export interface Comment {
  content: string;
  load(propertyNames?: string | string[]): Comment;
  getLocation(): Range;
  delete(): void;
}

export interface CustomXmlPartCollection {
  add(xml: string): CustomXmlPart;
  getByNamespace(namespaceUri: string): CustomXmlPartScopedCollection;
}

export interface CustomXmlPartScopedCollection {
  readonly items: CustomXmlPart[];
  load(propertyNames?: string | string[]): CustomXmlPartScopedCollection;
}

export interface CustomXmlPart {
  readonly id: string;
  getXml(): ClientResultLike<string>;
  setXml(xml: string): void;
  delete(): void;
}

/** What the adapter needs from its host: a batch runner and the requirement-set check. */
export interface ExcelHost {
  /** Runs a batch with a fresh request context (Excel.run). */
  run<T>(batch: (context: RequestContext) => Promise<T>): Promise<T>;
  /** Office.context.requirements.isSetSupported('ExcelApi', version). */
  isSetSupported(version: string): boolean;
}

/** The error of a failed sync carries a code (OfficeExtension.Error). */
export function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}
