/**
 * What a mark looks like and how every adapter recognises its own marks, so
 * that a copy marked by the command line can be cleared in Excel and the
 * other way round.
 *
 * A mark is a conditional format over the flagged cell (a rule that is
 * always true, in the severity's colours) plus our part of the cell's note.
 * A conditional format leaves the cell's own style untouched, so clearing
 * the marks restores the user's formatting exactly without recording
 * anything; the rule's formula carries a signature by which we find our own
 * rules again. Our note text starts with NOTE_HEADING; a user's note that
 * was there first is kept in front of it and is all that remains on clear.
 */
import type { Severity } from '../engine/findings';

export interface MarkStyle {
  /** Fill colour, RRGGBB. */
  readonly fill: string;
  /** Font colour, RRGGBB (contrast at least 4.5:1 on the fill). */
  readonly font: string;
}

/** Excel's own "bad", "neutral" and a light blue: recognisable, readable, and not meaning by colour alone (the note says it). */
export const MARK_STYLES: Readonly<Record<Severity, MarkStyle>> = {
  fout: { fill: 'FFC7CE', font: '9C0006' },
  waarschuwing: { fill: 'FFEB9C', font: '7A4700' },
  info: { fill: 'DDEBF7', font: '1F3864' },
};

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { fout: 0, waarschuwing: 1, info: 2 };

export const NOTE_HEADING = 'Controle definitieset re-integratie';

/** Separates a user's own note from ours. */
const NOTE_SEPARATOR = '\n\n';

const SIGNATURE = 'reintegratie-markering';

/**
 * The formula of our conditional format for a severity: always true, and
 * recognisable by its text. (N of a text is 0, so the comparison holds.)
 */
export function markFormula(severity: Severity): string {
  return `=N("${SIGNATURE}:${severity}")=0`;
}

/** Whether a conditional-format formula (with or without `=`) is one of ours; gives its severity. */
export function markFormulaSeverity(formula: string): Severity | null {
  const m = /N\("reintegratie-markering:(fout|waarschuwing|info)"\)=0/.exec(formula);
  return m === null ? null : (m[1] as Severity);
}

/** The note of a cell with our text added after the user's own note (ours replaced if there was one). */
export function noteWithMark(existing: string | null, ours: string): string {
  const own = userNote(existing);
  return own === null ? ours : own + NOTE_SEPARATOR + ours;
}

/** The user's own part of a note: null when the note was ours alone (or absent). */
export function userNote(note: string | null): string | null {
  if (note === null || note === '') return null;
  if (note.startsWith(NOTE_HEADING)) return null;
  const at = note.indexOf(NOTE_SEPARATOR + NOTE_HEADING);
  return at < 0 ? note : note.slice(0, at);
}

/** Whether a note holds a part of ours. */
export function hasOurNote(note: string | null): boolean {
  return note !== null && (note.startsWith(NOTE_HEADING) || note.includes(NOTE_SEPARATOR + NOTE_HEADING));
}
