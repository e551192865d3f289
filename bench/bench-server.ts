import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { ChildMessage, ParentMessage } from './bench-server-messages';

/** A bot under measurement, running in its own process. */
export interface BenchServer {
  /** Root URL; activities go to `${url}/api/messages`. */
  url: string;
  pid: number;
  /** Resident set size of the child process, in bytes. */
  rss(): Promise<number>;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  mode: 'floor' | 'headroom';
  /** Headroom's whole environment (ignored for the floor). */
  env?: Record<string, string>;
  /** When set, the child writes a V8 CPU profile into this directory when it stops. */
  cpuProfileDir?: string;
}

/** Forks `bench-server-child.ts` and resolves once it listens. */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const execArgv = ['--import', 'tsx', '--no-deprecation', ...(process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '')];
  if (options.cpuProfileDir !== undefined) {
    execArgv.push('--cpu-prof', '--cpu-prof-dir', options.cpuProfileDir);
  }
  const child: ChildProcess = fork(path.join(__dirname, 'bench-server-child.ts'), [], {
    execArgv,
    env: { ...process.env, BENCH_SERVER_MODE: options.mode, BENCH_HEADROOM_ENV: JSON.stringify(options.env ?? {}) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onMessage = (message: ChildMessage): void => {
      if (message.type === 'ready') {
        child.off('message', onMessage);
        resolve(message.url);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`bench ${options.mode} server exited with code ${code} before it was ready`)));
  });
  if (options.cpuProfileDir !== undefined) {
    process.stderr.write(`bench: ${options.mode} server pid ${child.pid ?? '?'} writes its CPU profile to ${options.cpuProfileDir}\n`);
  }
  const ask = (message: ParentMessage): void => {
    child.send(message);
  };
  return {
    url,
    pid: child.pid ?? 0,
    rss: () =>
      new Promise<number>((resolve) => {
        const onMessage = (message: ChildMessage): void => {
          if (message.type === 'memory') {
            child.off('message', onMessage);
            resolve(message.rss);
          }
        };
        child.on('message', onMessage);
        ask({ type: 'memory' });
      }),
    stop: async () => {
      if (child.exitCode === null) {
        ask({ type: 'stop' });
      }
      await exited;
    },
  };
}
