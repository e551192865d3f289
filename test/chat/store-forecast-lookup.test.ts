import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { storeForecastLookup } from '../../src/chat/store-forecast-lookup';
import { silentLogger } from '../../src/logger';
import { createStore } from '../../src/store/create-store';
import type { Store } from '../../src/store/store';
import { makeSkuFigures } from '../cards/support/sku-figures-factory';
import { captureLogger } from '../support/capture-logger';

const DAY_MS = 24 * 60 * 60 * 1000;
const NOW = new Date('2025-05-10T12:00:00.000Z');

/** Stores `assigned` seats of one SKU at each of `daysAgo` before NOW. */
async function seed(store: Store, skuId: string, purchased: number, series: readonly [daysAgo: number, assigned: number][]): Promise<void> {
  for (const [daysAgo, assigned] of series) {
    const takenAt = new Date(NOW.getTime() - daysAgo * DAY_MS).toISOString();
    await store.recordSnapshot(takenAt, [{ skuId, purchased, assigned, available: purchased - assigned, waiting: 0 }]);
  }
}

function dayMonth(date: Date): string {
  return `${date.getUTCDate()} ${date.toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })}`;
}

describe('storeForecastLookup', () => {
  let dataDir: string;
  let store: Store;

  beforeEach(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'headroom-forecast-'));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('forecasts the run-out of a SKU whose stored history rises, counting the figures shown as the latest point', async () => {
    const perDay = 5;
    const sku = makeSkuFigures({ displayName: 'Microsoft 365 E3', purchased: 500, assigned: 430 });
    await seed(store, sku.skuId, 500, [[6, 430 - 6 * perDay], [4, 430 - 4 * perDay], [2, 430 - 2 * perDay]]);

    const forecasts = await storeForecastLookup(store, silentLogger)([sku], NOW);

    const days = sku.available / perDay;
    const expected = `at the current rate, Microsoft 365 E3 runs out in about ${days} days (around ${dayMonth(new Date(NOW.getTime() + days * DAY_MS))})`;
    assert.equal(forecasts.get(sku.skuId), expected);
  });

  it('gives no forecast for flat use', async () => {
    const sku = makeSkuFigures({ purchased: 500, assigned: 430 });
    await seed(store, sku.skuId, 500, [[6, 430], [4, 431], [2, 430]]);
    await store.recordSnapshot(new Date(NOW.getTime() - DAY_MS).toISOString(), [{ skuId: sku.skuId, purchased: 500, assigned: 429, available: 71, waiting: 0 }]);

    const forecasts = await storeForecastLookup(store, silentLogger)([sku], NOW);

    assert.equal(forecasts.get(sku.skuId), null);
  });

  it('gives no forecast with too little history', async () => {
    const sku = makeSkuFigures({ purchased: 500, assigned: 430 });
    await seed(store, sku.skuId, 500, [[3, 400]]);

    const forecasts = await storeForecastLookup(store, silentLogger)([sku], NOW);

    assert.equal(forecasts.get(sku.skuId), null);
  });

  it('ignores history older than the window', async () => {
    const sku = makeSkuFigures({ purchased: 500, assigned: 430 });
    await seed(store, sku.skuId, 500, [[50, 300], [45, 340], [40, 380]]);

    const forecasts = await storeForecastLookup(store, silentLogger, { windowDays: 30 })([sku], NOW);

    assert.equal(forecasts.get(sku.skuId), null);
  });

  it('answers without a forecast, and logs, when the history cannot be read', async () => {
    const sku = makeSkuFigures({ purchased: 500, assigned: 430 });
    const { logger, lines } = captureLogger();
    await store.close();

    const forecasts = await storeForecastLookup(store, logger)([sku], NOW);

    assert.equal(forecasts.get(sku.skuId), null);
    assert.ok(lines.some((line) => line.level === 'warn' && line.skuId === sku.skuId));
    store = await createStore({ databaseUrl: null, dataDir }, silentLogger);
  });
});
