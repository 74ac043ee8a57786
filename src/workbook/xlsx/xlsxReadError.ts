/**
 * The one error the .xlsx reader throws. Its `message` is a single Dutch
 * line meant for the user; the caller prefixes the file name.
 */

export type XlsxReadReason =
  /** Not a zip archive at all: empty, random bytes, text, an old .xls or an encrypted workbook. */
  | 'geen-zip'
  /**
   * A zip archive that was cut off: the file starts with a zip signature but
   * its end record is gone, or an entry's data runs past the end of the file.
   * (Cut to fewer than four bytes nothing shows it was a zip: 'geen-zip'.)
   */
  | 'afgebroken'
  /**
   * A part inflates (or claims to inflate) beyond the caps of ReadOptions, is
   * compressed beyond the ratio limit, or inflates to more than its declared
   * size: a zip bomb or a lying archive. Checked while inflating, so nothing
   * beyond a cap is ever held.
   */
  | 'zip-bom'
  /** Honest but too large for this reader (a single XML construct beyond what a string can hold). */
  | 'te-groot'
  /** A zip archive without an Excel workbook in it (a .docx, an .xlsb, any other zip). */
  | 'geen-werkmap'
  /** A sheet with a cell, row or range beyond column XFD or row 1,048,576. */
  | 'buiten-excel-limieten'
  /** The archive is complete but a part is damaged (invalid deflate data, inconsistent sizes, a missing sheet). */
  | 'beschadigd'
  /** The archive uses a zip feature Excel never writes (zip encryption, a compression method other than deflate). */
  | 'niet-ondersteund';

export class XlsxReadError extends Error {
  readonly reason: XlsxReadReason;

  constructor(reason: XlsxReadReason, message: string) {
    // Names from the file (parts, sheets) could hold control characters: keep it one line.
    super(message.replace(/[\u0000-\u001f\u007f]+/g, ' '));
    this.name = 'XlsxReadError';
    this.reason = reason;
  }
}
