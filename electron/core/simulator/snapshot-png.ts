import { crc32, deflateSync } from 'node:zlib';

/**
 * The simulated camera's frame: a small PNG of a card (a light card on a dark bed, a photo box, text lines) with the
 * time it was taken written on it, so a trainee sees that each press fetches a new frame. No image library: a PNG is
 * a few chunks around deflated rows.
 */

const WIDTH = 320;
const HEIGHT = 200;

/** 3×5 digits and the separators of an ISO time, one row of three bits per line. */
const GLYPHS: Record<string, readonly number[]> = {
  '0': [7, 5, 5, 5, 7],
  '1': [2, 6, 2, 2, 7],
  '2': [7, 1, 7, 4, 7],
  '3': [7, 1, 7, 1, 7],
  '4': [5, 5, 7, 1, 1],
  '5': [7, 4, 7, 1, 7],
  '6': [7, 4, 7, 5, 7],
  '7': [7, 1, 1, 1, 1],
  '8': [7, 5, 7, 5, 7],
  '9': [7, 5, 7, 1, 7],
  ':': [0, 2, 0, 2, 0],
  '-': [0, 0, 7, 0, 0],
  ' ': [0, 0, 0, 0, 0],
};

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A grey-level picture of a card with `at` (its first 19 characters, `YYYY-MM-DD HH:MM:SS`) written on it. */
export function cardSnapshotPng(at: Date): Buffer {
  const pixels = Buffer.alloc(WIDTH * HEIGHT, 40);
  const fill = (x0: number, y0: number, w: number, h: number, v: number) => {
    for (let y = y0; y < y0 + h; y++) pixels.fill(v, y * WIDTH + x0, y * WIDTH + x0 + w);
  };
  fill(20, 20, 280, 160, 235); // the card
  fill(36, 40, 64, 80, 150); // its photo box
  for (let line = 0; line < 4; line++) fill(116, 44 + line * 18, 150 - line * 20, 8, 120);
  const text = at.toISOString().slice(0, 19).replace('T', ' ');
  const scale = 3;
  [...text].forEach((ch, i) => {
    const rows = GLYPHS[ch] ?? GLYPHS[' '];
    rows?.forEach((bits, row) => {
      for (let col = 0; col < 3; col++) if (bits & (4 >> col)) fill(36 + i * 4 * scale + col * scale, 140 + row * scale, scale, scale, 20);
    });
  });
  const raw = Buffer.alloc((WIDTH + 1) * HEIGHT);
  for (let y = 0; y < HEIGHT; y++) pixels.copy(raw, y * (WIDTH + 1) + 1, y * WIDTH, (y + 1) * WIDTH);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(WIDTH, 0);
  header.writeUInt32BE(HEIGHT, 4);
  header.writeUInt8(8, 8); // bit depth
  header.writeUInt8(0, 9); // grey
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
