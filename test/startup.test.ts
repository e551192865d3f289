import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..');

function runHeadroom(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('starting Headroom', () => {
  it('refuses a non-loopback HOST without a bot app id, and says why', async () => {
    const { code, output } = await runHeadroom({ HOST: '0.0.0.0', PORT: '39781' });
    assert.equal(code, 1);
    assert.match(output, /HOST/);
    assert.match(output, /MicrosoftAppId/);
  });

  it('lists every configuration problem at once', async () => {
    const { code, output } = await runHeadroom({ PORT: 'eighty', LOG_LEVEL: 'loud', LICENSE_CACHE_SECONDS: '-1' });
    assert.equal(code, 1);
    for (const name of ['PORT', 'LOG_LEVEL', 'LICENSE_CACHE_SECONDS']) {
      assert.match(output, new RegExp(name));
    }
  });
});

describe('npm start with nothing configured', () => {
  it('comes up on loopback against the built-in demo tenant and answers "how many E3 left?"', async () => {
    const { LocalConnector } = await import('./support/local-connector');
    const { teamsActivity } = await import('./support/activity-factory');
    const connector = await new LocalConnector().start();
    const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-startup-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', PORT: '39783', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const deadline = Date.now() + 15_000;
      while (!output.includes('listening on') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.match(output, /demo mode/);
      assert.match(output, /listening on http:\/\/127\.0\.0\.1:39783/);
      const response = await fetch('http://127.0.0.1:39783/api/messages', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(teamsActivity({ serviceUrl: connector.url, tenantId: 'any-tenant-in-demo-mode', text: 'how many E3 left?' })),
      });
      assert.equal(response.status, 200);
      const reply = connector.sent()[0];
      assert.ok(reply, 'the bot replied');
      assert.match(String(reply.body.summary), /Microsoft 365 E3: \d+ of \d+ available/);
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      await connector.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
