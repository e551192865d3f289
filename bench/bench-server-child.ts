import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { startHeadroom } from '../src/app';
import { createAdapter } from '../src/bot/create-adapter';
import { createMessageProcessor } from '../src/bot/message-processor';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { createServer } from '../src/server';
import { EchoBot } from './echo-bot';
import type { ChildMessage, ParentMessage } from './bench-server-messages';

/*
 * Entry point of the child process that serves the bot under measurement, so that the load generator,
 * the connector and the demo tenant (all in the parent) are not counted in its memory or CPU.
 * BENCH_SERVER_MODE is "floor" (the echo bot) or "headroom" (the real composition root);
 * BENCH_HEADROOM_ENV holds, as JSON, the only environment Headroom's configuration is read from.
 */

async function startFloor(): Promise<{ url: string; stop: () => Promise<void> }> {
  const adapter = createAdapter({ appId: null, appPassword: null, appType: 'MultiTenant', appTenantId: null, openIdMetadataUrl: null }, silentLogger);
  const server: Server = createServer({
    logger: silentLogger,
    processMessage: createMessageProcessor(adapter, new EchoBot()),
    health: () => ({ status: 'ok' }),
    apiKey: null,
    apiRoutes: [],
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      server.server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function startRealHeadroom(): Promise<{ url: string; stop: () => Promise<void> }> {
  const env = JSON.parse(process.env.BENCH_HEADROOM_ENV ?? '{}') as Record<string, string>;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-bench-'));
  const config = { ...loadConfig({ DATA_DIR: dataDir, ...env }), port: 0 };
  const headroom = await startHeadroom(config, { logger: silentLogger });
  return {
    url: headroom.url,
    stop: async () => {
      await headroom.stop('bench');
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function send(message: ChildMessage): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  const mode = process.env.BENCH_SERVER_MODE;
  const running = mode === 'floor' ? await startFloor() : await startRealHeadroom();
  process.on('message', (raw: unknown) => {
    const message = raw as ParentMessage;
    if (message.type === 'memory') {
      const usage = process.memoryUsage();
      send({ type: 'memory', rss: usage.rss, heapUsed: usage.heapUsed });
      return;
    }
    if (message.type === 'stop') {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    }
  });
  send({ type: 'ready', url: running.url });
}

main().catch((error: unknown) => {
  console.error('bench server failed to start:', error);
  process.exit(1);
});
