import { createWriteStream } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { AppPackageError } from './app-package-error';
import { checkAppIcons, type IconFile } from './check-app-icons';
import { fillManifestTemplate } from './fill-manifest-template';
import { validateTeamsManifest } from './validate-teams-manifest';

/** What the app package is built from. No environment is read here: the caller passes every value. */
export interface AppPackageOptions {
  /** Folder holding `manifest.json` (the template) and the icons it names. */
  manifestDir: string;
  /** Where the zip is written; parent folders are created. */
  outFile: string;
  /** The bot's Microsoft App ID (a GUID); the app id and the bot id. Required. */
  microsoftAppId: string | undefined;
  /** The host name the bot is served from, e.g. `headroom.example.com`; listed in `validDomains` when given. */
  botDomain: string | undefined;
}

/** A built app package. */
export interface AppPackage {
  zipPath: string;
  manifest: Record<string, unknown>;
  /** The zip's entries in order: `manifest.json`, then the color and the outline icon. */
  entries: string[];
}

const HOST_NAME = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i;
/** A fixed timestamp keeps the zip byte-for-byte the same for the same inputs. */
const ENTRY_TIME = new Date(2024, 0, 1);

/**
 * Builds the Teams app package: fills the manifest template, validates it against the bundled Teams
 * schema (offline), checks the icons, and writes a zip with `manifest.json` and both icons at its root.
 *
 * @throws AppPackageError listing every problem found (missing values, the schema's messages, icon problems).
 */
export async function buildAppPackage(options: AppPackageOptions): Promise<AppPackage> {
  const problems = checkValues(options);
  const templatePath = path.join(options.manifestDir, 'manifest.json');
  const template = parseJson(await readFile(templatePath, 'utf8'), templatePath);
  const manifest = fillOrCollect(template, options, problems);
  if (!isRecord(manifest)) {
    throw new AppPackageError([`${templatePath} must hold a JSON object`]);
  }
  problems.push(...(await validateTeamsManifest(manifest)).map((message) => `manifest.json: ${message}`));

  const icons = await readIcons(manifest, options.manifestDir, problems);
  if (icons !== undefined) {
    problems.push(...checkAppIcons(icons));
  }
  if (problems.length > 0 || icons === undefined) {
    throw new AppPackageError(problems);
  }

  const entries = ['manifest.json', icons.color.name, icons.outline.name];
  await writeZip(options.outFile, [
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    icons.color,
    icons.outline,
  ]);
  return { zipPath: options.outFile, manifest, entries };
}

function checkValues(options: AppPackageOptions): string[] {
  const problems: string[] = [];
  const domain = options.botDomain?.trim();
  if (domain !== undefined && domain !== '' && !HOST_NAME.test(domain)) {
    problems.push(`BOT_DOMAIN must be a host name such as headroom.example.com, without https:// or a path; got "${domain}"`);
  }
  return problems;
}

function fillOrCollect(template: unknown, options: AppPackageOptions, problems: readonly string[]): unknown {
  try {
    return fillManifestTemplate(template, {
      MicrosoftAppId: options.microsoftAppId?.trim(),
      BOT_DOMAIN: options.botDomain?.trim(),
    });
  } catch (error) {
    if (error instanceof AppPackageError) {
      throw new AppPackageError([...problems, ...error.problems]);
    }
    throw error;
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new AppPackageError([`${file} is not valid JSON (${reason})`]);
  }
}

async function readIcons(
  manifest: Record<string, unknown>,
  manifestDir: string,
  problems: string[],
): Promise<{ color: IconFile; outline: IconFile } | undefined> {
  const icons = manifest.icons;
  if (!isRecord(icons)) {
    return undefined;
  }
  const color = await readIcon(icons.color, 'icons.color', manifestDir, problems);
  const outline = await readIcon(icons.outline, 'icons.outline', manifestDir, problems);
  return color !== undefined && outline !== undefined ? { color, outline } : undefined;
}

async function readIcon(name: unknown, field: string, manifestDir: string, problems: string[]): Promise<IconFile | undefined> {
  if (typeof name !== 'string') {
    return undefined; // the schema has already reported it
  }
  if (name !== path.posix.basename(name) || name.includes('\\')) {
    problems.push(`manifest.json: ${field} must name a file at the package root, not "${name}"`);
    return undefined;
  }
  try {
    return { name, data: await readFile(path.join(manifestDir, name)) };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    problems.push(`manifest.json: ${field} names ${name}, which cannot be read (${reason})`);
    return undefined;
  }
}

async function writeZip(outFile: string, files: readonly { name: string; data: Buffer }[]): Promise<void> {
  await mkdir(path.dirname(outFile), { recursive: true });
  const zip = new ZipFile();
  for (const file of files) {
    zip.addBuffer(file.data, file.name, { mtime: ENTRY_TIME, compress: true });
  }
  zip.end();
  await pipeline(zip.outputStream, createWriteStream(outFile));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
