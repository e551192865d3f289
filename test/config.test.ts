import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeConfig, loadConfig, type Config } from '../src/config';
import { ConfigError } from '../src/errors';
import { createLogger } from '../src/logger';

const TENANT_ID = '3f6a1c2e-8b4d-4e7f-9a10-5c2b7d8e9f01';
const OTHER_TENANT_ID = 'a7c3e5f1-2b4d-4c6e-8f90-1a2b3c4d5e6f';
const BOT_APP_ID = 'b0c1d2e3-f405-4617-8829-3a4b5c6d7e8f';
const GRAPH_CLIENT_ID = 'c9d8e7f6-a5b4-4c3d-9e2f-1a0b9c8d7e6f';
const USER_ID = 'd1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6';
const GROUP_ID = 'e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9';

const BOT_PASSWORD = 'Bot~Pa55word-0f-the-app-registration';
const CLIENT_SECRET = 'Graph~Cl1ent-Secret-value-for-tests';
const API_KEY = 'api-key-0123456789abcdef0123456789abcdef';
const WEBHOOK_SECRET = 'webhook-signing-secret-42';
const DB_PASSWORD = 'Db-Pa55-hidden';

/** Every variable Headroom reads; the contract with .env.example and docs/configuration.md. */
const ALL_VARIABLES = [
  'PORT', 'HOST', 'MicrosoftAppId', 'MicrosoftAppPassword', 'MicrosoftAppType', 'MicrosoftAppTenantId',
  'BotOpenIdMetadata', 'AZURE_TENANT_ID', 'AZURE_CLIENT_ID', 'AZURE_CLIENT_SECRET', 'AZURE_CLIENT_CERTIFICATE_PATH',
  'AZURE_USE_MANAGED_IDENTITY', 'IDENTITY_ENDPOINT', 'MSI_ENDPOINT', 'GRAPH_BASE_URL', 'AZURE_AUTHORITY_HOST', 'ALLOWED_TENANT_IDS',
  'HEADROOM_API_KEY', 'DATA_DIR', 'DATABASE_URL', 'LOG_LEVEL', 'LOG_FORMAT', 'LICENSE_CACHE_SECONDS', 'ADMIN_USER_IDS',
  'ADMIN_GROUP_ID', 'ALERT_MIN_AVAILABLE', 'POLL_INTERVAL_SECONDS', 'REMIND_HOURS', 'EXPIRY_WARNING_DAYS',
  'RESERVATION_SUGGESTIONS', 'RESERVATION_LEAD_DAYS', 'APPROVER_GROUP_ID', 'RESERVATION_WEBHOOK_URL',
  'RESERVATION_WEBHOOK_SECRET', 'BOT_DOMAIN', 'REPORT_SCHEDULE', 'REPORT_TIMEZONE', 'RECLAIM_INACTIVE_DAYS',
  'RECLAIM_EXCLUDE_GROUP_ID', 'RECLAIM_SCAN_HOURS',
];

const SECRET_GRAPH: NodeJS.ProcessEnv = { AZURE_TENANT_ID: TENANT_ID, AZURE_CLIENT_ID: GRAPH_CLIENT_ID, AZURE_CLIENT_SECRET: CLIENT_SECRET };
const BOT: NodeJS.ProcessEnv = { MicrosoftAppId: BOT_APP_ID, MicrosoftAppPassword: BOT_PASSWORD };

/** The problems `loadConfig` reports for `env`; empty when it loads. */
function problemsOf(env: NodeJS.ProcessEnv): readonly string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

/** Reads `NAME=value` lines that are not comments, as a shell or `node --env-file` would. */
function parseEnvFile(text: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match !== null) {
      env[match[1]] = match[2];
    }
  }
  return env;
}

