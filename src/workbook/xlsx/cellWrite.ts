/**
 * One cell as SpreadsheetML: a number, a boolean, an error, text (always an
 * inline string, so a text that starts with "=" stays text) or a formula
 * with its cached value.
 */

import { isCellError, isUncalculatedFormula, type RawValue } from '../../engine/grid';
import { isCellSpec, type CellInput } from '../port';
import { cellText, escapeText, textElement } from './xmlWrite';

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

function numberText(n: number): string | undefined {
  return Number.isFinite(n) ? String(n) : undefined;
}

/** The value and formula of a cell input. */
export function cellContent(input: CellInput): { value: RawValue; formula?: string } {
  if (!isCellSpec(input)) return { value: input };
  return { value: input.value ?? null, formula: input.formula };
}

/**
 * The `<c>` element of a cell, or '' when there is nothing to write (no
 * value, no formula, no style). `style` is the cellXfs index (0 for none).
 */
export function cellElement(prefix: string, ref: string, input: CellInput, style: number): string {
  const { value, formula } = cellContent(input);
  const p = prefix;
  const s = style > 0 ? ` s="${style}"` : '';
  let f = '';
  if (formula !== undefined && formula.replace(/^=/, '').trim() !== '') {
    f = `<${p}f>${escapeText(formula.replace(/^=/, ''))}</${p}f>`;
  } else if (isUncalculatedFormula(value) && value.error.length > 1) {
    return `<${p}c r="${ref}"${s}><${p}f>${escapeText(value.error.slice(1))}</${p}f></${p}c>`;
  }
  if (value === null || value === undefined) {
    if (f !== '') return `<${p}c r="${ref}"${s}>${f}</${p}c>`;
    return s === '' ? '' : `<${p}c r="${ref}"${s}/>`;
  }
  if (typeof value === 'number') {
    const text = numberText(value);
    if (text === undefined) return `<${p}c r="${ref}"${s} t="e">${f}<${p}v>#NUM!</${p}v></${p}c>`;
    return `<${p}c r="${ref}"${s}>${f}<${p}v>${text}</${p}v></${p}c>`;
  }
  if (typeof value === 'boolean') return `<${p}c r="${ref}"${s} t="b">${f}<${p}v>${value ? 1 : 0}</${p}v></${p}c>`;
  if (isCellError(value)) return `<${p}c r="${ref}"${s} t="e">${f}<${p}v>${escapeText(value.error)}</${p}v></${p}c>`;
  const text = value.length > MAX_CELL_TEXT ? value.slice(0, MAX_CELL_TEXT - 1) + '…' : value;
  // A formula's text result is a cached value (t="str"); plain text is an inline string, never a formula.
  if (f !== '') return `<${p}c r="${ref}"${s} t="str">${f}<${p}v>${cellText(text)}</${p}v></${p}c>`;
  return `<${p}c r="${ref}"${s} t="inlineStr"><${p}is>${textElement(text, p)}</${p}is></${p}c>`;
}
