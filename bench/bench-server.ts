import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readProcessUsage } from './process-usage';

/** A bot under measurement, running in its own process. */
export interface BenchServer {
  /** Root URL; activities go to `${url}/api/messages`. */
  url: string;
  pid: number;
  /** Resident set size of the process, in bytes. */
  rss(): Promise<number>;
  /** CPU time (user + system) the process has used so far, in ms; NaN where it cannot be read. */
  cpuMs(): Promise<number>;
  stop(): Promise<void>;
}

/** Which bot: the echo bot on stock botbuilder, the echo bot on Headroom's edge, or Headroom. */
export type BenchServerMode = 'framework-floor' | 'edge-floor' | 'headroom';

const FLOOR_ENTRIES: Record<Exclude<BenchServerMode, 'headroom'>, string> = {
  'framework-floor': 'framework-floor-server.js',
  'edge-floor': 'edge-floor-server.js',
};

export interface BenchServerOptions {
  mode: BenchServerMode;
  /** Headroom's whole environment (ignored for the floors); PORT, HOST and DATA_DIR are set by the bench. */
  env?: Record<string, string>;
  /** When set, the process writes a V8 CPU profile into this directory when it stops. */
  cpuProfileDir?: string;
}

const ROOT = path.resolve(__dirname, '..');
let built = false;

/**
 * Builds what the bench runs, once per bench run: the product exactly as `npm start` builds it
 * (`tsconfig.build.json` into dist/), and the two floors with the same compiler settings.
 */
export function buildForBench(): void {
  if (built) {
    return;
  }
  const tsc = require.resolve('typescript/bin/tsc');
  for (const project of ['tsconfig.build.json', path.join('bench', 'tsconfig.floor.json')]) {
    execFileSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'inherit' });
  }
  built = true;
}

/**
 * The node arguments of `npm start` (package.json `scripts.start`, which must read `node [flags]
 * <entry>`), so the bench runs Headroom exactly as it ships and the floors with the same flags.
 */
export function startCommand(): { flags: string[]; entry: string } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const words = (manifest.scripts?.start ?? '').split(/\s+/).filter((word) => word !== '');
  if (words[0] !== 'node' || words.length < 2) {
    throw new Error(`The bench expects package.json "start" to be "node [flags] <entry>", not "${manifest.scripts?.start ?? ''}"`);
  }
  return { flags: words.slice(1, -1), entry: words[words.length - 1] ?? '' };
}

/** Starts the bot (compiled) in its own process and resolves once it answers /healthz. */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  buildForBench();
  const start = startCommand();
  const flags = [...start.flags, ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '')];
  if (options.cpuProfileDir !== undefined) {
    flags.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir);
  }
  const port = await freePort();
  // Headroom starts in an empty directory: no .env is read, and its data stays out of the repository.
  const workDir = mkdtempSync(path.join(tmpdir(), 'headroom-bench-'));
  const entry = options.mode === 'headroom' ? path.resolve(ROOT, start.entry) : path.join(ROOT, 'dist', 'bench', FLOOR_ENTRIES[options.mode]);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    ...(options.mode === 'headroom' ? options.env : {}),
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: path.join(workDir, 'data'),
  };
  const child: ChildProcess = spawn(process.execPath, [...flags, entry], { cwd: workDir, env, stdio: ['ignore', 'ignore', 'pipe'] });
  forwardErrors(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(url, child, options.mode);
  if (options.cpuProfileDir !== undefined) {
    process.stderr.write(`bench: ${options.mode} server pid ${child.pid ?? '?'} writes its CPU profile to ${options.cpuProfileDir}\n`);
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    rss: async () => (await readProcessUsage(pid)).rssBytes,
    cpuMs: async () => (await readProcessUsage(pid)).cpuMs,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

/** Passes the child's stderr through, without Node's deprecation notices (botbuilder's dependencies trigger some). */
function forwardErrors(child: ChildProcess): void {
  let pending = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!/DeprecationWarning|--trace-deprecation/.test(line)) {
        process.stderr.write(`${line}\n`);
      }
    }
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilHealthy(url: string, child: ChildProcess, mode: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`bench ${mode} server exited (${child.exitCode ?? child.signalCode ?? '?'}) before it was ready`);
    }
    if ((await healthStatus(`${url}/healthz`)) === 200) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`bench ${mode} server did not answer /healthz within 30 s`);
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
  });
}
