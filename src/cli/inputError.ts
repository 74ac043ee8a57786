/**
 * Input the command line cannot use (missing file, not a workbook, invalid
 * profile): one Dutch line on stderr and exit status 2, never a stack trace.
 */
export class InputError extends Error {}
