import { accessSync, constants as fsConstants, statSync } from 'node:fs';

const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;
const SSL_FLAGS = ['true', '1', '0', 'no-verify'] as const;
const SSL_NEGOTIATIONS = ['postgres', 'direct'] as const;
const LIBPQ_COMPAT = ['true', 'false'] as const;
const UTF8_NAMES = ['utf8', 'utf-8'];
const MILLISECONDS = /^\d{1,9}$/;
const PORT = /^\d{1,5}$/;

type Check = (value: string, params: URLSearchParams) => string | null;

function oneOf(name: string, allowed: readonly string[]): Check {
  return (value) => (allowed.includes(value) ? null : `${name}=${value} is not one of ${allowed.join(', ')}`);
}

function milliseconds(name: string): Check {
  return (value) => (MILLISECONDS.test(value) ? null : `${name} must be a whole number of milliseconds, not ${JSON.stringify(value.slice(0, 40))}`);
}

function readableFile(name: string): Check {
  return (value) => {
    try {
      if (!statSync(value).isFile()) {
        return `${name} ${JSON.stringify(value)} is not a file`;
      }
      accessSync(value, fsConstants.R_OK);
      return null;
    } catch {
      return `${name} ${JSON.stringify(value)} cannot be read (pg reads it when it connects)`;
    }
  };
}

function anyText(): Check {
  return () => null;
}

/**
 * The query options the `pg` driver (through pg-connection-string 2.x and ConnectionParameters) reads
 * from a connection string, each with what it accepts. Options pg ignores or that would break
 * Headroom are not here, so they are refused rather than silently doing nothing.
 */
const OPTIONS: ReadonlyMap<string, Check> = new Map<string, Check>([
  ['host', anyText()],
  ['port', (value) => (PORT.test(value) && Number(value) >= 1 && Number(value) <= 65_535 ? null : `port=${value.slice(0, 20)} is not a port from 1 to 65535`)],
  ['user', anyText()],
  ['password', anyText()],
  ['application_name', anyText()],
  ['fallback_application_name', anyText()],
  ['options', anyText()],
  ['ssl', oneOf('ssl', SSL_FLAGS)],
  [
    'sslmode',
    (value, params) => {
      const problem = oneOf('sslmode', SSL_MODES)(value, params);
      if (problem !== null) {
        return problem;
      }
      return value === 'verify-ca' && params.get('uselibpqcompat') === 'true' && !params.has('sslrootcert')
        ? 'sslmode=verify-ca with uselibpqcompat=true needs sslrootcert (the CA to verify against)'
        : null;
    },
  ],
  ['sslcert', readableFile('sslcert')],
  ['sslkey', readableFile('sslkey')],
  ['sslrootcert', readableFile('sslrootcert')],
  [
    'sslnegotiation',
    (value, params) => {
      const problem = oneOf('sslnegotiation', SSL_NEGOTIATIONS)(value, params);
      if (problem !== null) {
        return problem;
      }
      return value === 'direct' && (params.get('sslmode') === 'disable' || params.get('ssl') === '0') ? 'sslnegotiation=direct needs SSL, but SSL is turned off' : null;
    },
  ],
  ['uselibpqcompat', oneOf('uselibpqcompat', LIBPQ_COMPAT)],
  ['client_encoding', (value) => (UTF8_NAMES.includes(value.toLowerCase()) ? null : `client_encoding=${value.slice(0, 20)}: Headroom needs UTF8`)],
  ['statement_timeout', milliseconds('statement_timeout')],
  ['lock_timeout', milliseconds('lock_timeout')],
  ['idle_in_transaction_session_timeout', milliseconds('idle_in_transaction_session_timeout')],
  ['query_timeout', milliseconds('query_timeout')],
]);

/** Why a known-but-unwanted option is refused. */
const REFUSED: ReadonlyMap<string, string> = new Map([
  ['replication', 'replication is not allowed: Headroom needs an ordinary connection'],
  ['binary', 'binary is not allowed: Headroom reads results as text'],
  ['connect_timeout', 'connect_timeout is a libpq option that pg does not read'],
  ['sslpassword', 'sslpassword is a libpq option that pg does not read: use an unencrypted sslkey'],
  ['database', 'database in the query is ignored by pg: put the database name in the path'],
]);

/**
 * Problems with the query options of a PostgreSQL `DATABASE_URL`, checked at start-up so a typo or
 * an unsupported value fails there rather than at the first connection (or, worse, silently: pg
 * ignores options it does not know and treats `ssl=false` as true). Every option may appear once;
 * values are shown only for options that cannot hold a secret.
 */
export function databaseUrlProblems(url: URL): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const name of url.searchParams.keys()) {
    if (seen.has(name)) {
      if (!problems.some((problem) => problem.startsWith(`${name} appears`))) {
        problems.push(`${name} appears more than once`);
      }
      continue;
    }
    seen.add(name);
    const refused = REFUSED.get(name);
    if (refused !== undefined) {
      problems.push(refused);
      continue;
    }
    const check = OPTIONS.get(name);
    if (check === undefined) {
      problems.push(`${JSON.stringify(name.slice(0, 40))} is not an option pg understands (known: ${[...OPTIONS.keys()].join(', ')})`);
      continue;
    }
    const problem = check(url.searchParams.get(name) ?? '', url.searchParams);
    if (problem !== null) {
      problems.push(problem);
    }
  }
  return problems;
}
