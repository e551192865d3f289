import assert from 'node:assert/strict';
import { CONTOSO_DISABLED_DIRECT_E3, CONTOSO_IDS } from '../../src/demo-tenant/contoso-tenant';
import { startDemoGraphServer, type DemoGraphServer } from '../../src/demo-tenant/demo-graph-server';
import { createGraphAccess, type GraphAccess } from '../../src/graph/graph-access';
import { LicenseService } from '../../src/licenses/license-service';
import { silentLogger } from '../../src/logger';
import { runReclaimScan } from '../../src/reclaim/run-reclaim-scan';
import { proposeSeats } from '../../src/reservations/propose-reservation';
import { reasoningText } from '../../src/reservations/reservation-reasoning';
import { SuggestionReviewer } from '../../src/reservations/suggestion-reviewer';
import type { SkuThreshold } from '../../src/settings/sku-threshold';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import { storeAdjustments } from '../../src/store/store-adjustments';
import { requirePostgres, type TestDatabase } from '../support/postgres';

const E3 = CONTOSO_IDS.skus.SPE_E3;
const THRESHOLD: SkuThreshold = { kind: 'absolute', value: 10 };

for (const dialect of ['SQLite', 'PostgreSQL'] as const) {
  describe(`reclaim before you buy, in Contoso (${dialect})`, function () {
    this.timeout(15_000);
    let graph: DemoGraphServer;
    let access: GraphAccess;
    let store: SqliteStore | PostgresStore;
    let database: TestDatabase | undefined;
    let schemas = 0;

    before(async function () {
      if (dialect === 'PostgreSQL') {
        database = await requirePostgres(this);
      }
    });
    after(async () => {
      await database?.drop();
    });
    beforeEach(async () => {
      graph = await startDemoGraphServer();
      access = createGraphAccess({ baseUrl: graph.baseUrl, auth: { kind: 'none' }, retry: { maxAttempts: 1 } }, silentLogger);
      schemas += 1;
      store =
        dialect === 'SQLite'
          ? new SqliteStore({ filename: ':memory:' })
          : new PostgresStore({ connectionString: (database as TestDatabase).url, schema: `reclaim_first_${schemas}`, poolSize: 4 });
      await store.migrate();
    });
    afterEach(async () => {
      await store.close();
      await graph.close();
    });

    /** One watcher tick's worth of review, with the figures as the license service serves them. */
    async function review(licenses: LicenseService, now: Date) {
      const served = await licenses.figures({ fresh: true });
      const reviewer = new SuggestionReviewer({
        store, channels: null, logger: silentLogger, enabled: true, leadDays: 30, defaultThreshold: THRESHOLD, card: { refreshUserIds: [], snoozeDays: 7 },
      });
      const steps = await reviewer.review({ figures: served.figures, snapshot: served.snapshot, now });
      return { steps, figures: served.figures };
    }

    it('suggests buying E3 before the scan, and once the leavers are found, reclaiming them instead: no purchase left open', async () => {
      const licenses = new LicenseService({ reader: access.licenseReader, cacheSeconds: 0, logger: silentLogger, adjustments: storeAdjustments(store) });
      const now = new Date();

      const before = await review(licenses, now);
      const e3Before = before.figures.find((sku) => sku.skuId === E3);
      assert.ok(e3Before && (e3Before.shortfall ?? 0) > 0, 'E3 is short in Contoso');
      assert.equal(e3Before.reclaimable, null, 'no scan yet');
      const bought = await store.listSuggestions({ statuses: ['proposed'] });
      assert.ok(bought.some((suggestion) => suggestion.skuId === E3), 'a purchase is suggested while no scan has run');

      await store.saveReclaimScan(await runReclaimScan(access.reclaimReader, { inactiveDays: 90, excludeGroupId: CONTOSO_IDS.reclaimExcludeGroupId, now: () => now }));
      const after = await review(licenses, now);

      const e3 = after.figures.find((sku) => sku.skuId === E3);
      assert.ok(e3?.reclaimable);
      assert.ok(e3.reclaimable.disabled >= CONTOSO_DISABLED_DIRECT_E3, `${e3.reclaimable.disabled} disabled E3 seats`);
      const proposal = proposeSeats({ figures: e3, thresholdSeats: THRESHOLD.value, forecast: null, leadDays: 30 });
      assert.ok(proposal?.kind === 'reclaim', `E3 is a reclaim, not a purchase: ${JSON.stringify(proposal)}`);
      // The need: the users waiting, plus the alert line, minus the seats still free.
      assert.equal(proposal.seats, (e3.waiting ?? 0) + THRESHOLD.value - e3.available);
      assert.match(reasoningText(proposal.reasoning), new RegExp(`${e3.reclaimable.disabled} seats on disabled accounts cover it: reclaim ${proposal.seats}, buy none`));
      assert.ok(after.steps.some((step) => step.kind === 'close' && step.to === 'expired' && step.suggestion.skuId === E3), 'the open purchase expired');
      assert.ok(!after.steps.some((step) => step.kind === 'create' && step.proposal.skuId === E3), 'no new purchase');
      const open = await store.listSuggestions({ statuses: ['proposed', 'approved'] });
      assert.ok(!open.some((suggestion) => suggestion.skuId === E3), 'no E3 purchase suggestion is open');
    });
  });
}
