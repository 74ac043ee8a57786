/**
 * An error as one Dutch sentence for the pane. Our own errors already are
 * (profile, stored state, reader, flows); anything else is shown with what
 * it says, so nothing is hidden, and named as unexpected.
 */
import { ProfileError } from '../../definitions/profile';
import { StoredStateError } from '../../workbook/storedState';

function sentence(text: string): string {
  const t = text.trim();
  if (t === '') return t;
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

export function errorText(error: unknown): string {
  if (error instanceof ProfileError || error instanceof StoredStateError) return sentence(error.message);
  if (error instanceof Error) {
    // Dutch messages of our own code (the port, the flows, the reader) are shown as they are.
    if (error.name === 'Error' || error.name === 'CancelledError' || error.name === 'XlsxReadError' || error.name === 'ScanScopeError') return sentence(error.message);
    return `Onverwachte fout (${error.name}): ${sentence(error.message)}`;
  }
  return `Onverwachte fout: ${String(error)}`;
}
