/**
 * Writing XML text for SpreadsheetML parts: escaping of element text and
 * attribute values (with Excel's _xHHHH_ escapes for characters XML 1.0
 * cannot hold), and small helpers for the parts the package writer edits
 * as text.
 */

/** Characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function hex4(code: number): string {
  return code.toString(16).toUpperCase().padStart(4, '0');
}

/**
 * Cell or note text as element content, the way Excel writes it: a literal
 * `_xHHHH_` is protected as `_x005F_xHHHH_`, carriage returns and characters
 * XML cannot hold become `_xHHHH_` (the reader decodes both back), and & < >
 * are entities.
 */
export function cellText(text: string): string {
  let t = text;
  if (t.indexOf('_x') >= 0) t = t.replace(/_(x[0-9a-fA-F]{4}_)/g, '_x005F_$1');
  if (t.indexOf('\r') >= 0) t = t.replace(/\r/g, '_x000D_');
  t = t.replace(NOT_XML, (ch) => (ch.length === 1 && ch.charCodeAt(0) < 0x20 ? `_x${hex4(ch.charCodeAt(0))}_` : '\ufffd'));
  return escapeText(t);
}

/** Element text with & < > as entities (characters XML cannot hold replaced by U+FFFD). */
export function escapeText(text: string): string {
  let t = text.replace(NOT_XML, '\ufffd');
  if (/[&<>]/.test(t)) t = t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return t;
}

/** An attribute value (double-quoted): & < > " and whitespace other than spaces as references. */
export function escapeAttr(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

/** `<t>` (or `<prefix:t>`) with xml:space="preserve" where spaces at the ends or line breaks would otherwise be lost. */
export function textElement(text: string, prefix = ''): string {
  const preserve = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : '';
  return `<${prefix}t${preserve}>${cellText(text)}</${prefix}t>`;
}

/** Attributes as text: ` a="1" b="x"`, leaving out undefined values. */
export function attrs(values: Readonly<Record<string, string | number | boolean | undefined>>): string {
  let out = '';
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) continue;
    const text = typeof value === 'boolean' ? (value ? '1' : '0') : String(value);
    out += ` ${key}="${escapeAttr(text)}"`;
  }
  return out;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  customXml: 'http://schemas.openxmlformats.org/officeDocument/2006/customXml',
} as const;

/** Relationship types by their last segment (transitional namespace). */
export const REL = {
  officeDocument: `${NS.relationships}/officeDocument`,
  worksheet: `${NS.relationships}/worksheet`,
  styles: `${NS.relationships}/styles`,
  sharedStrings: `${NS.relationships}/sharedStrings`,
  comments: `${NS.relationships}/comments`,
  vmlDrawing: `${NS.relationships}/vmlDrawing`,
  table: `${NS.relationships}/table`,
  drawing: `${NS.relationships}/drawing`,
  chart: `${NS.relationships}/chart`,
  customXml: `${NS.relationships}/customXml`,
  customXmlProps: `${NS.relationships}/customXmlProps`,
  calcChain: `${NS.relationships}/calcChain`,
  threadedComment: 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment',
} as const;

export const CONTENT_TYPE = {
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  customXmlProps: 'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
} as const;

/** The namespace prefix (with colon, or '') of the root element of an XML text. */
export function rootPrefix(xml: string): string {
  const m = /<(?!\?|!)([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*[\s/>]/.exec(xml);
  return m?.[1] ?? '';
}

/** Index just after the start tag of the root element (0 when there is none). */
export function rootStartEnd(xml: string): number {
  const m = /<(?!\?|!)[A-Za-z_][\w.:-]*(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(xml);
  return m === null ? 0 : m.index + m[0].length;
}
