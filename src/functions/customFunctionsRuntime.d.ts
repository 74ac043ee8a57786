/**
 * The global of Excel's custom functions runtime, as far as the REINT
 * functions use it (the runtime provides it; tests stub it). Declared here
 * because no installed typings carry it.
 */
declare namespace CustomFunctions {
  /** Registers a function under its id (the metadata plugin appends these calls to functions.ts). */
  function associate(id: string, functionObject: (...args: never[]) => unknown): void;

  /** An error value with a message that Excel shows for #VALUE! and #N/A. */
  class Error {
    constructor(errorCode?: ErrorCode, errorMessage?: string);
    code: ErrorCode;
    message?: string;
  }

  enum ErrorCode {
    invalidValue = '#VALUE!',
    notAvailable = '#N/A',
    divisionByZero = '#DIV/0!',
    invalidNumber = '#NUM!',
    nullReference = '#NULL!',
    invalidName = '#NAME?',
    invalidReference = '#REF!',
  }
}
