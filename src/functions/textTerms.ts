/**
 * REINT.TERMEN: the non-conforming words in a text and what to write
 * instead, one row each (a number that contradicts a definition with the
 * engine's message), as the term check finds them.
 */
import { emptyRows } from './functionInputs';
import type { FunctionsContext } from './functionsRuntime';

export function textTerms(ctx: FunctionsContext, text: string): string[][] {
  const rows = ctx
    .matcher()
    .scan(text)
    .map((f) => [f.fragment, f.suggestions.length > 0 ? f.suggestions.join(' of ') : f.message]);
  return rows.length > 0 ? rows : emptyRows(2);
}
