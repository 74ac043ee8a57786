/**
 * The .xlsx package codec of the in-memory workbook (memory/workbookEdits.ts):
 * `open` reads a package with the fast reader and finds what is ours in it
 * (marks, notes, stored state); `write` changes only the parts the edits
 * need and copies every other part of the base package byte for byte, or
 * makes a new package from the sheet specs when there is no base. No Node
 * APIs: it also runs in the browser workbench.
 */

import { cellAddress } from '../../engine/grid';
import type { Severity } from '../../engine/findings';
import { markFormulaSeverity, NOTE_HEADING, SEVERITY_RANK } from '../marks';
import type { OpenedPackage, PackageCodec, WorkbookEdits } from '../memory/workbookEdits';
import { isCellSpec, type CellInput, type CellMark, type SheetSpec, type SheetVisibility, type StoredState } from '../port';
import { parseStoredStateXml } from '../storedState';
import { forEachCellOf } from './cellRanges';
import { parseRangeRef } from './cellRefs';
import { cellElement } from './cellWrite';
import { CommentsXml } from './commentsXml';
import { ContentTypes } from './contentTypes';
import { addMarkRules, hasMarkRules, removeMarkRules } from './markRules';
import { PackageContent, partName } from './packageContent';
import { PackageWriteError } from './packageWriteError';
import { readText } from './partText';
import { DEFAULT_READ_LIMITS, readPackage } from './readXlsx';
import { isRelationshipType, parseRelationships, partFolder, relationshipsPart } from './relationships';
import { referencedIds, RelsPart } from './relsPart';
import { writeCellsInRows } from './sheetCellEdits';
import { chartPartXml, drawingPartXml } from './chartXml';
import { specSheetXml, tableName, tablePartXml } from './specSheet';
import { findStoredPart, writeStoredPart } from './storedPart';
import { StylesXml, type CellLook } from './stylesEdit';
import { idBlocks, newVml, VmlDrawing } from './vmlDrawing';
import { newWorkbookXml, WorkbookXml } from './workbookEdit';
import { WorksheetXml } from './worksheetXml';
import { attributeOf } from './xmlElements';
import { CONTENT_TYPE, NS, REL, XML_DECLARATION } from './xmlWrite';
import { ZipArchive } from './zipEntries';
import type { Compressor } from './zipWriter';

/** Marks read back from one package at most (a hostile file can name a whole sheet). */
const MAX_MARKS = 1_048_576;

function visibilityOf(state: string): SheetVisibility {
  return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
}

/** Our part of a note's text (from the heading on), or null. */
function ourNotePart(text: string): string | null {
  if (text.startsWith(NOTE_HEADING)) return text;
  const at = text.indexOf('\n\n' + NOTE_HEADING);
  return at < 0 ? null : text.slice(at + 2);
}

function lookOf(input: CellInput): CellLook | undefined {
  if (!isCellSpec(input)) return undefined;
  const look: CellLook = { numberFormat: input.numberFormat, bold: input.bold, wrap: input.wrap, severity: input.severity, link: input.link !== undefined };
  return look.numberFormat !== undefined || look.bold || look.wrap || look.severity !== undefined || look.link ? look : undefined;
}

function packageRelsXml(workbookPart: string): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${NS.packageRelationships}">` +
    `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="${workbookPart}"/></Relationships>`
  );
}

/** The workbook part of a package: the officeDocument relationship, else xl/workbook.xml. */
function workbookPartOf(pkg: PackageContent): string {
  const rels = pkg.text('_rels/.rels');
  if (rels !== undefined) {
    for (const rel of parseRelationships(rels, '').values()) {
      if (isRelationshipType(rel.type, 'officeDocument') && rel.part !== undefined && pkg.has(rel.part)) return partName(rel.part);
    }
  }
  return 'xl/workbook.xml';
}

