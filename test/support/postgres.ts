import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** A throwaway PostgreSQL database created for one test run. */
export interface TestDatabase {
  /** Connection URL of the new database. */
  url: string;
  name: string;
  /** Drops the database, ending any connection still open to it. */
  drop(): Promise<void>;
}

const SERVER_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * For a mocha `before` hook: creates a database `headroom_test_<random>` on the test server. When the
 * server is unreachable the suite is skipped with the reason, except in CI (`CI=true`) where it fails.
 */
export async function requirePostgres(context: Mocha.Context): Promise<TestDatabase> {
  const admin = new Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => undefined);
    const reason = `PostgreSQL is unreachable at ${SERVER_URL} (${error instanceof Error ? error.message : String(error)})`;
    if (process.env.CI === 'true') {
      throw new Error(`${reason}; CI needs it for the PostgreSQL tests`, { cause: error });
    }
    console.warn(`      skipping: ${reason}`);
    context.skip();
  }
  const name = `headroom_test_${randomBytes(6).toString('hex')}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop(): Promise<void> {
      const client = new Client({ connectionString: SERVER_URL });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