describe('loadConfig', () => {
  let tempDir: string;

  before(() => {
    tempDir = mkdtempSync(join(tmpdir(), 'headroom-config-'));
  });

  after(() => {
    rmSync(tempDir, { recursive: true, force: true });
  });

  it('runs the demo tenant on 127.0.0.1:3978 with documented defaults for an empty environment', () => {
    const expected: Config = {
      port: 3978,
      host: '127.0.0.1',
      demoMode: true,
      bot: { appId: null, appPassword: null, appType: 'MultiTenant', appTenantId: null, openIdMetadataUrl: null },
      graph: { baseUrl: null, auth: { kind: 'none' }, authorityHost: null },
      allowedTenantIds: [],
      apiKey: null,
      dataDir: './data',
      databaseUrl: null,
      logLevel: 'info',
      logFormat: 'json',
      licenseCacheSeconds: 60,
      admins: { userIds: [], groupId: null },
      alerts: { defaultThreshold: { kind: 'percent', value: 5 }, pollIntervalSeconds: 900, remindHours: 24, expiryWarningDays: 30 },
      reservations: { enabled: true, leadDays: 30, approverGroupId: null, webhookUrl: null, webhookSecret: null },
      botDomain: null,
      report: { schedule: { kind: 'weekly', weekday: 1, hour: 9, minute: 0, timeZone: 'UTC' } },
      reclaim: { inactiveDays: 90, excludeGroupId: null, scanHours: 24 },
    };

    assert.deepEqual(loadConfig({}, false), expected);
  });

  it('logs pretty by default when stdout is a terminal, and as told otherwise', () => {
    assert.equal(loadConfig({}, true).logFormat, 'pretty');
    assert.equal(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat, 'json');
    assert.equal(loadConfig({ LOG_FORMAT: 'Pretty' }, false).logFormat, 'pretty');
  });

  it('treats empty and whitespace-only values as unset', () => {
    const blank = Object.fromEntries(ALL_VARIABLES.map((name, index) => [name, index % 2 === 0 ? '' : ' \t ']));

    assert.deepEqual(loadConfig(blank), loadConfig({}));
  });

  it('reads every value it is given', () => {
    const config = loadConfig({
      ...BOT,
      ...SECRET_GRAPH,
      PORT: '8080',
      HOST: '10.1.2.3',
      MicrosoftAppType: 'singletenant',
      MicrosoftAppTenantId: TENANT_ID,
      BotOpenIdMetadata: 'http://127.0.0.1:4000/openid',
      ALLOWED_TENANT_IDS: ` ${TENANT_ID.toUpperCase()} , ${OTHER_TENANT_ID}`,
      HEADROOM_API_KEY: API_KEY,
      DATA_DIR: '/var/lib/headroom',
      DATABASE_URL: `postgresql://headroom:${DB_PASSWORD}@db.internal:5432/headroom`,
      LOG_LEVEL: 'WARN',
      LOG_FORMAT: 'pretty',
      LICENSE_CACHE_SECONDS: '0',
      ADMIN_USER_IDS: `${USER_ID},${USER_ID.toUpperCase()}`,
      ADMIN_GROUP_ID: GROUP_ID,
      ALERT_MIN_AVAILABLE: '10',
      POLL_INTERVAL_SECONDS: '60',
      REMIND_HOURS: '0.5',
      EXPIRY_WARNING_DAYS: '0',
      RESERVATION_SUGGESTIONS: 'off',
      RESERVATION_LEAD_DAYS: '365',
      APPROVER_GROUP_ID: GROUP_ID,
      RESERVATION_WEBHOOK_URL: 'https://procurement.example.com/hooks/headroom',
      RESERVATION_WEBHOOK_SECRET: WEBHOOK_SECRET,
      BOT_DOMAIN: 'Headroom.Example.com',
      REPORT_SCHEDULE: 'Daily 08:30',
      REPORT_TIMEZONE: 'Europe/Berlin',
      RECLAIM_INACTIVE_DAYS: '3650',
      RECLAIM_EXCLUDE_GROUP_ID: GROUP_ID.toUpperCase(),
      RECLAIM_SCAN_HOURS: '0.5',
    });

    assert.deepEqual(config, {
      port: 8080,
      host: '10.1.2.3',
      demoMode: false,
      bot: {
        appId: BOT_APP_ID,
        appPassword: BOT_PASSWORD,
        appType: 'SingleTenant',
        appTenantId: TENANT_ID,
        openIdMetadataUrl: 'http://127.0.0.1:4000/openid',
      },
      graph: {
        baseUrl: 'https://graph.microsoft.com',
        auth: { kind: 'client-secret', tenantId: TENANT_ID, clientId: GRAPH_CLIENT_ID, clientSecret: CLIENT_SECRET },
        authorityHost: null,
      },
      allowedTenantIds: [TENANT_ID, OTHER_TENANT_ID],
      apiKey: API_KEY,
      dataDir: '/var/lib/headroom',
      databaseUrl: `postgresql://headroom:${DB_PASSWORD}@db.internal:5432/headroom`,
      logLevel: 'warn',
      logFormat: 'pretty',
      licenseCacheSeconds: 0,
      admins: { userIds: [USER_ID], groupId: GROUP_ID },
      alerts: { defaultThreshold: { kind: 'absolute', value: 10 }, pollIntervalSeconds: 60, remindHours: 0.5, expiryWarningDays: 0 },
      reservations: {
        enabled: false,
        leadDays: 365,
        approverGroupId: GROUP_ID,
        webhookUrl: 'https://procurement.example.com/hooks/headroom',
        webhookSecret: WEBHOOK_SECRET,
      },
      botDomain: 'headroom.example.com',
      report: { schedule: { kind: 'daily', hour: 8, minute: 30, timeZone: 'Europe/Berlin' } },
      reclaim: { inactiveDays: 3650, excludeGroupId: GROUP_ID, scanHours: 0.5 },
    });
  });

  describe('HOST', () => {
    const cases: Array<{ env: NodeJS.ProcessEnv; host: string; why: string }> = [
      { env: {}, host: '127.0.0.1', why: 'loopback without an app id' },
      { env: BOT, host: '0.0.0.0', why: 'every interface with an app id' },
      { env: { HOST: 'localhost' }, host: 'localhost', why: 'localhost without an app id' },
      { env: { HOST: '127.10.0.1' }, host: '127.10.0.1', why: 'any 127.0.0.0/8 address without an app id' },
      { env: { HOST: '[::1]' }, host: '::1', why: 'bracketed IPv6 loopback, unbracketed for listen()' },
      { env: { ...BOT, HOST: '192.168.1.20' }, host: '192.168.1.20', why: 'a LAN address with an app id' },
    ];
    for (const { env, host, why } of cases) {
      it(`listens on ${host}: ${why}`, () => {
        assert.equal(loadConfig(env).host, host);
      });
    }

    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'headroom.example.com']) {
      it(`refuses HOST=${host} without an app id and says why`, () => {
        const problems = problemsOf({ HOST: host });

        assert.equal(problems.length, 1);
        assert.match(problems[0], /^HOST=/);
        assert.match(problems[0], /MicrosoftAppId is unset/);
        assert.match(problems[0], /unauthenticated activities/);
      });
    }
  });

  describe('invalid values', () => {
    const cases: Array<{ name: string; value: string; base?: NodeJS.ProcessEnv }> = [
      { name: 'PORT', value: 'abc' },
      { name: 'PORT', value: '12abc' },
      { name: 'PORT', value: '1.5' },
      { name: 'PORT', value: '-3' },
      { name: 'PORT', value: '0' },
      { name: 'PORT', value: '65536' },
      { name: 'HOST', value: 'http://0.0.0.0' },
      { name: 'MicrosoftAppId', value: 'my-bot', base: { MicrosoftAppPassword: BOT_PASSWORD } },
      { name: 'MicrosoftAppType', value: 'Multi' },
      { name: 'MicrosoftAppTenantId', value: 'contoso' },
      { name: 'BotOpenIdMetadata', value: 'ftp://example.com/openid' },
      { name: 'AZURE_TENANT_ID', value: 'contoso', base: { AZURE_CLIENT_ID: GRAPH_CLIENT_ID, AZURE_CLIENT_SECRET: CLIENT_SECRET } },
      { name: 'AZURE_CLIENT_ID', value: 'graph-app', base: { AZURE_TENANT_ID: TENANT_ID, AZURE_CLIENT_SECRET: CLIENT_SECRET } },
      { name: 'AZURE_USE_MANAGED_IDENTITY', value: 'maybe' },
      { name: 'GRAPH_BASE_URL', value: 'graph.microsoft.com' },
      { name: 'GRAPH_BASE_URL', value: 'https://graph.microsoft.com/v1.0', base: SECRET_GRAPH },
      { name: 'GRAPH_BASE_URL', value: 'http://graph.example.com', base: SECRET_GRAPH },
      { name: 'ALLOWED_TENANT_IDS', value: `${TENANT_ID},contoso.com` },
      { name: 'LOG_LEVEL', value: 'verbose' },
      { name: 'LOG_FORMAT', value: 'text' },
      { name: 'LICENSE_CACHE_SECONDS', value: '3601' },
      { name: 'ADMIN_USER_IDS', value: `${USER_ID}, admin@contoso.com` },
      { name: 'ADMIN_GROUP_ID', value: 'admins' },
      { name: 'ALERT_MIN_AVAILABLE', value: 'lots' },
      { name: 'POLL_INTERVAL_SECONDS', value: '0' },
      { name: 'POLL_INTERVAL_SECONDS', value: '1e3' },
      { name: 'REMIND_HOURS', value: '0' },
      { name: 'REMIND_HOURS', value: '-1' },
      { name: 'EXPIRY_WARNING_DAYS', value: '1.5' },
      { name: 'RESERVATION_SUGGESTIONS', value: 'sometimes' },
      { name: 'RESERVATION_LEAD_DAYS', value: '0' },
      { name: 'RESERVATION_LEAD_DAYS', value: '366' },
      { name: 'APPROVER_GROUP_ID', value: 'approvers' },
      { name: 'RESERVATION_WEBHOOK_URL', value: 'procurement.example.com', base: { RESERVATION_WEBHOOK_SECRET: WEBHOOK_SECRET } },
      { name: 'BOT_DOMAIN', value: 'https://headroom.example.com/' },
      { name: 'BOT_DOMAIN', value: '10.0.0.1' },
      { name: 'REPORT_SCHEDULE', value: 'monday 9am' },
      { name: 'REPORT_SCHEDULE', value: 'mon 25:00' },
      { name: 'REPORT_TIMEZONE', value: 'Mars/Olympus' },
      { name: 'RECLAIM_INACTIVE_DAYS', value: '0' },
      { name: 'RECLAIM_INACTIVE_DAYS', value: '3651' },
      { name: 'RECLAIM_INACTIVE_DAYS', value: '90d' },
      { name: 'RECLAIM_EXCLUDE_GROUP_ID', value: 'shared-mailboxes' },
      { name: 'RECLAIM_SCAN_HOURS', value: '0' },
      { name: 'RECLAIM_SCAN_HOURS', value: '0.1' },
      { name: 'RECLAIM_SCAN_HOURS', value: '721' },
      { name: 'RECLAIM_SCAN_HOURS', value: 'daily' },
    ];
    for (const { name, value, base } of cases) {
      it(`reports ${name}=${JSON.stringify(value)} once, naming the variable, the value and what is expected`, () => {
        const problems = problemsOf({ ...base, [name]: value });

        assert.equal(problems.length, 1, problems.join('\n'));
        assert.ok(problems[0].startsWith(name), problems[0]);
        assert.ok(problems[0].includes(JSON.stringify(value.split(',').pop()?.trim())), problems[0]);
        assert.match(problems[0], /expected /);
      });
    }

    it('lists all five problems of an environment with five mistakes at once', () => {
      const env = { PORT: '99999', LOG_LEVEL: 'loud', ALERT_MIN_AVAILABLE: '0%', RESERVATION_LEAD_DAYS: 'soon', ADMIN_GROUP_ID: 'x' };

      assert.throws(
        () => loadConfig(env),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.deepEqual(
            error.problems.map((problem) => problem.split('=')[0]).sort(),
            Object.keys(env).sort(),
          );
          for (const problem of error.problems) {
            assert.ok(error.message.includes(problem));
          }
          return true;
        },
      );
    });
  });

  describe('bot registration', () => {
    const cases: Array<{ env: NodeJS.ProcessEnv; problem: RegExp }> = [
      { env: { MicrosoftAppPassword: BOT_PASSWORD }, problem: /^MicrosoftAppPassword is set but MicrosoftAppId is not/ },
      { env: { MicrosoftAppId: BOT_APP_ID }, problem: /^MicrosoftAppPassword is unset: MicrosoftAppType=MultiTenant/ },
      { env: { ...BOT, MicrosoftAppType: 'SingleTenant' }, problem: /^MicrosoftAppTenantId is unset: MicrosoftAppType=SingleTenant/ },
      { env: { MicrosoftAppId: BOT_APP_ID, MicrosoftAppType: 'UserAssignedMSI' }, problem: /^MicrosoftAppTenantId is unset: MicrosoftAppType=UserAssignedMSI/ },
      {
        env: { ...BOT, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: TENANT_ID },
        problem: /^MicrosoftAppPassword is set: MicrosoftAppType=UserAssignedMSI/,
      },
      {
        env: { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: TENANT_ID, HOST: '127.0.0.1', MicrosoftAppPassword: BOT_PASSWORD },
        problem: /^MicrosoftAppId is unset: MicrosoftAppType=SingleTenant/,
      },
    ];
    for (const { env, problem } of cases) {
      it(`reports ${problem.source.replace(/^\^/, '')}`, () => {
        const problems = problemsOf(env);

        assert.ok(problems.some((text) => problem.test(text)), problems.join('\n'));
      });
    }

    it('accepts a user-assigned managed identity with its tenant and no password', () => {
      const config = loadConfig({ MicrosoftAppId: BOT_APP_ID, MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'contoso.onmicrosoft.com' });

      assert.deepEqual(
        [config.bot.appType, config.bot.appTenantId, config.bot.appPassword],
        ['UserAssignedMSI', 'contoso.onmicrosoft.com', null],
      );
    });
  });

  describe('Graph credentials', () => {
    function writeCertificate(name: string, contents: string): string {
      const path = join(tempDir, name);
      writeFileSync(path, contents);
      return path;
    }
    const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n';

    it('uses a client secret with the public Graph endpoint', () => {
      const config = loadConfig(SECRET_GRAPH);

      assert.deepEqual(config.graph, {
        baseUrl: 'https://graph.microsoft.com',
        auth: { kind: 'client-secret', tenantId: TENANT_ID, clientId: GRAPH_CLIENT_ID, clientSecret: CLIENT_SECRET },
        authorityHost: null,
      });
      assert.equal(config.demoMode, false);
    });

    it('uses a certificate from a readable PEM file', () => {
      const certificatePath = writeCertificate('graph.pem', PEM);

      const config = loadConfig({ AZURE_TENANT_ID: TENANT_ID, AZURE_CLIENT_ID: GRAPH_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH: certificatePath });

      assert.deepEqual(config.graph.auth, { kind: 'client-certificate', tenantId: TENANT_ID, clientId: GRAPH_CLIENT_ID, certificatePath });
    });

    const badCertificates: Array<{ why: string; path: () => string; problem: RegExp }> = [
      { why: 'a missing file', path: () => join(tempDir, 'missing.pem'), problem: /cannot be read \(ENOENT\)/ },
      { why: 'a folder', path: () => tempDir, problem: /is not a file/ },
      { why: 'a file without PEM blocks', path: () => writeCertificate('graph.pfx', 'binary pfx bytes'), problem: /has no PEM certificate/ },
    ];
    for (const { why, path, problem } of badCertificates) {
      it(`refuses a certificate path that is ${why}`, () => {
        const problems = problemsOf({ AZURE_TENANT_ID: TENANT_ID, AZURE_CLIENT_ID: GRAPH_CLIENT_ID, AZURE_CLIENT_CERTIFICATE_PATH: path() });

        assert.equal(problems.length, 1, problems.join('\n'));
        assert.match(problems[0], /^AZURE_CLIENT_CERTIFICATE_PATH=/);
        assert.match(problems[0], problem);
      });
    }

    const managed: Array<{ env: NodeJS.ProcessEnv; clientId: string | null; why: string }> = [
      { env: { AZURE_USE_MANAGED_IDENTITY: 'true' }, clientId: null, why: 'the system-assigned identity when asked to' },
      { env: { AZURE_USE_MANAGED_IDENTITY: 'TRUE', AZURE_CLIENT_ID: GRAPH_CLIENT_ID }, clientId: GRAPH_CLIENT_ID, why: 'a user-assigned identity when asked to' },
      { env: { IDENTITY_ENDPOINT: 'http://169.254.255.2:8081/msi/token', AZURE_CLIENT_ID: GRAPH_CLIENT_ID }, clientId: GRAPH_CLIENT_ID, why: 'a user-assigned identity on a host with IDENTITY_ENDPOINT' },
      { env: { MSI_ENDPOINT: 'http://127.0.0.1:41741/MSI/token/', AZURE_CLIENT_ID: GRAPH_CLIENT_ID }, clientId: GRAPH_CLIENT_ID, why: 'a user-assigned identity on a host with MSI_ENDPOINT' },
    ];
    for (const { env, clientId, why } of managed) {
      it(`uses managed identity: ${why}`, () => {
        const config = loadConfig(env);

        assert.deepEqual(config.graph, { baseUrl: 'https://graph.microsoft.com', auth: { kind: 'managed-identity', clientId }, authorityHost: null });
      });
    }

    it('stays in demo mode on a managed identity host when no client id or flag asks for it', () => {
      assert.equal(loadConfig({ IDENTITY_ENDPOINT: 'http://169.254.255.2:8081/msi/token' }).demoMode, true);
    });

    const conflicts: Array<{ env: () => NodeJS.ProcessEnv; problem: RegExp }> = [
      {
        env: () => ({ ...SECRET_GRAPH, AZURE_CLIENT_CERTIFICATE_PATH: writeCertificate('both.pem', PEM) }),
        problem: /^AZURE_CLIENT_SECRET and AZURE_CLIENT_CERTIFICATE_PATH are both set/,
      },
      { env: () => ({ ...SECRET_GRAPH, AZURE_USE_MANAGED_IDENTITY: '1' }), problem: /^AZURE_USE_MANAGED_IDENTITY=true cannot be combined/ },
      { env: () => ({ AZURE_CLIENT_ID: GRAPH_CLIENT_ID }), problem: /^AZURE_CLIENT_ID is set but no Graph credential is/ },
      { env: () => ({ AZURE_CLIENT_SECRET: CLIENT_SECRET, AZURE_CLIENT_ID: GRAPH_CLIENT_ID }), problem: /^AZURE_TENANT_ID is unset/ },
      { env: () => ({ AZURE_CLIENT_SECRET: CLIENT_SECRET, AZURE_TENANT_ID: TENANT_ID }), problem: /^AZURE_CLIENT_ID is unset/ },
    ];
    for (const { env, problem } of conflicts) {
      it(`reports ${problem.source.replace(/^\^/, '')}`, () => {
        const problems = problemsOf(env());

        assert.equal(problems.length, 1, problems.join('\n'));
        assert.match(problems[0], problem);
      });
    }
  });

  describe('AZURE_AUTHORITY_HOST', () => {
    it('keeps an https origin and refuses http, paths and garbage, naming the variable', () => {
      assert.equal(loadConfig({ ...SECRET_GRAPH, AZURE_AUTHORITY_HOST: 'https://login.microsoftonline.us/' }).graph.authorityHost, 'https://login.microsoftonline.us');
      for (const value of ['http://login.example.com', 'https://login.example.com/tenant', 'login.microsoftonline.us']) {
        assert.ok(problemsOf({ ...SECRET_GRAPH, AZURE_AUTHORITY_HOST: value }).some((problem) => problem.startsWith('AZURE_AUTHORITY_HOST=')), value);
      }
    });
  });

  describe('GRAPH_BASE_URL', () => {
    for (const [value, baseUrl] of [
      ['http://127.0.0.1:5000/', 'http://127.0.0.1:5000'],
      ['http://localhost:5000', 'http://localhost:5000'],
      ['http://[::1]:5000', 'http://[::1]:5000'],
      ['https://127.8.9.10', 'https://127.8.9.10'],
    ]) {
      it(`talks to the loopback ${value} without authentication`, () => {
        const config = loadConfig({ GRAPH_BASE_URL: value });

        assert.deepEqual([config.demoMode, config.graph.baseUrl, config.graph.auth.kind], [false, baseUrl, 'none']);
      });
    }

    it('refuses a non-loopback URL without credentials', () => {
      const problems = problemsOf({ GRAPH_BASE_URL: 'https://graph.microsoft.us' });

      assert.equal(problems.length, 1);
      assert.match(problems[0], /^GRAPH_BASE_URL="https:\/\/graph.microsoft.us" is not a loopback address and no Graph credential is set/);
    });

    it('uses a sovereign cloud root with credentials, trailing slash removed', () => {
      assert.equal(loadConfig({ ...SECRET_GRAPH, GRAPH_BASE_URL: 'https://graph.microsoft.us/' }).graph.baseUrl, 'https://graph.microsoft.us');
    });

    it('keeps credentials when pointed at a loopback server', () => {
      assert.equal(loadConfig({ ...SECRET_GRAPH, GRAPH_BASE_URL: 'http://127.0.0.1:5000' }).graph.auth.kind, 'client-secret');
    });
  });

  describe('ALLOWED_TENANT_IDS', () => {
    const cases: Array<{ env: NodeJS.ProcessEnv; ids: string[]; why: string }> = [
      { env: SECRET_GRAPH, ids: [TENANT_ID], why: 'defaults to AZURE_TENANT_ID when it is a GUID' },
      { env: { ...SECRET_GRAPH, AZURE_TENANT_ID: 'contoso.onmicrosoft.com' }, ids: [], why: 'defaults to empty when AZURE_TENANT_ID is a domain' },
      { env: {}, ids: [], why: 'defaults to empty in demo mode' },
      { env: { ...SECRET_GRAPH, ALLOWED_TENANT_IDS: OTHER_TENANT_ID }, ids: [OTHER_TENANT_ID], why: 'replaces the default when set' },
      { env: { ALLOWED_TENANT_IDS: ` ${OTHER_TENANT_ID.toUpperCase()} ,, ${TENANT_ID} ,${OTHER_TENANT_ID}` }, ids: [OTHER_TENANT_ID, TENANT_ID], why: 'trims, lower-cases and de-duplicates entries' },
    ];
    for (const { env, ids, why } of cases) {
      it(why, () => {
        assert.deepEqual(loadConfig(env).allowedTenantIds, ids);
      });
    }

    it('lists every invalid entry as its own problem', () => {
      const problems = problemsOf({ ALLOWED_TENANT_IDS: `contoso, ${TENANT_ID}, 1234` });

      assert.deepEqual(problems.map((problem) => problem.split(':')[0]), ['ALLOWED_TENANT_IDS entry "contoso"', 'ALLOWED_TENANT_IDS entry "1234"']);
    });
  });

  describe('ALERT_MIN_AVAILABLE', () => {
    const accepted: Array<[string, Config['alerts']['defaultThreshold']]> = [
      ['10', { kind: 'absolute', value: 10 }],
      ['1', { kind: 'absolute', value: 1 }],
      ['5%', { kind: 'percent', value: 5 }],
      ['2.5 %', { kind: 'percent', value: 2.5 }],
      ['100%', { kind: 'percent', value: 100 }],
    ];
    for (const [value, threshold] of accepted) {
      it(`reads ${value}`, () => {
        assert.deepEqual(loadConfig({ ALERT_MIN_AVAILABLE: value }).alerts.defaultThreshold, threshold);
      });
    }

    for (const value of ['0', '0%', '150%', '-5', '5.5', '%', 'five']) {
      it(`rejects ${value}`, () => {
        const problems = problemsOf({ ALERT_MIN_AVAILABLE: value });

        assert.equal(problems.length, 1);
        assert.ok(problems[0].startsWith(`ALERT_MIN_AVAILABLE=${JSON.stringify(value)}: expected`), problems[0]);
      });
    }
  });

  describe('secrets', () => {
    it('requires an API key of at least 32 characters', () => {
      const problems = problemsOf({ HEADROOM_API_KEY: 'short-key' });

      assert.equal(problems.length, 1);
      assert.match(problems[0], /^HEADROOM_API_KEY is shorter than 32 characters/);
    });

    it('requires a webhook secret of at least 16 characters when the webhook URL is set', () => {
      const url = { RESERVATION_WEBHOOK_URL: 'https://procurement.example.com/hook' };

      assert.deepEqual(
        [problemsOf(url), problemsOf({ ...url, RESERVATION_WEBHOOK_SECRET: 'too-short' })].map((problems) => problems.map((p) => p.split(':')[0])),
        [['RESERVATION_WEBHOOK_SECRET is unset'], ['RESERVATION_WEBHOOK_SECRET is shorter than 16 characters']],
      );
    });

    it('never puts a secret value in a problem', () => {
      const problems = problemsOf({
        MicrosoftAppPassword: BOT_PASSWORD,
        AZURE_CLIENT_SECRET: CLIENT_SECRET,
        AZURE_CLIENT_CERTIFICATE_PATH: join(tempDir, 'absent.pem'),
        HEADROOM_API_KEY: 'k3y-too-short',
        RESERVATION_WEBHOOK_URL: `https://user:${DB_PASSWORD}@hooks.example.com/run?sig=Sig-Value-In-Query`,
        RESERVATION_WEBHOOK_SECRET: 'wh-too-short',
        DATABASE_URL: `mysql://headroom:${DB_PASSWORD}@db.internal/headroom`,
        GRAPH_BASE_URL: `https://graph.example.com/?token=Sig-Value-In-Query`,
      });
      const text = problems.join('\n');

      assert.ok(problems.length >= 8, text);
      for (const secret of [BOT_PASSWORD, CLIENT_SECRET, 'k3y-too-short', 'wh-too-short', DB_PASSWORD, 'Sig-Value-In-Query']) {
        assert.ok(!text.includes(secret), `problem text reveals ${secret}:\n${text}`);
      }
    });
  });

  describe('DATABASE_URL query options', () => {
    const base = `postgres://headroom:${DB_PASSWORD}@db.internal:5432/headroom`;
    const databaseProblems = (query: string): string[] => problemsOf({ DATABASE_URL: `${base}?${query}` }).filter((problem) => problem.startsWith('DATABASE_URL'));

    it('accepts every sslmode pg understands and the other options with good values', () => {
      const cert = join(tempDir, 'root.crt');
      writeFileSync(cert, '-----BEGIN CERTIFICATE-----\n');
      for (const sslmode of ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify']) {
        assert.deepEqual(databaseProblems(`sslmode=${sslmode}`), [], sslmode);
      }
      const good = `ssl=1&sslrootcert=${encodeURIComponent(cert)}&sslnegotiation=direct&uselibpqcompat=true&sslmode=verify-ca` +
        '&application_name=headroom&options=-c%20search_path%3Dheadroom&client_encoding=UTF8&statement_timeout=5000' +
        '&lock_timeout=1000&idle_in_transaction_session_timeout=60000&query_timeout=10000&port=6432&host=db2.internal';

      assert.deepEqual(databaseProblems(good), []);
      assert.equal(loadConfig({ DATABASE_URL: `${base}?${good}` }).databaseUrl, `${base}?${good}`);
    });

    const bad: { query: string; problem: RegExp }[] = [
      { query: 'sslmode=bogus', problem: /sslmode=bogus is not one of disable, prefer, require, verify-ca, verify-full, no-verify/ },
      { query: 'sslmode=allow', problem: /sslmode=allow is not one of/ },
      { query: 'ssl=false', problem: /ssl=false is not one of true, 1, 0, no-verify/ },
      { query: 'sslnegotiation=fast', problem: /sslnegotiation=fast is not one of postgres, direct/ },
      { query: 'sslnegotiation=direct&sslmode=disable', problem: /sslnegotiation=direct needs SSL/ },
      { query: 'uselibpqcompat=yes', problem: /uselibpqcompat=yes is not one of true, false/ },
      { query: 'uselibpqcompat=true&sslmode=verify-ca', problem: /verify-ca with uselibpqcompat=true needs sslrootcert/ },
      { query: 'sslrootcert=/nonexistent/root.crt', problem: /sslrootcert "\/nonexistent\/root.crt" cannot be read/ },
      { query: 'sslkey=/nonexistent/client.key', problem: /sslkey .* cannot be read/ },
      { query: 'statement_timeout=5s', problem: /statement_timeout must be a whole number of milliseconds/ },
      { query: 'query_timeout=-1', problem: /query_timeout must be a whole number of milliseconds/ },
      { query: 'client_encoding=LATIN1', problem: /client_encoding=LATIN1: Headroom needs UTF8/ },
      { query: 'port=70000', problem: /port=70000 is not a port/ },
      { query: 'replication=database', problem: /replication is not allowed/ },
      { query: 'connect_timeout=10', problem: /connect_timeout is a libpq option that pg does not read/ },
      { query: 'sslmod=require', problem: /"sslmod" is not an option pg understands/ },
      { query: 'sslmode=require&sslmode=disable', problem: /sslmode appears more than once/ },
    ];
    for (const { query, problem } of bad) {
      it(`refuses ${query} at start-up, naming the option`, () => {
        const problems = databaseProblems(query);

        assert.equal(problems.length, 1, problems.join('\n'));
        assert.match(problems[0] ?? '', problem);
        assert.ok(!(problems[0] ?? '').includes(DB_PASSWORD));
      });
    }

    it('reports a bad option together with the other configuration problems', () => {
      const problems = problemsOf({ DATABASE_URL: `${base}?sslmode=bogus`, LOG_LEVEL: 'loud' });

      assert.ok(problems.some((problem) => /sslmode=bogus/.test(problem)));
      assert.ok(problems.some((problem) => /LOG_LEVEL/.test(problem)));
    });

    it('never shows a password given as a query option', () => {
      const problems = problemsOf({ DATABASE_URL: `${base}?password=${DB_PASSWORD}&sslmode=bogus&bogus=${DB_PASSWORD}` });

      assert.ok(problems.length >= 2);
      assert.ok(!problems.join('\n').includes(DB_PASSWORD));
    });
  });

  describe('the documentation', () => {
    it('a copy of .env.example is a valid demo configuration', () => {
      const config = loadConfig(parseEnvFile(readFileSync(join(__dirname, '..', '.env.example'), 'utf8')));

      assert.deepEqual([config.demoMode, config.host, config.port], [true, '127.0.0.1', 3978]);
    });

    it('.env.example lists every variable', () => {
      const listed = Object.keys(parseEnvFile(readFileSync(join(__dirname, '..', '.env.example'), 'utf8')));

      assert.deepEqual([...listed].sort(), [...ALL_VARIABLES].sort());
    });

    it('the README has a table row for every variable', () => {
      const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');
      const rows = new Set([...readme.matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((match) => match[1]));

      assert.deepEqual([...ALL_VARIABLES].filter((name) => !rows.has(name)), []);
    });

    it('docs/configuration.md has a table row for every variable', () => {
      const docs = readFileSync(join(__dirname, '..', 'docs', 'configuration.md'), 'utf8');
      const rows = [...docs.matchAll(/^\| `([A-Za-z_]+)` \|/gm)].map((match) => match[1]);

      assert.deepEqual([...rows].sort(), [...ALL_VARIABLES].sort());
    });
  });
});

