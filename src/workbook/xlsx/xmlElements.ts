/**
 * Finding elements in XML text without building a tree: the child
 * elements of a region (with their start and end offsets), so that a part
 * can be changed by splicing text and every byte around stays as it was.
 */

import { localName, specialEnd, tagEnd } from './xmlText';

export interface ElementSpan {
  /** Local name (no prefix). */
  readonly name: string;
  /** Offset of `<`. */
  readonly start: number;
  /** Offset after the end tag (or after `/>`). */
  readonly end: number;
  /** Offset after the start tag's `>`. */
  readonly openEnd: number;
  /** Offset of the end tag's `<` (equal to `end` when self-closing). */
  readonly closeStart: number;
  readonly selfClosing: boolean;
}

function nameAt(xml: string, from: number): number {
  let p = from;
  for (; p < xml.length; p++) {
    const ch = xml.charCodeAt(p);
    if (ch === 32 || ch === 47 || ch === 62 || ch === 9 || ch === 10 || ch === 13) break;
  }
  return p;
}

/**
 * The elements at depth 0 of xml[from, to): each with its extent. Text,
 * comments and processing instructions between them are passed over.
 * Returns what it found before anything malformed.
 */
export function childElements(xml: string, from: number, to: number): ElementSpan[] {
  const out: ElementSpan[] = [];
  let depth = 0;
  let open: { name: string; start: number; openEnd: number } | undefined;
  let p = from;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0 || lt >= to) return out;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      const e = specialEnd(xml, lt);
      if (e < 0) return out;
      p = e;
      continue;
    }
    if (c1 === 47) {
      const e = tagEnd(xml, lt + 2);
      if (e < 0) return out;
      depth--;
      if (depth === 0 && open !== undefined) {
        out.push({ name: open.name, start: open.start, end: e, openEnd: open.openEnd, closeStart: lt, selfClosing: false });
        open = undefined;
      }
      if (depth < 0) return out;
      p = e;
      continue;
    }
    const ne = nameAt(xml, lt + 1);
    const e = tagEnd(xml, ne);
    if (e < 0) return out;
    const selfClosing = xml.charCodeAt(e - 2) === 47;
    if (depth === 0) {
      const name = localName(xml.slice(lt + 1, ne));
      if (selfClosing) out.push({ name, start: lt, end: e, openEnd: e, closeStart: e, selfClosing: true });
      else open = { name, start: lt, openEnd: e };
    }
    if (!selfClosing) depth++;
    p = e;
  }
}

/** The root element of a part: its extent (undefined when there is none). */
export function rootElement(xml: string): ElementSpan | undefined {
  return childElements(xml, 0, xml.length)[0];
}

/** The children of the root element. */
export function rootChildren(xml: string): ElementSpan[] {
  const root = rootElement(xml);
  if (root === undefined || root.selfClosing) return [];
  return childElements(xml, root.openEnd, root.closeStart);
}

/** The children of an element. */
export function childrenOf(xml: string, element: ElementSpan): ElementSpan[] {
  return element.selfClosing ? [] : childElements(xml, element.openEnd, element.closeStart);
}

/** Replaces xml[start, end) by `text`. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** The qualified name of the element at `start` (with its prefix). */
export function qualifiedName(xml: string, start: number): string {
  return xml.slice(start + 1, nameAt(xml, start + 1));
}

/**
 * Adds `inner` as the last content of an element (turning `<a/>` into
 * `<a>inner</a>`); returns the new text.
 */
export function appendInside(xml: string, element: ElementSpan, inner: string): string {
  if (!element.selfClosing) return splice(xml, element.closeStart, element.closeStart, inner);
  const qname = qualifiedName(xml, element.start);
  const startTag = xml.slice(element.start, element.end - 2).replace(/\s+$/, '') + '>';
  return splice(xml, element.start, element.end, `${startTag}${inner}</${qname}>`);
}

/** Sets (or adds) an attribute in the start tag of an element; returns the new text. */
export function setAttribute(xml: string, element: ElementSpan, name: string, value: string): string {
  const tag = xml.slice(element.start, element.openEnd);
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  let next: string;
  if (re.test(tag)) next = tag.replace(re, (_m, a: string) => `${a}"${value}"`);
  else {
    const close = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
    next = `${tag.slice(0, close).replace(/\s+$/, '')} ${name}="${value}"${tag.slice(close)}`;
  }
  return splice(xml, element.start, element.openEnd, next);
}

/** The value of an attribute in the start tag of an element (raw, not decoded). */
export function attributeOf(xml: string, element: ElementSpan, name: string): string | undefined {
  const tag = xml.slice(element.start, element.openEnd);
  const m = new RegExp(`\\s(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m === null ? undefined : (m[1] ?? m[2]);
}

/**
 * Whether the text is one well-formed element (start and end tags pair up,
 * one root; comments, CDATA and processing instructions passed over). The
 * writer edits only such parts: splicing a damaged one could move what
 * follows the damage into another element.
 */
export function isWellFormed(xml: string): boolean {
  const stack: string[] = [];
  let roots = 0;
  let p = 0;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) return stack.length === 0 && roots === 1;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 || c1 === 63) {
      const e = specialEnd(xml, lt);
      if (e < 0) return false;
      p = e;
      continue;
    }
    const closing = c1 === 47;
    const start = closing ? lt + 2 : lt + 1;
    const ne = nameAt(xml, start);
    const e = tagEnd(xml, ne);
    if (e < 0 || ne === start) return false;
    const name = xml.slice(start, ne);
    if (closing) {
      if (stack.pop() !== name) return false;
    } else {
      if (stack.length === 0) roots++;
      if (xml.charCodeAt(e - 2) !== 47) stack.push(name);
    }
    p = e;
  }
}