export interface XlsxCodecOptions {
  /** Deflates new parts; default fflate's (runs anywhere). The command line brings Node's zlib, several times faster. */
  readonly compressor?: Compressor;
}

export class XlsxCodec implements PackageCodec {
  /** Per opened package: the worksheet parts that hold rules of ours (so writing need not inflate the others to look). */
  private readonly marked = new WeakMap<Uint8Array, ReadonlySet<string>>();

  constructor(private readonly options: XlsxCodecOptions = {}) {}

  open(bytes: Uint8Array): OpenedPackage {
    const read = readPackage(bytes);
    const { zip } = read;
    const visibility = new Map<string, SheetVisibility>();
    const marks: CellMark[] = [];
    const withRules = new Set<string>();
    let budget = MAX_MARKS;
    read.sheets.forEach((sheet, index) => {
      visibility.set(sheet.name, visibilityOf(sheet.state));
      // A mark is on a cell of the sheet's used range (or its header anchor): ranges beyond it hold no finding.
      const grid = read.workbook.sheets[index];
      let cols = 1;
      for (const row of grid.values) if (row !== undefined && row.length > cols) cols = row.length;
      const within = { rows: Math.max(grid.values.length, 1), cols };
      const cells = new Map<string, { row: number; col: number; severity: Severity }>();
      for (const cf of sheet.conditionalFormats) {
        for (const formula of cf.formulas) {
          const severity = markFormulaSeverity(formula);
          if (severity === null) continue;
          withRules.add(sheet.part.toLowerCase());
          budget -= forEachCellOf(
            cf.sqref,
            budget,
            (row, col) => {
              const key = `${row}:${col}`;
              const known = cells.get(key);
              if (known === undefined || SEVERITY_RANK[severity] < SEVERITY_RANK[known.severity]) cells.set(key, { row, col, severity });
            },
            within,
          );
        }
      }
      if (cells.size === 0) return;
      const notes = new Map<string, string>();
      const relsEntry = zip.find(relationshipsPart(sheet.part));
      if (relsEntry !== undefined) {
        for (const rel of parseRelationships(readText(zip, relsEntry), partFolder(sheet.part)).values()) {
          if (!isRelationshipType(rel.type, 'comments') || rel.part === undefined) continue;
          const entry = zip.find(rel.part);
          if (entry === undefined) continue;
          let list: ReturnType<CommentsXml['notes']>;
          try {
            list = new CommentsXml(readText(zip, entry), rel.part).notes();
          } catch (error) {
            // A damaged notes part: the marks are there, their notes unknown.
            if (error instanceof PackageWriteError) continue;
            throw error;
          }
          for (const note of list) {
            const ours = ourNotePart(note.text);
            if (ours !== null) notes.set(`${note.row}:${note.col}`, ours);
          }
        }
      }
      for (const [key, cell] of cells) marks.push({ sheet: sheet.name, ...cell, note: notes.get(key) ?? NOTE_HEADING });
    });
    this.marked.set(bytes, withRules);

    const related: string[] = [];
    for (const rel of read.workbookRels.values()) if (isRelationshipType(rel.type, 'customXml') && rel.part !== undefined) related.push(rel.part);
    const reader = {
      names: () => zip.entries().map((e) => partName(e.name)),
      text: (name: string) => {
        const entry = zip.find(name);
        return entry === undefined ? undefined : readText(zip, entry);
      },
    };
    const storedPart = findStoredPart(reader, related);
    const stored: StoredState | null = storedPart === undefined ? null : parseStoredStateXml(reader.text(storedPart) as string);
    return { workbook: read.workbook, visibility, stored, marks, activeSheet: read.activeSheet };
  }

  formulas(bytes: Uint8Array): ReadonlyMap<string, ReadonlyMap<string, string>> {
    const sheets = readPackage(bytes, { formulas: true }).workbook.sheets;
    return new Map(sheets.map((s) => [s.name, s.formulas ?? new Map<string, string>()]));
  }

