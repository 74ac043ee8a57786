#!/usr/bin/env node
/**
 * Draws the add-in's icon in the sizes Office asks for (16, 32, 80 for the
 * ribbon, 32 and 64 for the add-in's own icon, 128 for catalogues) and
 * writes assets/icon-<size>.png. No dependencies: the pixels are computed
 * (a rounded square in Fluent's brand blue with a white check mark,
 * anti-aliased by 4×4 supersampling) and written as a PNG with Node's zlib.
 *
 *   node scripts/generate-icons.js        # (re)writes assets/icon-*.png
 *
 * The PNGs are committed; run this after changing the drawing.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189]; // #0F6CBD
const WHITE = [255, 255, 255];

/** Coverage (0..1) of the icon shape and of the check mark at a point in unit coordinates. */
function shapes(x, y) {
  // Rounded square with a margin of 4% and corner radius of 18%.
  const m = 0.04;
  const r = 0.18;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  const inSquare = x >= m && x <= 1 - m && y >= m && y <= 1 - m && (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  // Check mark: two thick segments.
  const width = 0.11;
  const a = [0.26, 0.52];
  const b = [0.43, 0.69];
  const c = [0.75, 0.33];
  const inCheck = distance([x, y], a, b) <= width / 2 || distance([x, y], b, c) <= width / 2;
  return { inSquare, inCheck };
}

function distance(p, a, b) {
  const [px, py] = p;
  const [ax, ay] = a;
  const [bx, by] = b;
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function pixels(size) {
  const out = Buffer.alloc(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const { inSquare, inCheck } = shapes((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (inSquare) {
            square++;
            if (inCheck) check++;
          }
        }
      }
      const alpha = square / (S * S);
      const white = square === 0 ? 0 : check / square;
      const i = (py * size + px) * 4;
      for (let k = 0; k < 3; k++) out[i + k] = Math.round(BLUE[k] * (1 - white) + WHITE[k] * white);
      out[i + 3] = Math.round(alpha * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function png(size) {
  const rgba = pixels(size);
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // no filter
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) fs.writeFileSync(path.join(dir, `icon-${size}.png`), png(size));
  console.log(`Pictogrammen geschreven: ${SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
}

module.exports = { png, SIZES };
