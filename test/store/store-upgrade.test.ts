import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client } from 'pg';
import { PostgresStore } from '../../src/store/postgres-store';
import { SqliteStore } from '../../src/store/sqlite-store';
import type { Store } from '../../src/store/store';
import { requirePostgres, type TestDatabase } from '../support/postgres';

const FIXTURES = join(__dirname, '..', 'fixtures', 'store');
const CONVERSATION = '19:general@thread.tacv2';
const AT = '2026-11-30T12:00:00.000Z';

/** Every record the fixture script wrote (see test/fixtures/store/README.md), read through the new store. */
async function assertFixtureData(store: Store): Promise<void> {
  assert.deepEqual(await store.getConversationReference(CONVERSATION), {
    conversationId: CONVERSATION,
    reference: { bot: { id: 'b1' }, conversation: { id: CONVERSATION } },
    tenantId: 't1',
    conversationType: 'channel',
    teamId: 'team-1',
    channelName: 'General',
    updatedAt: AT,
  });
  const places = await store.listWatchedPlaces();
  assert.deepEqual(
    places.map((p) => [p.conversationId, p.kind, p.active, p.inactiveReason]),
    [
      [CONVERSATION, 'channel', true, null],
      ['a:personal-1', 'personal', false, 'bot removed (403)'],
    ],
  );
  assert.deepEqual(await store.listThresholds(), [{ skuId: 'sku-e3', threshold: { kind: 'percent', value: 10 }, setBy: 'admin-1', setAt: AT }]);
  assert.deepEqual(await store.listMuted(), [{ skuId: 'sku-trial', mutedBy: 'admin-1', mutedAt: AT }]);
  assert.deepEqual(
    (await store.listHistory('sku-e3', '2026-01-01T00:00:00.000Z')).map((h) => [h.takenAt, h.available, h.waiting]),
    [
      ['2026-11-29T12:00:00.000Z', 5, 2],
      [AT, 2, 3],
    ],
  );
  const [state, ...moreStates] = await store.listAlertStates();
  assert.deepEqual(moreStates, []);
  assert.deepEqual([state?.skuId, state?.condition, state?.status, state?.version, state?.details], ['sku-e3', 'low', 'active', 1, { available: 2, threshold: 10 }]);
  const outbox = (await store.listOutbox()).filter((m) => m.id <= 2);
  assert.deepEqual(
    outbox.map((m) => [m.id, m.kind, m.dedupeKey, m.sentAt !== null, m.claimedBy, m.attempts, m.payload]),
    [
      [2, 'webhook', 'hook:1', true, null, 1, { n: 1 }],
      [1, 'channel', 'alert:sku-e3:low:1', false, 'instance-a', 1, { text: 'E3 is low' }],
    ],
  );
  assert.deepEqual(await store.heldBySku(AT), new Map([['sku-e3', 2]]));
  const [suggestion] = await store.listSuggestions();
  assert.ok(suggestion !== undefined);
  assert.deepEqual(
    [suggestion.status, suggestion.decidedBy, suggestion.decidedByName, suggestion.purchasedAtApproval, suggestion.cardActivities, suggestion.version, suggestion.reasoning],
    ['approved', 'approver-1', 'Ada Approver', 100, { [CONVERSATION]: 'activity-1' }, 2, { leadDays: 14 }],
  );
  assert.deepEqual(
    (await store.listAudit(suggestion.id)).map((a) => [a.action, a.previousStatus, a.newStatus]),
    [
      ['proposed', null, 'proposed'],
      ['approved', 'proposed', 'approved'],
    ],
  );
  assert.deepEqual(await store.getLease('watcher'), { name: 'watcher', owner: 'instance-a', acquiredAt: AT, expiresAt: '2026-11-30T12:01:00.000Z' });
}

/**
 * Outbox rows an older version queued, added to the fixture before the upgrade: a suggestion's card
 * queued as `channel` (id 3), a `channel` row naming a suggestion that is not stored (id 4), and id 5,
 * written and deleted so the id counter is ahead of the highest id.
 */
const LEGACY_OUTBOX = {
  suggestionCard: { dedupeKey: 'suggestion:legacy:post', payload: (suggestionId: string) => ({ suggestionId, card: { type: 'AdaptiveCard' }, summary: 'old' }) },
  unknownSuggestion: { dedupeKey: 'suggestion:unknown:post', payload: { suggestionId: 'no-such-suggestion', card: { type: 'AdaptiveCard' }, summary: 'kept' } },
};

