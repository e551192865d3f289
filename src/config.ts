import { accessSync, constants as fsConstants, readFileSync, statSync } from 'node:fs';
import { databaseUrlProblems } from './database-url-problems';
import { isIP } from 'node:net';
import type { SkuThreshold } from './settings/sku-threshold';
import { ConfigError } from './errors';
import type { LogFormat, LogLevel } from './logger';
import { describeReportSchedule, isKnownTimeZone, parseReportSchedule, type ReportSchedule } from './settings/report-schedule';

/** How Headroom authenticates to Microsoft Graph. Exactly one credential per process. */
export type GraphAuth =
  | { kind: 'none' }
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'client-certificate'; tenantId: string; clientId: string; certificatePath: string }
  | { kind: 'managed-identity'; clientId: string | null };


/** The validated configuration. Only `loadConfig` builds it, from the environment. */
export interface Config {
  port: number;
  host: string;
  /** True when no Graph credentials and no GRAPH_BASE_URL are set: the demo tenant runs in-process. */
  demoMode: boolean;
  bot: {
    appId: string | null;
    appPassword: string | null;
    /** `MultiTenant`, `SingleTenant` or `UserAssignedMSI`. */
    appType: string;
    appTenantId: string | null;
    /** Overrides botbuilder's OpenID metadata URL (tests and sovereign clouds). */
    openIdMetadataUrl: string | null;
  };
  graph: {
    /** Root URL without version; requests go to `${baseUrl}/v1.0/...`. Null in demo mode until the demo tenant starts. */
    baseUrl: string | null;
    auth: GraphAuth;
    /** AZURE_AUTHORITY_HOST: the Entra authority for tokens; null follows the cloud of the Graph URL. */
    authorityHost: string | null;
  };
  /** Tenants whose activities are answered; empty means "resolve at start-up" (see README). */
  allowedTenantIds: string[];
  apiKey: string | null;
  dataDir: string;
  databaseUrl: string | null;
  logLevel: LogLevel;
  /** `pretty` by default when stdout is a terminal, `json` otherwise. */
  logFormat: LogFormat;
  licenseCacheSeconds: number;
  admins: { userIds: string[]; groupId: string | null };
  alerts: {
    defaultThreshold: SkuThreshold;
    pollIntervalSeconds: number;
    remindHours: number;
    expiryWarningDays: number;
  };
  reservations: {
    enabled: boolean;
    leadDays: number;
    approverGroupId: string | null;
    webhookUrl: string | null;
    webhookSecret: string | null;
  };
  botDomain: string | null;
  /** REPORT_SCHEDULE in REPORT_TIMEZONE: when each watched place gets the license report. */
  report: { schedule: ReportSchedule };
  reclaim: {
    /** RECLAIM_INACTIVE_DAYS: no successful sign-in for this many days makes an enabled account inactive. */
    inactiveDays: number;
    /** RECLAIM_EXCLUDE_GROUP_ID: members (also of nested groups) are never reclaim candidates. */
    excludeGroupId: string | null;
    /** RECLAIM_SCAN_HOURS: how old the stored scan may get before the watcher's leader scans again. */
    scanHours: number;
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HOST_NAME_LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;
const WHOLE_NUMBER = /^\d+$/;
const DECIMAL_NUMBER = /^\d+(?:\.\d+)?$/;
const PERCENTAGE = /^(\d+(?:\.\d+)?)\s*%$/;
const LOG_LEVELS: readonly LogLevel[] = ['debug', 'info', 'warn', 'error', 'silent'];
const LOG_FORMATS: readonly LogFormat[] = ['json', 'pretty'];
const APP_TYPES = ['MultiTenant', 'SingleTenant', 'UserAssignedMSI'] as const;
const TRUE_WORDS = ['on', 'true', '1'];
const FALSE_WORDS = ['off', 'false', '0'];
const DEFAULT_GRAPH_BASE_URL = 'https://graph.microsoft.com';
const MIN_API_KEY_LENGTH = 32;
const MIN_WEBHOOK_SECRET_LENGTH = 16;
const MAX_QUOTED_LENGTH = 80;
const TENANT_EXPECTED = 'a tenant id (GUID) or a domain such as contoso.onmicrosoft.com';

/**
 * Reads and validates Headroom's whole configuration from `env`. Every variable is checked before
 * anything is thrown, so one start-up attempt shows every mistake.
 *
 * `stdoutIsTerminal` picks the default `LOG_FORMAT`: pretty for a person at a terminal, JSON otherwise.
 *
 * @throws ConfigError listing every problem, one entry each; secret values never appear in it.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, stdoutIsTerminal = process.stdout.isTTY === true): Config {
  const reader = new EnvReader(env);
  const server = readServer(reader, reader.text('MicrosoftAppId'));
  const bot = readBot(reader);
  const graph = readGraph(reader);
  const config: Config = {
    ...server,
    demoMode: graph.demoMode,
    bot,
    graph: { baseUrl: graph.baseUrl, auth: graph.auth, authorityHost: readAuthorityHost(reader) },
    allowedTenantIds: readAllowedTenantIds(reader),
    apiKey: readSecret(reader, 'HEADROOM_API_KEY', MIN_API_KEY_LENGTH),
    dataDir: reader.text('DATA_DIR') ?? './data',
    databaseUrl: readDatabaseUrl(reader),
    logLevel: reader.choice('LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: reader.choice('LOG_FORMAT', LOG_FORMATS, stdoutIsTerminal ? 'pretty' : 'json'),
    licenseCacheSeconds: reader.integer('LICENSE_CACHE_SECONDS', 60, 0, 3600),
    admins: {
      userIds: reader.guidList('ADMIN_USER_IDS', 'an Entra user object id (GUID)'),
      groupId: reader.guid('ADMIN_GROUP_ID', 'an Entra group object id (GUID)'),
    },
    alerts: {
      defaultThreshold: readThreshold(reader),
      pollIntervalSeconds: reader.integer('POLL_INTERVAL_SECONDS', 900, 1),
      remindHours: reader.positiveNumber('REMIND_HOURS', 24),
      expiryWarningDays: reader.integer('EXPIRY_WARNING_DAYS', 30, 0),
    },
    reservations: readReservations(reader),
    botDomain: readBotDomain(reader),
    report: { schedule: readReportSchedule(reader) },
    reclaim: readReclaim(reader),
  };
  if (reader.problems.length > 0) {
    throw new ConfigError(reader.problems);
  }
  return config;
}

/**
 * The configuration as one start-up log field. Secrets (the bot password, the Graph client secret, the
 * API key, the webhook secret) appear only by name under `sensitiveValues.set`/`unset`, and URLs lose
 * their user info and query string. Key names avoid the words the logger redacts, so "set"/"unset"
 * survives into the log line.
 */
export function describeConfig(config: Config): Record<string, unknown> {
  const sensitive: Array<[string, string | null]> = [
    ['MicrosoftAppPassword', config.bot.appPassword],
    ['AZURE_CLIENT_SECRET', config.graph.auth.kind === 'client-secret' ? config.graph.auth.clientSecret : null],
    ['HEADROOM_API_KEY', config.apiKey],
    ['RESERVATION_WEBHOOK_SECRET', config.reservations.webhookSecret],
  ];
  return {
    port: config.port,
    host: config.host,
    demoMode: config.demoMode,
    bot: {
      appId: config.bot.appId,
      appType: config.bot.appType,
      appTenantId: config.bot.appTenantId,
      openIdMetadataUrl: config.bot.openIdMetadataUrl === null ? null : displayUrl(config.bot.openIdMetadataUrl),
    },
    graph: { baseUrl: config.graph.baseUrl, authorityHost: config.graph.authorityHost, ...describeAuth(config.graph.auth) },
    allowedTenantIds: config.allowedTenantIds,
    api: config.apiKey === null ? 'off' : 'on',
    dataDir: config.dataDir,
    database: config.databaseUrl === null ? 'sqlite' : displayUrl(config.databaseUrl),
    logLevel: config.logLevel,
    logFormat: config.logFormat,
    licenseCacheSeconds: config.licenseCacheSeconds,
    admins: { userIds: config.admins.userIds, groupId: config.admins.groupId },
    alerts: { ...config.alerts, defaultThreshold: formatThreshold(config.alerts.defaultThreshold) },
    reservations: {
      enabled: config.reservations.enabled,
      leadDays: config.reservations.leadDays,
      approverGroupId: config.reservations.approverGroupId,
      webhookUrl: config.reservations.webhookUrl === null ? null : displayUrl(config.reservations.webhookUrl),
    },
    botDomain: config.botDomain,
    report: describeReportSchedule(config.report.schedule),
    reclaim: { ...config.reclaim },
    sensitiveValues: {
      set: sensitive.filter(([, value]) => value !== null).map(([name]) => name),
      unset: sensitive.filter(([, value]) => value === null).map(([name]) => name),
    },
  };
}

/** Reads variables and collects problems instead of throwing at the first one. */
class EnvReader {
  readonly problems: string[] = [];

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  /** The trimmed value, or null when the variable is unset, empty or only whitespace. */
  text(name: string): string | null {
    const raw = this.env[name];
    if (raw === undefined) {
      return null;
    }
    const trimmed = raw.trim();
    return trimmed === '' ? null : trimmed;
  }

  report(problem: string): void {
    this.problems.push(problem);
  }

  /** Reports a non-secret value that is not what `expected` describes. */
  invalid(name: string, value: string, expected: string): void {
    this.problems.push(`${name}=${quote(value)}: expected ${expected}`);
  }

  integer(name: string, fallback: number, min: number, max?: number): number {
    const value = this.text(name);
    if (value === null) {
      return fallback;
    }
    const expected = max === undefined ? `a whole number of at least ${min}` : `a whole number from ${min} to ${max}`;
    const parsed = WHOLE_NUMBER.test(value) ? Number(value) : Number.NaN;
    if (Number.isNaN(parsed) || parsed < min || (max !== undefined && parsed > max)) {
      this.invalid(name, value, expected);
      return fallback;
    }
    return parsed;
  }

  positiveNumber(name: string, fallback: number): number {
    const value = this.text(name);
    if (value === null) {
      return fallback;
    }
    const parsed = DECIMAL_NUMBER.test(value) ? Number(value) : Number.NaN;
    if (Number.isNaN(parsed) || parsed <= 0) {
      this.invalid(name, value, 'a number above 0, such as 24 or 0.5');
      return fallback;
    }
    return parsed;
  }

  flag(name: string, fallback: boolean): boolean {
    const value = this.text(name);
    if (value === null) {
      return fallback;
    }
    const lower = value.toLowerCase();
    if (TRUE_WORDS.includes(lower)) {
      return true;
    }
    if (FALSE_WORDS.includes(lower)) {
      return false;
    }
    this.invalid(name, value, `one of ${[...TRUE_WORDS, ...FALSE_WORDS].join(', ')}`);
    return fallback;
  }

  /** One of `choices`, matched without regard to case and returned as spelled in `choices`. */
  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const value = this.text(name);
    if (value === null) {
      return fallback;
    }
    const match = choices.find((choice) => choice.toLowerCase() === value.toLowerCase());
    if (match === undefined) {
      this.invalid(name, value, `one of ${choices.join(', ')}`);
      return fallback;
    }
    return match;
  }

  /** A GUID, lower-cased so it compares equal to the ids Teams and Graph send. */
  guid(name: string, expected: string): string | null {
    const value = this.text(name);
    if (value === null) {
      return null;
    }
    if (!GUID.test(value)) {
      this.invalid(name, value, expected);
      return null;
    }
    return value.toLowerCase();
  }

  /** A comma-separated list of GUIDs, lower-cased and de-duplicated; each bad entry is its own problem. */
  guidList(name: string, expected: string): string[] {
    const ids: string[] = [];
    for (const entry of (this.text(name) ?? '').split(',')) {
      const id = entry.trim();
      if (id === '') {
        continue;
      }
      if (!GUID.test(id)) {
        this.problems.push(`${name} entry ${quote(id)}: expected ${expected}; separate entries with commas`);
        continue;
      }
      if (!ids.includes(id.toLowerCase())) {
        ids.push(id.toLowerCase());
      }
    }
    return ids;
  }

  /** An http(s) URL. Problems show it without user info or query string, which may hold secrets. */
  httpUrl(name: string, value: string): URL | null {
    const url = parseUrl(value);
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
      this.problems.push(`${name}=${quote(displayUrl(value))}: expected an http:// or https:// URL`);
      return null;
    }
    return url;
  }
}

