/**
 * How a series is filled: a colour AND a pattern, so that two outcomes differ for a reader who cannot tell the colours
 * apart, and on a grey print-out. Every pattern is opaque (background then marks): stacked bars paint over each other.
 */
export type PatternKind = 'solid' | 'diagonal' | 'cross' | 'dots' | 'horizontal' | 'vertical' | 'back-diagonal';

export interface Fill {
  colour: string;
  pattern: PatternKind;
}

/** The ink of the marks on a pattern: dark on the light colours the charts use. */
const MARK = '#0d1117';
const TILE = 12;

function drawMarks(ctx: CanvasRenderingContext2D, pattern: PatternKind): void {
  ctx.strokeStyle = MARK;
  ctx.fillStyle = MARK;
  ctx.lineWidth = 2;
  const line = (x0: number, y0: number, x1: number, y1: number) => {
    ctx.beginPath();
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
    ctx.stroke();
  };
  switch (pattern) {
    case 'solid':
      return;
    case 'diagonal':
      line(0, TILE, TILE, 0);
      line(-TILE / 2, TILE / 2, TILE / 2, -TILE / 2);
      line(TILE / 2, TILE * 1.5, TILE * 1.5, TILE / 2);
      return;
    case 'back-diagonal':
      line(0, 0, TILE, TILE);
      line(-TILE / 2, TILE / 2, TILE / 2, TILE * 1.5);
      line(TILE / 2, -TILE / 2, TILE * 1.5, TILE / 2);
      return;
    case 'cross':
      line(0, TILE, TILE, 0);
      line(0, 0, TILE, TILE);
      return;
    case 'dots':
      ctx.beginPath();
      ctx.arc(TILE / 2, TILE / 2, 2.2, 0, Math.PI * 2);
      ctx.fill();
      return;
    case 'horizontal':
      line(0, TILE / 2, TILE, TILE / 2);
      return;
    case 'vertical':
      line(TILE / 2, 0, TILE / 2, TILE);
      return;
  }
}

/** Paints the fill over a whole canvas of its own, tile by tile (a legend swatch, or one tile: the pattern's source). */
export function paintTile(canvas: HTMLCanvasElement, fill: Fill): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.fillStyle = fill.colour;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (let x = 0; x < canvas.width; x += TILE) {
    for (let y = 0; y < canvas.height; y += TILE) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, TILE, TILE);
      ctx.clip();
      ctx.translate(x, y);
      drawMarks(ctx, fill.pattern);
      ctx.restore();
    }
  }
}

const patterns = new Map<string, CanvasPattern | string>();

/** The fill as a canvas style: the colour alone where no canvas is to be had. Made once per fill. */
export function fillStyle(ctx: CanvasRenderingContext2D, fill: Fill): CanvasPattern | string {
  if (fill.pattern === 'solid') return fill.colour;
  const key = `${fill.colour}/${fill.pattern}`;
  const known = patterns.get(key);
  if (known !== undefined) return known;
  const tile = document.createElement('canvas');
  tile.width = TILE;
  tile.height = TILE;
  paintTile(tile, fill);
  const made = ctx.createPattern(tile, 'repeat') ?? fill.colour;
  patterns.set(key, made);
  return made;
}