  write(base: Uint8Array | null, edits: WorkbookEdits): Uint8Array {
    return new PackageWriter(base, base === null ? undefined : this.marked.get(base), this.options.compressor).write(edits);
  }
}

/** The codec for .xlsx packages. */
export const xlsxCodec: PackageCodec = new XlsxCodec();

/** One write: the package, its shared parts as they are being edited, and the sheets touched. */
class PackageWriter {
  private readonly pkg: PackageContent;
  private readonly workbookPart: string;
  private readonly folder: string;
  private readonly types: ContentTypes;
  private readonly workbookRels: RelsPart;
  /** The base's workbook part (undefined when a new package is made). */
  private readonly workbook: WorkbookXml | undefined;
  private styles: StylesXml | undefined;
  private stylesPart: string | undefined;
  private readonly sheetParts = new Map<string, string>();
  private readonly worksheets = new Map<string, WorksheetXml>();
  private readonly dirty = new Set<string>();
  private readonly sheetRels = new Map<string, RelsPart>();
  private formulas = false;
  private cellsChanged = false;

  constructor(
    base: Uint8Array | null,
    /** Worksheet parts known to hold our rules (lower-cased), when the base was opened by this codec. */
    private readonly marked: ReadonlySet<string> | undefined,
    private readonly compressor: Compressor | undefined,
  ) {
    this.pkg = new PackageContent(base === null ? null : ZipArchive.open(base, DEFAULT_READ_LIMITS));
    if (base === null) {
      this.workbookPart = 'xl/workbook.xml';
      this.pkg.setText('_rels/.rels', packageRelsXml(this.workbookPart));
    } else {
      this.workbookPart = workbookPartOf(this.pkg);
    }
    this.folder = partFolder(this.workbookPart);
    this.types = new ContentTypes(this.pkg.text(ContentTypes.part));
    this.workbookRels = new RelsPart(this.workbookPart, this.pkg.text(relationshipsPart(this.workbookPart)));
    this.workbook = base === null ? undefined : new WorkbookXml(this.pkg.text(this.workbookPart) ?? '', this.workbookPart);
    if (this.workbook !== undefined) this.workbookRels.reserve(referencedIds(this.workbook.text()));
    (this.workbook?.sheets() ?? []).forEach((sheet, index) => {
      const rel = sheet.relId === undefined ? undefined : this.workbookRels.get(sheet.relId);
      if (rel !== undefined && !rel.type.endsWith('/worksheet')) return;
      const part = rel?.part ?? `${this.folder}worksheets/sheet${index + 1}.xml`;
      if (this.pkg.has(part)) this.sheetParts.set(sheet.name, part);
    });
  }

  private startNew(dateSystem: 1900 | 1904): WorkbookXml {
    this.pkg.setText(this.workbookPart, newWorkbookXml(dateSystem === 1904));
    this.types.setType(this.workbookPart, CONTENT_TYPE.workbook);
    return new WorkbookXml(this.pkg.text(this.workbookPart) as string);
  }

  write(edits: WorkbookEdits): Uint8Array {
    const w = this.workbook ?? this.startNew(edits.dateSystem);
    const sheets = edits.sheets.length === 0 && this.pkg.base === null ? [{ name: 'Blad1', rows: [] } as SheetSpec] : edits.sheets;
    for (const spec of sheets) this.putSheet(w, spec);
    for (const [name, cells] of edits.cells) this.writeCells(name, cells);
    for (const [name, visibility] of edits.visibility) w.setState(name, visibility);
    this.applyMarks(w, edits.marks);
    if (edits.stored !== null) writeStoredPart(this.pkg, this.types, this.workbookRels, edits.stored);
    if (this.cellsChanged) this.dropCalcChain();
    // Formulas we wrote have no cached value, and values we changed leave the cached results of the
    // formulas that read them stale (a filled placeholder cell and '=A1' next to it): Excel and
    // LibreOffice calculate every formula when the file opens.
    if (this.formulas || this.cellsChanged) w.calculateOnLoad();
    w.keepActiveVisible();
    return this.finish(w);
  }