function readServer(reader: EnvReader, appId: string | null): Pick<Config, 'port' | 'host'> {
  const port = reader.integer('PORT', 3978, 1, 65535);
  const value = reader.text('HOST');
  const host = value === null ? (appId === null ? '127.0.0.1' : '0.0.0.0') : value.replace(/^\[(.*)\]$/, '$1');
  if (value !== null && isIP(host) === 0 && !isHostName(host)) {
    reader.invalid('HOST', value, 'an IP address or host name to listen on, such as 127.0.0.1 or 0.0.0.0');
  } else if (appId === null && !isLoopbackHost(host)) {
    reader.report(
      `HOST=${quote(host)} is not a loopback address and MicrosoftAppId is unset: without an app id botbuilder ` +
        'accepts unauthenticated activities from anyone who can reach the port, so only loopback ' +
        '(127.0.0.1, ::1, localhost) is safe. Set MicrosoftAppId and its credential, or HOST=127.0.0.1',
    );
  }
  return { port, host };
}

function readBot(reader: EnvReader): Config['bot'] {
  const appId = reader.text('MicrosoftAppId');
  if (appId !== null && !GUID.test(appId)) {
    reader.invalid('MicrosoftAppId', appId, "the bot's Entra application (client) id, a GUID");
  }
  const appPassword = reader.text('MicrosoftAppPassword');
  const appType = reader.choice('MicrosoftAppType', APP_TYPES, 'MultiTenant');
  const appTenantId = reader.text('MicrosoftAppTenantId');
  if (appTenantId !== null && !isTenantId(appTenantId)) {
    reader.invalid('MicrosoftAppTenantId', appTenantId, TENANT_EXPECTED);
  }
  const metadata = reader.text('BotOpenIdMetadata');
  const openIdMetadataUrl = metadata === null ? null : reader.httpUrl('BotOpenIdMetadata', metadata)?.href ?? null;

  if (appPassword !== null && appId === null) {
    reader.report('MicrosoftAppPassword is set but MicrosoftAppId is not: set the app id the password belongs to, or unset the password');
  }
  if (appId === null && appType !== 'MultiTenant') {
    reader.report(`MicrosoftAppId is unset: MicrosoftAppType=${appType} needs the bot's app id`);
  }
  if (appType !== 'MultiTenant' && appTenantId === null) {
    reader.report(`MicrosoftAppTenantId is unset: MicrosoftAppType=${appType} needs the tenant the app is registered in`);
  }
  if (appType === 'UserAssignedMSI' && appPassword !== null) {
    reader.report('MicrosoftAppPassword is set: MicrosoftAppType=UserAssignedMSI authenticates with the managed identity, so unset the password');
  }
  if (appType !== 'UserAssignedMSI' && appId !== null && appPassword === null) {
    reader.report(`MicrosoftAppPassword is unset: MicrosoftAppType=${appType} with an app id needs the app's client secret`);
  }
  return { appId, appPassword, appType, appTenantId, openIdMetadataUrl };
}

