import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readZipEntries } from './read-zip-entries';

const ROOT = path.resolve(__dirname, '../..');
const APP_ID = '6f1d3c9e-2b4a-4c5d-9e8f-0a1b2c3d4e5f';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx scripts/package-app.ts` as `npm run package` does, with only the given Headroom variables set. */
function runPackageScript(env: Record<string, string>): Promise<Run> {
  const base = { ...process.env };
  delete base.MicrosoftAppId;
  delete base.BOT_DOMAIN;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/package-app.ts'], {
      cwd: ROOT,
      env: { ...base, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('scripts/package-app.ts', () => {
  it('prints the path of the zip it wrote as its last line', async () => {
    const run = await runPackageScript({ MicrosoftAppId: APP_ID, BOT_DOMAIN: 'headroom.example.org' });

    assert.equal(run.code, 0, run.stderr);
    const lastLine = run.stdout.trimEnd().split('\n').at(-1) ?? '';
    assert.equal(lastLine, path.join(ROOT, 'dist', 'headroom-teams-app.zip'));
    const names = readZipEntries(await readFile(lastLine)).map((entry) => entry.name);
    assert.deepEqual(names, ['manifest.json', 'color.png', 'outline.png']);
  });

  it('exits non-zero and names the missing app id', async () => {
    const run = await runPackageScript({ BOT_DOMAIN: 'headroom.example.org' });

    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /MicrosoftAppId is not set/);
  });

  it('exits non-zero with the schema message for an app id that is not a GUID', async () => {
    const run = await runPackageScript({ MicrosoftAppId: 'not-a-guid' });

    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /manifest\.json: \/id must match pattern/);
  });
});
