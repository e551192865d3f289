import { randomUUID } from 'node:crypto';
import { Pool, type PoolClient, type QueryResultRow } from 'pg';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { silentLogger, type Logger } from '../logger';
import { postgresMigrations, type PostgresMigration } from './postgres-migrations';
import { storeInput } from './store-input';
import type {
  AlertState,
  AlertStateChange,
  Clock,
  ConversationMeta,
  HistoryFigures,
  HistoryRow,
  HoldRequest,
  HoldResult,
  Lease,
  MigrationResult,
  MutedSku,
  NewOutboxMessage,
  NewSuggestion,
  NewWatchedPlace,
  OutboxFilter,
  OutboxMessage,
  SeatHold,
  SkuThreshold,
  Store,
  StoredConversationReference,
  Suggestion,
  SuggestionAuditEntry,
  SuggestionChangeResult,
  SuggestionProposalPatch,
  SuggestionStatus,
  SuggestionTransition,
  ThresholdRecord,
  WatchedPlace,
  WatchedPlaceKind,
} from './store';

export interface PostgresStoreOptions {
  /** A `postgres://` URL. */
  connectionString: string;
  /** The schema holding Headroom's tables (created by `migrate`); the server's default search_path when absent. */
  schema?: string;
  /** Pool size per instance. */
  poolSize?: number;
  clock?: Clock;
  logger?: Logger;
  /** Overrides the schema; tests only. */
  migrations?: readonly PostgresMigration[];
}

type Queryable = Pick<PoolClient, 'query'>;

/** Advisory lock keys (`pg_advisory_xact_lock`): one namespace per concern, the second key per item. */
const LOCK = {
  migrate: 'headroom:migrate',
  history: 'headroom:history',
  hold: 'headroom:hold',
} as const;

/**
 * The scale-out store: several Headroom instances share one PostgreSQL database. Conditional writes
 * are single transactions: seat holds serialise per SKU on an advisory lock, outbox claims use
 * `FOR UPDATE SKIP LOCKED`, suggestion transitions lock the row, alert commits compare versions.
 */
export class PostgresStore implements Store {
  private readonly pool: Pool;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly schema: string | null;
  private readonly migrations: readonly PostgresMigration[];

