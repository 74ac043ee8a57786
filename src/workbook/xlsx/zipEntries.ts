/**
 * The entries of a zip archive held in memory, and their guarded inflation.
 *
 * Only the central directory is trusted for names and offsets (local
 * headers may carry zero sizes when a data descriptor follows). Every entry
 * is inflated in small input steps with a running byte count, so a zip bomb
 * is stopped after at most one step's worth of output beyond a cap; the
 * declared sizes are checked up front as well, but never relied on.
 */

import { Inflate } from 'fflate';
import { concatBytes } from './byteText';
import { XlsxReadError } from './xlsxReadError';

export interface InflateLimits {
  /** Largest inflated size of one entry. */
  readonly maxEntryBytes: number;
  /** Largest inflated size of all entries read from one archive together. */
  readonly maxTotalBytes: number;
  /** Largest inflated:compressed ratio of an entry once it passes `ratioCheckFromBytes`. */
  readonly maxCompressionRatio: number;
  /** Inflated size from which the compression ratio is checked. */
  readonly ratioCheckFromBytes: number;
}

export interface ZipEntry {
  /** The name as stored, with backslashes turned into slashes. */
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
  /** CRC-32 of the inflated bytes, as the central directory gives it. */
  readonly crc32: number;
  /** DOS time and date of last modification, as stored. */
  readonly dosTime: number;
  readonly dosDate: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * Compressed bytes handed to the inflater per step: the first step is
 * small, later ones aim at about STEP_OUTPUT inflated bytes given the ratio
 * seen so far. Deflate cannot expand more than about 1032:1, so one step
 * never yields more than MAX_STEP × 1032 bytes (66 MiB, only if the ratio
 * jumps) before the running count is checked again; a steady bomb gets
 * steps of about STEP_OUTPUT.
 */
const FIRST_STEP = 1024;
const MAX_STEP = 64 * 1024;
const STEP_OUTPUT = 1024 * 1024;
/** Slice size in which stored (uncompressed) entries are handed on. */
const STORED_STEP = 1024 * 1024;

function u16(b: Uint8Array, i: number): number {
  return b[i] | (b[i + 1] << 8);
}

function u32(b: Uint8Array, i: number): number {
  return (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16)) + b[i + 3] * 0x1000000;
}

function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function cutOff(detail: string): XlsxReadError {
  return new XlsxReadError('afgebroken', `het bestand is afgebroken of onvolledig (${detail})`);
}

function damaged(detail: string): XlsxReadError {
  return new XlsxReadError('beschadigd', `het bestand is beschadigd (${detail})`);
}

