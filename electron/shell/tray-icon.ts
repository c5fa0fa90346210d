import type { TrayState } from './tray-state';

/**
 * The tray icon of each state, drawn in code so nothing has to be found on disk at run time. Each state has its
 * own shape as well as its colour (never colour alone): a play triangle in a green disc while running, an
 * exclamation mark in an amber triangle on alert, a square in a grey disc when stopped.
 */
type Rgba = [number, number, number, number];
type Shape = (x: number, y: number) => boolean;

const GREEN: Rgba = [0x1f, 0x88, 0x3d, 255];
const AMBER: Rgba = [0xf2, 0xcc, 0x60, 255];
const GREY: Rgba = [0x8b, 0x94, 0x9e, 255];
const WHITE: Rgba = [0xff, 0xff, 0xff, 255];
const INK: Rgba = [0x11, 0x11, 0x11, 255];

// Shapes in unit coordinates (0..1 across the icon).
const disc: Shape = (x, y) => (x - 0.5) ** 2 + (y - 0.5) ** 2 <= 0.47 ** 2;
const play: Shape = (x, y) => x >= 0.38 && x <= 0.74 && Math.abs(y - 0.5) <= (0.74 - x) * 0.62;
const square: Shape = (x, y) => x >= 0.33 && x <= 0.67 && y >= 0.33 && y <= 0.67;
const warning: Shape = (x, y) => y <= 0.95 && y >= 0.05 && Math.abs(x - 0.5) <= ((y - 0.05) / 0.9) * 0.5;
const bang: Shape = (x, y) =>
  (Math.abs(x - 0.5) <= 0.06 && y >= 0.34 && y <= 0.7) || (x - 0.5) ** 2 + (y - 0.81) ** 2 <= 0.07 ** 2;

const LAYERS: Record<TrayState, [Shape, Rgba][]> = {
  running: [[disc, GREEN], [play, WHITE]],
  alert: [[warning, AMBER], [bang, INK]],
  stopped: [[disc, GREY], [square, WHITE]],
};

const SUBSAMPLES = 4;

/** Raw pixels, B G R A per pixel (the order nativeImage.createFromBitmap takes), with 4×4 anti-aliasing. */
export function drawTrayIcon(state: TrayState, size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          // The topmost layer that covers this sample gives its colour.
          const hit = LAYERS[state].reduce<Rgba | undefined>((top, [shape, colour]) => (shape(x, y) ? colour : top), undefined);
          if (!hit) continue;
          r += hit[0];
          g += hit[1];
          b += hit[2];
          a += hit[3];
        }
      }
      // Averaging with uncovered samples counted as 0 gives premultiplied alpha, as Skia's native bitmaps are.
      const n = SUBSAMPLES * SUBSAMPLES;
      const i = (py * size + px) * 4;
      pixels[i] = Math.round(b / n);
      pixels[i + 1] = Math.round(g / n);
      pixels[i + 2] = Math.round(r / n);
      pixels[i + 3] = Math.round(a / n);
    }
  }
  return pixels;
}