  constructor(options: PostgresStoreOptions) {
    if (options.schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(options.schema)) {
      throw new ValidationError(`Not a usable schema name: ${options.schema}`);
    }
    this.schema = options.schema ?? null;
    this.pool = new Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: 'headroom',
      ...(this.schema === null ? {} : { options: `-c search_path=${this.schema}` }),
    });
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.migrations = options.migrations ?? postgresMigrations;
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.pool.on('error', (error) => this.logger.warn('postgres idle client error', { error }));
  }

  // ---- Lifecycle ------------------------------------------------------------------------------------

  async migrate(): Promise<MigrationResult> {
    return this.transaction(async (db) => {
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK.migrate]);
      if (this.schema !== null) {
        await db.query(`CREATE SCHEMA IF NOT EXISTS ${this.schema}`);
      }
      await db.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
      const done = new Set((await db.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
      const applied: number[] = [];
      for (const migration of [...this.migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) {
          continue;
        }
        await db.query(migration.sql);
        await db.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
          migration.version,
          migration.name,
          this.now(),
        ]);
        applied.push(migration.version);
        this.logger.info('store migration applied', { store: 'postgres', version: migration.version, name: migration.name });
      }
      const { rows } = await db.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations');
      return { applied, version: rows[0]?.version ?? 0 };
    });
  }

  async close(): Promise<void> {
    if (!this.pool.ended) {
      await this.pool.end();
    }
  }

  // ---- Conversation references ------------------------------------------------------------------------

  async saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void> {
    await this.pool.query(
      `INSERT INTO conversation_references (conversation_id, reference, tenant_id, conversation_type, team_id, channel_name, updated_at)
       VALUES ($1, $2::jsonb, $3, $4, $5, $6, $7)
       ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, tenant_id = excluded.tenant_id,
         conversation_type = excluded.conversation_type, team_id = excluded.team_id,
         channel_name = excluded.channel_name, updated_at = excluded.updated_at
       WHERE conversation_references.reference IS DISTINCT FROM excluded.reference
         OR conversation_references.tenant_id IS DISTINCT FROM excluded.tenant_id
         OR conversation_references.conversation_type IS DISTINCT FROM excluded.conversation_type
         OR conversation_references.team_id IS DISTINCT FROM excluded.team_id
         OR conversation_references.channel_name IS DISTINCT FROM excluded.channel_name`,
      [
        storeInput.text(conversationId, 'conversationId'),
        storeInput.json(reference),
        storeInput.text(meta.tenantId, 'tenantId'),
        storeInput.text(meta.conversationType, 'conversationType'),
        meta.teamId ?? null,
        meta.channelName ?? null,
        this.now(),
      ],
    );
  }

  async getConversationReference(conversationId: string): Promise<StoredConversationReference | null> {
    const row = await this.one<ReferenceRow>(this.pool, 'SELECT * FROM conversation_references WHERE conversation_id = $1', [conversationId]);
    return row === null
      ? null
      : {
          conversationId: row.conversation_id,
          reference: row.reference,
          tenantId: row.tenant_id,
          conversationType: row.conversation_type,
          teamId: row.team_id,
          channelName: row.channel_name,
          updatedAt: iso(row.updated_at),
        };
  }

  // ---- Watched places -------------------------------------------------------------------------------------

  async watchPlace(input: NewWatchedPlace): Promise<WatchedPlace> {
    const row = await this.one<PlaceRow>(
      this.pool,
      `INSERT INTO watched_places (conversation_id, kind, added_by, added_at, active) VALUES ($1, $2, $3, $4, TRUE)
       ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, added_by = excluded.added_by,
         added_at = excluded.added_at, active = TRUE, inactive_reason = NULL, inactive_since = NULL
       RETURNING *`,
      [storeInput.text(input.conversationId, 'conversationId'), input.kind, storeInput.text(input.addedBy, 'addedBy'), this.now()],
    );
    return toPlace(row as PlaceRow);
  }

  async unwatchPlace(conversationId: string): Promise<boolean> {
    return this.changed(this.pool, 'DELETE FROM watched_places WHERE conversation_id = $1', [conversationId]);
  }

  async listWatchedPlaces(options: { activeOnly?: boolean } = {}): Promise<WatchedPlace[]> {
    const { rows } = await this.pool.query<PlaceRow>(
      `SELECT * FROM watched_places ${options.activeOnly === true ? 'WHERE active' : ''} ORDER BY added_at, conversation_id`,
    );
    return rows.map(toPlace);
  }

  async markPlaceInactive(conversationId: string, reason: string): Promise<boolean> {
    return this.changed(
      this.pool,
      'UPDATE watched_places SET active = FALSE, inactive_reason = $1, inactive_since = $2 WHERE conversation_id = $3 AND active',
      [reason, this.now(), conversationId],
    );
  }

  async reactivatePlace(conversationId: string): Promise<boolean> {
    return this.changed(
      this.pool,
      'UPDATE watched_places SET active = TRUE, inactive_reason = NULL, inactive_since = NULL WHERE conversation_id = $1 AND NOT active',
      [conversationId],
    );
  }

  // ---- Settings -------------------------------------------------------------------------------------------

  async setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord> {
    const valid = storeInput.threshold(threshold);
    const row = await this.one<ThresholdRow>(
      this.pool,
      `INSERT INTO sku_thresholds (sku_id, kind, value, set_by, set_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (sku_id) DO UPDATE SET kind = excluded.kind, value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at
       RETURNING *`,
      [storeInput.text(skuId, 'skuId'), valid.kind, valid.value, storeInput.text(setBy, 'setBy'), this.now()],
    );
    return toThreshold(row as ThresholdRow);
  }

  async clearThreshold(skuId: string): Promise<boolean> {
    return this.changed(this.pool, 'DELETE FROM sku_thresholds WHERE sku_id = $1', [skuId]);
  }

  async listThresholds(): Promise<ThresholdRecord[]> {
    const { rows } = await this.pool.query<ThresholdRow>('SELECT * FROM sku_thresholds ORDER BY sku_id');
    return rows.map(toThreshold);
  }

  async setMuted(skuId: string, muted: boolean, by: string): Promise<void> {
    storeInput.text(skuId, 'skuId');
    if (muted) {
      await this.pool.query('INSERT INTO muted_skus (sku_id, muted_by, muted_at) VALUES ($1, $2, $3) ON CONFLICT (sku_id) DO NOTHING', [
        skuId,
        storeInput.text(by, 'by'),
        this.now(),
      ]);
    } else {
      await this.pool.query('DELETE FROM muted_skus WHERE sku_id = $1', [skuId]);
    }
  }

  async listMuted(): Promise<MutedSku[]> {
    const { rows } = await this.pool.query<{ sku_id: string; muted_by: string; muted_at: Date }>('SELECT * FROM muted_skus ORDER BY sku_id');
    return rows.map((r) => ({ skuId: r.sku_id, mutedBy: r.muted_by, mutedAt: iso(r.muted_at) }));
  }

  // ---- Snapshot history -----------------------------------------------------------------------------------

  async recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]> {
    const at = storeInput.iso(takenAt, 'takenAt');
    const figures = storeInput.history(rows);
    return this.transaction(async (db) => {
      // Two recorders comparing against the same "latest" row would both insert.
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [LOCK.history]);
      const stored: string[] = [];
      for (const row of figures) {
        const last = await this.one<Omit<HistoryFigures, 'skuId'>>(
          db,
          'SELECT purchased, assigned, available, waiting FROM sku_history WHERE sku_id = $1 AND taken_at <= $2 ORDER BY taken_at DESC LIMIT 1',
          [row.skuId, at],
        );
        if (last !== null && sameFigures(last, row)) {
          continue;
        }
        const inserted = await this.changed(
          db,
          `INSERT INTO sku_history (sku_id, taken_at, purchased, assigned, available, waiting) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT DO NOTHING`,
          [row.skuId, at, row.purchased, row.assigned, row.available, row.waiting],
        );
        if (inserted) {
          stored.push(row.skuId);
        }
      }
      return stored;
    });
  }

  async listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]> {
    const { rows } = await this.pool.query<HistoryDbRow>('SELECT * FROM sku_history WHERE sku_id = $1 AND taken_at >= $2 ORDER BY taken_at', [
      skuId,
      storeInput.iso(sinceIso, 'sinceIso'),
    ]);
    return rows.map(toHistory);
  }

  async latestHistory(): Promise<HistoryRow[]> {
    const { rows } = await this.pool.query<HistoryDbRow>('SELECT DISTINCT ON (sku_id) * FROM sku_history ORDER BY sku_id, taken_at DESC');
    return rows.map(toHistory);
  }

  // ---- Alert states + outbox --------------------------------------------------------------------------------

  async listAlertStates(): Promise<AlertState[]> {
    const { rows } = await this.pool.query<AlertRow>('SELECT * FROM alert_states ORDER BY sku_id, condition');
    return rows.map(toAlert);
  }

  async commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]> {
    const now = this.now();
    const messages = storeInput.outbox(outbox, now);
    const valid = changes.map((c) => ({
      ...c,
      since: storeInput.iso(c.since, 'since'),
      lastNotifiedAt: c.lastNotifiedAt === null ? null : storeInput.iso(c.lastNotifiedAt, 'lastNotifiedAt'),
    }));
    return this.transaction(async (db) => {
      const written: AlertState[] = [];
      for (const change of valid) {
        const row =
          change.expectedVersion === null
            ? await this.one<AlertRow>(
                db,
                `INSERT INTO alert_states (sku_id, condition, status, since, last_notified_at, details, version, updated_at)
                 VALUES ($1, $2, $3, $4, $5, $6::jsonb, 1, $7) ON CONFLICT DO NOTHING RETURNING *`,
                [change.skuId, change.condition, change.status, change.since, change.lastNotifiedAt, storeInput.json(change.details), now],
              )
            : await this.one<AlertRow>(
                db,
                `UPDATE alert_states SET status = $1, since = $2, last_notified_at = $3, details = $4::jsonb, version = version + 1, updated_at = $5
                 WHERE sku_id = $6 AND condition = $7 AND version = $8 RETURNING *`,
                [
                  change.status,
                  change.since,
                  change.lastNotifiedAt,
                  storeInput.json(change.details),
                  now,
                  change.skuId,
                  change.condition,
                  change.expectedVersion,
                ],
              );
        if (row === null) {
          throw new ConflictError(`The alert state of ${change.skuId}/${change.condition} changed since it was read`);
        }
        written.push(toAlert(row));
      }
      await this.insertOutbox(db, messages, now);
      return written;
    });
  }

  // ---- Outbox -------------------------------------------------------------------------------------------------

  async enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]> {
    const now = this.now();
    const valid = storeInput.outbox(messages, now);
    return this.transaction((db) => this.insertOutbox(db, valid, now));
  }

  async claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, leaseMs, 'leaseMs');
    const { rows } = await this.pool.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM outbox
         WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until <= $1)
         ORDER BY next_attempt_at, id LIMIT $2
         FOR UPDATE SKIP LOCKED)
       UPDATE outbox o SET claimed_by = $3, claimed_until = $4, attempts = o.attempts + 1
       FROM due WHERE o.id = due.id
       RETURNING o.*`,
      [at, storeInput.positiveInteger(limit, 'limit'), storeInput.text(claimant, 'claimant'), until],
    );
    return rows.map(toOutbox).sort(byDueThenId);
  }

  async markOutboxSent(id: number, activityId: string | null = null): Promise<boolean> {
    return this.changed(
      this.pool,
      'UPDATE outbox SET sent_at = $1, activity_id = $2, claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = $3 AND sent_at IS NULL',
      [this.now(), activityId, id],
    );
  }

  async markOutboxFailed(id: number, error: string, nextAttemptAt: string | null): Promise<boolean> {
    const next = nextAttemptAt === null ? null : storeInput.iso(nextAttemptAt, 'nextAttemptAt');
    return this.changed(
      this.pool,
      `UPDATE outbox SET last_error = $1, claimed_by = NULL, claimed_until = NULL,
         next_attempt_at = COALESCE($2::timestamptz, next_attempt_at),
         dead_at = CASE WHEN $2::timestamptz IS NULL THEN $3::timestamptz ELSE NULL END
       WHERE id = $4 AND sent_at IS NULL AND dead_at IS NULL`,
      [error, next, this.now(), id],
    );
  }

  async listOutbox(filter: OutboxFilter = {}): Promise<OutboxMessage[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.status === 'pending') {
      where.push('sent_at IS NULL AND dead_at IS NULL');
    } else if (filter.status === 'sent') {
      where.push('sent_at IS NOT NULL');
    } else if (filter.status === 'dead') {
      where.push('dead_at IS NOT NULL');
    }
    if (filter.kind !== undefined) {
      params.push(filter.kind);
      where.push(`kind = $${params.length}`);
    }
    params.push(storeInput.limit(filter.limit, 100));
    const { rows } = await this.pool.query<OutboxRow>(
      `SELECT * FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toOutbox);
  }

  // ---- Seat holds -------------------------------------------------------------------------------------------------

  async tryTakeHold(request: HoldRequest): Promise<HoldResult> {
    const valid = storeInput.hold(request);
    return this.transaction(async (db): Promise<HoldResult> => {
      // Serialises takers of one SKU until commit, so the sum below cannot go stale before the insert.
      await db.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [LOCK.hold, valid.skuId]);
      const sum = await this.one<{ held: string }>(
        db,
        'SELECT COALESCE(SUM(quantity), 0) AS held FROM seat_holds WHERE sku_id = $1 AND released_at IS NULL AND expires_at > $2',
        [valid.skuId, valid.now],
      );
      const held = Number(sum?.held ?? 0);
      if (held + valid.quantity > valid.unheldLimit) {
        return { ok: false, held };
      }
      const row = await this.one<HoldRow>(
        db,
        'INSERT INTO seat_holds (id, sku_id, quantity, reason, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *',
        [randomUUID(), valid.skuId, valid.quantity, valid.reason, valid.now, valid.expiresAt],
      );
      return { ok: true, hold: toHold(row as HoldRow), heldAfter: held + valid.quantity };
    });
  }

  async releaseHold(id: string, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    return this.changed(this.pool, 'UPDATE seat_holds SET released_at = $1 WHERE id = $2 AND released_at IS NULL AND expires_at > $1', [at, id]);
  }

  async listActiveHolds(now: string): Promise<SeatHold[]> {
    const { rows } = await this.pool.query<HoldRow>(
      'SELECT * FROM seat_holds WHERE released_at IS NULL AND expires_at > $1 ORDER BY created_at, id',
      [storeInput.iso(now, 'now')],
    );
    return rows.map(toHold);
  }

  async heldBySku(now: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ sku_id: string; held: string }>(
      'SELECT sku_id, SUM(quantity) AS held FROM seat_holds WHERE released_at IS NULL AND expires_at > $1 GROUP BY sku_id ORDER BY sku_id',
      [storeInput.iso(now, 'now')],
    );
    return new Map(rows.map((r) => [r.sku_id, Number(r.held)]));
  }

  // ---- Reservation suggestions + audit --------------------------------------------------------------------------------

  async createSuggestion(input: NewSuggestion): Promise<Suggestion> {
    const now = this.now();
    const id = randomUUID();
    const params = [
      id,
      storeInput.text(input.skuId, 'skuId'),
      input.skuPartNumber,
      input.displayName,
      storeInput.positiveInteger(input.quantity, 'quantity'),
      storeInput.json(input.reasoning),
      now,
    ];
    return this.transaction(async (db) => {
      let row: SuggestionRow | null;
      try {
        row = await this.one<SuggestionRow>(
          db,
          `INSERT INTO suggestions (id, sku_id, sku_part_number, display_name, quantity, reasoning, status, created_at, updated_at, version)
           VALUES ($1, $2, $3, $4, $5, $6::jsonb, 'proposed', $7, $7, 1) RETURNING *`,
          params,
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`An open reservation suggestion already exists for ${input.skuId}`, { cause: error });
        }
        throw error;
      }
      await this.insertAudit(db, id, now, input.createdBy ?? 'headroom', null, 'proposed', input.quantity, null, 'proposed');
      return toSuggestion(row as SuggestionRow);
    });
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    return this.suggestionById(this.pool, id, false);
  }

  async getOpenSuggestion(skuId: string): Promise<Suggestion | null> {
    const row = await this.one<SuggestionRow>(this.pool, "SELECT * FROM suggestions WHERE sku_id = $1 AND status IN ('proposed', 'approved')", [
      skuId,
    ]);
    return row === null ? null : toSuggestion(row);
  }

  async listSuggestions(options: { limit?: number; skuId?: string; statuses?: readonly SuggestionStatus[] } = {}): Promise<Suggestion[]> {
    const where: string[] = [];
    const params: (string | number | string[])[] = [];
    if (options.skuId !== undefined) {
      params.push(options.skuId);
      where.push(`sku_id = $${params.length}`);
    }
    if (options.statuses !== undefined) {
      params.push(options.statuses.map((s) => storeInput.suggestionStatus(s, 'statuses')));
      where.push(`status = ANY($${params.length}::text[])`);
    }
    params.push(storeInput.limit(options.limit, 50));
    const { rows } = await this.pool.query<SuggestionRow>(
      `SELECT * FROM suggestions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toSuggestion);
  }

  async updateSuggestionProposal(id: string, expectedVersion: number, patch: SuggestionProposalPatch): Promise<SuggestionChangeResult> {
    const quantity = patch.quantity === undefined ? null : storeInput.positiveInteger(patch.quantity, 'quantity');
    const reasoning = patch.reasoning === undefined ? null : storeInput.json(patch.reasoning);
    const now = this.now();
    return this.transaction(async (db): Promise<SuggestionChangeResult> => {
      const current = await this.existingSuggestion(db, id, true);
      if (current.version !== expectedVersion) {
        return { ok: false, current };
      }
      const row = await this.one<SuggestionRow>(
        db,
        `UPDATE suggestions SET quantity = COALESCE($1, quantity), reasoning = COALESCE($2::jsonb, reasoning),
           display_name = COALESCE($3, display_name), sku_part_number = COALESCE($4, sku_part_number),
           updated_at = $5, version = version + 1
         WHERE id = $6 RETURNING *`,
        [quantity, reasoning, patch.displayName ?? null, patch.skuPartNumber ?? null, now, id],
      );
      return { ok: true, suggestion: toSuggestion(row as SuggestionRow) };
    });
  }

  async transitionSuggestion(id: string, transition: SuggestionTransition): Promise<SuggestionChangeResult> {
    const at = storeInput.iso(transition.at, 'at');
    const to = storeInput.suggestionStatus(transition.to, 'to');
    const from = transition.from.map((s) => storeInput.suggestionStatus(s, 'from'));
    const snoozedUntil = to === 'snoozed' ? storeInput.iso(transition.snoozedUntil ?? '', 'snoozedUntil') : null;
    const quantity = transition.quantity === undefined ? null : storeInput.positiveInteger(transition.quantity, 'quantity');
    const deciding = storeInput.decidingStatuses.includes(to);
    const actor = storeInput.text(transition.actor, 'actor');
    const actorName = transition.actorName ?? null;
    const messages = storeInput.outbox(transition.outbox ?? [], this.now());
    return this.transaction(async (db): Promise<SuggestionChangeResult> => {
      // FOR UPDATE: a concurrent transition waits here and then sees the winner's status.
      const current = await this.existingSuggestion(db, id, true);
      if (!from.includes(current.status)) {
        return { ok: false, current };
      }
      let row: SuggestionRow | null;
      try {
        row = await this.one<SuggestionRow>(
          db,
          `UPDATE suggestions SET status = $1, quantity = COALESCE($2, quantity), updated_at = $3, snoozed_until = $4,
             purchased_at_approval = COALESCE($5, purchased_at_approval),
             decided_by = CASE WHEN $6 THEN $7 ELSE decided_by END,
             decided_by_name = CASE WHEN $6 THEN $8 ELSE decided_by_name END,
             decided_at = CASE WHEN $6 THEN $3 ELSE decided_at END,
             version = version + 1
           WHERE id = $9 RETURNING *`,
          [to, quantity, at, snoozedUntil, transition.purchasedAtApproval ?? null, deciding, actor, actorName, id],
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`Another open reservation suggestion exists for ${current.skuId}`, { cause: error });
        }
        throw error;
      }
      const updated = toSuggestion(row as SuggestionRow);
      await this.insertAudit(db, id, at, actor, actorName, transition.action ?? to, updated.quantity, current.status, to);
      await this.insertOutbox(db, messages, at);
      return { ok: true, suggestion: updated };
    });
  }

  async listAudit(suggestionId: string): Promise<SuggestionAuditEntry[]> {
    const { rows } = await this.pool.query<AuditRow>('SELECT * FROM suggestion_audit WHERE suggestion_id = $1 ORDER BY id', [suggestionId]);
    return rows.map((r) => ({
      id: Number(r.id),
      suggestionId: r.suggestion_id,
      at: iso(r.at),
      actor: r.actor,
      actorName: r.actor_name,
      action: r.action,
      quantity: r.quantity,
      previousStatus: r.previous_status,
      newStatus: r.new_status,
    }));
  }

  async setCardActivity(id: string, conversationId: string, activityId: string): Promise<void> {
    const updated = await this.changed(
      this.pool,
      'UPDATE suggestions SET card_activities = card_activities || jsonb_build_object($2::text, $3::text) WHERE id = $1',
      [id, storeInput.text(conversationId, 'conversationId'), storeInput.text(activityId, 'activityId')],
    );
    if (!updated) {
      throw new NotFoundError(`No reservation suggestion ${id}`);
    }
  }

  // ---- Lease ------------------------------------------------------------------------------------------------------------

  async tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, ttlMs, 'ttlMs');
    return this.changed(
      this.pool,
      `INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (name) DO UPDATE SET
         acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END,
         owner = excluded.owner, expires_at = excluded.expires_at
       WHERE leases.owner = excluded.owner OR leases.expires_at <= $3`,
      [storeInput.text(name, 'name'), storeInput.text(owner, 'owner'), at, until],
    );
  }

  async releaseLease(name: string, owner: string): Promise<boolean> {
    return this.changed(this.pool, 'DELETE FROM leases WHERE name = $1 AND owner = $2', [name, owner]);
  }

  async getLease(name: string): Promise<Lease | null> {
    const row = await this.one<{ name: string; owner: string; acquired_at: Date; expires_at: Date }>(this.pool, 'SELECT * FROM leases WHERE name = $1', [
      name,
    ]);
    return row === null ? null : { name: row.name, owner: row.owner, acquiredAt: iso(row.acquired_at), expiresAt: iso(row.expires_at) };
  }

  // ---- Internals ----------------------------------------------------------------------------------------------------------

  private now(): string {
    return storeInput.iso(this.clock(), 'clock');
  }

  /** Runs `work` on one connection between BEGIN and COMMIT; any throw rolls back. */
  private async transaction<T>(work: (db: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is unusable; destroy it rather than return it to the pool.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async one<R extends QueryResultRow>(db: Queryable, sql: string, params: unknown[]): Promise<R | null> {
    const { rows } = await db.query<R>(sql, params);
    return rows[0] ?? null;
  }

  private async changed(db: Queryable, sql: string, params: unknown[]): Promise<boolean> {
    const result = await db.query(sql, params);
    return (result.rowCount ?? 0) > 0;
  }

  private async insertOutbox(db: Queryable, messages: readonly Required<NewOutboxMessage>[], now: string): Promise<number[]> {
    const ids: number[] = [];
    for (const m of messages) {
      const row = await this.one<{ id: string }>(
        db,
        `INSERT INTO outbox (kind, target, payload, dedupe_key, created_at, next_attempt_at) VALUES ($1, $2, $3::jsonb, $4, $5, $6)
         ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [m.kind, m.target, storeInput.json(m.payload), m.dedupeKey, now, m.notBefore],
      );
      if (row !== null) {
        ids.push(Number(row.id));
      }
    }
    return ids;
  }

  private async suggestionById(db: Queryable, id: string, lock: boolean): Promise<Suggestion | null> {
    const row = await this.one<SuggestionRow>(db, `SELECT * FROM suggestions WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
    return row === null ? null : toSuggestion(row);
  }

  private async existingSuggestion(db: Queryable, id: string, lock: boolean): Promise<Suggestion> {
    const found = await this.suggestionById(db, id, lock);
    if (found === null) {
      throw new NotFoundError(`No reservation suggestion ${id}`);
    }
    return found;
  }

  private async insertAudit(
    db: Queryable,
    suggestionId: string,
    at: string,
    actor: string,
    actorName: string | null,
    action: string,
    quantity: number | null,
    previousStatus: SuggestionStatus | null,
    newStatus: SuggestionStatus,
  ): Promise<void> {
    await db.query(
      `INSERT INTO suggestion_audit (suggestion_id, at, actor, actor_name, action, quantity, previous_status, new_status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [suggestionId, at, actor, actorName, action, quantity, previousStatus, newStatus],
    );
  }
}