type GraphSettings = { demoMode: boolean; baseUrl: string | null; auth: GraphAuth };

function readGraph(reader: EnvReader): GraphSettings {
  const auth = readGraphAuth(reader);
  const base = readGraphBaseUrl(reader);
  if (auth.kind !== 'none') {
    return { demoMode: false, baseUrl: base.state === 'valid' ? base.url : DEFAULT_GRAPH_BASE_URL, auth };
  }
  if (base.state === 'unset') {
    return { demoMode: true, baseUrl: null, auth };
  }
  if (base.state === 'valid' && !base.loopback) {
    reader.report(
      `GRAPH_BASE_URL=${quote(base.url)} is not a loopback address and no Graph credential is set: set ` +
        'AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET (or a certificate or managed identity), or ' +
        'point GRAPH_BASE_URL at a local demo tenant such as http://127.0.0.1:5000',
    );
  }
  return { demoMode: false, baseUrl: base.state === 'valid' ? base.url : null, auth };
}

/** @azure/identity's own variable: an https origin such as https://login.microsoftonline.us. */
function readAuthorityHost(reader: EnvReader): string | null {
  const value = reader.text('AZURE_AUTHORITY_HOST');
  if (value === null) {
    return null;
  }
  const url = reader.httpUrl('AZURE_AUTHORITY_HOST', value);
  if (url === null) {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    reader.invalid('AZURE_AUTHORITY_HOST', displayUrl(value), 'an https:// origin only, such as https://login.microsoftonline.us');
    return null;
  }
  return url.origin;
}

