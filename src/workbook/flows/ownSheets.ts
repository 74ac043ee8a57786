/**
 * The sheets this program writes into a workbook: the Controle sheet (the
 * findings of a check) and the hidden Logboek (every fix). A check skips
 * them, recognised by their content rather than their name (a copy may call
 * the Controle sheet "Controle (2)", a user may rename it).
 */
import { CONTROL_COLUMNS } from '../../engine/findingPresentation';
import type { RawValue, SheetData } from '../../engine/grid';

export const CONTROL_SHEET = 'Controle';
export const LOG_SHEET = 'Logboek';

/** 0-based row of the Controle sheet's column headers; findings follow below it. */
export const CONTROL_HEADER_ROW = 3;
export const CONTROL_TITLE_PREFIX = 'Controle van ';

/** The Logboek's columns (its first row). */
export const LOG_COLUMNS = ['Tijd', 'Blad', 'Cel', 'Oude waarde', 'Nieuwe waarde', 'Regel', 'Handeling'] as const;

export type OwnSheetKind = 'controle' | 'logboek';

export const OWN_SHEET_LABELS: Readonly<Record<OwnSheetKind, string>> = {
  controle: 'controleblad',
  logboek: 'logboek van de correcties',
};

function rowEquals(row: readonly RawValue[] | undefined, labels: readonly string[]): boolean {
  if (row === undefined) return false;
  for (let i = 0; i < labels.length; i++) if (row[i] !== labels[i]) return false;
  return true;
}

/** Whether a sheet is one of ours, and which. */
export function ownSheetKind(sheet: SheetData): OwnSheetKind | null {
  const title = sheet.values[0]?.[0];
  if (
    typeof title === 'string' &&
    title.startsWith(CONTROL_TITLE_PREFIX) &&
    rowEquals(sheet.values[CONTROL_HEADER_ROW], CONTROL_COLUMNS.map((c) => c.label))
  ) {
    return 'controle';
  }
  if (rowEquals(sheet.values[0], LOG_COLUMNS)) return 'logboek';
  return null;
}
