import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { SqliteStore } from '../../src/store/sqlite-store';
import { describeStoreContract } from './store-contract';

const WORKER_BOOTSTRAP = "require('tsx/cjs'); require(require('node:worker_threads').workerData.script);";

describe('SQLite store', function () {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-store-'));
  let databases = 0;

  after(function () {
    rmSync(dir, { recursive: true, force: true });
  });

  // Each test gets its own file; stores opened on it share the file like separate processes would.
  describeStoreContract('SqliteStore', async () => {
    databases += 1;
    const filename = join(dir, `db-${databases}`, 'headroom.sqlite');
    return (clock) => new SqliteStore({ filename, clock });
  });

  describe('SqliteStore across threads', function () {
    it('gives the last seat to exactly one of ten threads racing on one file', async function () {
      // Ten threads each load tsx and the store before the race; on a busy 2-core machine that alone takes a while.
      this.timeout(60_000);
      const filename = join(dir, 'race', 'headroom.sqlite');
      const setup = new SqliteStore({ filename });
      await setup.migrate();
      await setup.close();
      const start = new SharedArrayBuffer(8);
      const gate = new Int32Array(start);
      const now = new Date().toISOString();
      const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
      const script = join(__dirname, 'sqlite-hold-race-worker.ts');
      let failed = false;
      const outcomes = Array.from({ length: 10 }, (_, caller) => {
        // Workers do not inherit tsx's loader, so each registers it before loading the TypeScript racer.
        const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { script, filename, start, caller, now, expiresAt } });
        return new Promise<unknown>((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', (error) => {
            failed = true;
            reject(error);
          });
        }).finally(() => worker.terminate());
      });
      while (Atomics.load(gate, 1) < 10 && !failed) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);

      const results = await Promise.all(outcomes);

      assert.deepEqual(results.filter((r) => typeof r === 'object' && r !== null && 'error' in r), []);
      assert.equal(results.filter((r) => typeof r === 'object' && r !== null && 'ok' in r && r.ok === true).length, 1);
      const check = new SqliteStore({ filename });
      try {
        assert.deepEqual(await check.heldBySku(now), new Map([['sku-race', 1]]));
      } finally {
        await check.close();
      }
    });
  });
});
