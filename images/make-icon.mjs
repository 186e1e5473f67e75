// Draws images/icon.png (128×128): a page of text with one figure underlined and a footnote badge.
// No dependencies: shapes are signed-distance functions, 4×4 supersampled, written as an RGBA PNG.
//   node images/make-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 128;
const SS = 4; // samples per pixel per axis

// Signed distances (negative inside).
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r), qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const segment = (ax, ay, bx, by, w) => (x, y) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t) - w / 2;
};
const wave = (x0, x1, y0, amp, period, w) => (x, y) => {
  if (x < x0 - w || x > x1 + w) return Infinity;
  const xc = Math.max(x0, Math.min(x1, x));
  return Math.abs(y - (y0 + amp * Math.sin(((xc - x0) / period) * 2 * Math.PI))) - w / 2;
};

const hex = (h, a = 1) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];

// Layers, bottom to top: [shape, colour or (x, y) => colour].
const layers = [
  [roundRect(4, 4, 124, 124, 26), (x, y) => {
    const t = (x + y) / 256; // diagonal gradient
    const a = hex('#163d63'), b = hex('#2b6cb0');
    return a.map((v, i) => (i < 3 ? v + (b[i] - v) * t : 1));
  }],
  [roundRect(26, 18, 94, 110, 7), hex('#000000', 0.18)], // shadow (drawn offset below)
  [roundRect(24, 15, 92, 106, 7), hex('#ffffff')],
  [segment(35, 32, 80, 32, 5), hex('#9aa9b9')],
  [segment(35, 45, 72, 45, 5), hex('#9aa9b9')],
  [segment(35, 58, 52, 58, 5), hex('#9aa9b9')],
  [segment(58, 58, 80, 58, 5), hex('#e0a100')], // the figure being checked
  [wave(58, 80, 64, 1.6, 6, 2), hex('#d1242f')], // its squiggle
  [segment(35, 71, 76, 71, 5), hex('#9aa9b9')],
  [segment(35, 84, 60, 84, 5), hex('#9aa9b9')],
  [circle(92, 92, 23), hex('#ffffff')],
  [circle(92, 92, 19.5), hex('#2da44e')],
  [segment(82, 93, 89, 100, 5.5), hex('#ffffff')], // check mark
  [segment(89, 100, 102, 84, 5.5), hex('#ffffff')],
];

const px = Buffer.alloc(SIZE * SIZE * 4);
for (let y = 0; y < SIZE; y++) {
  for (let x = 0; x < SIZE; x++) {
    let acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const fx = x + (sx + 0.5) / SS, fy = y + (sy + 0.5) / SS;
        let c = [0, 0, 0, 0]; // premultiplied "over" compositing
        for (const [shape, paint] of layers) {
          if (shape(fx, fy) > 0) continue;
          const [r, g, b, a] = typeof paint === 'function' ? paint(fx, fy) : paint;
          c = [r * a + c[0] * (1 - a), g * a + c[1] * (1 - a), b * a + c[2] * (1 - a), a + c[3] * (1 - a)];
        }
        acc = acc.map((v, i) => v + c[i]);
      }
    }
    const n = SS * SS, a = acc[3] / n, o = (y * SIZE + x) * 4;
    px[o] = a ? Math.round(acc[0] / n / a) : 0;
    px[o + 1] = a ? Math.round(acc[1] / n / a) : 0;
    px[o + 2] = a ? Math.round(acc[2] / n / a) : 0;
    px[o + 3] = Math.round(a * 255);
  }
}

// PNG: signature, IHDR, one IDAT of filter-0 scanlines, IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0); ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; ihdr[9] = 6; // 8-bit RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) px.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png');
fs.writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