function legacyOutboxSql(suggestionId: string, time: (iso: string) => string, json: (value: unknown) => string): string[] {
  const row = (id: number, dedupeKey: string, payload: unknown) =>
    `INSERT INTO outbox (id, kind, target, payload, dedupe_key, created_at, attempts, next_attempt_at) ` +
    `VALUES (${id}, 'channel', '${CONVERSATION}', ${json(payload)}, '${dedupeKey}', ${time(AT)}, 0, ${time(AT)})`;
  return [
    row(3, LEGACY_OUTBOX.suggestionCard.dedupeKey, LEGACY_OUTBOX.suggestionCard.payload(suggestionId)),
    row(4, LEGACY_OUTBOX.unknownSuggestion.dedupeKey, LEGACY_OUTBOX.unknownSuggestion.payload),
    row(5, 'gone', {}),
    'DELETE FROM outbox WHERE id = 5',
  ];
}

/** The upgrade moved the old suggestion card to its own kind and left the rest as they were. */
async function assertLegacyOutbox(store: Store, suggestionId: string): Promise<void> {
  const rows = (await store.listOutbox()).filter((m) => m.id > 2 && m.id <= 5).sort((a, b) => a.id - b.id);
  assert.deepEqual(
    rows.map((m) => [m.id, m.kind, m.dedupeKey, m.payload]),
    [
      [3, 'suggestion-card', LEGACY_OUTBOX.suggestionCard.dedupeKey, LEGACY_OUTBOX.suggestionCard.payload(suggestionId)],
      [4, 'channel', LEGACY_OUTBOX.unknownSuggestion.dedupeKey, LEGACY_OUTBOX.unknownSuggestion.payload],
    ],
  );
}

/** The upgraded database keeps working: old rows are claimable, new rows continue the old ids and respect the old rows. */
async function assertStillWritable(store: Store): Promise<void> {
  const claimed = await store.claimDueOutbox('2026-12-01T00:00:00.000Z', 10, 'instance-b', 60_000);
  assert.deepEqual(
    claimed.map((m) => [m.id, m.kind, m.claimedBy]).sort((a, b) => Number(a[0]) - Number(b[0])),
    [
      [1, 'channel', 'instance-b'],
      [3, 'suggestion-card', 'instance-b'],
      [4, 'channel', 'instance-b'],
    ],
  );
  assert.equal(await store.markOutboxSent(3, 'instance-b', 'activity-3'), true);
  assert.deepEqual(await store.enqueueOutbox([{ kind: 'suggestion-card', target: CONVERSATION, payload: { suggestionId: 'x' }, dedupeKey: 'card:new' }]), [6]);
  assert.deepEqual(await store.enqueueOutbox([{ kind: 'webhook', target: 'https://example.test/hook', payload: {}, dedupeKey: 'hook:2' }]), [7]);
  assert.deepEqual(await store.enqueueOutbox([{ kind: 'webhook', target: 'https://example.test/hook', payload: {}, dedupeKey: 'hook:1' }]), []);
  const hold = await store.tryTakeHold({ skuId: 'sku-e3', quantity: 4, reason: 'more', expiresAt: '2030-01-01T00:00:00.000Z', now: AT, unheldLimit: 5 });
  assert.deepEqual(hold, { ok: false, held: 2 });
}

/** Several instances upgrading at once: exactly one applies the new steps, all end at the same version. */
async function migrateTogether(stores: Store[]): Promise<void> {
  const results = await Promise.all(stores.map((s) => s.migrate()));
  assert.deepEqual(results.map((r) => r.applied).sort((a, b) => b.length - a.length), [[2, 3, 4], ...stores.slice(1).map(() => [])]);
  assert.deepEqual(new Set(results.map((r) => r.version)), new Set([4]));
}