  // ---- shared parts ----

  private getStyles(): StylesXml {
    if (this.styles !== undefined) return this.styles;
    const rel = this.workbookRels.ofType('styles')[0];
    this.stylesPart = rel?.part ?? `${this.folder}styles.xml`;
    const text = this.pkg.text(this.stylesPart);
    this.styles = new StylesXml(text, this.stylesPart);
    if (rel === undefined) this.workbookRels.add(REL.styles, this.stylesPart);
    if (text === undefined) this.types.setType(this.stylesPart, CONTENT_TYPE.styles);
    return this.styles;
  }

  private rels(part: string): RelsPart {
    const key = part.toLowerCase();
    let rels = this.sheetRels.get(key);
    if (rels === undefined) {
      rels = new RelsPart(part, this.pkg.text(relationshipsPart(part)));
      this.sheetRels.set(key, rels);
    }
    return rels;
  }

  private worksheet(part: string): WorksheetXml {
    const key = part.toLowerCase();
    let ws = this.worksheets.get(key);
    if (ws === undefined) {
      ws = WorksheetXml.fromBytes(this.pkg.bytes(part) ?? new Uint8Array(0), part);
      this.worksheets.set(key, ws);
      this.rels(part).reserve(referencedIds(ws.head + ws.tail));
    }
    return ws;
  }

  private touch(part: string): void {
    this.dirty.add(part.toLowerCase());
  }

  // ---- sheets put whole ----

