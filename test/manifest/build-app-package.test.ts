import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PNG } from 'pngjs';
import { AppPackageError } from '../../src/manifest/app-package-error';
import { buildAppPackage, type AppPackageOptions } from '../../src/manifest/build-app-package';
import { validateTeamsManifest } from '../../src/manifest/validate-teams-manifest';
import { readZipEntries } from './read-zip-entries';

const MANIFEST_DIR = path.resolve(__dirname, '../../manifest');
const APP_ID = '6f1d3c9e-2b4a-4c5d-9e8f-0a1b2c3d4e5f';

async function problemsOf(promise: Promise<unknown>): Promise<readonly string[]> {
  let problems: readonly string[] = [];
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof AppPackageError);
    problems = error.problems;
    return true;
  });
  return problems;
}

describe('buildAppPackage', () => {
  let workDir = '';

  beforeEach(async () => {
    workDir = await mkdtemp(path.join(tmpdir(), 'headroom-package-'));
  });

  afterEach(async () => {
    await rm(workDir, { recursive: true, force: true });
  });

  function options(overrides: Partial<AppPackageOptions> = {}): AppPackageOptions {
    return {
      manifestDir: MANIFEST_DIR,
      outFile: path.join(workDir, 'out', 'app.zip'),
      microsoftAppId: APP_ID,
      botDomain: 'headroom.example.org',
      ...overrides,
    };
  }

  async function zipEntries(file: string): Promise<Map<string, Buffer>> {
    return new Map(readZipEntries(await readFile(file)).map((entry) => [entry.name, entry.data]));
  }

  it('writes a zip holding manifest.json and both icons at its root', async () => {
    const built = await buildAppPackage(options());

    const entries = await zipEntries(built.zipPath);
    assert.deepEqual([...entries.keys()], ['manifest.json', 'color.png', 'outline.png']);
    assert.deepEqual(entries.get('color.png'), await readFile(path.join(MANIFEST_DIR, 'color.png')));
    assert.deepEqual(entries.get('outline.png'), await readFile(path.join(MANIFEST_DIR, 'outline.png')));
  });

  it('packs a filled manifest that validates against the bundled schema', async () => {
    const built = await buildAppPackage(options());

    const manifest: unknown = JSON.parse((await zipEntries(built.zipPath)).get('manifest.json')?.toString('utf8') ?? '');
    assert.deepEqual(await validateTeamsManifest(manifest), []);
    assert.deepEqual(manifest, built.manifest);
    assert.equal(built.manifest.id, APP_ID);
    assert.deepEqual(built.manifest.validDomains, ['headroom.example.org']);
    assert.ok(!JSON.stringify(manifest).includes('${{'));
  });

  it('packs icons of the sizes Teams requires', async () => {
    const built = await buildAppPackage(options());

    const entries = await zipEntries(built.zipPath);
    const sizes = ['color.png', 'outline.png'].map((name) => {
      const png = PNG.sync.read(entries.get(name) ?? Buffer.alloc(0));
      return `${png.width}x${png.height}`;
    });
    assert.deepEqual(sizes, ['192x192', '32x32']);
  });

  it('leaves validDomains out when no bot domain is given', async () => {
    const built = await buildAppPackage(options({ botDomain: undefined }));

    assert.equal('validDomains' in built.manifest, false);
  });

  it('refuses an app id that is not a GUID with the schema message, and writes nothing', async () => {
    const built = buildAppPackage(options({ microsoftAppId: 'headroom-bot' }));

    const problems = await problemsOf(built);
    assert.deepEqual(
      problems.map((problem) => problem.split(' must ')[0]),
      ['manifest.json: /id', 'manifest.json: /bots/0/botId'],
    );
    assert.match(problems[0] ?? '', /must match pattern/);
    assert.equal(existsSync(options().outFile), false);
  });

  it('refuses to build without an app id', async () => {
    const problems = await problemsOf(buildAppPackage(options({ microsoftAppId: '  ' })));

    assert.deepEqual(problems, ['MicrosoftAppId is not set; the manifest template uses it at /id, /bots/0/botId']);
  });

  it('refuses a bot domain given as a URL', async () => {
    const problems = await problemsOf(buildAppPackage(options({ botDomain: 'https://headroom.example.org/' })));

    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^BOT_DOMAIN must be a host name/);
  });

  it('reports every problem of a broken template at once', async () => {
    const manifestDir = path.join(workDir, 'manifest');
    await cp(MANIFEST_DIR, manifestDir, { recursive: true });
    const template: unknown = JSON.parse(await readFile(path.join(manifestDir, 'manifest.json'), 'utf8'));
    assert.ok(template !== null && typeof template === 'object');
    const broken: Record<string, unknown> = { ...template, accentColor: 'teal' };
    delete broken.name;
    await writeFile(path.join(manifestDir, 'manifest.json'), JSON.stringify(broken));

    const problems = await problemsOf(buildAppPackage(options({ manifestDir })));

    assert.deepEqual(
      problems.map((problem) => problem.split('. Details')[0]),
      ["manifest.json: must have required property 'name'", 'manifest.json: /accentColor must match pattern "^#[0-9a-fA-F]{6}$"'],
    );
  });

  it('refuses an outline icon that is not white on transparent', async () => {
    const manifestDir = path.join(workDir, 'manifest');
    await cp(MANIFEST_DIR, manifestDir, { recursive: true });
    const outline = PNG.sync.read(await readFile(path.join(manifestDir, 'outline.png')));
    outline.data.set([0, 0, 0, 255], 0);
    await writeFile(path.join(manifestDir, 'outline.png'), PNG.sync.write(outline));

    const problems = await problemsOf(buildAppPackage(options({ manifestDir })));

    assert.equal(problems.length, 1);
    assert.match(problems[0] ?? '', /^outline\.png must be white on a transparent background, but 1 visible pixels/);
  });
});
