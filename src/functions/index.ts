/**
 * The functions bundle (webpack entry "functions"): the REINT functions
 * (registered by the calls the metadata plugin appends to functions.ts) and
 * the start of their runtime, which reads the workbook's profile and date
 * system once through the Office adapter. In the shared runtime this bundle
 * runs in the task pane's page.
 */
import './functions';
import { excelHost, officeAvailable, officeReady } from '../workbook/office/officeHost';
import { OfficeWorkbook } from '../workbook/office/officeWorkbook';
import { startFunctionsRuntime } from './functionsRuntime';

startFunctionsRuntime(
  officeAvailable()
    ? async () => {
        await officeReady();
        const workbook = new OfficeWorkbook(excelHost());
        const stored = await workbook.readStored();
        const { dateSystem } = await workbook.describe();
        return { profile: stored.profile, dateSystem };
      }
    : null,
);
