import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/logger';
import { createStore } from '../../src/store/create-store';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { requirePostgres, type TestDatabase } from '../support/postgres';

describe('createStore', function () {
  const dataDir = join(mkdtempSync(join(tmpdir(), 'headroom-create-store-')), 'data');
  let database: TestDatabase | undefined;

  after(async function () {
    rmSync(dataDir, { recursive: true, force: true });
    await database?.drop();
  });

  it('opens a migrated SQLite file in the data directory when no database URL is set', async function () {
    const store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
    try {
      await store.setMuted('sku-a', true, 'u1');

      assert.ok(store instanceof SqliteStore);
      assert.ok(existsSync(join(dataDir, 'headroom.sqlite')));
      assert.deepEqual((await store.listMuted()).map((m) => m.skuId), ['sku-a']);
    } finally {
      await store.close();
    }
  });

  it('opens a migrated PostgreSQL store when a database URL is set', async function () {
    database = await requirePostgres(this);
    const store = await createStore({ databaseUrl: database.url, dataDir }, silentLogger);
    try {
      await store.setMuted('sku-b', true, 'u1');

      assert.ok(store instanceof PostgresStore);
      assert.deepEqual((await store.listMuted()).map((m) => m.skuId), ['sku-b']);
    } finally {
      await store.close();
    }
  });
});