type GraphBaseUrl = { state: 'unset' } | { state: 'invalid' } | { state: 'valid'; url: string; loopback: boolean };

function readGraphBaseUrl(reader: EnvReader): GraphBaseUrl {
  const value = reader.text('GRAPH_BASE_URL');
  if (value === null) {
    return { state: 'unset' };
  }
  const url = reader.httpUrl('GRAPH_BASE_URL', value);
  if (url === null) {
    return { state: 'invalid' };
  }
  if (url.username !== '' || url.password !== '' || url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    reader.invalid('GRAPH_BASE_URL', displayUrl(value), 'the root URL only, such as https://graph.microsoft.com (no path, version, query or user info)');
    return { state: 'invalid' };
  }
  const loopback = isLoopbackHost(url.hostname);
  if (url.protocol === 'http:' && !loopback) {
    reader.invalid('GRAPH_BASE_URL', value, 'https:// (plain http:// is allowed only for a loopback host: 127.0.0.1, localhost or [::1])');
    return { state: 'invalid' };
  }
  return { state: 'valid', url: url.origin, loopback };
}

/** Follows @azure/identity's environment variables; the presence of a credential decides the kind. */
function readGraphAuth(reader: EnvReader): GraphAuth {
  const tenantId = reader.text('AZURE_TENANT_ID');
  const clientId = reader.text('AZURE_CLIENT_ID');
  const clientSecret = reader.text('AZURE_CLIENT_SECRET');
  const certificatePath = reader.text('AZURE_CLIENT_CERTIFICATE_PATH');
  const useManagedIdentity = reader.flag('AZURE_USE_MANAGED_IDENTITY', false);
  const identityEndpoint = reader.text('IDENTITY_ENDPOINT') ?? reader.text('MSI_ENDPOINT');
  if (tenantId !== null && !isTenantId(tenantId)) {
    reader.invalid('AZURE_TENANT_ID', tenantId, TENANT_EXPECTED);
  }
  if (clientId !== null && !GUID.test(clientId)) {
    reader.invalid('AZURE_CLIENT_ID', clientId, 'an Entra application (client) id, a GUID');
  }
  if (clientSecret !== null && certificatePath !== null) {
    reader.report('AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH are both set: set exactly one Graph credential');
  }

  if (useManagedIdentity) {
    if (clientSecret !== null || certificatePath !== null) {
      reader.report('AZURE_USE_MANAGED_IDENTITY=true cannot be combined with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH: set exactly one Graph credential');
    }
    return { kind: 'managed-identity', clientId };
  }
  if (clientSecret !== null || certificatePath !== null) {
    const credential = certificatePath !== null ? 'AZURE_CLIENT_CERTIFICATE_PATH' : 'AZURE_CLIENT_SECRET';
    if (tenantId === null) {
      reader.report(`AZURE_TENANT_ID is unset: ${credential} needs the tenant the app is registered in`);
    }
    if (clientId === null) {
      reader.report(`AZURE_CLIENT_ID is unset: ${credential} needs the app's application (client) id`);
    }
    if (certificatePath !== null) {
      checkCertificateFile(reader, certificatePath);
      return { kind: 'client-certificate', tenantId: tenantId ?? '', clientId: clientId ?? '', certificatePath };
    }
    return { kind: 'client-secret', tenantId: tenantId ?? '', clientId: clientId ?? '', clientSecret: clientSecret ?? '' };
  }
  // App Service, Functions and Container Apps set IDENTITY_ENDPOINT (older hosts MSI_ENDPOINT) when an
  // identity is attached; with a client id that is the usual way to pick a user-assigned identity.
  if (identityEndpoint !== null && clientId !== null) {
    return { kind: 'managed-identity', clientId };
  }
  if (clientId !== null) {
    reader.report(
      'AZURE_CLIENT_ID is set but no Graph credential is: set AZURE_CLIENT_SECRET, AZURE_CLIENT_CERTIFICATE_PATH ' +
        'or AZURE_USE_MANAGED_IDENTITY=true, or unset AZURE_CLIENT_ID to run in demo mode',
    );
  }
  return { kind: 'none' };
}

