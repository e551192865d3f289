import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { requirePostgres, type TestDatabase } from '../support/postgres';
import { describeReclaimRequestStoreContract } from './reclaim-request-store-contract';

describe('Reclaim request store', function () {
  describe('on SQLite', function () {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-reclaim-store-'));
    let databases = 0;
    after(function () {
      rmSync(dir, { recursive: true, force: true });
    });
    describeReclaimRequestStoreContract('SqliteStore', async () => {
      databases += 1;
      const filename = join(dir, `db-${databases}`, 'headroom.sqlite');
      return (clock) => new SqliteStore({ filename, clock });
    });
  });

  describe('on PostgreSQL', function () {
    let database: TestDatabase | undefined;
    let schemas = 0;
    before(async function () {
      database = await requirePostgres(this);
    });
    after(async function () {
      await database?.drop();
    });
    describeReclaimRequestStoreContract('PostgresStore', async () => {
      schemas += 1;
      const url = (database as TestDatabase).url;
      return (clock) => new PostgresStore({ connectionString: url, schema: `reclaim_${schemas}`, clock, poolSize: 10 });
    });
  });
});
