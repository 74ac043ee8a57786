/**
 * Text from a submitted file (cell values, sheet and profile names, file
 * names) shown in a terminal: control characters are shown escaped, so a
 * file cannot recolour, move or hide what the analyst reads.
 */

// C0 controls but tab and newline, DEL, and the C1 controls (U+0080–U+009F, among them the 8-bit CSI).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The text with every control character shown as \xHH (tab and line break are left to the caller). */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (ch) => `\\x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** One line for the terminal: controls escaped, line breaks shown as ⏎ and tabs as spaces. */
export function terminalLine(text: string): string {
  return terminalSafe(text.replace(/\r?\n|\r/g, '⏎').replace(/\t/g, ' '));
}
