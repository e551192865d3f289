import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { Watcher } from './alerts/watcher';
import { TeamsRefreshUserIds } from './bot/teams-refresh-user-ids';
import { ProactiveChannelSender } from './bot/proactive-channel-sender';
import { channelOutboxSender } from './delivery/channel-outbox-sender';
import { OutboxDispatcher, type DispatchHooks } from './delivery/outbox-dispatcher';
import type { BackoffSettings } from './delivery/plan-redelivery';
import { createAccessPolicy } from './access/create-access-policy';
import { holdsRoutes } from './api/holds-routes';
import { historyRoute } from './api/history-route';
import { licensesRoute } from './api/licenses-route';
import { suggestionsRoute } from './api/suggestions-route';
import { CardActionHandler } from './bot/card-action-handler';
import { CardActionRegistry } from './chat/card-action-registry';
import { createAdapter } from './bot/create-adapter';
import { HeadroomBot } from './bot/headroom-bot';
import { InstallationEvents } from './bot/installation-events';
import { createMessageProcessor } from './bot/message-processor';
import { TenantAllowlist, type AllowedTenants } from './bot/tenant-allowlist';
import { adminCommands } from './chat/admin-commands';
import { ChatRouter } from './chat/chat-router';
import { licenseAnswers } from './chat/license-answers';
import { preflightAnswer } from './chat/preflight-answer';
import { reclaimAnswer } from './reclaim/reclaim-answer';
import { reclaimRoute } from './api/reclaim-route';
import { storeForecastLookup } from './chat/store-forecast-lookup';
import type { Config } from './config';
import { describeConfig } from './config';
import type { DemoGraphServer } from './demo-tenant/demo-graph-server';
import { createGraphAccess } from './graph/graph-access';
import { logReclaimWriteAccess } from './graph/log-reclaim-write-access';
import type { RetryOptions } from './graph/retry-policy';
import { SeatHoldService } from './holds/seat-hold-service';
import { LicenseService } from './licenses/license-service';
import { createLogger, type Logger } from './logger';
import { MissingPermissions } from './missing-permissions';
import { createReportFeature } from './reports/report-feature';
import { createReclaimFeature } from './reclaim/reclaim-feature';
import { ReclaimScanner } from './reclaim/reclaim-scanner';
import { createReservationFeature } from './reservations/reservation-feature';
import { createServer } from './server';
import { RequestGate } from './shutdown/request-gate';
import { createStore } from './store/create-store';
import type { Store } from './store/store';
import { storeAdjustments } from './store/store-adjustments';
import { version } from './version';

export interface StartOptions {
  logger?: Logger;
  /** Graph retry timing; tests shorten the backoff. */
  graphRetry?: RetryOptions;
  /** The clock for seat holds (start, expiry) and the held seats counted in figures; tests move it. */
  now?: () => Date;
  /** The watcher and the outbox; tests drive ticks themselves (`autoStart: false`) and shorten claims and backoff. */
  alerts?: { autoStart?: boolean; claimLeaseMs?: number; backoff?: Partial<BackoffSettings>; dispatchHooks?: DispatchHooks };
}

/** A running Headroom process: its address and the parts tests and the entry point need. */
export interface RunningHeadroom {
  url: string;
  config: Config;
  licenses: LicenseService;
  store: Store;
  /** The in-process demo tenant, in demo mode. */
  demo: DemoGraphServer | null;
  /** Alert ticks (`tickOnce()` in tests) and the outbox sender; add tick hooks and outbox senders here. */
  watcher: Watcher;
  outbox: OutboxDispatcher;
  /**
   * Drains and stops: new turns and API calls get 503, in-flight ones and the current watcher tick
   * finish, the lease is given up, the outbox dispatcher stops, then the server and the store close.
   * Calling it again returns the same promise.
   */
  stop(reason?: string): Promise<void>;
  /** What a stop in progress is still waiting for, for the log when the shutdown deadline passes. */
  pending(): string[];
}

/**
 * The composition root: config -> graph -> services -> bot -> server. Everything is built here and
 * handed down; nothing below reads the environment or builds its own dependencies.
 */
