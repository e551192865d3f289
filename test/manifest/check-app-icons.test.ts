import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { checkAppIcons, COLOR_ICON_SIZE, OUTLINE_ICON_SIZE, type IconFile } from '../../src/manifest/check-app-icons';

const MANIFEST_DIR = path.resolve(__dirname, '../../manifest');

function committedIcon(name: string): IconFile {
  return { name, data: readFileSync(path.join(MANIFEST_DIR, name)) };
}

/** A square PNG filled with one RGBA colour, optionally with one pixel of another. */
function solidIcon(name: string, size: number, rgba: number[], oddPixel?: { x: number; y: number; rgba: number[] }): IconFile {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < size * size; i += 1) {
    png.data.set(rgba, i * 4);
  }
  if (oddPixel !== undefined) {
    png.data.set(oddPixel.rgba, (oddPixel.y * size + oddPixel.x) * 4);
  }
  return { name, data: PNG.sync.write(png) };
}

function whiteOutline(): IconFile {
  return solidIcon('outline.png', OUTLINE_ICON_SIZE, [255, 255, 255, 0], { x: 3, y: 4, rgba: [255, 255, 255, 200] });
}

function colorIcon(): IconFile {
  return solidIcon('color.png', COLOR_ICON_SIZE, [15, 123, 108, 255]);
}

describe('checkAppIcons', () => {
  it('accepts the committed icons', () => {
    const problems = checkAppIcons({ color: committedIcon('color.png'), outline: committedIcon('outline.png') });

    assert.deepEqual(problems, []);
  });

  it('accepts a 192x192 color icon and a white-on-transparent 32x32 outline', () => {
    const problems = checkAppIcons({ color: colorIcon(), outline: whiteOutline() });

    assert.deepEqual(problems, []);
  });

  it('reports icons of the wrong size', () => {
    const problems = checkAppIcons({
      color: solidIcon('color.png', 96, [15, 123, 108, 255]),
      outline: solidIcon('outline.png', 48, [255, 255, 255, 255]),
    });

    assert.deepEqual(problems, [
      'color.png must be 192x192 pixels but is 96x96',
      'outline.png must be 32x32 pixels but is 48x48',
    ]);
  });

  it('reports an outline with a visible pixel that is not white', () => {
    const outline = solidIcon('outline.png', OUTLINE_ICON_SIZE, [255, 255, 255, 0], { x: 5, y: 7, rgba: [250, 255, 255, 255] });

    const problems = checkAppIcons({ color: colorIcon(), outline });

    assert.deepEqual(problems, [
      'outline.png must be white on a transparent background, but 1 visible pixels are not white (first at x=5, y=7)',
    ]);
  });

  it('reports an outline with an opaque background', () => {
    const outline = solidIcon('outline.png', OUTLINE_ICON_SIZE, [0, 0, 0, 255]);

    const problems = checkAppIcons({ color: colorIcon(), outline });

    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^outline\.png must be white on a transparent background, but 1024 visible pixels/);
  });

  it('reports an outline with nothing visible', () => {
    const outline = solidIcon('outline.png', OUTLINE_ICON_SIZE, [255, 255, 255, 0]);

    const problems = checkAppIcons({ color: colorIcon(), outline });

    assert.deepEqual(problems, ['outline.png is fully transparent; it must show the icon in white']);
  });

  it('reports a file that is not a PNG', () => {
    const problems = checkAppIcons({ color: { name: 'color.png', data: Buffer.from('GIF89a') }, outline: whiteOutline() });

    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^color\.png is not a readable PNG file/);
  });
});

describe('the committed icons', () => {
  it('are a 192x192 color icon that is not one flat colour', () => {
    const png = PNG.sync.read(committedIcon('color.png').data);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4) {
      colours.add(png.data.readUInt32BE(i));
    }

    assert.deepEqual([png.width, png.height], [192, 192]);
    assert.ok(colours.size > 2, `only ${colours.size} colours`);
  });

  it('are a 32x32 outline whose visible pixels are all white', () => {
    const png = PNG.sync.read(committedIcon('outline.png').data);
    const visible: number[][] = [];
    for (let i = 0; i < png.data.length; i += 4) {
      if (png.data[i + 3] !== 0) {
        visible.push([...png.data.subarray(i, i + 3)]);
      }
    }

    assert.deepEqual([png.width, png.height], [32, 32]);
    assert.ok(visible.length > 0 && visible.length < 32 * 32, `${visible.length} visible pixels`);
    assert.ok(visible.every(([r, g, b]) => r === 255 && g === 255 && b === 255));
  });
});