interface ReferenceRow {
  conversation_id: string;
  reference: unknown;
  tenant_id: string;
  conversation_type: string;
  team_id: string | null;
  channel_name: string | null;
  updated_at: Date;
}

interface PlaceRow {
  conversation_id: string;
  kind: WatchedPlaceKind;
  added_by: string;
  added_at: Date;
  active: boolean;
  inactive_reason: string | null;
  inactive_since: Date | null;
}

interface ThresholdRow {
  sku_id: string;
  kind: 'absolute' | 'percent';
  value: number;
  set_by: string;
  set_at: Date;
}

interface HistoryDbRow {
  sku_id: string;
  taken_at: Date;
  purchased: number;
  assigned: number;
  available: number;
  waiting: number;
}

interface AlertRow {
  sku_id: string;
  condition: string;
  status: 'active' | 'resolved';
  since: Date;
  last_notified_at: Date | null;
  details: unknown;
  version: number;
  updated_at: Date;
}

interface OutboxRow {
  id: string;
  kind: 'channel' | 'webhook';
  target: string;
  payload: unknown;
  dedupe_key: string;
  created_at: Date;
  attempts: number;
  next_attempt_at: Date;
  claimed_by: string | null;
  claimed_until: Date | null;
  sent_at: Date | null;
  activity_id: string | null;
  last_error: string | null;
  dead_at: Date | null;
}

