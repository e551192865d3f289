import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const CLI = path.join(ROOT, 'src', 'doctor', 'doctor-cli.ts');

/** Runs the doctor as `npm run doctor` would, in an empty folder (no .env) with only `env` set. */
function runCli(args: string[], env: Record<string, string>, cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

describe('npm run doctor', () => {
  let graph: DemoGraphServer;
  let cwd: string;

  before(async () => {
    graph = await startDemoGraphServer({ enableControl: true });
    cwd = mkdtempSync(path.join(tmpdir(), 'headroom-doctor-'));
  });
  after(async () => {
    await graph.close();
    rmSync(cwd, { recursive: true, force: true });
  });

  it('exits 2 on a configuration error and lists the problem', async () => {
    const { code, stderr } = await runCli([], { GRAPH_BASE_URL: 'not a url' }, cwd);

    assert.equal(code, 2);
    assert.match(stderr, /GRAPH_BASE_URL/);
  });

  it('with --json against a loopback Graph, names the missing permission and exits 1', async () => {
    graph.grants.grantOnly(['Organization.Read.All', 'User.Read.All']);
    try {
      const { code, stdout } = await runCli(['--json'], { GRAPH_BASE_URL: graph.baseUrl }, cwd);

      assert.equal(code, 1);
      const report = JSON.parse(stdout) as { permissions: { permission: string; status: string; level: string }[]; exitCode: number };
      assert.equal(report.exitCode, 1);
      assert.deepEqual(
        report.permissions.filter((row) => row.level === 'required' && row.status === 'missing').map((row) => row.permission),
        ['GroupMember.Read.All'],
      );
    } finally {
      graph.grants.grantAll();
    }
  });

  it('prints the table and exits 0 when every required permission works', async () => {
    const { code, stdout } = await runCli([], { GRAPH_BASE_URL: graph.baseUrl }, cwd);

    assert.equal(code, 0);
    assert.match(stdout, /Organization\.Read\.All\s+required\s+granted/);
    assert.match(stdout, /every required permission works/);
  });
});
