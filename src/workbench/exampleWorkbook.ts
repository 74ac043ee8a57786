/**
 * The bundled example submission, inlined into the page (no request, so it
 * also opens from disk).
 */
import exampleUrl from '../../examples/inzending-noord-kennemerland.xlsx';

export const EXAMPLE_NAME = 'inzending-noord-kennemerland.xlsx';

/** The bytes of a base64 data URL. */
export function dataUrlBytes(url: string): Uint8Array {
  const comma = url.indexOf(',');
  const binary = atob(url.slice(comma + 1));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function exampleBytes(): Uint8Array {
  return dataUrlBytes(exampleUrl);
}