interface HoldRow {
  id: string;
  sku_id: string;
  quantity: number;
  reason: string;
  created_at: Date;
  expires_at: Date;
  released_at: Date | null;
}

interface SuggestionRow {
  id: string;
  sku_id: string;
  sku_part_number: string;
  display_name: string;
  quantity: number;
  reasoning: unknown;
  status: SuggestionStatus;
  created_at: Date;
  updated_at: Date;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: Date | null;
  snoozed_until: Date | null;
  purchased_at_approval: number | null;
  card_activities: Record<string, string>;
  version: number;
}

interface AuditRow {
  id: string;
  suggestion_id: string;
  at: Date;
  actor: string;
  actor_name: string | null;
  action: string;
  quantity: number | null;
  previous_status: SuggestionStatus | null;
  new_status: SuggestionStatus;
}

function iso(value: Date): string {
  return value.toISOString();
}

function isoOrNull(value: Date | null): string | null {
  return value === null ? null : value.toISOString();
}

function toPlace(row: PlaceRow): WatchedPlace {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    addedBy: row.added_by,
    addedAt: iso(row.added_at),
    active: row.active,
    inactiveReason: row.inactive_reason,
    inactiveSince: isoOrNull(row.inactive_since),
  };
}

function toThreshold(row: ThresholdRow): ThresholdRecord {
  return { skuId: row.sku_id, threshold: { kind: row.kind, value: row.value }, setBy: row.set_by, setAt: iso(row.set_at) };
}

