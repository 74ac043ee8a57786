/**
 * What the report template tells a user about each column of the client
 * table: the input message shown when a cell is selected (the column's help
 * and its term's effective definition, shortened to Excel's limits) and the
 * message shown when a value is refused. All derived from the format and
 * the definition set.
 */
import type { Column } from '../../definitions/formatSchema';
import type { EffectiveDefinitions } from '../../definitions/profile';
import type { ReportFormat } from '../../definitions/reportFormat';
import { formatSerial } from '../excelDate';
import { deviationSentences, shorten } from './definitionText';
import { earliestSerial } from './managementFormulas';

/** Excel's limits for a data validation's texts. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;

export interface Message {
  readonly title: string;
  readonly message: string;
}

/**
 * The input message of a column: its help, what the profile changes in its
 * term (first, so it survives the shortening), then the term's definition.
 */
export function columnPrompt(column: Column, defs: EffectiveDefinitions): Message {
  const term = column.term !== null ? defs.byId.get(column.term) : undefined;
  const parts = [column.help];
  if (term !== undefined) parts.push(...deviationSentences(term, defs), `${capitalise(term.term)}: ${term.definition}`);
  return { title: shorten(column.header, PROMPT_TITLE_MAX), message: shorten(parts.join(' '), PROMPT_MESSAGE_MAX) };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function number(value: number): string {
  return String(value).replace('.', ',');
}

/** "meer dan 0 en hoogstens 60", as the checker says it. */
export function rangeWords(column: Column): string {
  const low = column.min === undefined ? '' : column.minExclusive ? `meer dan ${number(column.min)}` : `${number(column.min)} of meer`;
  const high = column.max === undefined ? '' : `hoogstens ${number(column.max)}`;
  return [low, high].filter((s) => s !== '').join(' en ');
}

/** The message for a refused date. */
export function dateError(format: ReportFormat): Message {
  return { title: 'Ongeldige datum', message: `Vul een datum in als dd-mm-jjjj, niet voor ${formatSerial(earliestSerial(format))}.` };
}

/** The message for a refused value, or null for columns that refuse nothing (text). */
export function columnError(column: Column, format: ReportFormat, listValues?: readonly string[]): Message | null {
  const yesNo = format.data.yesNo;
  switch (column.type) {
    case 'code':
    case 'position':
      return {
        title: shorten(`Ongeldige ${column.header.toLowerCase()}`, PROMPT_TITLE_MAX),
        message: shorten(`Kies een waarde uit de lijst: ${(listValues ?? []).join(', ')}.`, PROMPT_MESSAGE_MAX),
      };
    case 'yesNo':
      return { title: 'Ja of Nee', message: `Kies ${yesNo.yes.code} of ${yesNo.no.code}.` };
    case 'date':
      return dateError(format);
    case 'number':
      return { title: 'Ongeldig getal', message: shorten(`Vul een getal in: ${rangeWords(column)}.`, PROMPT_MESSAGE_MAX) };
    case 'duration': {
      const words = column.indefinite ?? [];
      const indefinite = words.length > 0 ? ` of ${words[0]}` : '';
      return {
        title: 'Ongeldige duur',
        message: shorten(`Vul het aantal maanden in (${rangeWords(column)})${indefinite}.`, PROMPT_MESSAGE_MAX),
      };
    }
    default:
      return null;
  }
}
