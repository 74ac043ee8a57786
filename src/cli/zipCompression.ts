/**
 * Node's zlib as the xlsx codec's compressor: several times faster than
 * the portable fflate (a marked copy with hundreds of thousands of notes
 * has hundreds of megabytes of XML to deflate).
 */
import { deflateRawSync } from 'node:zlib';
import * as zlib from 'node:zlib';
import { crc32 } from '../workbook/xlsx/crc32';
import { XlsxCodec } from '../workbook/xlsx/xlsxCodec';
import type { Compressor } from '../workbook/xlsx/zipWriter';

type Crc32 = (data: Uint8Array, value?: number) => number;
/** zlib.crc32 exists from Node 20.15 and 22.2; older versions use ours. */
const nodeCrc32 = (zlib as unknown as { crc32?: Crc32 }).crc32;

export const ZLIB_COMPRESSOR: Compressor = {
  deflate(content) {
    const data = content.length === 1 ? content[0] : Buffer.concat(content.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
    const crc = nodeCrc32 !== undefined ? nodeCrc32(data) >>> 0 : crc32(data);
    // Level 6 for ordinary parts; the very large ones (notes of hundreds of thousands of cells) at level 1, five times faster.
    const level = data.length > 32 * 1024 * 1024 ? 1 : 6;
    return { data: deflateRawSync(data, { level }), crc, size: data.length };
  },
};

/** The package codec of the command line: the portable codec with Node's zlib. */
export const fileCodec = new XlsxCodec({ compressor: ZLIB_COMPRESSOR });
