import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { licensesRoute } from './api/licenses-route';
import { createAdapter } from './bot/create-adapter';
import { HeadroomBot } from './bot/headroom-bot';
import { createMessageProcessor } from './bot/message-processor';
import { TenantAllowlist, type AllowedTenants } from './bot/tenant-allowlist';
import { ChatRouter } from './chat/chat-router';
import { licenseAnswers } from './chat/license-answers';
import type { Config } from './config';
import { describeConfig } from './config';
import { startDemoGraphServer, type DemoGraphServer } from './demo-tenant/demo-graph-server';
import { createGraphAccess } from './graph/graph-access';
import type { RetryOptions } from './graph/retry-policy';
import { LicenseService } from './licenses/license-service';
import { createLogger, type Logger } from './logger';
import { createServer } from './server';
import { createStore } from './store/create-store';
import type { Store } from './store/store';
import { storeAdjustments } from './store/store-adjustments';
import { version } from './version';

export interface StartOptions {
  logger?: Logger;
  /** Graph retry timing; tests shorten the backoff. */
  graphRetry?: RetryOptions;
}

/** A running Headroom process: its address and the parts tests and the entry point need. */
export interface RunningHeadroom {
  url: string;
  config: Config;
  licenses: LicenseService;
  store: Store;
  /** The in-process demo tenant, in demo mode. */
  demo: DemoGraphServer | null;
  stop(reason?: string): Promise<void>;
}

/**
 * The composition root: config -> graph -> services -> bot -> server. Everything is built here and
 * handed down; nothing below reads the environment or builds its own dependencies.
 */
export async function startHeadroom(config: Config, options: StartOptions = {}): Promise<RunningHeadroom> {
  const logger = options.logger ?? createLogger(config.logLevel);
  logger.info('starting Headroom', { version, ...describeConfig(config) });

  const demo = config.demoMode ? await startDemoGraphServer({ enableControl: true }) : null;
  const graphBaseUrl = demo?.baseUrl ?? config.graph.baseUrl ?? 'https://graph.microsoft.com';
  if (demo) {
    logger.info(`demo mode: no Graph credentials are set, so Headroom reads the built-in demo tenant "${demo.tenant.organization.displayName}" at ${demo.baseUrl}`);
  }

  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, logger);
  const graph = createGraphAccess({ baseUrl: graphBaseUrl, auth: config.graph.auth, retry: options.graphRetry }, logger);
  const licenses = new LicenseService({
    reader: graph.licenseReader,
    cacheSeconds: config.licenseCacheSeconds,
    logger,
    adjustments: storeAdjustments(store),
  });

  const allowlist = new TenantAllowlist(allowedTenants(config, () => graph.licenseReader.readTenant()), logger);
  const answers = licenseAnswers({ licenses });
  const responder = new ChatRouter(
    {
      ...answers,
      'can-assign': answers.help,
      alerts: answers.help,
      watch: answers.help,
      unwatch: answers.help,
      'set-threshold': answers.help,
      mute: answers.help,
      unmute: answers.help,
      reservations: answers.help,
    },
    logger,
  );
  const bot = new HeadroomBot({ responder, allowlist, logger });
  const adapter = createAdapter(config.bot, logger);

  const server = createServer({
    logger,
    processMessage: createMessageProcessor(adapter, bot),
    health: () => ({ status: 'ok', version, demoMode: config.demoMode, graph: licenses.health() }),
    apiKey: config.apiKey,
    apiRoutes: [{ method: 'get', path: '/licenses', handler: licensesRoute(licenses) }],
  });
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(`Headroom is listening on ${url}/api/messages`, {
    botAuthentication: config.bot.appId ? 'on' : 'off (no MicrosoftAppId: loopback only)',
  });

  return {
    url,
    config,
    licenses,
    store,
    demo,
    stop: async (reason = 'stop') => {
      logger.info('stopping Headroom', { reason });
      server.server.closeIdleConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
      await demo?.close();
    },
  };
}

function allowedTenants(config: Config, readTenant: () => Promise<{ id: string }>): AllowedTenants {
  if (config.allowedTenantIds.length > 0) {
    return { kind: 'list', tenantIds: config.allowedTenantIds };
  }
  if (config.demoMode) {
    return { kind: 'any' };
  }
  return { kind: 'graph-organization', resolve: async () => (await readTenant()).id };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.removeListener('error', reject);
      resolve();
    });
  });
}
