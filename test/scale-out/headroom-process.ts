import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const ENTRY = path.resolve(__dirname, '../../src/index.ts');
const TSX = pathToFileURL(require.resolve('tsx')).href;

/** What GET /healthz of a running instance says (the parts these tests read). */
export interface InstanceHealth {
  status: string;
  watcher: { leader: boolean; instanceId: string; lastSuccessAt: string | null };
}

/** One real Headroom process, started as `npm start` would start it, with its own PORT. */
export interface HeadroomProcess {
  name: string;
  url: string;
  child: ChildProcess;
  /** Everything it wrote to stdout and stderr so far (JSON log lines). */
  output(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  health(): Promise<{ status: number; body: InstanceHealth }>;
  /** Sends a signal (SIGKILL if none) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A TCP port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * Starts `node --import tsx src/index.ts` with only the given settings in its environment (plus PATH
 * and HOME), in an empty working directory so no `.env` file is read, and waits until /healthz answers.
 */
export async function startHeadroomProcess(name: string, env: Record<string, string>, readyTimeoutMs = 30_000): Promise<HeadroomProcess> {
  const port = await freePort();
  const cwd = mkdtempSync(path.join(tmpdir(), `headroom-${name}-`));
  const child = spawn(process.execPath, ['--import', TSX, ENTRY], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? cwd, HOST: '127.0.0.1', PORT: String(port), DATA_DIR: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      rmSync(cwd, { recursive: true, force: true });
      resolve({ code, signal });
    });
  });
  const url = `http://127.0.0.1:${port}`;
  const instance: HeadroomProcess = {
    name,
    url,
    child,
    output: () => chunks.join(''),
    exited,
    alive: () => running,
    health: async () => {
      const response = await fetch(`${url}/healthz`);
      return { status: response.status, body: (await response.json()) as InstanceHealth };
    },
    kill: async (signal = 'SIGKILL') => {
      if (running) {
        child.kill(signal);
      }
      return exited;
    },
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (!running) {
      throw new Error(`${name} exited before it was ready:\n${instance.output()}`);
    }
    try {
      if ((await instance.health()).status === 200) {
        return instance;
      }
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await instance.kill();
      throw new Error(`${name} was not ready within ${readyTimeoutMs} ms:\n${instance.output()}`);
    }
    await sleep(100);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `check` every 100 ms until it returns a value other than undefined; throws after `timeoutMs`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await sleep(100);
  }
}