describe('describeConfig', () => {
  const env: NodeJS.ProcessEnv = {
    ...BOT,
    ...SECRET_GRAPH,
    HEADROOM_API_KEY: API_KEY,
    DATABASE_URL: `postgres://headroom:${DB_PASSWORD}@db.internal:5432/headroom?password=${DB_PASSWORD}&sslmode=verify-full`,
    RESERVATION_WEBHOOK_URL: 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/run?sig=Sig-Value-In-Query',
    RESERVATION_WEBHOOK_SECRET: WEBHOOK_SECRET,
  };
  const secrets = [BOT_PASSWORD, CLIENT_SECRET, API_KEY, WEBHOOK_SECRET, DB_PASSWORD, 'Sig-Value-In-Query'];

  it('shows secrets only as set or unset, by name', () => {
    const description = describeConfig(loadConfig(env));
    const text = JSON.stringify(description);

    for (const secret of secrets) {
      assert.ok(!text.includes(secret), `describeConfig reveals ${secret}: ${text}`);
    }
    assert.deepEqual(description.sensitiveValues, {
      set: ['MicrosoftAppPassword', 'AZURE_CLIENT_SECRET', 'HEADROOM_API_KEY', 'RESERVATION_WEBHOOK_SECRET'],
      unset: [],
    });
  });

  it('lists every secret as unset in demo mode', () => {
    assert.deepEqual(describeConfig(loadConfig({})).sensitiveValues, {
      set: [],
      unset: ['MicrosoftAppPassword', 'AZURE_CLIENT_SECRET', 'HEADROOM_API_KEY', 'RESERVATION_WEBHOOK_SECRET'],
    });
  });

  it('keeps the database host and the webhook path but not their credentials', () => {
    const description = describeConfig(loadConfig(env));

    assert.deepEqual(
      [description.database, (description.reservations as Record<string, unknown>).webhookUrl],
      ['postgres://db.internal:5432/headroom?...', 'https://prod-12.westeurope.logic.azure.com/workflows/abc/triggers/manual/run?...'],
    );
  });

  it('survives the logger with set/unset intact and no secret in the line', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', format: 'json', write: (line) => lines.push(line) });

    logger.info('configuration loaded', { config: describeConfig(loadConfig(env)) });

    assert.equal(lines.length, 1);
    assert.match(lines[0], /"sensitiveValues":\{"set":\["MicrosoftAppPassword","AZURE_CLIENT_SECRET","HEADROOM_API_KEY","RESERVATION_WEBHOOK_SECRET"\]/);
    for (const secret of secrets) {
      assert.ok(!lines[0].includes(secret), `log line reveals ${secret}`);
    }
  });
});