export async function startHeadroom(config: Config, options: StartOptions = {}): Promise<RunningHeadroom> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat });
  const clock = options.now ?? (() => new Date());
  logger.info('starting Headroom', { version, ...describeConfig(config) });

  // The demo tenant's code is loaded only in demo mode.
  const demo = config.demoMode ? await (await import('./demo-tenant/demo-graph-server')).startDemoGraphServer({ enableControl: true }) : null;
  const graphBaseUrl = demo?.baseUrl ?? config.graph.baseUrl ?? 'https://graph.microsoft.com';
  if (demo) {
    logger.info(`demo mode: no Graph credentials are set, so Headroom reads the built-in demo tenant "${demo.tenant.organization.displayName}" at ${demo.baseUrl}`);
  }

  const store = await createStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }, logger);
  const graph = createGraphAccess({ baseUrl: graphBaseUrl, auth: config.graph.auth, authorityHost: config.graph.authorityHost, retry: options.graphRetry }, logger);
  await logReclaimWriteAccess(config.reclaimActions, () => graph.grantedRoles(), logger);
  const missingPermissions = new MissingPermissions(logger);
  const licenses = new LicenseService({
    missingPermissions,
    reader: graph.licenseReader,
    cacheSeconds: config.licenseCacheSeconds,
    logger,
    adjustments: storeAdjustments(store),
    now: () => clock().getTime(),
  });
  const holds = new SeatHoldService({ licenses, store, now: clock, logger });

  const allowlist = new TenantAllowlist(allowedTenants(config, () => graph.licenseReader.readTenant()), logger);
  const report = createReportFeature({ licenses, store, schedule: config.report.schedule, logger, now: clock });
  const answers = licenseAnswers({ licenses, now: clock, forecasts: storeForecastLookup(store, logger), trends: report.trends });
  const access = createAccessPolicy(config, graph.memberChecker, logger, missingPermissions);
  const admin = adminCommands({ store, licenses, access, defaultThreshold: config.alerts.defaultThreshold });
  const adapter = createAdapter(config.bot, logger);
  const refreshUserIds = new TeamsRefreshUserIds(logger);
  const channels = new ProactiveChannelSender({ adapter, appId: config.bot.appId, store, refreshUserIds });
  const reservations = createReservationFeature({
    config,
    store,
    access,
    licenses,
    channels,
    logger,
    now: clock,
  });
  const reclaim = createReclaimFeature({
    actionsEnabled: config.reclaimActions,
    refreshUserIds: config.admins.userIds,
    defaultThreshold: config.alerts.defaultThreshold,
    store,
    scans: store,
    suggestions: store,
    access,
    licenses,
    channels,
    writer: graph.licenseWriter,
    lookup: graph.directLicenses,
    logger,
    clock,
  });
  const cardActions = new CardActionRegistry();
  reservations.registerCardActions(cardActions);
  reclaim.registerCardActions(cardActions);
  const responder = new ChatRouter(
    {
      ...answers,
      'can-assign': preflightAnswer({ licenses, now: clock }),
      ...admin,
      reservations: reservations.chatAnswer,
      report: report.chatAnswer,
      reclaim: reclaimAnswer({ scans: store, licenses, access, now: clock }),
    },
    logger,
  );
  const bot = new HeadroomBot({
    responder,
    allowlist,
    logger,
    installation: new InstallationEvents({ store, logger }),
    cardActions: new CardActionHandler(cardActions, logger, refreshUserIds),
  });
  const outbox = new OutboxDispatcher({
    store,
    logger,
    clock,
    senders: { channel: channelOutboxSender(channels) },
    claimLeaseMs: options.alerts?.claimLeaseMs,
    backoff: options.alerts?.backoff,
    hooks: options.alerts?.dispatchHooks,
  });
  const watcher = new Watcher({
    store,
    licenses,
    dispatcher: outbox,
    logger,
    clock,
    pollIntervalSeconds: config.alerts.pollIntervalSeconds,
    settings: config.alerts,
  });
  reservations.attach(outbox, watcher);
  const reclaimScanner = new ReclaimScanner({ directory: graph.reclaimReader, store, settings: config.reclaim, missingPermissions, logger });
  // Before the tick reads the figures, so a new scan counts in that tick's alerts and suggestions.
  watcher.addPreHook(reclaimScanner.preTickHook);
  // After the reservations hook: a suggestion fulfilled in this tick has its groups reprocessed in it.
  reclaim.attach(outbox, watcher);
  watcher.addHook(report.tickHook);
  watcher.addHook(report.retentionHook);

  const gate = new RequestGate();
  const server = createServer({
    logger,
    gate,
    processMessage: createMessageProcessor(adapter, bot, logger, { authenticates: config.bot.appId !== null }),
    health: () => ({ status: gate.accepting ? 'ok' : 'draining', version, demoMode: config.demoMode, graph: { ...licenses.health(), missingPermissions: missingPermissions.names() }, watcher: watcher.status(), reclaimScan: reclaimScanner.status() }),
    apiKey: config.apiKey,
    apiRoutes: [
      { method: 'get', path: '/licenses', handler: licensesRoute(licenses) },
      { method: 'get', path: '/licenses.csv', handler: licensesRoute(licenses, { format: 'csv' }) },
      { method: 'get', path: '/history', handler: historyRoute({ licenses, store, now: clock }) },
      ...holdsRoutes(holds),
      { method: 'get', path: '/suggestions', handler: suggestionsRoute(store) },
      { method: 'get', path: '/reclaim', handler: reclaimRoute({ scans: store, licenses }) },
    ],
  });
  await listen(server, config.port, config.host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info(`Headroom is listening on ${url}/api/messages`, {
    botAuthentication: config.bot.appId ? 'on' : 'off (no MicrosoftAppId: loopback only)',
  });

  let stopping: Promise<void> | null = null;
  let stage = 'running';
  if (options.alerts?.autoStart !== false) {
    watcher.start();
    outbox.start();
  }

  return {
    url,
    config,
    licenses,
    store,
    demo,
    watcher,
    outbox,
    stop: (reason = 'stop') => {
      stopping ??= stopInOrder(reason);
      return stopping;
    },
    pending: () => (stopping === null ? [] : [stage, `${gate.active} bot turn(s) or API call(s) in flight`]),
  };

  async function stopInOrder(reason: string): Promise<void> {
    logger.info('stopping Headroom', { reason, inFlight: gate.active });
    gate.close();
    stage = 'finishing in-flight turns and the watcher tick in progress, then giving up the watcher lease';
    await Promise.all([gate.drained(), watcher.stop()]);
    stage = 'finishing the reclaim removals in progress';
    await reclaim.executor?.idle();
    stage = 'finishing the outbox pass in progress';
    await outbox.stop();
    stage = 'closing the HTTP server';
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Only idle keep-alive connections are left once the gate has drained.
    server.server.closeAllConnections();
    await closed;
    stage = 'closing the store';
    await store.close();
    stage = 'closing the demo tenant';
    await demo?.close();
    stage = 'stopped';
    logger.info('Headroom stopped', { reason });
  }
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