/** A byte count as people read it: "512 MiB", "64 KiB", "100 bytes". */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MiB`;
  if (n >= 1024) return `${Math.round((n / 1024) * 10) / 10} KiB`;
  return `${n} bytes`;
}

/** Lower-cased, slash-separated, without a leading slash: how part names are compared. */
export function partKey(name: string): string {
  let key = name.replace(/\\/g, '/');
  while (key.startsWith('/')) key = key.slice(1);
  return key.toLowerCase();
}

const utf8 = new TextDecoder('utf-8');

function decodeName(b: Uint8Array, start: number, length: number): string {
  let ascii = true;
  for (let i = start; i < start + length; i++) {
    if (b[i] > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return utf8.decode(b.subarray(start, start + length));
  let s = '';
  for (let i = start; i < start + length; i++) s += String.fromCharCode(b[i]);
  return s;
}

function startsWithOle(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1;
}

interface EndRecord {
  readonly entryCount: number;
  readonly cdSize: number;
  readonly cdOffset: number;
  /** Where the directory must end: the (zip64) end record. */
  readonly cdLimit: number;
}

/**
 * Finds the end of central directory record, following the zip64 locator
 * when the classic record has overflowed fields. Returns undefined when no
 * plausible record is in the file.
 */
function findEndRecord(b: Uint8Array): EndRecord | undefined {
  const last = b.length - END_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let i = last; i >= first; i--) {
    if (b[i] !== 0x50 || u32(b, i) !== SIG_END) continue;
    const commentLength = u16(b, i + 20);
    if (i + END_SIZE + commentLength > b.length) continue;
    let entryCount = u16(b, i + 10);
    let cdSize = u32(b, i + 12);
    let cdOffset = u32(b, i + 16);
    let cdLimit = i;
    if (entryCount === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      const loc = i - 20;
      if (loc < 0 || u32(b, loc) !== SIG_END64_LOCATOR) continue;
      const end64 = u64(b, loc + 8);
      if (end64 + 56 > loc || u32(b, end64) !== SIG_END64) continue;
      entryCount = u64(b, end64 + 32);
      cdSize = u64(b, end64 + 40);
      cdOffset = u64(b, end64 + 48);
      cdLimit = end64;
    }
    if (cdOffset + cdSize > cdLimit) continue;
    return { entryCount, cdSize, cdOffset, cdLimit };
  }
  return undefined;
}

export class ZipArchive {
  private readonly bytes: Uint8Array;
  private readonly limits: InflateLimits;
  private readonly byKey = new Map<string, ZipEntry>();
  private totalInflated = 0;

  private constructor(bytes: Uint8Array, limits: InflateLimits) {
    this.bytes = bytes;
    this.limits = limits;
  }

  /**
   * Reads the central directory. Throws 'geen-zip' for anything that is not
   * a zip archive and 'afgebroken' for a zip archive whose end is missing:
   * a file that starts like a zip (local header signature) but has no end
   * record was cut off.
   */
  static open(bytes: Uint8Array, limits: InflateLimits): ZipArchive {
    if (bytes.length === 0) {
      throw new XlsxReadError('geen-zip', 'het bestand is leeg');
    }
    if (startsWithOle(bytes)) {
      throw new XlsxReadError(
        'geen-zip',
        'het bestand is geen xlsx-werkmap: het is met een wachtwoord versleuteld of een oud Excel-bestand (.xls)',
      );
    }
    const looksLikeZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (u32(bytes, 0) === SIG_LOCAL || u32(bytes, 0) === SIG_END);
    const end = bytes.length >= END_SIZE ? findEndRecord(bytes) : undefined;
    if (end === undefined) {
      if (looksLikeZip) throw cutOff('het einde van het zip-archief ontbreekt');
      throw new XlsxReadError('geen-zip', 'het bestand is geen xlsx-werkmap (geen zip-archief)');
    }
    const archive = new ZipArchive(bytes, limits);
    archive.readDirectory(end);
    return archive;
  }

  private readDirectory(end: EndRecord): void {
    const b = this.bytes;
    const stop = end.cdOffset + end.cdSize;
    let p = end.cdOffset;
    let count = 0;
    while (p < stop) {
      if (p + 46 > stop || u32(b, p) !== SIG_CENTRAL) throw damaged('de inhoudsopgave van het zip-archief klopt niet');
      const flags = u16(b, p + 8);
      const method = u16(b, p + 10);
      const dosTime = u16(b, p + 12);
      const dosDate = u16(b, p + 14);
      const crc32 = u32(b, p + 16);
      let compressedSize = u32(b, p + 20);
      let uncompressedSize = u32(b, p + 24);
      const nameLength = u16(b, p + 28);
      const extraLength = u16(b, p + 30);
      const commentLength = u16(b, p + 32);
      let localHeaderOffset = u32(b, p + 42);
      const next = p + 46 + nameLength + extraLength + commentLength;
      if (next > stop) throw damaged('de inhoudsopgave van het zip-archief klopt niet');
      if (uncompressedSize === 0xffffffff || compressedSize === 0xffffffff || localHeaderOffset === 0xffffffff) {
        let e = p + 46 + nameLength;
        const extraEnd = e + extraLength;
        while (e + 4 <= extraEnd) {
          const id = u16(b, e);
          const size = u16(b, e + 2);
          if (id === 0x0001) {
            let f = e + 4;
            if (uncompressedSize === 0xffffffff && f + 8 <= e + 4 + size) (uncompressedSize = u64(b, f)), (f += 8);
            if (compressedSize === 0xffffffff && f + 8 <= e + 4 + size) (compressedSize = u64(b, f)), (f += 8);
            if (localHeaderOffset === 0xffffffff && f + 8 <= e + 4 + size) localHeaderOffset = u64(b, f);
            break;
          }
          e += 4 + size;
        }
      }
      const name = decodeName(b, p + 46, nameLength).replace(/\\/g, '/');
      const key = partKey(name);
      if (!this.byKey.has(key)) {
        this.byKey.set(key, { name, method, flags, compressedSize, uncompressedSize, localHeaderOffset, crc32, dosTime, dosDate });
      }
      count++;
      p = next;
    }
    // The classic end record counts entries in 16 bits; some writers let it wrap.
    if (count % 0x10000 !== end.entryCount % 0x10000) {
      throw damaged('de inhoudsopgave van het zip-archief klopt niet');
    }
  }

  /** Every entry in directory order (of names that occur twice, the first). */
  entries(): ZipEntry[] {
    return [...this.byKey.values()];
  }

  /**
   * The stored (compressed) bytes of an entry as they are in the archive,
   * for copying the entry unchanged into another archive.
   */
  rawData(entry: ZipEntry): Uint8Array {
    const b = this.bytes;
    const lh = entry.localHeaderOffset;
    if (lh + 30 > b.length) throw cutOff(`onderdeel ${entry.name} ontbreekt`);
    if (u32(b, lh) !== SIG_LOCAL) throw damaged(`onderdeel ${entry.name} is niet te vinden`);
    const dataStart = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    const dataEnd = dataStart + entry.compressedSize;
    if (dataEnd > b.length) throw cutOff(`onderdeel ${entry.name} is onvolledig`);
    return b.subarray(dataStart, dataEnd);
  }

  /** The entry of a part name (case-insensitive, leading slash optional). */
  find(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  /**
   * Inflates an entry and hands its bytes on in pieces, stopping with
   * 'zip-bom' as soon as a cap is passed.
   */
  stream(entry: ZipEntry, onChunk: (chunk: Uint8Array) => void): void {
    const { maxEntryBytes, maxTotalBytes, maxCompressionRatio, ratioCheckFromBytes } = this.limits;
    const b = this.bytes;
    if (entry.flags & 1) {
      throw new XlsxReadError('niet-ondersteund', 'het bestand gebruikt zip-versleuteling; dat kan Excel niet lezen en deze controle ook niet');
    }
    if (entry.method !== 0 && entry.method !== 8) {
      throw new XlsxReadError('niet-ondersteund', `het zip-archief gebruikt een compressiemethode (${entry.method}) die Excel niet schrijft`);
    }
    const declared = entry.uncompressedSize;
    const compressed = entry.compressedSize;
    if (declared > maxEntryBytes) throw bombEntry(maxEntryBytes, 'zou');
    if (this.totalInflated + declared > maxTotalBytes) throw bombTotal(maxTotalBytes, 'zou');
    if (declared > ratioCheckFromBytes && declared > compressed * maxCompressionRatio) throw bombRatio(maxCompressionRatio);

    const lh = entry.localHeaderOffset;
    if (lh + 30 > b.length) throw cutOff(`onderdeel ${entry.name} ontbreekt`);
    if (u32(b, lh) !== SIG_LOCAL) throw damaged(`onderdeel ${entry.name} is niet te vinden`);
    const dataStart = lh + 30 + u16(b, lh + 26) + u16(b, lh + 28);
    const dataEnd = dataStart + compressed;
    if (dataEnd > b.length) throw cutOff(`onderdeel ${entry.name} is onvolledig`);

    if (entry.method === 0) {
      if (compressed !== declared) throw damaged(`de grootte van onderdeel ${entry.name} klopt niet`);
      this.totalInflated += declared;
      for (let p = dataStart; p < dataEnd; p += STORED_STEP) {
        onChunk(b.subarray(p, Math.min(dataEnd, p + STORED_STEP)));
      }
      return;
    }

    if (compressed === 0) {
      if (declared !== 0) throw damaged(`onderdeel ${entry.name} is leeg`);
      return;
    }
    let produced = 0;
    let consumed = 0;
    const inflater = new Inflate((chunk: Uint8Array) => {
      if (chunk.length === 0) return;
      produced += chunk.length;
      this.totalInflated += chunk.length;
      if (produced > maxEntryBytes) throw bombEntry(maxEntryBytes, 'pakt');
      if (this.totalInflated > maxTotalBytes) throw bombTotal(maxTotalBytes, 'pakt');
      if (produced > ratioCheckFromBytes && produced > consumed * maxCompressionRatio) throw bombRatio(maxCompressionRatio);
      if (produced > declared) {
        throw new XlsxReadError(
          'zip-bom',
          `onderdeel ${entry.name} pakt groter uit dan het zip-archief aangeeft (mogelijk een zip-bom)`,
        );
      }
      onChunk(chunk);
    });
    try {
      let step = FIRST_STEP;
      for (let p = dataStart; p < dataEnd; ) {
        const q = Math.min(dataEnd, p + step);
        consumed += q - p;
        inflater.push(b.subarray(p, q), q === dataEnd);
        p = q;
        const ratio = produced / consumed;
        step = Math.max(FIRST_STEP, Math.min(MAX_STEP, Math.floor(STEP_OUTPUT / Math.max(ratio, 1))));
      }
    } catch (error) {
      if (error instanceof XlsxReadError) throw error;
      if (error instanceof RangeError) {
        throw new XlsxReadError('te-groot', `onderdeel ${entry.name} is te groot om te lezen`);
      }
      throw damaged(`onderdeel ${entry.name} is niet uit te pakken`);
    }
    if (produced !== declared) throw damaged(`de grootte van onderdeel ${entry.name} klopt niet`);
  }

  /** The whole inflated entry (for the small parts: workbook, relationships, styles). */
  readBytes(entry: ZipEntry): Uint8Array {
    const chunks: Uint8Array[] = [];
    this.stream(entry, (chunk) => chunks.push(chunk));
    return concatBytes(chunks);
  }
}

function bombEntry(cap: number, verb: 'zou' | 'pakt'): XlsxReadError {
  const what = verb === 'zou' ? 'zou uitpakken tot' : 'pakt uit tot';
  return new XlsxReadError('zip-bom', `een onderdeel van het bestand ${what} meer dan ${formatBytes(cap)} (mogelijk een zip-bom)`);
}

function bombTotal(cap: number, verb: 'zou' | 'pakt'): XlsxReadError {
  const what = verb === 'zou' ? 'zou uitpakken tot' : 'pakt uit tot';
  return new XlsxReadError('zip-bom', `het bestand ${what} meer dan ${formatBytes(cap)} in totaal (mogelijk een zip-bom)`);
}

function bombRatio(ratio: number): XlsxReadError {
  return new XlsxReadError('zip-bom', `een onderdeel van het bestand is meer dan ${ratio} keer samengeperst (mogelijk een zip-bom)`);
}