function checkCertificateFile(reader: EnvReader, path: string): void {
  const expected = 'a readable PEM file holding the certificate and its private key';
  let contents: string;
  try {
    if (!statSync(path).isFile()) {
      reader.report(`AZURE_CLIENT_CERTIFICATE_PATH=${quote(path)} is not a file: expected ${expected}`);
      return;
    }
    accessSync(path, fsConstants.R_OK);
    contents = readFileSync(path, 'utf8');
  } catch (error) {
    reader.report(`AZURE_CLIENT_CERTIFICATE_PATH=${quote(path)} cannot be read (${errorCode(error)}): expected ${expected}`);
    return;
  }
  if (!contents.includes('-----BEGIN CERTIFICATE-----') || !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(contents)) {
    reader.report(`AZURE_CLIENT_CERTIFICATE_PATH=${quote(path)} has no PEM certificate and private key: expected ${expected} (convert a .pfx with openssl pkcs12 -nodes)`);
  }
}

function readAllowedTenantIds(reader: EnvReader): string[] {
  const listed = reader.guidList('ALLOWED_TENANT_IDS', 'a tenant id (GUID)');
  if (reader.text('ALLOWED_TENANT_IDS') !== null) {
    return listed;
  }
  const tenantId = reader.text('AZURE_TENANT_ID');
  return tenantId !== null && GUID.test(tenantId) ? [tenantId.toLowerCase()] : [];
}

