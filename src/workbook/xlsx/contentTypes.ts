/**
 * [Content_Types].xml: which content type each part has (by extension or
 * by part name). Edited as text: entries are added before the closing tag
 * and removed where they stand, everything else stays as it was.
 */

import { partName } from './packageContent';
import { damagedPart } from './packageWriteError';
import { closingEnd } from './relsPart';
import { rootElement, isWellFormed } from './xmlElements';
import { attrs, CONTENT_TYPE, NS, XML_DECLARATION } from './xmlWrite';
import { forEachTag } from './xmlText';

const PART = '[Content_Types].xml';

function samePart(a: string, b: string): boolean {
  const norm = (s: string) => {
    let t = partName(s);
    try {
      t = decodeURIComponent(t);
    } catch {
      // keep it as it is
    }
    return t.toLowerCase();
  };
  return norm(a) === norm(b);
}

export class ContentTypes {
  private xml: string;
  changed = false;

  constructor(xml: string | undefined) {
    this.xml =
      xml ??
      `${XML_DECLARATION}<Types xmlns="${NS.contentTypes}">` +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/>` +
        `<Default Extension="xml" ContentType="${CONTENT_TYPE.xml}"/></Types>`;
    if (xml === undefined) this.changed = true;
    const root = rootElement(this.xml);
    if (root === undefined || root.name !== 'Types' || root.selfClosing || !isWellFormed(this.xml)) throw damagedPart(PART);
  }

  static readonly part = PART;

  private entries(): { name: string; attrs: Record<string, string>; start: number; end: number }[] {
    const out: { name: string; attrs: Record<string, string>; start: number; end: number }[] = [];
    let previousEnd = 0;
    forEachTag(this.xml, (tag) => {
      if (!tag.closing && (tag.name === 'Default' || tag.name === 'Override')) {
        const start = this.xml.lastIndexOf('<', tag.end - 1);
        const end = tag.selfClosing ? tag.end : closingEnd(this.xml, tag.end);
        out.push({ name: tag.name, attrs: tag.attrs, start: Math.max(start, previousEnd), end });
      }
      previousEnd = tag.end;
    });
    return out;
  }

  /** The content type of a part: its override, else the default of its extension. */
  typeOf(part: string): string | undefined {
    const entries = this.entries();
    const override = entries.find((e) => e.name === 'Override' && e.attrs.PartName !== undefined && samePart(e.attrs.PartName, part));
    if (override !== undefined) return override.attrs.ContentType;
    const ext = /\.([^./]+)$/.exec(part)?.[1]?.toLowerCase();
    return entries.find((e) => e.name === 'Default' && e.attrs.Extension?.toLowerCase() === ext)?.attrs.ContentType;
  }

  hasDefault(ext: string): boolean {
    return this.entries().some((e) => e.name === 'Default' && e.attrs.Extension?.toLowerCase() === ext.toLowerCase());
  }

  private insert(element: string): void {
    const close = this.xml.lastIndexOf('</');
    this.xml = close < 0 ? this.xml + element : this.xml.slice(0, close) + element + this.xml.slice(close);
    this.changed = true;
  }

  /** Makes the part's content type `type` (an override unless its extension's default already says so). */
  setType(part: string, type: string): void {
    if (this.typeOf(part) === type) return;
    this.removeOverride(part);
    if (this.typeOf(part) === type) return;
    this.insert(`<Override${attrs({ PartName: `/${partName(part)}`, ContentType: type })}/>`);
  }

  ensureDefault(ext: string, type: string): void {
    if (this.hasDefault(ext)) return;
    this.insert(`<Default${attrs({ Extension: ext, ContentType: type })}/>`);
  }

  removeOverride(part: string): void {
    const entry = this.entries().find((e) => e.name === 'Override' && e.attrs.PartName !== undefined && samePart(e.attrs.PartName, part));
    if (entry === undefined) return;
    this.xml = this.xml.slice(0, entry.start) + this.xml.slice(entry.end);
    this.changed = true;
  }

  text(): string {
    return this.xml;
  }
}
