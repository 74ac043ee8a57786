/**
 * A worksheet part split for editing: the text before `<sheetData>`, the
 * cell rows as bytes (a 100,000-row sheet is never decoded to text unless
 * cells in it are written) and the text after `</sheetData>`. Elements
 * around the cells are added, replaced and removed by splicing the text,
 * in the schema's element order, so every byte we do not change stays.
 */

import { asciiText, concatBytes, indexOfAscii } from './byteText';
import { damagedPart } from './packageWriteError';
import { childElements, isWellFormed, type ElementSpan } from './xmlElements';
import { NS } from './xmlWrite';

/** The children of CT_Worksheet in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection',
  'protectedRanges', 'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells',
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst',
] as const;

const SHEET_DATA = WORKSHEET_ORDER.indexOf('sheetData');

function orderOf(name: string, previous: number): number {
  const i = (WORKSHEET_ORDER as readonly string[]).indexOf(name);
  if (i >= 0) return i;
  // mc:AlternateContent wraps controls or OLE objects; anything else unknown stays with what comes before it.
  return name === 'AlternateContent' ? WORKSHEET_ORDER.indexOf('oleObjects') : previous;
}

const utf8 = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function lastIndexOfAscii(b: Uint8Array, pattern: string, before: number): number {
  const first = pattern.charCodeAt(0);
  outer: for (let p = Math.min(before, b.length - pattern.length); p >= 0; p--) {
    if (b[p] !== first) continue;
    for (let k = 1; k < pattern.length; k++) if (b[p + k] !== pattern.charCodeAt(k)) continue outer;
    return p;
  }
  return -1;
}

function isNameEnd(ch: number): boolean {
  return ch === 32 || ch === 9 || ch === 10 || ch === 13 || ch === 47 || ch === 62;
}

function sniffUtf16(b: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (b.length < 2) return undefined;
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0x3c && b[1] === 0x00)) return 'utf-16le';
  if ((b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0x00 && b[1] === 0x3c)) return 'utf-16be';
  return undefined;
}

/** The prefix (with colon) of the root element's name in the first bytes of a part. */
function rootPrefixOf(b: Uint8Array): string {
  let p = 0;
  for (;;) {
    const lt = indexOfAscii(b, '<', p);
    if (lt < 0) return '';
    const c1 = b[lt + 1];
    if (c1 === 63 || c1 === 33) {
      const close = indexOfAscii(b, '>', lt);
      if (close < 0) return '';
      p = close + 1;
      continue;
    }
    let e = lt + 1;
    while (e < b.length && !isNameEnd(b[e])) e++;
    const name = asciiText(b, lt + 1, e);
    const colon = name.indexOf(':');
    return colon < 0 ? '' : name.slice(0, colon + 1);
  }
}

export class WorksheetXml {
  /** The root's namespace prefix with colon ('' for the default namespace). */
  readonly prefix: string;
  /** Everything up to and including the `<sheetData>` start tag. */
  head: string;
  /** The content of sheetData, unchanged bytes unless cells were written. */
  body: Uint8Array[];
  /** From `</sheetData>` to the end. */
  tail: string;
  /** `<sheetData/>` in the original: written back that way when it stays empty. */
  private readonly emptyData: boolean;

  private constructor(prefix: string, head: string, body: Uint8Array[], tail: string, emptyData: boolean) {
    this.prefix = prefix;
    this.head = head;
    this.body = body;
    this.tail = tail;
    this.emptyData = emptyData;
  }

  /** Splits a worksheet part; throws PackageWriteError when it is too damaged to edit (no worksheet element that closes). */
  static fromBytes(input: Uint8Array, part = 'xl/worksheets/sheet1.xml'): WorksheetXml {
    const ws = WorksheetXml.split(input);
    const close = ws.tail.lastIndexOf('</');
    // The elements around the rows must pair up (the rows themselves are only read where cells are written).
    if (!new RegExp(`^</${ws.prefix.replace('.', '\\.')}worksheet\\s*>\\s*$`).test(ws.tail.slice(close)) || !isWellFormed(ws.head + ws.tail)) {
      throw damagedPart(part);
    }
    return ws;
  }