function toHistory(row: HistoryDbRow): HistoryRow {
  return {
    skuId: row.sku_id,
    takenAt: iso(row.taken_at),
    purchased: row.purchased,
    assigned: row.assigned,
    available: row.available,
    waiting: row.waiting,
  };
}

function sameFigures(a: Omit<HistoryFigures, 'skuId'>, b: Omit<HistoryFigures, 'skuId'>): boolean {
  return a.purchased === b.purchased && a.assigned === b.assigned && a.available === b.available && a.waiting === b.waiting;
}

function toAlert(row: AlertRow): AlertState {
  return {
    skuId: row.sku_id,
    condition: row.condition,
    status: row.status,
    since: iso(row.since),
    lastNotifiedAt: isoOrNull(row.last_notified_at),
    details: row.details,
    version: row.version,
    updatedAt: iso(row.updated_at),
  };
}

function toOutbox(row: OutboxRow): OutboxMessage {
  return {
    id: Number(row.id),
    kind: row.kind,
    target: row.target,
    payload: row.payload,
    dedupeKey: row.dedupe_key,
    createdAt: iso(row.created_at),
    attempts: row.attempts,
    nextAttemptAt: iso(row.next_attempt_at),
    claimedBy: row.claimed_by,
    claimedUntil: isoOrNull(row.claimed_until),
    sentAt: isoOrNull(row.sent_at),
    activityId: row.activity_id,
    lastError: row.last_error,
    deadAt: isoOrNull(row.dead_at),
  };
}

function byDueThenId(a: OutboxMessage, b: OutboxMessage): number {
  return a.nextAttemptAt === b.nextAttemptAt ? a.id - b.id : a.nextAttemptAt < b.nextAttemptAt ? -1 : 1;
}

function toHold(row: HoldRow): SeatHold {
  return {
    id: row.id,
    skuId: row.sku_id,
    quantity: row.quantity,
    reason: row.reason,
    createdAt: iso(row.created_at),
    expiresAt: iso(row.expires_at),
    releasedAt: isoOrNull(row.released_at),
  };
}

function toSuggestion(row: SuggestionRow): Suggestion {
  return {
    id: row.id,
    skuId: row.sku_id,
    skuPartNumber: row.sku_part_number,
    displayName: row.display_name,
    quantity: row.quantity,
    reasoning: row.reasoning,
    status: row.status,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: isoOrNull(row.decided_at),
    snoozedUntil: isoOrNull(row.snoozed_until),
    purchasedAtApproval: row.purchased_at_approval,
    cardActivities: row.card_activities,
    version: row.version,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}
