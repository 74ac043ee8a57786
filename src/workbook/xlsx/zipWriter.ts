/**
 * Writes a zip archive from entries that are either copied from another
 * archive as they are stored (compressed bytes, CRC and sizes unchanged, so
 * an untouched part is byte for byte what it was) or new content, deflated
 * here. No Node APIs: bytes in, bytes out.
 */

import { Deflate } from 'fflate';
import { concatBytes } from './byteText';
import { crc32End, crc32Start, crc32Update } from './crc32';
import type { ZipArchive, ZipEntry } from './zipEntries';

/** An entry copied unchanged from a base archive. */
export interface CopiedEntry {
  readonly kind: 'copy';
  readonly name: string;
  readonly from: ZipArchive;
  readonly entry: ZipEntry;
}

/** An entry with new content (pieces joined in order), asked for and deflated when it is written, so large parts are held one at a time. */
export interface NewEntry {
  readonly kind: 'new';
  readonly name: string;
  readonly content: () => readonly Uint8Array[];
}

export type OutputEntry = CopiedEntry | NewEntry;

/**
 * Deflates new content (raw deflate, no header) and gives its CRC-32. A
 * host may bring a faster one than fflate's (Node's zlib: the command line).
 */
export interface Compressor {
  deflate(content: readonly Uint8Array[]): { readonly data: Uint8Array; readonly crc: number; readonly size: number };
}

/** Too large for a zip archive without zip64 (which this writer does not write). */
export class ZipWriteError extends Error {}

const LIMIT = 0xffffffff;
/** 1980-01-01 00:00, what Excel writes for every part. */
const DOS_DATE = 0x0021;
const DOS_TIME = 0;
const UTF8_FLAG = 0x0800;

const encoder = new TextEncoder();

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7e) return false;
  return true;
}

interface Written {
  readonly name: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

function header(w: Written, central: boolean): Uint8Array {
  const h = new Uint8Array((central ? 46 : 30) + w.name.length);
  const v = new DataView(h.buffer);
  let p = 0;
  const u16 = (x: number) => {
    v.setUint16(p, x, true);
    p += 2;
  };
  const u32 = (x: number) => {
    v.setUint32(p, x >>> 0, true);
    p += 4;
  };
  u32(central ? 0x02014b50 : 0x04034b50);
  if (central) u16(20);
  u16(20);
  u16(w.flags);
  u16(w.method);
  u16(w.time);
  u16(w.date);
  u32(w.crc);
  u32(w.compressedSize);
  u32(w.size);
  u16(w.name.length);
  u16(0);
  if (central) {
    u16(0); // comment
    u16(0); // disk
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(w.offset);
  }
  h.set(w.name, p);
  return h;
}

/** fflate's deflate: runs anywhere (browser, Node), about 40 MB/s. */
export const FFLATE_COMPRESSOR: Compressor = { deflate: deflated };

function deflated(content: readonly Uint8Array[]): { data: Uint8Array; crc: number; size: number } {
  const out: Uint8Array[] = [];
  const deflater = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  let crc = crc32Start();
  let size = 0;
  for (const piece of content) {
    crc = crc32Update(crc, piece);
    size += piece.length;
    deflater.push(piece, false);
  }
  deflater.push(new Uint8Array(0), true);
  return { data: concatBytes(out), crc: crc32End(crc), size };
}

/** The archive of the entries, in the order given. */
export function writeZip(entries: readonly OutputEntry[], compressor: Compressor = FFLATE_COMPRESSOR): Uint8Array {
  if (entries.length > 0xffff) throw new ZipWriteError('het pakket heeft te veel onderdelen voor een zip-archief');
  const pieces: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.name);
    const nameFlag = isAscii(e.name) ? 0 : UTF8_FLAG;
    let w: Written;
    let data: Uint8Array;
    if (e.kind === 'copy') {
      data = e.from.rawData(e.entry);
      // Sizes go in the local header, so no data descriptor (bit 3); keep the deflate options (bits 1-2).
      w = {
        name,
        flags: (e.entry.flags & 0x0006) | nameFlag,
        method: e.entry.method,
        time: e.entry.dosTime,
        date: e.entry.dosDate,
        crc: e.entry.crc32,
        compressedSize: data.length,
        size: e.entry.uncompressedSize,
        offset,
      };
    } else {
      const d = compressor.deflate(e.content());
      data = d.data;
      w = { name, flags: nameFlag, method: 8, time: DOS_TIME, date: DOS_DATE, crc: d.crc, compressedSize: data.length, size: d.size, offset };
    }
    if (w.size > LIMIT || w.compressedSize > LIMIT || offset > LIMIT) throw new ZipWriteError(`onderdeel ${e.name} is te groot voor een zip-archief`);
    const local = header(w, false);
    pieces.push(local, data);
    offset += local.length + data.length;
    written.push(w);
  }
  const cdStart = offset;
  for (const w of written) {
    const central = header(w, true);
    pieces.push(central);
    offset += central.length;
  }
  if (offset > LIMIT) throw new ZipWriteError('het pakket is te groot voor een zip-archief');
  const end = new Uint8Array(22);
  const v = new DataView(end.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, written.length, true);
  v.setUint16(10, written.length, true);
  v.setUint32(12, offset - cdStart, true);
  v.setUint32(16, cdStart, true);
  pieces.push(end);
  return concatBytes(pieces);
}
