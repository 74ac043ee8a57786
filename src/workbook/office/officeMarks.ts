/**
 * Marks in Excel (see ../marks.ts for what a mark is): one conditional
 * format per sheet and severity over the flagged cells (several when the
 * address list would pass Excel's length limit), recognised by the
 * signature in its formula; and the message in the cell's note (ExcelApi
 * 1.18), else in a comment of ours (1.10), else only in the task pane.
 *
 * Why conditional formats: they sit on top of the cell's own format and do
 * not change it, so removing our rules gives back the user's fill, font and
 * borders exactly, with nothing recorded and nothing to restore; a fill
 * would overwrite the user's own fill and need a record of every previous
 * format that could get lost or go stale when the user edits in between.
 * The command line's marked copy uses the same rules, so either side clears
 * the other's marks.
 */
import { hasOurNote, markFormula, markFormulaSeverity, MARK_STYLES, noteWithMark, userNote } from '../marks';
import type { CellMark } from '../port';
import type { Severity } from '../../engine/findings';
import { cellAddress } from '../../engine/grid';
import { addressLists, cellReference, cellRuns, parseAddressList, rectAddress, rectCells } from './addresses';
import type { ClientResultLike, Comment, ConditionalFormat, Note, RequestContext, Worksheet } from './excelApi';
import { RequestBatch } from './requestBatch';

/** Where the message of a mark goes. */
export type NoteMode = 'notitie' | 'opmerking' | 'taakvenster';

export interface MarkCapabilities {
  readonly noteMode: NoteMode;
  /** ExcelApi 1.9: one rule over many cells (RangeAreas). */
  readonly rangeAreas: boolean;
}

const CF_ITEMS = 'items/type,items/customOrNullObject/rule/formula';

interface OurRule {
  readonly rule: ConditionalFormat;
  readonly severity: Severity;
}

function ourRules(items: readonly ConditionalFormat[]): OurRule[] {
  const out: OurRule[] = [];
  for (const rule of items) {
    if (rule.type !== 'Custom' || rule.customOrNullObject.isNullObject) continue;
    const severity = markFormulaSeverity(rule.customOrNullObject.rule.formula);
    if (severity !== null) out.push({ rule, severity });
  }
  return out;
}

const key = (row: number, col: number): number => row * 16384 + col;
const unkey = (k: number): [number, number] => [Math.floor(k / 16384), k % 16384];

/** Adds our rules for cells by severity. */
async function addRules(batch: RequestBatch, sheet: Worksheet, cells: ReadonlyMap<number, Severity>, caps: MarkCapabilities): Promise<void> {
  const bySeverity = new Map<Severity, [number, number][]>();
  for (const [k, severity] of cells) {
    const list = bySeverity.get(severity);
    if (list === undefined) bySeverity.set(severity, [unkey(k)]);
    else list.push(unkey(k));
  }
  for (const [severity, list] of bySeverity) {
    const style = MARK_STYLES[severity];
    const rects = cellRuns(list);
    const targets = caps.rangeAreas ? addressLists(rects) : rects.map(rectAddress);
    for (const address of targets) {
      await batch.room(address.length + 200);
      const formats = caps.rangeAreas ? sheet.getRanges(address).conditionalFormats : sheet.getRange(address).conditionalFormats;
      const rule = formats.add('Custom');
      rule.custom.rule.formula = markFormula(severity);
      rule.custom.format.fill.color = `#${style.fill}`;
      rule.custom.format.font.color = `#${style.font}`;
    }
  }
}

/** Expected bytes of a response per note or comment (ours are a few hundred characters), and of a rule's address list. */
const NOTE_BYTES = 600;
const RULE_BYTES = 8000;
/** Notes or comments loaded per request of a collection. */
const PAGE = 2000;

type Annotation = Note | Comment;

/** The content of every note (or comment) of the sheets, loaded in pages so that no response passes the limit. */
async function loadAnnotations(
  context: RequestContext,
  batch: RequestBatch,
  counts: ReadonlyMap<string, ClientResultLike<number>>,
  kind: 'notes' | 'comments',
): Promise<Map<string, Annotation[]>> {
  const pages: { name: string; items: () => Annotation[] }[] = [];
  for (const [name, count] of counts) {
    for (let skip = 0; skip < count.value; skip += PAGE) {
      await batch.room(80, Math.min(PAGE, count.value - skip) * NOTE_BYTES);
      // A collection of its own per page (a second load of one collection replaces its items).
      const collection = context.workbook.worksheets.getItem(name)[kind].load({ content: true, $top: PAGE, $skip: skip });
      pages.push({ name, items: () => collection.items });
    }
  }
  await batch.flush();
  const out = new Map<string, Annotation[]>([...counts.keys()].map((name) => [name, []]));
  for (const page of pages) (out.get(page.name) as Annotation[]).push(...page.items());
  return out;
}

