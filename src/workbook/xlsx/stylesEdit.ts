/**
 * styles.xml edited as text: differential formats for our marks and cell
 * formats for the sheets we write, each found again when it is already
 * there (so writing twice adds nothing) and otherwise appended with the
 * section's count updated. Existing entries are never changed, so no
 * user's cell changes its look. A package without styles.xml gets a
 * minimal one.
 */

import type { Severity } from '../../engine/findings';
import { MARK_STYLES } from '../marks';
import { BUILTIN_FORMATS } from './numberFormats';
import { appendInside, attributeOf, childrenOf, rootChildren, rootElement, setAttribute, splice, type ElementSpan, isWellFormed } from './xmlElements';
import { damagedPart } from './packageWriteError';
import { attrs, escapeAttr, NS, rootPrefix, XML_DECLARATION } from './xmlWrite';

/** The sections of a styleSheet in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];

/** What a sheet we write asks of a cell's format. */
export interface CellLook {
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly wrap?: boolean;
  readonly severity?: Severity;
  /** Shown as a link (blue, underlined). */
  readonly link?: boolean;
}

export const LINK_COLOUR = '0563C1';

const BUILTIN_IDS = new Map<string, number>();
for (const [id, code] of Object.entries(BUILTIN_FORMATS)) {
  // 14 and the other date ids show in the locale's format: a code we are given is written as a custom format.
  if (Number(id) !== 14 && !BUILTIN_IDS.has(code)) BUILTIN_IDS.set(code, Number(id));
}