  private static split(input: Uint8Array): WorksheetXml {
    let b = input;
    const wide = sniffUtf16(b);
    if (wide !== undefined) b = encoder.encode(new TextDecoder(wide).decode(b).replace(/^(<\?xml[^>]*encoding=["'])UTF-16(["'])/i, '$1UTF-8$2'));
    const prefix = rootPrefixOf(b);
    const open = `<${prefix}sheetData`;
    let at = indexOfAscii(b, open, 0);
    while (at >= 0 && !isNameEnd(b[at + open.length])) at = indexOfAscii(b, open, at + 1);
    if (at < 0) return WorksheetXml.withoutData(prefix, utf8.decode(b));
    const openEnd = indexOfAscii(b, '>', at);
    if (openEnd < 0) return WorksheetXml.withoutData(prefix, utf8.decode(b));
    if (b[openEnd - 1] === 47) {
      const head = utf8.decode(b.subarray(0, openEnd - 1)).replace(/\s*$/, '') + '>';
      return new WorksheetXml(prefix, head, [], `</${prefix}sheetData>` + utf8.decode(b.subarray(openEnd + 1)), true);
    }
    const close = lastIndexOfAscii(b, `</${prefix}sheetData`, b.length);
    if (close < openEnd) return WorksheetXml.withoutData(prefix, utf8.decode(b));
    return new WorksheetXml(prefix, utf8.decode(b.subarray(0, openEnd + 1)), [b.subarray(openEnd + 1, close)], utf8.decode(b.subarray(close)), false);
  }

  /** A worksheet without sheetData (valid only in a damaged file): an empty one is put at its place. */
  private static withoutData(prefix: string, text: string): WorksheetXml {
    const ws = new WorksheetXml(prefix, text, [], '', true);
    const children = ws.headChildren(text.length);
    let insertAt = ws.rootOpenEnd();
    for (const child of children) if (orderOf(child.name, 0) < SHEET_DATA) insertAt = child.end;
    return new WorksheetXml(prefix, text.slice(0, insertAt) + `<${prefix}sheetData>`, [], `</${prefix}sheetData>` + text.slice(insertAt), true);
  }

  static fromText(text: string, part?: string): WorksheetXml {
    return WorksheetXml.fromBytes(encoder.encode(text), part);
  }

  /** The part's bytes in pieces (the rows are not copied). */
  toPieces(): Uint8Array[] {
    const bodyEmpty = this.body.every((p) => p.length === 0);
    if (bodyEmpty && this.emptyData) {
      const head = this.head.slice(0, -1) + '/>';
      const tail = this.tail.slice(this.tail.indexOf('>') + 1);
      return [encoder.encode(head + tail)];
    }
    return [encoder.encode(this.head), ...this.body, encoder.encode(this.tail)];
  }

  /** The rows' bytes as one array. */
  bodyBytes(): Uint8Array {
    return concatBytes(this.body);
  }

  private rootOpenEnd(): number {
    const m = /<(?!\?|!)[A-Za-z_][\w.:-]*(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(this.head);
    return m === null ? 0 : m.index + m[0].length;
  }

  /** The relationships namespace prefix declared on the root (with colon), or undefined. */
  relationshipsPrefix(): string | undefined {
    const root = this.head.slice(0, this.rootOpenEnd());
    const m = new RegExp(`xmlns:([\\w.-]+)\\s*=\\s*["']${NS.relationships.replace(/[./]/g, '\\$&')}["']`).exec(root);
    return m === null ? undefined : `${m[1]}:`;
  }

  /** An `r:id` attribute for an element we add (declaring the namespace on it when the root does not). */
  relationshipAttr(id: string): string {
    const prefix = this.relationshipsPrefix();
    return prefix !== undefined ? ` ${prefix}id="${id}"` : ` xmlns:r="${NS.relationships}" r:id="${id}"`;
  }

  private headChildren(end = this.head.lastIndexOf('<')): ElementSpan[] {
    return childElements(this.head, this.rootOpenEnd(), end);
  }

  private tailChildren(): ElementSpan[] {
    const from = this.tail.indexOf('>') + 1;
    return childElements(this.tail, from, this.tail.lastIndexOf('</'));
  }

  /** The top-level elements other than sheetData, with the text they are in. */
  children(): { readonly where: 'head' | 'tail'; readonly span: ElementSpan }[] {
    return [
      ...this.headChildren().map((span) => ({ where: 'head' as const, span })),
      ...this.tailChildren().map((span) => ({ where: 'tail' as const, span })),
    ];
  }

  /** The first top-level element of a name (text and extent), if any. */
  find(name: string): { where: 'head' | 'tail'; span: ElementSpan; text: string } | undefined {
    const found = this.children().find((c) => c.span.name === name);
    if (found === undefined) return undefined;
    const text = (found.where === 'head' ? this.head : this.tail).slice(found.span.start, found.span.end);
    return { ...found, text };
  }

  findAll(name: string): { where: 'head' | 'tail'; span: ElementSpan; text: string }[] {
    return this.children()
      .filter((c) => c.span.name === name)
      .map((c) => ({ ...c, text: (c.where === 'head' ? this.head : this.tail).slice(c.span.start, c.span.end) }));
  }

  /** Replaces an element found by find() with `xml` ('' removes it). */
  replace(found: { where: 'head' | 'tail'; span: ElementSpan }, xml: string): void {
    if (found.where === 'head') this.head = this.head.slice(0, found.span.start) + xml + this.head.slice(found.span.end);
    else this.tail = this.tail.slice(0, found.span.start) + xml + this.tail.slice(found.span.end);
  }

  /** Inserts a top-level element at its place in the schema order (after the elements of its kind). */
  insert(name: string, xml: string): void {
    const order = orderOf(name, 0);
    if (order < SHEET_DATA) {
      let at = this.rootOpenEnd();
      let previous = 0;
      for (const child of this.headChildren()) {
        previous = orderOf(child.name, previous);
        if (previous <= order) at = child.end;
      }
      this.head = this.head.slice(0, at) + xml + this.head.slice(at);
      return;
    }
    let at = this.tail.indexOf('>') + 1;
    let previous = SHEET_DATA;
    for (const child of this.tailChildren()) {
      previous = orderOf(child.name, previous);
      if (previous <= order) at = child.end;
    }
    this.tail = this.tail.slice(0, at) + xml + this.tail.slice(at);
  }
}
