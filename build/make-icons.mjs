// Draws the app icon into build/icon.png (512 × 512), with Node alone: electron-builder makes the Windows .ico and
// the Linux sizes from it. Run `node build/make-icons.mjs` after changing the drawing; the PNG is committed.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stdout } from 'node:process';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SUBSAMPLES = 4;

const BACKGROUND = [0x0d, 0x11, 0x17];
const CARD = [0x58, 0xa6, 0xff];
const CHIP = [0xf2, 0xcc, 0x60];
const INK = [0x0d, 0x11, 0x17];
const TICK = [0x3f, 0xb9, 0x50];

/** Inside a rectangle with rounded corners, all in unit coordinates. */
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const disc = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
/** A thick line segment (the tick's strokes). */
const stroke = (ax, ay, bx, by, w) => (x, y) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (w / 2) ** 2;
};

// A card with its chip and two lines of print, and a green tick: a card issued.
const LAYERS = [
  [roundRect(0.02, 0.02, 0.98, 0.98, 0.18), BACKGROUND],
  [roundRect(0.12, 0.24, 0.88, 0.76, 0.06), CARD],
  [roundRect(0.2, 0.36, 0.36, 0.5, 0.02), CHIP],
  [roundRect(0.2, 0.58, 0.62, 0.63, 0.02), INK],
  [roundRect(0.2, 0.66, 0.5, 0.7, 0.02), INK],
  [disc(0.74, 0.72, 0.17), BACKGROUND],
  [disc(0.74, 0.72, 0.14), TICK],
  [stroke(0.665, 0.72, 0.72, 0.775, 0.045), [255, 255, 255]],
  [stroke(0.72, 0.775, 0.815, 0.665, 0.045), [255, 255, 255]],
];

function draw() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / SIZE;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / SIZE;
          let colour;
          for (const [inside, c] of LAYERS) if (inside(x, y)) colour = c;
          if (!colour) continue;
          sum[0] += colour[0];
          sum[1] += colour[1];
          sum[2] += colour[2];
          sum[3] += 255;
        }
      }
      const n = SUBSAMPLES * SUBSAMPLES;
      const i = (py * SIZE + px) * 4;
      const covered = sum[3] / 255;
      // PNG wants straight (not premultiplied) alpha.
      rgba[i] = covered ? Math.round(sum[0] / covered) : 0;
      rgba[i + 1] = covered ? Math.round(sum[1] / covered) : 0;
      rgba[i + 2] = covered ? Math.round(sum[2] / covered) : 0;
      rgba[i + 3] = Math.round(sum[3] / n);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
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

function png(rgba, width, height) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  // Each scanline starts with its filter type, 0 (none).
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = join(dirname(fileURLToPath(import.meta.url)), 'icon.png');
writeFileSync(out, png(draw(), SIZE, SIZE));
stdout.write(`wrote ${out}\n`);
