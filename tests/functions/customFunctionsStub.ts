/**
 * A stand-in for the global that Excel's custom functions runtime provides:
 * CustomFunctions.Error with its codes, and associate (recording what was
 * registered). Installed on globalThis by the tests that call the wrappers.
 */
export class StubCustomFunctionsError extends Error {
  constructor(
    readonly code: string = '#VALUE!',
    message = '',
  ) {
    super(message);
  }
}

export interface CustomFunctionsStub {
  readonly associated: Map<string, (...args: never[]) => unknown>;
}

export function installCustomFunctions(): CustomFunctionsStub {
  const associated = new Map<string, (...args: never[]) => unknown>();
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StubCustomFunctionsError,
    ErrorCode: {
      invalidValue: '#VALUE!',
      notAvailable: '#N/A',
      divisionByZero: '#DIV/0!',
      invalidNumber: '#NUM!',
      nullReference: '#NULL!',
      invalidName: '#NAME?',
      invalidReference: '#REF!',
    },
    associate: (id: string, fn: (...args: never[]) => unknown) => {
      associated.set(id, fn);
    },
  };
  return { associated };
}

/** The error value a call rejected with (fails the test when it resolved). */
export async function errorOf(call: Promise<unknown>): Promise<StubCustomFunctionsError> {
  try {
    const value = await call;
    throw new Error(`expected an error value, got ${JSON.stringify(value)}`);
  } catch (error) {
    if (!(error instanceof StubCustomFunctionsError)) throw error;
    return error;
  }
}
