/**
 * Small pieces of XML handling shared by the part readers: decoding of text
 * and attribute values (XML entities, Excel's _xHHHH_ escapes), finding the
 * end of a tag, reading attributes, and a tag walker for the small parts.
 * None of it builds a tree.
 */

const ENTITY = /&(?:#(\d+)|#[xX]([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function entityReplacement(whole: string, dec: string | undefined, hex: string | undefined, name: string | undefined): string {
  if (name !== undefined) return NAMED[name];
  const code = dec !== undefined ? parseInt(dec, 10) : parseInt(hex as string, 16);
  if (!(code >= 0 && code <= 0x10ffff)) return whole;
  return String.fromCodePoint(code);
}

/** Replaces the five XML entities and numeric character references. */
export function decodeEntities(raw: string): string {
  return raw.indexOf('&') < 0 ? raw : raw.replace(ENTITY, entityReplacement);
}

const EXCEL_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

function excelEscapeReplacement(_whole: string, hex: string): string {
  return String.fromCharCode(parseInt(hex, 16));
}

/**
 * Decodes the text content of an element as Excel means it: XML line ends
 * normalised, entities replaced, then Excel's _xHHHH_ escapes (_x000D_ for
 * a carriage return, _x005F_ for a literal underscore) decoded.
 */
export function decodeText(raw: string): string {
  let text = raw;
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  if (text.indexOf('&') >= 0) text = text.replace(ENTITY, entityReplacement);
  if (text.indexOf('_x') >= 0) text = text.replace(EXCEL_ESCAPE, excelEscapeReplacement);
  return text;
}

/** Decodes an attribute value: whitespace normalised as XML does, entities replaced. */
export function decodeAttribute(raw: string): string {
  let value = raw;
  if (/[\t\n\r]/.test(value)) value = value.replace(/\r\n|[\t\n\r]/g, ' ');
  return decodeEntities(value);
}

/** Index of the first character after the tag whose name starts after `<` at `from`, or -1 when the text ends first. Quoted attribute values may hold `>`. */
export function tagEnd(s: string, from: number): number {
  const length = s.length;
  for (let p = from; p < length; p++) {
    const ch = s.charCodeAt(p);
    if (ch === 62 /* > */) return p + 1;
    if (ch === 34 /* " */ || ch === 39 /* ' */) {
      const close = s.indexOf(ch === 34 ? '"' : "'", p + 1);
      if (close < 0) return -1;
      p = close;
    }
  }
  return -1;
}

/** Whether the character code ends an element name. */
export function endsName(ch: number): boolean {
  return ch === 32 || ch === 62 || ch === 47 || ch === 9 || ch === 10 || ch === 13;
}

/** Index just after the element name that starts at `from`. */
export function nameEnd(s: string, from: number): number {
  let p = from;
  const length = s.length;
  while (p < length && !endsName(s.charCodeAt(p))) p++;
  return p;
}

/** The local part of a qualified name (`x:row` → `row`). */
export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/**
 * The attributes of a tag between `from` (after the name) and `to` (the
 * index after `>`), keyed by local name; namespace declarations are left
 * out. Values are decoded.
 */
export function readAttributes(s: string, from: number, to: number): Record<string, string> {
  const attrs: Record<string, string> = {};
  let p = from;
  while (p < to) {
    const eq = s.indexOf('=', p);
    if (eq < 0 || eq >= to) break;
    const qname = s.slice(p, eq).trim();
    let q = eq + 1;
    while (q < to && s.charCodeAt(q) !== 34 && s.charCodeAt(q) !== 39) q++;
    if (q >= to) break;
    const close = s.indexOf(s[q], q + 1);
    if (close < 0 || close >= to) break;
    if (qname !== 'xmlns' && !qname.startsWith('xmlns:')) {
      const key = localName(qname);
      if (!(key in attrs)) attrs[key] = decodeAttribute(s.slice(q + 1, close));
    }
    p = close + 1;
  }
  return attrs;
}

/**
 * Where a markup construct starting with `<!` or `<?` at `lt` ends (index
 * after it), or -1 when the text ends first.
 */
export function specialEnd(s: string, lt: number): number {
  // Too short to tell a CDATA section from other markup yet.
  if (s.length - lt < 9 && '<![CDATA['.startsWith(s.slice(lt))) return -1;
  if (s.startsWith('<!--', lt)) {
    const end = s.indexOf('-->', lt + 4);
    return end < 0 ? -1 : end + 3;
  }
  if (s.startsWith('<![CDATA[', lt)) {
    const end = s.indexOf(']]>', lt + 9);
    return end < 0 ? -1 : end + 3;
  }
  if (s.charCodeAt(lt + 1) === 63 /* ? */) {
    const end = s.indexOf('?>', lt + 2);
    return end < 0 ? -1 : end + 2;
  }
  return tagEnd(s, lt + 2);
}

/**
 * The decoded text of an element whose content starts at `from`: text up to
 * the next tag, with CDATA sections taken literally. Returns the text and
 * sets `textEnd.at` to the index of the tag that ends it, or returns
 * undefined when the text runs past the end of `s`.
 */
export function readElementText(s: string, from: number, textEnd: { at: number }): string | undefined {
  let lt = s.indexOf('<', from);
  if (lt < 0) return undefined;
  if (s.charCodeAt(lt + 1) !== 33 /* ! */) {
    textEnd.at = lt;
    return decodeText(s.slice(from, lt));
  }
  let text = '';
  let p = from;
  for (;;) {
    if (lt < 0) return undefined;
    text += decodeText(s.slice(p, lt));
    if (s.startsWith('<![CDATA[', lt)) {
      const end = s.indexOf(']]>', lt + 9);
      if (end < 0) return undefined;
      text += s.slice(lt + 9, end);
      p = end + 3;
    } else if (s.startsWith('<!--', lt)) {
      const end = s.indexOf('-->', lt + 4);
      if (end < 0) return undefined;
      p = end + 3;
    } else {
      textEnd.at = lt;
      return text;
    }
    lt = s.indexOf('<', p);
  }
}

export interface XmlTag {
  /** Local name, without a namespace prefix. */
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  readonly attrs: Record<string, string>;
  /** Index just after the tag's `>`. */
  readonly end: number;
}

/**
 * Walks the tags of a small, complete XML part in document order. Text,
 * comments, CDATA and processing instructions are passed over. Returning
 * false from `visit` stops the walk.
 */
export function forEachTag(xml: string, visit: (tag: XmlTag) => boolean | void): void {
  let p = 0;
  for (;;) {
    const lt = xml.indexOf('<', p);
    if (lt < 0) return;
    const next = xml.charCodeAt(lt + 1);
    if (next === 33 || next === 63) {
      const end = specialEnd(xml, lt);
      if (end < 0) return;
      p = end;
      continue;
    }
    const closing = next === 47;
    const start = closing ? lt + 2 : lt + 1;
    const afterName = nameEnd(xml, start);
    const end = tagEnd(xml, afterName);
    if (end < 0) return;
    const selfClosing = xml.charCodeAt(end - 2) === 47;
    const attrs = closing ? {} : readAttributes(xml, afterName, selfClosing ? end - 2 : end - 1);
    if (visit({ name: localName(xml.slice(start, afterName)), closing, selfClosing, attrs, end }) === false) return;
    p = end;
  }
}
