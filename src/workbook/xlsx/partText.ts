/**
 * The text of a zip entry: whole for the small parts, in decoded pieces for
 * the large ones (sheets, shared strings) so that no part is ever held as a
 * single byte array or string.
 */

import { XlsxReadError } from './xlsxReadError';
import { ZipArchive, ZipEntry } from './zipEntries';

/** The encoding of an XML part from its first bytes (BOM or `<` pattern); UTF-8 unless told otherwise. */
function sniffEncoding(first: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (first.length >= 2) {
    if (first[0] === 0xff && first[1] === 0xfe) return 'utf-16le';
    if (first[0] === 0xfe && first[1] === 0xff) return 'utf-16be';
    if (first[0] === 0x3c && first[1] === 0x00) return 'utf-16le';
    if (first[0] === 0x00 && first[1] === 0x3c) return 'utf-16be';
  }
  return 'utf-8';
}

/** Hands the text of an entry on in pieces, as it is inflated. */
export function streamText(zip: ZipArchive, entry: ZipEntry, onText: (text: string) => void): void {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  zip.stream(entry, (chunk) => {
    if (decoder === undefined) decoder = new TextDecoder(sniffEncoding(chunk));
    const text = decoder.decode(chunk, { stream: true });
    if (text.length > 0) onText(text);
  });
  if (decoder !== undefined) {
    const rest = decoder.decode();
    if (rest.length > 0) onText(rest);
  }
}

/**
 * Hands the bytes of an entry on as UTF-8, in pieces as it is inflated (a
 * UTF-16 part is re-encoded).
 */
export function streamUtf8(zip: ZipArchive, entry: ZipEntry, onBytes: (bytes: Uint8Array) => void): void {
  let decoder: InstanceType<typeof TextDecoder> | undefined;
  let encoder: InstanceType<typeof TextEncoder> | undefined;
  let first = true;
  zip.stream(entry, (chunk) => {
    if (first) {
      first = false;
      const encoding = sniffEncoding(chunk);
      if (encoding !== 'utf-8') {
        decoder = new TextDecoder(encoding);
        encoder = new TextEncoder();
      }
    }
    if (decoder === undefined || encoder === undefined) onBytes(chunk);
    else onBytes(encoder.encode(decoder.decode(chunk, { stream: true })));
  });
  if (decoder !== undefined && encoder !== undefined) {
    const rest = decoder.decode();
    if (rest.length > 0) onBytes(encoder.encode(rest));
  }
}

/** The whole text of an entry. */
export function readText(zip: ZipArchive, entry: ZipEntry): string {
  const bytes = zip.readBytes(entry);
  try {
    return new TextDecoder(sniffEncoding(bytes)).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new XlsxReadError('te-groot', `onderdeel ${entry.name} is te groot om te lezen`);
    }
    throw error;
  }
}
