/**
 * Draws the Teams app icons into manifest/: `color.png` (192x192, a seat gauge on the accent colour)
 * and `outline.png` (32x32, the same gauge in white on transparent). Run with `npx tsx scripts/draw-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
/** True when the point (in pixels, y down) is inside the shape. */
type Shape = (x: number, y: number) => boolean;

interface Layer {
  shape: Shape;
  color: Rgb;
}

const ACCENT: Rgb = [0x0f, 0x7b, 0x6c];
const WHITE: Rgb = [255, 255, 255];
const AMBER: Rgb = [0xff, 0xc8, 0x57];
/** Samples per pixel along each axis; 8x8 gives smooth edges. */
const SUPERSAMPLE = 8;

/** A ring segment between two angles, in degrees counter-clockwise from 3 o'clock, with round caps. */
function arc(cx: number, cy: number, radius: number, width: number, fromDeg: number, toDeg: number): Shape {
  const caps = [fromDeg, toDeg].map((deg) => disc(...pointAt(cx, cy, radius, deg), width / 2));
  return (x, y) => {
    const distance = Math.hypot(x - cx, y - cy);
    const angle = (Math.atan2(cy - y, x - cx) * 180) / Math.PI;
    const inRing = Math.abs(distance - radius) <= width / 2;
    const inSweep = angle >= Math.min(fromDeg, toDeg) && angle <= Math.max(fromDeg, toDeg);
    return (inRing && inSweep) || caps.some((cap) => cap(x, y));
  };
}

function disc(cx: number, cy: number, radius: number): Shape {
  return (x, y) => Math.hypot(x - cx, y - cy) <= radius;
}

/** A stroke from (x1, y1) to (x2, y2) with round ends. */
function line(x1: number, y1: number, x2: number, y2: number, width: number): Shape {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const lengthSquared = dx * dx + dy * dy;
  return (x, y) => {
    const t = Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared));
    return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy)) <= width / 2;
  };
}

function roundedRect(left: number, top: number, width: number, height: number, radius: number): Shape {
  return (x, y) => {
    const nearestX = Math.max(left + radius, Math.min(left + width - radius, x));
    const nearestY = Math.max(top + radius, Math.min(top + height - radius, y));
    return Math.hypot(x - nearestX, y - nearestY) <= radius;
  };
}

function minus(shape: Shape, hole: Shape): Shape {
  return (x, y) => shape(x, y) && !hole(x, y);
}

function pointAt(cx: number, cy: number, radius: number, deg: number): [number, number] {
  const rad = (deg * Math.PI) / 180;
  return [cx + radius * Math.cos(rad), cy - radius * Math.sin(rad)];
}

/** Paints the layers in order onto a canvas of the background colour (or transparent) and encodes a PNG. */
function paint(size: number, background: Rgb | null, layers: readonly Layer[]): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      // Premultiplied colour, composited "over" layer by layer.
      let [r, g, b] = background ?? [0, 0, 0];
      let a = background === null ? 0 : 1;
      for (const layer of layers) {
        const cover = coverage(layer.shape, px, py);
        r = layer.color[0] * cover + r * (1 - cover);
        g = layer.color[1] * cover + g * (1 - cover);
        b = layer.color[2] * cover + b * (1 - cover);
        a = cover + a * (1 - cover);
      }
      const offset = (py * size + px) * 4;
      png.data[offset] = a === 0 ? 255 : Math.round(r / a);
      png.data[offset + 1] = a === 0 ? 255 : Math.round(g / a);
      png.data[offset + 2] = a === 0 ? 255 : Math.round(b / a);
      png.data[offset + 3] = Math.round(a * 255);
    }
  }
  return PNG.sync.write(png, { colorType: 6 });
}

function coverage(shape: Shape, px: number, py: number): number {
  let inside = 0;
  for (let sy = 0; sy < SUPERSAMPLE; sy += 1) {
    for (let sx = 0; sx < SUPERSAMPLE; sx += 1) {
      if (shape(px + (sx + 0.5) / SUPERSAMPLE, py + (sy + 0.5) / SUPERSAMPLE)) {
        inside += 1;
      }
    }
  }
  return inside / (SUPERSAMPLE * SUPERSAMPLE);
}

/** A gauge whose white arc is the seats in use and whose amber end is the headroom left; seats below. */
function drawColorIcon(): Buffer {
  const cx = 96;
  const cy = 104;
  const seatTop = 136;
  const seats: Layer[] = [0, 1, 2, 3, 4].map((i) => {
    const seat = roundedRect(30 + i * 28, seatTop, 20, 22, 5);
    return i < 4
      ? { shape: seat, color: WHITE }
      : { shape: minus(seat, roundedRect(34 + i * 28, seatTop + 4, 12, 14, 2)), color: AMBER };
  });
  return paint(192, ACCENT, [
    { shape: arc(cx, cy, 58, 14, 180, 56), color: WHITE },
    { shape: arc(cx, cy, 58, 14, 40, 0), color: AMBER },
    { shape: line(cx, cy, ...pointAt(cx, cy, 46, 62), 9), color: WHITE },
    { shape: disc(cx, cy, 12), color: WHITE },
    { shape: disc(cx, cy, 5), color: ACCENT },
    ...seats,
  ]);
}

/** The same gauge for the 32x32 outline icon: white only, thicker strokes, three seats. */
function drawOutlineIcon(): Buffer {
  const cx = 16;
  const cy = 18;
  const seats: Layer[] = [0, 1, 2].map((i) => ({ shape: roundedRect(6 + i * 7.5, 24, 5, 5, 1.2), color: WHITE }));
  return paint(32, null, [
    { shape: arc(cx, cy, 11, 3, 180, 0), color: WHITE },
    { shape: line(cx, cy, ...pointAt(cx, cy, 8.5, 60), 2.4), color: WHITE },
    { shape: disc(cx, cy, 2.8), color: WHITE },
    ...seats,
  ]);
}

function main(): void {
  const manifestDir = path.resolve(__dirname, '..', 'manifest');
  const files = [
    { name: 'color.png', data: drawColorIcon() },
    { name: 'outline.png', data: drawOutlineIcon() },
  ];
  for (const file of files) {
    const target = path.join(manifestDir, file.name);
    writeFileSync(target, file.data);
    console.log(target);
  }
}

if (require.main === module) {
  main();
}
