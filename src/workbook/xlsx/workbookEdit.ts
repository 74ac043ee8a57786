/**
 * The workbook part (xl/workbook.xml) edited as text: sheets added, their
 * visibility set, the active tab kept on a visible sheet, calculation on
 * load asked for when we wrote formulas.
 */

import type { SheetVisibility } from '../port';
import { appendInside, attributeOf, childrenOf, rootChildren, rootElement, setAttribute, splice, type ElementSpan, isWellFormed } from './xmlElements';
import { damagedPart } from './packageWriteError';
import { decodeAttribute } from './xmlText';
import { attrs, NS, rootPrefix } from './xmlWrite';

const ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences',
  'definedNames', 'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

export interface WorkbookSheetEntry {
  readonly name: string;
  readonly sheetId: number;
  readonly relId: string | undefined;
  readonly state: SheetVisibility;
  readonly span: ElementSpan;
}

export class WorkbookXml {
  private xml: string;
  readonly prefix: string;
  changed = false;

  constructor(xml: string, part = 'xl/workbook.xml') {
    this.xml = xml;
    this.prefix = rootPrefix(xml);
    const root = rootElement(xml);
    if (root === undefined || root.name !== 'workbook' || root.selfClosing || !isWellFormed(xml)) throw damagedPart(part);
  }

  text(): string {
    return this.xml;
  }

  private child(name: string): ElementSpan | undefined {
    return rootChildren(this.xml).find((c) => c.name === name);
  }

  /** Inserts a root child at its place in the schema order. */
  private insertChild(name: string, element: string): void {
    const order = ORDER.indexOf(name);
    const after = rootChildren(this.xml).find((c) => ORDER.indexOf(c.name) > order);
    if (after !== undefined) this.xml = splice(this.xml, after.start, after.start, element);
    else this.xml = appendInside(this.xml, rootElement(this.xml) as ElementSpan, element);
    this.changed = true;
  }

  sheets(): WorkbookSheetEntry[] {
    const sheets = this.child('sheets');
    if (sheets === undefined) return [];
    return childrenOf(this.xml, sheets)
      .filter((c) => c.name === 'sheet')
      .map((span) => {
        const state = attributeOf(this.xml, span, 'state');
        return {
          name: decodeAttribute(attributeOf(this.xml, span, 'name') ?? ''),
          sheetId: Number(attributeOf(this.xml, span, 'sheetId') ?? 0),
          relId: attributeOf(this.xml, span, 'id'),
          state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
          span,
        };
      });
  }

  /** The prefix bound to the relationships namespace on the root, or undefined. */
  private relationshipsPrefix(): string | undefined {
    const root = rootElement(this.xml);
    if (root === undefined) return undefined;
    const tag = this.xml.slice(root.start, root.openEnd);
    const m = /xmlns:([\w.-]+)\s*=\s*["']http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships["']/.exec(tag);
    return m === null ? undefined : m[1];
  }

  addSheet(name: string, relId: string, state: SheetVisibility): void {
    const ids = this.sheets().map((s) => s.sheetId);
    const sheetId = Math.max(0, ...ids.filter(Number.isFinite)) + 1;
    const rp = this.relationshipsPrefix();
    const rel = rp !== undefined ? ` ${rp}:id="${relId}"` : ` xmlns:r="${NS.relationships}" r:id="${relId}"`;
    const element = `<${this.prefix}sheet${attrs({ name, sheetId, state: state === 'visible' ? undefined : state })}${rel}/>`;
    let sheets = this.child('sheets');
    if (sheets === undefined) {
      this.insertChild('sheets', `<${this.prefix}sheets></${this.prefix}sheets>`);
      sheets = this.child('sheets') as ElementSpan;
    }
    this.xml = appendInside(this.xml, sheets, element);
    this.changed = true;
  }

  setState(name: string, state: SheetVisibility): void {
    const sheet = this.sheets().find((s) => s.name === name);
    if (sheet === undefined || sheet.state === state) return;
    if (state === 'visible') {
      const tag = this.xml.slice(sheet.span.start, sheet.span.openEnd).replace(/\s+state\s*=\s*("[^"]*"|'[^']*')/, '');
      this.xml = splice(this.xml, sheet.span.start, sheet.span.openEnd, tag);
    } else {
      this.xml = setAttribute(this.xml, sheet.span, 'state', state);
    }
    this.changed = true;
  }

  /** Keeps at least one sheet visible and the active tab on a visible sheet. */
  keepActiveVisible(): void {
    let sheets = this.sheets();
    if (sheets.length > 0 && sheets.every((s) => s.state !== 'visible')) {
      this.setState(sheets[0].name, 'visible');
      sheets = this.sheets();
    }
    const views = this.child('bookViews');
    const view = views === undefined ? undefined : childrenOf(this.xml, views).find((c) => c.name === 'workbookView');
    if (view === undefined) return;
    const active = Number(attributeOf(this.xml, view, 'activeTab') ?? 0);
    const first = Number(attributeOf(this.xml, view, 'firstSheet') ?? 0);
    const firstVisible = sheets.findIndex((s) => s.state === 'visible');
    if (sheets[active]?.state !== 'visible' && firstVisible >= 0) {
      this.xml = setAttribute(this.xml, view, 'activeTab', String(firstVisible));
      this.changed = true;
    }
    if (first > 0 && sheets[first]?.state !== 'visible' && firstVisible >= 0) {
      const again = childrenOf(this.xml, this.child('bookViews') as ElementSpan).find((c) => c.name === 'workbookView') as ElementSpan;
      this.xml = setAttribute(this.xml, again, 'firstSheet', String(firstVisible));
      this.changed = true;
    }
  }

  /** Asks Excel to calculate every formula when the file opens (formulas we wrote have no cached value). */
  calculateOnLoad(): void {
    const calc = this.child('calcPr');
    if (calc === undefined) {
      this.insertChild('calcPr', `<${this.prefix}calcPr fullCalcOnLoad="1"/>`);
      return;
    }
    if (attributeOf(this.xml, calc, 'fullCalcOnLoad') === '1') return;
    this.xml = setAttribute(this.xml, calc, 'fullCalcOnLoad', '1');
    this.changed = true;
  }
}

/** A new workbook part for a package written from scratch. */
export function newWorkbookXml(date1904: boolean): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<workbook xmlns="${NS.main}" xmlns:r="${NS.relationships}">` +
    `<workbookPr${date1904 ? ' date1904="1"' : ''}/><bookViews><workbookView activeTab="0"/></bookViews><sheets></sheets></workbook>`
  );
}