describe('Store upgrade from the store before Kysely', function () {
  describe('SQLite', function () {
    const dir = mkdtempSync(join(tmpdir(), 'headroom-upgrade-'));
    const filename = join(dir, 'headroom.sqlite');
    let stores: Store[] = [];

    let suggestionId = '';

    before(function () {
      copyFileSync(join(FIXTURES, 'main-sqlite.sqlite'), filename);
      const file = new Database(filename);
      try {
        suggestionId = String(file.prepare('SELECT id FROM suggestions').pluck().get());
        for (const statement of legacyOutboxSql(suggestionId, (iso) => `'${iso}'`, (value) => `'${JSON.stringify(value)}'`)) {
          file.prepare(statement).run();
        }
      } finally {
        file.close();
      }
    });

    afterEach(async function () {
      for (const s of stores) {
        await s.close();
      }
      stores = [];
    });

    after(function () {
      rmSync(dir, { recursive: true, force: true });
    });

    it('upgrades the file in place from several instances at once, keeping every record', async function () {
      stores = [0, 1, 2].map(() => new SqliteStore({ filename }));

      await migrateTogether(stores);

      await assertFixtureData(stores[0] as Store);
      await assertLegacyOutbox(stores[0] as Store, suggestionId);
      const file = new Database(filename, { readonly: true });
      try {
        const tables = file.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
        assert.ok(!tables.includes('schema_migrations'));
        const outboxIndexes = file.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'outbox' ORDER BY name").all();
        assert.deepEqual(outboxIndexes, [
          { name: 'outbox_due', sql: 'CREATE INDEX outbox_due ON outbox (next_attempt_at, id) WHERE sent_at IS NULL AND dead_at IS NULL' },
          { name: 'sqlite_autoindex_outbox_1', sql: null },
        ]);
        assert.deepEqual(file.prepare('SELECT name FROM kysely_migration ORDER BY name').pluck().all(), ['0001-initial-schema', '0002-retire-schema-migrations', '0003-suggestion-card-outbox-kind', '0004-reclaim-scans']);
      } finally {
        file.close();
      }
    });

    it('applies nothing on a later start and keeps accepting writes', async function () {
      const store = new SqliteStore({ filename });
      stores = [store];

      assert.deepEqual(await store.migrate(), { applied: [], version: 4 });
      await assertFixtureData(store);
      await assertLegacyOutbox(store, suggestionId);
      await assertStillWritable(store);
    });
  });

  describe('PostgreSQL', function () {
    let database: TestDatabase | undefined;
    let stores: Store[] = [];
    let suggestionId = '';

    before(async function () {
      database = await requirePostgres(this);
      const client = new Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(readFileSync(join(FIXTURES, 'main-postgres.sql'), 'utf8'));
        await client.query('SET search_path TO headroom');
        suggestionId = (await client.query<{ id: string }>('SELECT id FROM suggestions')).rows[0]?.id ?? '';
        for (const statement of legacyOutboxSql(suggestionId, (iso) => `'${iso}'::timestamptz`, (value) => `'${JSON.stringify(value)}'::jsonb`)) {
          await client.query(statement.replace(') VALUES (', ') OVERRIDING SYSTEM VALUE VALUES ('));
        }
        // An older version took these ids from the identity sequence.
        await client.query("SELECT setval('outbox_id_seq', 5, true)");
      } finally {
        await client.end();
      }
    });

    afterEach(async function () {
      for (const s of stores) {
        await s.close();
      }
      stores = [];
    });

    after(async function () {
      await database?.drop();
    });

    function open(): Store {
      return new PostgresStore({ connectionString: (database as TestDatabase).url, schema: 'headroom', poolSize: 2 });
    }

    it('upgrades the schema in place from several instances at once, keeping every record', async function () {
      stores = [open(), open(), open()];

      await migrateTogether(stores);

      await assertFixtureData(stores[0] as Store);
      await assertLegacyOutbox(stores[0] as Store, suggestionId);
      const client = new Client({ connectionString: (database as TestDatabase).url });
      await client.connect();
      try {
        assert.equal((await client.query("SELECT to_regclass('headroom.schema_migrations') AS t")).rows[0].t, null);
        const names = await client.query<{ name: string }>('SELECT name FROM headroom.kysely_migration ORDER BY name');
        assert.deepEqual(names.rows.map((r) => r.name), ['0001-initial-schema', '0002-retire-schema-migrations', '0003-suggestion-card-outbox-kind', '0004-reclaim-scans']);
      } finally {
        await client.end();
      }
    });

    it('applies nothing on a later start and keeps accepting writes', async function () {
      const store = open();
      stores = [store];

      assert.deepEqual(await store.migrate(), { applied: [], version: 4 });
      await assertFixtureData(store);
      await assertLegacyOutbox(store, suggestionId);
      await assertStillWritable(store);
    });
  });
});
