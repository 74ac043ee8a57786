/**
 * The work of Vergelijken that needs the xlsx codec: opening the chosen
 * files, and writing the comparison as a new workbook. The section loads
 * this module when it is first used (a chunk of its own in the add-in), so
 * the pane starts without the codec.
 */
import { MemoryWorkbook } from '../../workbook/memory/memoryWorkbook';
import type { SheetSpec } from '../../workbook/port';
import { xlsxCodec } from '../../workbook/xlsx/xlsxCodec';

export { compareWorkbookFiles, putComparisonSheets, sheetsReplaced } from '../../workbook/flows/comparisonFlow';

/** A new workbook of these sheets, as .xlsx bytes. */
export async function workbookOf(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const workbook = MemoryWorkbook.fromSheets([], { codec: xlsxCodec });
  for (const sheet of sheets) await workbook.putSheet(sheet);
  return workbook.toXlsx();
}
