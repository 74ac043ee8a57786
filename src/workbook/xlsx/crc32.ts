/**
 * CRC-32 (the zip polynomial), slicing by eight bytes: fast enough to
 * checksum a 100 MiB sheet part in well under a second.
 */

const TABLES: Int32Array[] = (() => {
  const tables: Int32Array[] = [];
  const t0 = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t0[n] = c;
  }
  tables.push(t0);
  for (let t = 1; t < 8; t++) {
    const prev = tables[t - 1];
    const next = new Int32Array(256);
    for (let n = 0; n < 256; n++) next[n] = (prev[n] >>> 8) ^ t0[prev[n] & 0xff];
    tables.push(next);
  }
  return tables;
})();

/** Continues a CRC-32 over more bytes; start with crc32Start() and end with crc32End(). */
export function crc32Update(crc: number, b: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let c = crc;
  let i = 0;
  const n = b.length;
  const fast = n - 8;
  for (; i <= fast; i += 8) {
    const lo = c ^ (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24));
    c =
      t7[lo & 0xff] ^
      t6[(lo >>> 8) & 0xff] ^
      t5[(lo >>> 16) & 0xff] ^
      t4[lo >>> 24] ^
      t3[b[i + 4]] ^
      t2[b[i + 5]] ^
      t1[b[i + 6]] ^
      t0[b[i + 7]];
  }
  for (; i < n; i++) c = t0[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export const crc32Start = (): number => -1;
export const crc32End = (crc: number): number => (crc ^ -1) >>> 0;

/** The CRC-32 of some bytes. */
export function crc32(b: Uint8Array): number {
  return crc32End(crc32Update(crc32Start(), b));
}
