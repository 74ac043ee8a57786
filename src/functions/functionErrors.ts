/**
 * Errors of the REINT functions. The logic modules throw a FunctionInputError
 * with a Dutch message; the wrappers turn it into the runtime's
 * CustomFunctions.Error (#VALUE! for input that cannot be used, #N/A for
 * something that is not there), which Excel shows with the message. Any
 * other error is a bug and is not dressed up as an input error.
 */
import { ProfileError } from '../definitions/profile';

export type FunctionErrorKind = 'ongeldig' | 'nietBeschikbaar';

export class FunctionInputError extends Error {
  constructor(
    readonly kind: FunctionErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'FunctionInputError';
  }
}

export const invalid = (message: string): FunctionInputError => new FunctionInputError('ongeldig', message);
export const notAvailable = (message: string): FunctionInputError => new FunctionInputError('nietBeschikbaar', message);

/** Excel shows at most this many characters of an error's message. */
const MAX_MESSAGE = 255;

function shorten(message: string): string {
  return message.length <= MAX_MESSAGE ? message : `${message.slice(0, MAX_MESSAGE - 1)}…`;
}

/** The runtime's error for an input error (or a profile that cannot be used); anything else is returned as it is. */
export function toCustomFunctionsError(error: unknown): unknown {
  if (error instanceof FunctionInputError) {
    const code = error.kind === 'ongeldig' ? CustomFunctions.ErrorCode.invalidValue : CustomFunctions.ErrorCode.notAvailable;
    return new CustomFunctions.Error(code, shorten(error.message));
  }
  if (error instanceof ProfileError) return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, shorten(error.message));
  return error;
}

/** Runs a function's logic; input errors become the runtime's error values. */
export async function answer<T>(compute: () => T | Promise<T>): Promise<T> {
  try {
    return await compute();
  } catch (error) {
    throw toCustomFunctionsError(error);
  }
}
