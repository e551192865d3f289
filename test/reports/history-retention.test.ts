import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { silentLogger } from '../../src/logger';
import { historyRetentionHook } from '../../src/reports/history-retention-hook';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';
import type { LicenseSnapshot } from '../../src/licenses/license-snapshot';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('historyRetentionHook', () => {
  let dataDir: string;
  let store: Store;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-retention-'));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('drops history older than 400 days once a day, keeping the row that still holds', async () => {
    const now = new Date('2030-06-01T12:00:00Z');
    const daysAgo = (days: number) => new Date(now.getTime() - days * DAY_MS).toISOString();
    for (const [days, assigned] of [[500, 1], [450, 2], [401, 3], [399, 4], [10, 5]] as const) {
      await store.recordSnapshot(daysAgo(days), [{ skuId: 'sku-a', purchased: 10, assigned, available: 10 - assigned, waiting: 0 }]);
    }
    const hook = historyRetentionHook({ store, logger: silentLogger });
    const context = { figures: [], snapshot: {} as LicenseSnapshot, now };

    await hook(context);
    // A later row that is now old enough waits for the next day's run.
    await store.recordSnapshot(daysAgo(600), [{ skuId: 'sku-b', purchased: 1, assigned: 1, available: 0, waiting: 0 }]);
    await store.recordSnapshot(daysAgo(599), [{ skuId: 'sku-b', purchased: 1, assigned: 0, available: 1, waiting: 0 }]);
    await hook({ ...context, now: new Date(now.getTime() + 60_000) });

    assert.deepEqual((await store.listHistory('sku-a', daysAgo(1000))).map((row) => row.assigned), [3, 4, 5]);
    assert.equal((await store.listHistory('sku-b', daysAgo(1000))).length, 2);
    await hook({ ...context, now: new Date(now.getTime() + DAY_MS) });
    assert.equal((await store.listHistory('sku-b', daysAgo(1000))).length, 1);
  });
});