/** A secret that must be long enough to resist guessing; problems never include its value. */
function readSecret(reader: EnvReader, name: string, minLength: number): string | null {
  const value = reader.text(name);
  if (value !== null && value.length < minLength) {
    reader.report(`${name} is shorter than ${minLength} characters: expected a random value of at least ${minLength} characters (for example from "openssl rand -hex 32"); the value is not shown`);
  }
  return value;
}

function readDatabaseUrl(reader: EnvReader): string | null {
  const value = reader.text('DATABASE_URL');
  if (value === null) {
    return null;
  }
  const url = parseUrl(value);
  if (url === null || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') || url.hostname === '') {
    reader.report('DATABASE_URL is not a PostgreSQL URL: expected postgres://user:password@host:5432/database (the value is not shown: it may hold a password)');
    return null;
  }
  for (const problem of databaseUrlProblems(url)) {
    reader.report(`DATABASE_URL: ${problem} (the rest of the value is not shown: it may hold a password)`);
  }
  return value;
}

function readThreshold(reader: EnvReader): SkuThreshold {
  const fallback: SkuThreshold = { kind: 'percent', value: 5 };
  const value = reader.text('ALERT_MIN_AVAILABLE');
  if (value === null) {
    return fallback;
  }
  const percent = PERCENTAGE.exec(value);
  if (percent !== null) {
    const share = Number(percent[1]);
    if (share > 0 && share <= 100) {
      return { kind: 'percent', value: share };
    }
    reader.invalid('ALERT_MIN_AVAILABLE', value, 'a percentage above 0% and at most 100%, such as 5%');
    return fallback;
  }
  if (WHOLE_NUMBER.test(value)) {
    const seats = Number(value);
    if (seats >= 1) {
      return { kind: 'absolute', value: seats };
    }
    reader.invalid('ALERT_MIN_AVAILABLE', value, 'a seat count of at least 1, or a percentage such as 5%');
    return fallback;
  }
  reader.invalid('ALERT_MIN_AVAILABLE', value, 'a whole number of seats such as 10, or a percentage of purchased seats such as 5%');
  return fallback;
}

function readReservations(reader: EnvReader): Config['reservations'] {
  const enabled = reader.flag('RESERVATION_SUGGESTIONS', true);
  const leadDays = reader.integer('RESERVATION_LEAD_DAYS', 30, 1, 365);
  const approverGroupId = reader.guid('APPROVER_GROUP_ID', 'an Entra group object id (GUID)');
  const urlText = reader.text('RESERVATION_WEBHOOK_URL');
  const webhookUrl = urlText === null ? null : reader.httpUrl('RESERVATION_WEBHOOK_URL', urlText)?.href ?? null;
  // The secret only matters with a URL; a leftover secret without one is ignored, not refused.
  const webhookSecret = urlText === null ? null : readSecret(reader, 'RESERVATION_WEBHOOK_SECRET', MIN_WEBHOOK_SECRET_LENGTH);
  if (urlText !== null && webhookSecret === null) {
    reader.report(
      `RESERVATION_WEBHOOK_SECRET is unset: RESERVATION_WEBHOOK_URL needs a signing secret of at least ${MIN_WEBHOOK_SECRET_LENGTH} characters`,
    );
  }
  return { enabled, leadDays, approverGroupId, webhookUrl, webhookSecret };
}

/** Bounds of RECLAIM_SCAN_HOURS: no more often than every 15 minutes, at least every 30 days. */
const MIN_SCAN_HOURS = 0.25;
const MAX_SCAN_HOURS = 720;

