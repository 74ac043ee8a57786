/**
 * The workbook part (xl/workbook.xml): the sheets in workbook order and the
 * date system.
 */

import { forEachTag } from './xmlText';

export interface WorkbookSheet {
  readonly name: string;
  /** The relationship id (r:id) of the sheet's part. */
  readonly relationshipId: string | undefined;
  /** 'visible', 'hidden' or 'veryHidden'. */
  readonly state: string;
}

export interface WorkbookInfo {
  readonly sheets: readonly WorkbookSheet[];
  /** True when the workbook uses the 1904 date system. */
  readonly date1904: boolean;
  /** Index (among all sheets, chart sheets included) of the sheet shown when the workbook opens. */
  readonly activeTab: number;
}

export function parseWorkbook(xml: string): WorkbookInfo {
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  let inSheets = false;
  let activeTab = -1;
  forEachTag(xml, (tag) => {
    switch (tag.name) {
      case 'workbookPr': {
        if (tag.closing) break;
        const value = (tag.attrs.date1904 ?? '').trim().toLowerCase();
        date1904 = value === '1' || value === 'true';
        break;
      }
      case 'workbookView': {
        // The first view is the one Excel shows.
        if (tag.closing || activeTab >= 0) break;
        const tab = Number((tag.attrs.activeTab ?? '0').trim());
        activeTab = Number.isInteger(tab) && tab >= 0 ? tab : 0;
        break;
      }
      case 'sheets':
        inSheets = !tag.closing && !tag.selfClosing;
        break;
      case 'sheet':
        if (inSheets && !tag.closing) {
          sheets.push({
            name: tag.attrs.name ?? `Blad${sheets.length + 1}`,
            relationshipId: tag.attrs.id,
            state: tag.attrs.state ?? 'visible',
          });
        }
        break;
    }
  });
  return { sheets, date1904, activeTab: Math.max(activeTab, 0) };
}
