import { PNG } from 'pngjs';

/** An icon file of the app package: its name in the package and its bytes. */
export interface IconFile {
  name: string;
  data: Buffer;
}

/** Teams' required icon sizes in pixels (square). */
export const COLOR_ICON_SIZE = 192;
export const OUTLINE_ICON_SIZE = 32;

/**
 * Checks the two icons Teams requires: a 192x192 color PNG, and a 32x32 outline PNG drawn in white
 * on a transparent background (every pixel is either fully transparent or white, and some are not transparent).
 *
 * @returns one message per problem; empty when both icons are fine.
 */
export function checkAppIcons(icons: { color: IconFile; outline: IconFile }): string[] {
  const problems: string[] = [];
  const color = decode(icons.color, problems);
  if (color !== undefined) {
    checkSize(icons.color.name, color, COLOR_ICON_SIZE, problems);
  }
  const outline = decode(icons.outline, problems);
  if (outline !== undefined) {
    checkSize(icons.outline.name, outline, OUTLINE_ICON_SIZE, problems);
    checkWhiteOnTransparent(icons.outline.name, outline, problems);
  }
  return problems;
}

function decode(icon: IconFile, problems: string[]): PNG | undefined {
  try {
    return PNG.sync.read(icon.data);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(`${icon.name} is not a readable PNG file (${reason})`);
    return undefined;
  }
}

function checkSize(name: string, png: PNG, size: number, problems: string[]): void {
  if (png.width !== size || png.height !== size) {
    problems.push(`${name} must be ${size}x${size} pixels but is ${png.width}x${png.height}`);
  }
}

function checkWhiteOnTransparent(name: string, png: PNG, problems: string[]): void {
  let visible = 0;
  let offColour = 0;
  let first: string | undefined;
  for (let i = 0; i < png.width * png.height; i += 1) {
    const [r, g, b, a] = png.data.subarray(i * 4, i * 4 + 4);
    if (a === 0) {
      continue;
    }
    visible += 1;
    if (r !== 255 || g !== 255 || b !== 255) {
      offColour += 1;
      first ??= `x=${i % png.width}, y=${Math.floor(i / png.width)}`;
    }
  }
  if (visible === 0) {
    problems.push(`${name} is fully transparent; it must show the icon in white`);
  }
  if (offColour > 0) {
    problems.push(
      `${name} must be white on a transparent background, but ${offColour} visible pixels are not white (first at ${first ?? '?'})`,
    );
  }
}