function readReclaim(reader: EnvReader): Config['reclaim'] {
  const scanHours = reader.positiveNumber('RECLAIM_SCAN_HOURS', 24);
  const scanText = reader.text('RECLAIM_SCAN_HOURS');
  const inRange = scanHours >= MIN_SCAN_HOURS && scanHours <= MAX_SCAN_HOURS;
  if (scanText !== null && !inRange) {
    reader.invalid('RECLAIM_SCAN_HOURS', scanText, `a number of hours from ${MIN_SCAN_HOURS} to ${MAX_SCAN_HOURS}, such as 24 or 0.5`);
  }
  return {
    inactiveDays: reader.integer('RECLAIM_INACTIVE_DAYS', 90, 1, 3650),
    excludeGroupId: reader.guid('RECLAIM_EXCLUDE_GROUP_ID', 'an Entra group object id (GUID)'),
    scanHours: inRange ? scanHours : 24,
  };
}

function readReportSchedule(reader: EnvReader): ReportSchedule {
  const zoneText = reader.text('REPORT_TIMEZONE');
  let timeZone = 'UTC';
  if (zoneText !== null) {
    if (isKnownTimeZone(zoneText)) {
      timeZone = zoneText;
    } else {
      reader.invalid('REPORT_TIMEZONE', zoneText, 'an IANA time zone name such as Europe/Berlin or America/New_York');
    }
  }
  const fallback: ReportSchedule = { kind: 'weekly', weekday: 1, hour: 9, minute: 0, timeZone };
  const scheduleText = reader.text('REPORT_SCHEDULE');
  if (scheduleText === null) {
    return fallback;
  }
  const schedule = parseReportSchedule(scheduleText, timeZone);
  if (schedule === null) {
    reader.invalid('REPORT_SCHEDULE', scheduleText, 'a weekday and 24-hour time such as mon 09:00, daily and a time such as daily 08:30, or off');
    return fallback;
  }
  return schedule;
}

function readBotDomain(reader: EnvReader): string | null {
  const value = reader.text('BOT_DOMAIN');
  if (value === null) {
    return null;
  }
  if (!isDomainName(value)) {
    reader.invalid('BOT_DOMAIN', value, 'a host name such as headroom.example.com, without https://, a port or a path');
    return null;
  }
  return value.toLowerCase();
}

function describeAuth(auth: GraphAuth): Record<string, unknown> {
  switch (auth.kind) {
    case 'none':
      return { auth: 'none' };
    case 'client-secret':
      return { auth: auth.kind, tenantId: auth.tenantId, clientId: auth.clientId };
    case 'client-certificate':
      return { auth: auth.kind, tenantId: auth.tenantId, clientId: auth.clientId, certificatePath: auth.certificatePath };
    case 'managed-identity':
      return { auth: auth.kind, clientId: auth.clientId ?? 'system-assigned' };
  }
}

function formatThreshold(threshold: SkuThreshold): string {
  return threshold.kind === 'percent' ? `${threshold.value}%` : `${threshold.value} seats`;
}

function parseUrl(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** A URL without user info or query string (webhook URLs often carry a signature in the query). */
function displayUrl(value: string): string {
  const url = parseUrl(value);
  if (url === null) {
    return value.split(/[?#]/)[0].replace(/\/\/[^/@]*@/, '//');
  }
  return `${url.protocol}//${url.host}${url.pathname}${url.search === '' ? '' : '?...'}`;
}

function isLoopbackHost(host: string): boolean {
  const bare = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (bare === 'localhost') {
    return true;
  }
  if (isIP(bare) === 4) {
    return bare.startsWith('127.');
  }
  if (isIP(bare) === 6) {
    return parseUrl(`http://[${bare}]/`)?.hostname === '[::1]';
  }
  return false;
}

function isHostName(value: string): boolean {
  return value.length <= 253 && value.split('.').every((label) => HOST_NAME_LABEL.test(label));
}

/** A DNS name with at least two labels whose last label is not numeric (so not an IP address). */
function isDomainName(value: string): boolean {
  const labels = value.split('.');
  return labels.length >= 2 && isHostName(value) && /[a-z]/i.test(labels[labels.length - 1]);
}

function isTenantId(value: string): boolean {
  return GUID.test(value) || isDomainName(value);
}

function quote(value: string): string {
  const shown = value.length > MAX_QUOTED_LENGTH ? `${value.slice(0, MAX_QUOTED_LENGTH)}...` : value;
  return JSON.stringify(shown);
}

function errorCode(error: unknown): string {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return 'unreadable';
}
