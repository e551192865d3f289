import type { Server } from 'restify';
import { createAdapter } from '../src/bot/create-adapter';
import { createMessageProcessor } from '../src/bot/message-processor';
import { silentLogger } from '../src/logger';
import { createServer } from '../src/server';
import { EchoBot } from './echo-bot';

/*
 * The edge floor: the echo bot on Headroom's own bot edge (`createAdapter`, `createMessageProcessor`
 * and `createServer`), listening on 127.0.0.1:$PORT until SIGTERM. It is stricter than the framework
 * floor: whatever Headroom's edge saves over stock botbuilder, this floor saves too, so the gap to it
 * is only what Headroom does past the edge. The bench runs it compiled, with the same node command
 * line as Headroom's start script.
 */

function main(): void {
  const port = Number(process.env.PORT ?? '0');
  const adapter = createAdapter({ appId: null, appPassword: null, appType: 'MultiTenant', appTenantId: null, openIdMetadataUrl: null }, silentLogger);
  const server: Server = createServer({
    logger: silentLogger,
    processMessage: createMessageProcessor(adapter, new EchoBot(), silentLogger, { authenticates: false }),
    health: () => ({ status: 'ok' }),
    apiKey: null,
    apiRoutes: [],
  });
  server.listen(port, '127.0.0.1');
  process.once('SIGTERM', () => {
    server.server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

main();
