/**
 * Ribbon commands (webpack entry "commands"; in the shared runtime it runs in
 * the task pane's page, the manifest's FunctionFile). "Markeringen wissen"
 * removes the marks of a check without opening the pane.
 */
import { clearMarks } from '../workbook/flows/markFlow';
import { associateAction, excelHost, officeAvailable, officeReady } from '../workbook/office/officeHost';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';

/** The ribbon button's FunctionName in manifest.xml. */
export const CLEAR_MARKS_ACTION = 'markeringenWissen';

if (officeAvailable()) {
  void officeReady().then(() => {
    associateAction(CLEAR_MARKS_ACTION, async () => {
      await clearMarks(new OfficeWorkbook(excelHost()));
    });
  });
}
