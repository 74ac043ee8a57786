/**
 * Our marks as conditional formats in a worksheet: one rule per severity
 * (a formula that is always true and carries our signature, see marks.ts)
 * over the flagged cells, with a differential format in the severity's
 * colours. A cell's own style is never touched. Our rules go first (the
 * user's rules keep their order, moved down by the number of ours), so a
 * mark shows over a user's own conditional format; removing ours moves
 * them back.
 */

import type { Severity } from '../../engine/findings';
import { markFormula, markFormulaSeverity } from '../marks';
import { rangeList } from './cellRanges';
import { childrenOf, type ElementSpan } from './xmlElements';
import { escapeText } from './xmlWrite';
import type { WorksheetXml } from './worksheetXml';

const SEVERITIES: readonly Severity[] = ['fout', 'waarschuwing', 'info'];
const PRIORITY = /(<(?:[\w.-]+:)?cfRule\b(?:[^>"']|"[^"]*"|'[^']*')*?\spriority\s*=\s*["'])(\d+)(["'])/g;

/** The formula texts of a cfRule element. */
function ruleFormulas(xml: string, rule: ElementSpan): string[] {
  return childrenOf(xml, rule)
    .filter((c) => c.name === 'formula' && !c.selfClosing)
    .map((c) => xml.slice(c.openEnd, c.closeStart));
}

function shiftPriorities(ws: WorksheetXml, by: number): void {
  if (by === 0) return;
  ws.tail = ws.tail.replace(PRIORITY, (_m, a: string, n: string, b: string) => `${a}${Number(n) + by}${b}`);
}

function priorities(ws: WorksheetXml): number[] {
  return [...ws.tail.matchAll(PRIORITY)].map((m) => Number(m[2]));
}

/** Whether the sheet holds a conditional format of ours. */
export function hasMarkRules(ws: WorksheetXml): boolean {
  return ws.findAll('conditionalFormatting').some((cf) => /reintegratie-markering/.test(cf.text));
}

/** Removes every rule of ours (and a conditional format left without rules); returns how many rules were removed. */
export function removeMarkRules(ws: WorksheetXml): number {
  let removed = 0;
  for (;;) {
    const formats = ws.findAll('conditionalFormatting').reverse();
    let edited = false;
    for (const cf of formats) {
      const rules = childrenOf(cf.text, { ...cf.span, start: 0, end: cf.text.length, openEnd: cf.span.openEnd - cf.span.start, closeStart: cf.span.closeStart - cf.span.start });
      const ours = rules.filter((r) => r.name === 'cfRule' && ruleFormulas(cf.text, r).some((f) => markFormulaSeverity(f) !== null));
      if (ours.length === 0) continue;
      removed += ours.length;
      if (ours.length === rules.filter((r) => r.name === 'cfRule').length) {
        ws.replace(cf, '');
      } else {
        let text = cf.text;
        for (const rule of ours.reverse()) text = text.slice(0, rule.start) + text.slice(rule.end);
        ws.replace(cf, text);
      }
      edited = true;
      break;
    }
    if (!edited) break;
  }
  // Our rules took the first priorities: the user's rules move back up.
  const left = priorities(ws);
  if (removed > 0 && left.length > 0 && left.every((p) => p > removed)) shiftPriorities(ws, -removed);
  return removed;
}

/** Adds our rules for the marked cells (after removeMarkRules); `dxfOf` gives the differential format of a severity. */
export function addMarkRules(
  ws: WorksheetXml,
  cells: readonly { readonly row: number; readonly col: number; readonly severity: Severity }[],
  dxfOf: (severity: Severity) => number,
): void {
  const used = SEVERITIES.filter((s) => cells.some((c) => c.severity === s));
  if (used.length === 0) return;
  shiftPriorities(ws, used.length);
  const p = ws.prefix;
  let xml = '';
  used.forEach((severity, i) => {
    const sqref = rangeList(cells.filter((c) => c.severity === severity));
    const formula = escapeText(markFormula(severity).slice(1));
    xml +=
      `<${p}conditionalFormatting sqref="${sqref}">` +
      `<${p}cfRule type="expression" dxfId="${dxfOf(severity)}" priority="${i + 1}"><${p}formula>${formula}</${p}formula></${p}cfRule>` +
      `</${p}conditionalFormatting>`;
  });
  ws.insert('conditionalFormatting', xml);
}
