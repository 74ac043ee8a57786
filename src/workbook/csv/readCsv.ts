/**
 * A CSV export (a vendor's case-management system writes one as often as a
 * workbook) as a workbook of one sheet, for `omzetten`. Every value stays
 * text, as written (a client number "000123" is not a number); the mapping
 * reads text dates and numbers with a decimal comma as the checker does.
 *
 * The separator is the one of `;`, `,` and tab that splits the first line
 * into the most fields (Dutch Excel writes `;`). Fields in double quotes may
 * hold separators, line breaks and doubled quotes. Lines end in LF or CRLF.
 */
import type { RawValue, SheetData, WorkbookData } from '../../engine/grid';

/** The name of the one sheet: the same for every period's file, so a saved mapping finds it again. */
export const CSV_SHEET = 'CSV';

const SEPARATORS = [';', ',', '\t'] as const;

/** The separator that splits the first line (outside quotes) into the most fields; `;` on a tie. */
export function csvSeparator(text: string): string {
  let best: string = ';';
  let bestCount = -1;
  for (const separator of SEPARATORS) {
    let count = 0;
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '\n' || c === '\r')) break;
      else if (!quoted && c === separator) count++;
    }
    if (count > bestCount) {
      best = separator;
      bestCount = count;
    }
  }
  return best;
}

/** The rows of a CSV text; an empty field is null. */
export function parseCsv(text: string, separator: string = csvSeparator(text)): RawValue[][] {
  const rows: RawValue[][] = [];
  let row: RawValue[] = [];
  let field = '';
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(field === '' && !wasQuoted ? null : field);
    field = '';
    wasQuoted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c !== '"') field += c;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (c === '"' && field === '') {
      quoted = true;
      wasQuoted = true;
    } else if (c === separator) endField();
    else if (c === '\n') endRow();
    else if (c === '\r' && text[i + 1] === '\n') {
      endRow();
      i++;
    } else field += c;
  }
  // The last line, unless the text ended with its line break.
  if (field !== '' || wasQuoted || row.length > 0) endRow();
  return rows;
}

/** A CSV text as a workbook of one sheet named CSV_SHEET. */
export function readCsv(text: string): WorkbookData {
  const sheet: SheetData = { name: CSV_SHEET, values: parseCsv(text) };
  return { sheets: [sheet], dateSystem: 1900 };
}