export function minimalStyles(): string {
  return (
    `${XML_DECLARATION}<styleSheet xmlns="${NS.main}">` +
    '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

/** What a missing section starts with (the defaults Excel reserves). */
const SECTION_DEFAULTS: Readonly<Record<string, string>> = {
  fonts: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  fills: '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>',
  borders: '<border><left/><right/><top/><bottom/><diagonal/></border>',
  cellXfs: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
};

/** The dxf of a mark: font colour and fill of the severity (solid fills of a dxf take bgColor). */
export function markDxf(severity: Severity, prefix = ''): string {
  const { fill, font } = MARK_STYLES[severity];
  const p = prefix;
  return (
    `<${p}dxf><${p}font><${p}color rgb="FF${font}"/></${p}font>` +
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${fill}"/><${p}bgColor rgb="FF${fill}"/></${p}patternFill></${p}fill></${p}dxf>`
  );
}

export class StylesXml {
  private xml: string;
  readonly prefix: string;
  changed = false;

  constructor(xml: string | undefined, part = 'xl/styles.xml') {
    this.xml = xml ?? minimalStyles();
    this.changed = xml === undefined;
    this.prefix = rootPrefix(this.xml);
    const root = rootElement(this.xml);
    if (root === undefined || root.name !== 'styleSheet' || !isWellFormed(this.xml)) throw damagedPart(part);
  }

  text(): string {
    return this.xml;
  }

  private section(name: string): ElementSpan | undefined {
    return rootChildren(this.xml).find((c) => c.name === name);
  }

  /** The section, created (with Excel's reserved defaults) when missing. */
  private ensureSection(name: string): ElementSpan {
    const found = this.section(name);
    if (found !== undefined) return found;
    const root = rootElement(this.xml) as ElementSpan;
    const p = this.prefix;
    const content = (SECTION_DEFAULTS[name] ?? '').replace(/<(\/?)(?=[a-z])/g, `<$1${p}`);
    const count = topLevelCount(content);
    const element = content === '' ? `<${p}${name} count="0"/>` : `<${p}${name} count="${count}">${content}</${p}${name}>`;
    const order = ORDER.indexOf(name);
    const after = rootChildren(this.xml).find((c) => ORDER.indexOf(c.name) > order);
    if (after !== undefined) this.xml = splice(this.xml, after.start, after.start, element);
    else this.xml = appendInside(this.xml, root, element);
    this.changed = true;
    return this.section(name) as ElementSpan;
  }

  /** The children of a section as text. */
  private entries(name: string): string[] {
    const section = this.section(name);
    if (section === undefined) return [];
    return childrenOf(this.xml, section).map((c) => this.xml.slice(c.start, c.end));
  }

  /** Index of an entry equal to `element` in a section, appending it when there is none. */
  private indexOf(name: string, element: string): number {
    const section = this.ensureSection(name);
    const children = childrenOf(this.xml, section);
    const found = children.findIndex((c) => this.xml.slice(c.start, c.end) === element);
    if (found >= 0) return found;
    this.xml = appendInside(this.xml, section, element);
    const updated = this.section(name) as ElementSpan;
    this.xml = setAttribute(this.xml, updated, 'count', String(children.length + 1));
    this.changed = true;
    return children.length;
  }

  /** The dxf index of a mark's format (found or added). */
  markDxfIndex(severity: Severity): number {
    return this.indexOf('dxfs', markDxf(severity, this.prefix));
  }

  /** The numFmtId of a format code (built-in, existing custom, or a new custom id). */
  private numberFormatId(code: string): number {
    const builtin = BUILTIN_IDS.get(code);
    if (builtin !== undefined) return builtin;
    const section = this.section('numFmts');
    let max = 163;
    if (section !== undefined) {
      for (const child of childrenOf(this.xml, section)) {
        const id = Number(attributeOf(this.xml, child, 'numFmtId'));
        const existing = attributeOf(this.xml, child, 'formatCode');
        if (existing !== undefined && decodeAttr(existing) === code && Number.isInteger(id)) return id;
        if (Number.isInteger(id)) max = Math.max(max, id);
      }
    }
    const id = max + 1;
    this.indexOf('numFmts', `<${this.prefix}numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  /** A font like the default font (or `base`), with the changes asked. */
  private fontIndex(look: CellLook, baseFont: number): number {
    const fonts = this.entries('fonts');
    const p = this.prefix;
    const base = fonts[baseFont] ?? fonts[0] ?? `<${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font>`;
    let inner = base.replace(/^<[^>]*?\/>$/, '').replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '');
    const colour = look.severity !== undefined ? MARK_STYLES[look.severity].font : look.link ? LINK_COLOUR : undefined;
    if (look.bold) inner = `<${p}b/>` + inner.replace(/<(\w+:)?b(\s[^>]*)?\/>/g, '');
    if (look.link) inner = `<${p}u/>` + inner.replace(/<(\w+:)?u(\s[^>]*)?\/>/g, '');
    if (colour !== undefined) inner = inner.replace(/<(\w+:)?color(\s[^>]*)?\/>/g, '') + `<${p}color rgb="FF${colour}"/>`;
    if (!look.bold && !look.link && colour === undefined) return baseFont;
    return this.indexOf('fonts', `<${p}font>${inner}</${p}font>`);
  }

  private fillIndex(severity: Severity): number {
    const p = this.prefix;
    const fill = MARK_STYLES[severity].fill;
    return this.indexOf('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${fill}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  /**
   * The cellXfs index of a cell format: `base` (a cell's own format, 0 for
   * none) with the look asked. The base entry itself is never changed.
   */
  cellFormat(look: CellLook, base = 0): number {
    if (look.numberFormat === undefined && !look.bold && !look.wrap && look.severity === undefined && !look.link) return base;
    const xfs = this.entries('cellXfs');
    const p = this.prefix;
    const baseXf = xfs[base] ?? `<${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const baseAttr = (name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(baseXf.slice(0, baseXf.indexOf('>') + 1))?.[1];
    const numFmtId = look.numberFormat !== undefined ? this.numberFormatId(look.numberFormat) : Number(baseAttr('numFmtId') ?? 0);
    const fontId = this.fontIndex(look, Number(baseAttr('fontId') ?? 0));
    const fillId = look.severity !== undefined ? this.fillIndex(look.severity) : Number(baseAttr('fillId') ?? 0);
    const borderId = Number(baseAttr('borderId') ?? 0);
    const xfId = Number(baseAttr('xfId') ?? 0);
    let inner = baseXf.endsWith('/>') ? '' : baseXf.replace(/^<[^>]*>/, '').replace(/<\/[^>]*>$/, '');
    if (look.wrap) {
      const alignment = /<(\w+:)?alignment\b[^>]*?\/?>/.exec(inner);
      if (alignment === null) inner = `<${p}alignment vertical="top" wrapText="1"/>` + inner;
      else if (!/wrapText="(1|true)"/.test(alignment[0])) {
        const tag = alignment[0].replace(/\s*wrapText="[^"]*"/, '').replace(/\s*(\/?)>$/, ' wrapText="1"$1>');
        inner = inner.replace(alignment[0], tag);
      }
    }
    const element =
      `<${p}xf` +
      attrs({
        numFmtId,
        fontId,
        fillId,
        borderId,
        xfId,
        applyNumberFormat: numFmtId !== 0 ? '1' : undefined,
        applyFont: fontId !== 0 ? '1' : undefined,
        applyFill: fillId !== 0 ? '1' : undefined,
        applyAlignment: /alignment/.test(inner) ? '1' : undefined,
      }) +
      (inner === '' ? '/>' : `>${inner}</${p}xf>`);
    return this.indexOf('cellXfs', element);
  }
}

function topLevelCount(content: string): number {
  let depth = 0;
  let count = 0;
  const re = /<(\/?)[\w:]+[^>]*?(\/?)>/g;
  for (let m = re.exec(content); m !== null; m = re.exec(content)) {
    if (m[1] === '/') depth--;
    else {
      if (depth === 0) count++;
      if (m[2] !== '/') depth++;
    }
  }
  return count;
}

function decodeAttr(raw: string): string {
  return raw.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string);
}