  /** Table ids and names (and defined names) already used in the workbook. */
  private tableNamesTaken(): { ids: number[]; names: Set<string> } {
    const ids: number[] = [];
    const names = new Set<string>();
    for (const name of this.pkg.names()) {
      if (!/(^|\/)tables\/[^/]+\.xml$/i.test(name)) continue;
      const text = this.pkg.text(name) ?? '';
      const root = /<(?:\w+:)?table\b[^>]*>/.exec(text)?.[0] ?? '';
      const id = Number(/\sid\s*=\s*["'](\d+)["']/.exec(root)?.[1]);
      if (Number.isInteger(id)) ids.push(id);
      for (const attr of ['name', 'displayName']) {
        const value = new RegExp(`\\s${attr}\\s*=\\s*["']([^"']*)["']`).exec(root)?.[1];
        if (value !== undefined) names.add(value.toLowerCase());
      }
    }
    for (const m of (this.pkg.text(this.workbookPart) ?? '').matchAll(/<(?:\w+:)?definedName\b[^>]*\sname\s*=\s*["']([^"']*)["']/g)) names.add(m[1].toLowerCase());
    return { ids, names };
  }

  /** Removes the parts that belonged to a sheet being replaced whole (notes, drawings of notes, tables). */
  private dropSheetParts(part: string): void {
    const rels = this.rels(part);
    for (const rel of rels.list()) {
      if (rel.part === undefined) continue;
      if (/\/(comments|vmlDrawing|table|threadedComment|printerSettings|drawing)$/.test(rel.type)) {
        // A drawing of ours holds our charts: they go with it.
        if (rel.type.endsWith('/drawing')) this.dropDrawingCharts(rel.part);
        this.pkg.delete(rel.part);
        this.types.removeOverride(rel.part);
      }
    }
    this.pkg.delete(rels.part);
    this.sheetRels.set(part.toLowerCase(), new RelsPart(part, undefined));
  }

  private dropDrawingCharts(drawingPart: string): void {
    const rels = new RelsPart(drawingPart, this.pkg.text(relationshipsPart(drawingPart)));
    for (const rel of rels.list()) {
      if (rel.part === undefined || !rel.type.endsWith('/chart')) continue;
      this.pkg.delete(rel.part);
      this.types.removeOverride(rel.part);
    }
    this.pkg.delete(rels.part);
  }

  private putSheet(w: WorkbookXml, spec: SheetSpec): void {
    let part = this.sheetParts.get(spec.name);
    if (part !== undefined) {
      this.dropSheetParts(part);
      w.setState(spec.name, spec.visibility ?? 'visible');
      this.cellsChanged = true;
    } else {
      part = this.pkg.freeName(`${this.folder}worksheets/sheet`, '.xml');
      const relId = this.workbookRels.add(REL.worksheet, part);
      w.addSheet(spec.name, relId, spec.visibility ?? 'visible');
      this.types.setType(part, CONTENT_TYPE.worksheet);
      this.sheetParts.set(spec.name, part);
      this.sheetRels.set(part.toLowerCase(), new RelsPart(part, undefined));
    }
    let tableRelId: string | undefined;
    if (spec.table !== undefined) {
      const taken = this.tableNamesTaken();
      const tablePart = this.pkg.freeName(`${this.folder}tables/table`, '.xml');
      const id = Math.max(0, ...taken.ids) + 1;
      this.pkg.setText(tablePart, tablePartXml(spec, id, tableName(spec.table.name, taken.names)));
      this.types.setType(tablePart, CONTENT_TYPE.table);
      tableRelId = this.rels(part).add(REL.table, tablePart);
    }
    const drawingRelId = spec.charts !== undefined && spec.charts.length > 0 ? this.putCharts(part, spec) : undefined;
    const written = specSheetXml(spec, this.getStyles(), { table: tableRelId, drawing: drawingRelId });
    if (written.hasFormulas) this.formulas = true;
    this.pkg.setBytes(part, written.pieces);
    this.worksheets.delete(part.toLowerCase());
    this.dirty.delete(part.toLowerCase());
  }

  /** The drawing and chart parts of a sheet's charts; returns the sheet's relationship id of the drawing. */
  private putCharts(sheetPart: string, spec: SheetSpec): string {
    const charts = spec.charts ?? [];
    const drawingPart = this.pkg.freeName(`${this.folder}drawings/drawing`, '.xml');
    const drawingRels = new RelsPart(drawingPart, undefined);
    const relIds = charts.map((chart) => {
      const chartPart = this.pkg.freeName(`${this.folder}charts/chart`, '.xml');
      this.pkg.setText(chartPart, chartPartXml(spec, chart));
      this.types.setType(chartPart, CONTENT_TYPE.chart);
      return drawingRels.add(REL.chart, chartPart);
    });
    this.pkg.setText(drawingPart, drawingPartXml(charts, relIds));
    this.pkg.setText(drawingRels.part, drawingRels.text());
    this.types.setType(drawingPart, CONTENT_TYPE.drawing);
    return this.rels(sheetPart).add(REL.drawing, drawingPart);
  }

  // ---- cells written into existing sheets ----

  private writeCells(name: string, cells: ReadonlyMap<string, CellInput>): void {
    const part = this.sheetParts.get(name);
    if (part === undefined || cells.size === 0) return;
    const ws = this.worksheet(part);
    const rows = new Map<number, Map<number, true>>();
    const inputs = new Map<string, CellInput>();
    let bottom = 0;
    let right = 0;
    for (const [address, input] of cells) {
      const at = parseRangeRef(address);
      if (at === undefined) continue;
      let cols = rows.get(at.top);
      if (cols === undefined) rows.set(at.top, (cols = new Map()));
      cols.set(at.left, true);
      inputs.set(`${at.top}:${at.left}`, input);
      bottom = Math.max(bottom, at.top);
      right = Math.max(right, at.left);
      if (isCellSpec(input) && input.formula !== undefined) this.formulas = true;
    }
    ws.body = writeCellsInRows(ws.bodyBytes(), ws.prefix, rows, (row, col, style) => {
      const input = inputs.get(`${row}:${col}`) as CellInput;
      const look = lookOf(input);
      const s = look === undefined ? style : this.getStyles().cellFormat(look, style);
      return cellElement(ws.prefix, cellAddress(row, col), input, s);
    });
    const dimension = ws.find('dimension');
    if (dimension !== undefined) {
      const ref = attributeOf(dimension.text, { ...dimension.span, start: 0, openEnd: dimension.text.indexOf('>') + 1 }, 'ref');
      const range = ref === undefined ? undefined : parseRangeRef(ref);
      if (range !== undefined && (bottom > range.bottom || right > range.right)) {
        const next = `${cellAddress(range.top, range.left)}:${cellAddress(Math.max(bottom, range.bottom), Math.max(right, range.right))}`;
        ws.replace(dimension, dimension.text.replace(/(\sref\s*=\s*["'])[^"']*(["'])/, `$1${next}$2`));
      }
    }
    this.touch(part);
    this.cellsChanged = true;
  }

  private dropCalcChain(): void {
    for (const rel of this.workbookRels.ofType('calcChain')) {
      if (rel.part !== undefined) {
        this.pkg.delete(rel.part);
        this.types.removeOverride(rel.part);
      }
      this.workbookRels.remove(rel.id);
    }
  }

  // ---- marks ----

  /** Whether a sheet holds rules of ours (known from opening, else looked at). */
  private hasRules(part: string): boolean {
    const key = part.toLowerCase();
    if (this.marked !== undefined && !this.pkg.isChanged(part) && !this.worksheets.has(key)) return this.marked.has(key);
    return hasMarkRules(this.worksheet(part));
  }

  /** The next free shape-id block for a new drawing. */
  private freeVmlBlock(): number {
    let max = 0;
    for (const name of this.pkg.names()) if (/\.vml$/i.test(name)) for (const b of idBlocks(this.pkg.text(name) ?? '')) max = Math.max(max, b);
    return max + 1;
  }

  private applyMarks(w: WorkbookXml, marks: readonly CellMark[]): void {
    const bySheet = new Map<string, CellMark[]>();
    for (const mark of marks) {
      const list = bySheet.get(mark.sheet);
      if (list === undefined) bySheet.set(mark.sheet, [mark]);
      else list.push(mark);
    }
    for (const sheet of w.sheets()) {
      const part = this.sheetParts.get(sheet.name);
      if (part === undefined) continue;
      this.markSheet(part, bySheet.get(sheet.name) ?? []);
    }
  }

  private markSheet(part: string, marks: readonly CellMark[]): void {
    const rels = this.rels(part);
    const commentsRel = rels.ofType('comments').find((r) => r.part !== undefined && this.pkg.has(r.part));
    const commentsText = commentsRel === undefined ? undefined : this.pkg.text(commentsRel.part as string);
    const notesOfOurs = commentsText !== undefined && commentsText.includes(NOTE_HEADING);
    if (marks.length === 0 && !notesOfOurs && !this.hasRules(part)) return;

    const ws = this.worksheet(part);
    const removed = removeMarkRules(ws);
    if (marks.length > 0) addMarkRules(ws, marks, (severity) => this.getStyles().markDxfIndex(severity));
    if (removed > 0 || marks.length > 0) this.touch(part);

    const comments = new CommentsXml(commentsText, commentsRel?.part);
    const cleared = comments.removeOurs();
    const legacy = ws.find('legacyDrawing');
    const legacyId = legacy === undefined ? undefined : attributeOf(legacy.text, { ...legacy.span, start: 0, openEnd: legacy.text.indexOf('>') + 1 }, 'id');
    let vmlPart = legacyId === undefined ? undefined : rels.get(legacyId)?.part;
    let vml = vmlPart === undefined ? undefined : new VmlDrawing(this.pkg.text(vmlPart) ?? '');
    vml?.removeNotes(cleared);

    const threaded = new Set<string>();
    for (const rel of rels.ofType('threadedComment')) {
      const text = rel.part === undefined ? undefined : this.pkg.text(rel.part);
      for (const m of (text ?? '').matchAll(/<(?:\w+:)?threadedComment\b[^>]*\sref\s*=\s*["']([^"']*)["']/g)) threaded.add(m[1].toUpperCase());
    }
    const wanted = marks
      .map((m) => ({ ref: cellAddress(m.row, m.col), row: m.row, col: m.col, note: m.note }))
      .filter((m) => !threaded.has(m.ref));
    const fresh = comments.addOurs(wanted);
    if (fresh.length > 0) {
      if (vml === undefined || vmlPart === undefined) {
        vml = new VmlDrawing(newVml(this.freeVmlBlock()));
        vmlPart = this.pkg.freeName(`${this.folder}drawings/vmlDrawing`, '.vml');
        const relId = rels.add(REL.vmlDrawing, vmlPart);
        if (legacy !== undefined) ws.replace(ws.find('legacyDrawing')!, '');
        ws.insert('legacyDrawing', `<${ws.prefix}legacyDrawing${ws.relationshipAttr(relId)}/>`);
        this.types.ensureDefault('vml', CONTENT_TYPE.vmlDrawing);
        this.touch(part);
      }
      const lines = new Map(wanted.map((m) => [`${m.row}:${m.col}`, m.note.split('\n').length]));
      vml.addNotes(fresh.map((c) => ({ ...c, lines: lines.get(`${c.row}:${c.col}`) ?? 3 })));
    }

    // The notes part: gone when empty, else written.
    if (comments.changed || !comments.existed) {
      if (comments.isEmpty()) {
        if (commentsRel !== undefined) {
          this.pkg.delete(commentsRel.part as string);
          this.types.removeOverride(commentsRel.part as string);
          rels.remove(commentsRel.id);
        }
      } else {
        let commentsPart = commentsRel?.part;
        if (commentsPart === undefined) {
          commentsPart = this.pkg.freeName(`${this.folder}comments`, '.xml');
          rels.add(REL.comments, commentsPart);
        }
        this.types.setType(commentsPart, CONTENT_TYPE.comments);
        this.pkg.setText(commentsPart, comments.text());
      }
    }
    // The drawing: gone when it holds no shape any more, else written.
    if (vml !== undefined && vmlPart !== undefined && vml.changed) {
      if (!vml.hasShapes()) {
        this.pkg.delete(vmlPart);
        this.types.removeOverride(vmlPart);
        const rel = rels.list().find((r) => r.part === vmlPart);
        if (rel !== undefined) rels.remove(rel.id);
        const element = ws.find('legacyDrawing');
        if (element !== undefined) ws.replace(element, '');
        this.touch(part);
      } else {
        this.pkg.setText(vmlPart, vml.text());
      }
    }
  }

  // ---- out ----

  private finish(w: WorkbookXml): Uint8Array {
    for (const [key, ws] of this.worksheets) {
      if (!this.dirty.has(key)) continue;
      const part = [...this.sheetParts.values()].find((p) => p.toLowerCase() === key) ?? key;
      this.pkg.setBytes(part, ws.toPieces());
    }
    for (const rels of this.sheetRels.values()) {
      if (!rels.changed) continue;
      if (rels.isEmpty()) this.pkg.delete(rels.part);
      else this.pkg.setText(rels.part, rels.text());
    }
    if (this.styles?.changed && this.stylesPart !== undefined) this.pkg.setText(this.stylesPart, this.styles.text());
    if (this.workbookRels.changed) this.pkg.setText(this.workbookRels.part, this.workbookRels.text());
    if (w.changed || this.pkg.base === null) this.pkg.setText(this.workbookPart, w.text());
    if (this.types.changed) this.pkg.setText(ContentTypes.part, this.types.text());
    return this.pkg.toZip(this.compressor);
  }
}