/** Marks cells (replacing our earlier marks on them); our other marks stay. */
export async function applyMarksInExcel(context: RequestContext, marks: readonly CellMark[], caps: MarkCapabilities): Promise<void> {
  const bySheet = new Map<string, CellMark[]>();
  for (const mark of marks) {
    const list = bySheet.get(mark.sheet);
    if (list === undefined) bySheet.set(mark.sheet, [mark]);
    else list.push(mark);
  }
  // Our rules on these sheets, the notes of the marked cells (or how many comments there are).
  const batch = new RequestBatch(context);
  const sheets: { name: string; sheet: Worksheet; rules: { items: ConditionalFormat[] }; notes: Note[] }[] = [];
  const commentCounts = new Map<string, ClientResultLike<number>>();
  for (const [name, list] of bySheet) {
    const sheet = context.workbook.worksheets.getItem(name);
    await batch.room(80, RULE_BYTES);
    const rules = sheet.getRange().conditionalFormats.load(CF_ITEMS);
    const notes: Note[] = [];
    if (caps.noteMode === 'notitie') {
      for (const m of list) {
        await batch.room(60, NOTE_BYTES);
        notes.push(sheet.notes.getItemOrNullObject(cellAddress(m.row, m.col)).load('content'));
      }
    } else if (caps.noteMode === 'opmerking') {
      commentCounts.set(name, sheet.comments.getCount());
    }
    sheets.push({ name, sheet, rules, notes });
  }
  await batch.flush();

  // Where our earlier rules are, and every comment (ours are replaced; a user's own is never written over).
  const earlier = [];
  for (const s of sheets) {
    const ours = ourRules(s.rules.items);
    const ranges = [];
    for (const r of ours) {
      await batch.room(60, RULE_BYTES);
      ranges.push(r.rule.getRanges().load('address'));
    }
    earlier.push({ ours, ranges });
  }
  const comments = caps.noteMode === 'opmerking' ? await loadAnnotations(context, batch, commentCounts, 'comments') : new Map<string, Annotation[]>();
  const places = new Map<string, { address: string }[]>();
  for (const [name, list] of comments) {
    const found = [];
    for (const c of list) {
      await batch.room(60, 100);
      found.push(c.getLocation().load('address'));
    }
    places.set(name, found);
  }
  await batch.flush();

  for (let i = 0; i < sheets.length; i++) {
    const { name, sheet, notes } = sheets[i];
    const list = bySheet.get(name) as CellMark[];
    const { ours, ranges } = earlier[i];
    const cells = new Map<number, Severity>();
    ours.forEach((r, j) => {
      for (const [row, col] of rectCells(parseAddressList(ranges[j].address))) cells.set(key(row, col), r.severity);
    });
    for (const m of list) cells.set(key(m.row, m.col), m.severity);
    for (const r of ours) {
      await batch.room();
      r.rule.delete();
    }
    await addRules(batch, sheet, cells, caps);

    if (caps.noteMode === 'notitie') {
      for (let j = 0; j < list.length; j++) {
        const m = list[j];
        const note = notes[j];
        await batch.room(m.note.length * 2 + 60);
        if (note.isNullObject) sheet.notes.add(cellAddress(m.row, m.col), m.note);
        else note.content = noteWithMark(note.content, m.note);
      }
    } else if (caps.noteMode === 'opmerking') {
      const byCell = new Map<number, Annotation>();
      const here = comments.get(name) ?? [];
      const where = places.get(name) ?? [];
      here.forEach((c, j) => {
        const [rect] = parseAddressList(where[j].address);
        if (rect !== undefined) byCell.set(key(rect.top, rect.left), c);
      });
      for (const m of list) {
        const existing = byCell.get(key(m.row, m.col));
        await batch.room(m.note.length + 60);
        if (existing === undefined) sheet.comments.add(cellReference(name, cellAddress(m.row, m.col)), m.note);
        else if (hasOurNote(existing.content)) existing.content = m.note;
        // A comment of the user's own stays as it is; the message is in the pane and the Controle sheet.
      }
    }
  }
  await batch.flush();
}

/** Removes every mark of ours; the user's formats, rules, notes and comments stay exactly as they were. Returns the number of cells cleared. */
export async function clearMarksInExcel(context: RequestContext, caps: MarkCapabilities): Promise<number> {
  const all = context.workbook.worksheets.load('items/name');
  await context.sync();
  const batch = new RequestBatch(context);
  const sheets: { name: string; rules: { items: ConditionalFormat[] } }[] = [];
  const counts = new Map<string, ClientResultLike<number>>();
  for (const sheet of all.items) {
    await batch.room(80, RULE_BYTES);
    sheets.push({ name: sheet.name, rules: sheet.getRange().conditionalFormats.load(CF_ITEMS) });
    if (caps.noteMode === 'notitie') counts.set(sheet.name, sheet.notes.getCount());
    else if (caps.noteMode === 'opmerking') counts.set(sheet.name, sheet.comments.getCount());
  }
  await batch.flush();
  const annotations = caps.noteMode === 'taakvenster' ? new Map<string, Annotation[]>() : await loadAnnotations(context, batch, counts, caps.noteMode === 'notitie' ? 'notes' : 'comments');

  // The places of our marks are loaded, and the marks removed after them, in as few requests as fit.
  const cleared: { address: string }[][] = [];
  for (const s of sheets) {
    const addresses: { address: string }[] = [];
    for (const r of ourRules(s.rules.items)) {
      await batch.room(60, RULE_BYTES);
      addresses.push(r.rule.getRanges().load('address'));
      r.rule.delete();
    }
    for (const annotation of annotations.get(s.name) ?? []) {
      if (!hasOurNote(annotation.content)) continue;
      await batch.room(annotation.content.length + 60, 100);
      addresses.push(annotation.getLocation().load('address'));
      const own = caps.noteMode === 'notitie' ? userNote(annotation.content) : null;
      if (own === null) annotation.delete();
      else annotation.content = own;
    }
    cleared.push(addresses);
  }
  await batch.flush();
  let count = 0;
  for (const addresses of cleared) {
    const cells = new Set<number>();
    for (const a of addresses) for (const [row, col] of rectCells(parseAddressList(a.address))) cells.add(key(row, col));
    count += cells.size;
  }
  return count;
}
