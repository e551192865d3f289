import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ConflictError, NotFoundError } from '../errors';
import { silentLogger, type Logger } from '../logger';
import { sqliteMigrations, type SqliteMigration } from './sqlite-migrations';
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

export interface SqliteStoreOptions {
  /** A file path (its directory is created) or `:memory:`. */
  filename: string;
  clock?: Clock;
  logger?: Logger;
  /** How long a writer waits for another connection's write lock. */
  busyTimeoutMs?: number;
  /** Overrides the schema; tests only. */
  migrations?: readonly SqliteMigration[];
}

/**
 * The default store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so every write is one
 * `BEGIN IMMEDIATE` transaction that runs to completion before the method returns; several processes
 * (or several stores in one process) sharing the file serialise on SQLite's write lock.
 */
export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly migrations: readonly SqliteMigration[];
  /** Prepared statements by SQL text: preparing is most of the cost of a small query. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteStoreOptions) {
    if (options.filename !== ':memory:') {
      mkdirSync(dirname(options.filename), { recursive: true });
    }
    this.db = new Database(options.filename);
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger ?? silentLogger;
    this.migrations = options.migrations ?? sqliteMigrations;
  }

  // ---- Lifecycle ----------------------------------------------------------------------------------

  async migrate(): Promise<MigrationResult> {
    return this.write(() => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const done = new Set(
        (this.statement('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
      );
      const applied: number[] = [];
      for (const migration of [...this.migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(migration.version)) {
          continue;
        }
        this.db.exec(migration.sql);
        this.statement('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.version, migration.name, this.now());
        applied.push(migration.version);
        this.logger.info('store migration applied', { store: 'sqlite', version: migration.version, name: migration.name });
      }
      const row = this.statement('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null };
      return { applied, version: row.version ?? 0 };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) {
      this.db.close();
    }
  }

  // ---- Conversation references ----------------------------------------------------------------------

  async saveConversationReference(conversationId: string, reference: unknown, meta: ConversationMeta): Promise<void> {
    this.statement(
        `INSERT INTO conversation_references (conversation_id, reference, tenant_id, conversation_type, team_id, channel_name, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET reference = excluded.reference, tenant_id = excluded.tenant_id,
           conversation_type = excluded.conversation_type, team_id = excluded.team_id,
           channel_name = excluded.channel_name, updated_at = excluded.updated_at
         WHERE conversation_references.reference IS NOT excluded.reference
           OR conversation_references.tenant_id IS NOT excluded.tenant_id
           OR conversation_references.conversation_type IS NOT excluded.conversation_type
           OR conversation_references.team_id IS NOT excluded.team_id
           OR conversation_references.channel_name IS NOT excluded.channel_name`,
      )
      .run(
        storeInput.text(conversationId, 'conversationId'),
        storeInput.json(reference),
        storeInput.text(meta.tenantId, 'tenantId'),
        storeInput.text(meta.conversationType, 'conversationType'),
        meta.teamId ?? null,
        meta.channelName ?? null,
        this.now(),
      );
  }

  async getConversationReference(conversationId: string): Promise<StoredConversationReference | null> {
    const row = this.statement('SELECT * FROM conversation_references WHERE conversation_id = ?').get(conversationId) as
      | ReferenceRow
      | undefined;
    return row === undefined
      ? null
      : {
          conversationId: row.conversation_id,
          reference: JSON.parse(row.reference) as unknown,
          tenantId: row.tenant_id,
          conversationType: row.conversation_type,
          teamId: row.team_id,
          channelName: row.channel_name,
          updatedAt: row.updated_at,
        };
  }

  // ---- Watched places -------------------------------------------------------------------------------

  async watchPlace(input: NewWatchedPlace): Promise<WatchedPlace> {
    return this.write(() => {
      const row = this.statement(
          `INSERT INTO watched_places (conversation_id, kind, added_by, added_at, active) VALUES (?, ?, ?, ?, 1)
           ON CONFLICT (conversation_id) DO UPDATE SET kind = excluded.kind, added_by = excluded.added_by,
             added_at = excluded.added_at, active = 1, inactive_reason = NULL, inactive_since = NULL
           RETURNING *`,
        )
        .get(storeInput.text(input.conversationId, 'conversationId'), input.kind, storeInput.text(input.addedBy, 'addedBy'), this.now()) as PlaceRow;
      return toPlace(row);
    });
  }

  async unwatchPlace(conversationId: string): Promise<boolean> {
    return this.statement('DELETE FROM watched_places WHERE conversation_id = ?').run(conversationId).changes > 0;
  }

  async listWatchedPlaces(options: { activeOnly?: boolean } = {}): Promise<WatchedPlace[]> {
    const rows = this.statement(`SELECT * FROM watched_places ${options.activeOnly === true ? 'WHERE active = 1' : ''} ORDER BY added_at, conversation_id`)
      .all() as PlaceRow[];
    return rows.map(toPlace);
  }

  async markPlaceInactive(conversationId: string, reason: string): Promise<boolean> {
    return (
      this.statement('UPDATE watched_places SET active = 0, inactive_reason = ?, inactive_since = ? WHERE conversation_id = ? AND active = 1')
        .run(reason, this.now(), conversationId).changes > 0
    );
  }

  async reactivatePlace(conversationId: string): Promise<boolean> {
    return (
      this.statement('UPDATE watched_places SET active = 1, inactive_reason = NULL, inactive_since = NULL WHERE conversation_id = ? AND active = 0')
        .run(conversationId).changes > 0
    );
  }

  // ---- Settings ---------------------------------------------------------------------------------------

  async setThreshold(skuId: string, threshold: SkuThreshold, setBy: string): Promise<ThresholdRecord> {
    const valid = storeInput.threshold(threshold);
    const row = this.statement(
        `INSERT INTO sku_thresholds (sku_id, kind, value, set_by, set_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (sku_id) DO UPDATE SET kind = excluded.kind, value = excluded.value, set_by = excluded.set_by, set_at = excluded.set_at
         RETURNING *`,
      )
      .get(storeInput.text(skuId, 'skuId'), valid.kind, valid.value, storeInput.text(setBy, 'setBy'), this.now()) as ThresholdRow;
    return toThreshold(row);
  }

  async clearThreshold(skuId: string): Promise<boolean> {
    return this.statement('DELETE FROM sku_thresholds WHERE sku_id = ?').run(skuId).changes > 0;
  }

  async listThresholds(): Promise<ThresholdRecord[]> {
    return (this.statement('SELECT * FROM sku_thresholds ORDER BY sku_id').all() as ThresholdRow[]).map(toThreshold);
  }

  async setMuted(skuId: string, muted: boolean, by: string): Promise<void> {
    storeInput.text(skuId, 'skuId');
    if (muted) {
      this.statement('INSERT INTO muted_skus (sku_id, muted_by, muted_at) VALUES (?, ?, ?) ON CONFLICT (sku_id) DO NOTHING')
        .run(skuId, storeInput.text(by, 'by'), this.now());
    } else {
      this.statement('DELETE FROM muted_skus WHERE sku_id = ?').run(skuId);
    }
  }

  async listMuted(): Promise<MutedSku[]> {
    const rows = this.statement('SELECT * FROM muted_skus ORDER BY sku_id').all() as { sku_id: string; muted_by: string; muted_at: string }[];
    return rows.map((r) => ({ skuId: r.sku_id, mutedBy: r.muted_by, mutedAt: r.muted_at }));
  }

  // ---- Snapshot history ---------------------------------------------------------------------------------

  async recordSnapshot(takenAt: string, rows: readonly HistoryFigures[]): Promise<string[]> {
    const at = storeInput.iso(takenAt, 'takenAt');
    const figures = storeInput.history(rows);
    return this.write(() => {
      const latest = this.statement(
        'SELECT purchased, assigned, available, waiting FROM sku_history WHERE sku_id = ? AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1',
      );
      const insert = this.statement(
        `INSERT INTO sku_history (sku_id, taken_at, purchased, assigned, available, waiting) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
      );
      const stored: string[] = [];
      for (const row of figures) {
        const last = latest.get(row.skuId, at) as Omit<HistoryFigures, 'skuId'> | undefined;
        if (last !== undefined && sameFigures(last, row)) {
          continue;
        }
        if (insert.run(row.skuId, at, row.purchased, row.assigned, row.available, row.waiting).changes > 0) {
          stored.push(row.skuId);
        }
      }
      return stored;
    });
  }

  async listHistory(skuId: string, sinceIso: string): Promise<HistoryRow[]> {
    const rows = this.statement('SELECT * FROM sku_history WHERE sku_id = ? AND taken_at >= ? ORDER BY taken_at')
      .all(skuId, storeInput.iso(sinceIso, 'sinceIso')) as HistoryDbRow[];
    return rows.map(toHistory);
  }

  async latestHistory(): Promise<HistoryRow[]> {
    const rows = this.statement(
        `SELECT h.* FROM sku_history h
         WHERE h.taken_at = (SELECT MAX(l.taken_at) FROM sku_history l WHERE l.sku_id = h.sku_id)
         ORDER BY h.sku_id`,
      )
      .all() as HistoryDbRow[];
    return rows.map(toHistory);
  }

  // ---- Alert states + outbox -----------------------------------------------------------------------------

  async listAlertStates(): Promise<AlertState[]> {
    return (this.statement('SELECT * FROM alert_states ORDER BY sku_id, condition').all() as AlertRow[]).map(toAlert);
  }

  async commitAlertTransitions(changes: readonly AlertStateChange[], outbox: readonly NewOutboxMessage[]): Promise<AlertState[]> {
    const now = this.now();
    const messages = storeInput.outbox(outbox, now);
    const valid = changes.map((c) => ({
      ...c,
      since: storeInput.iso(c.since, 'since'),
      lastNotifiedAt: c.lastNotifiedAt === null ? null : storeInput.iso(c.lastNotifiedAt, 'lastNotifiedAt'),
    }));
    return this.write(() => {
      const written: AlertState[] = [];
      for (const change of valid) {
        const row =
          change.expectedVersion === null
            ? (this.statement(
                  `INSERT INTO alert_states (sku_id, condition, status, since, last_notified_at, details, version, updated_at)
                   VALUES (?, ?, ?, ?, ?, ?, 1, ?) ON CONFLICT DO NOTHING RETURNING *`,
                )
                .get(change.skuId, change.condition, change.status, change.since, change.lastNotifiedAt, storeInput.json(change.details), now) as
                | AlertRow
                | undefined)
            : (this.statement(
                  `UPDATE alert_states SET status = ?, since = ?, last_notified_at = ?, details = ?, version = version + 1, updated_at = ?
                   WHERE sku_id = ? AND condition = ? AND version = ? RETURNING *`,
                )
                .get(
                  change.status,
                  change.since,
                  change.lastNotifiedAt,
                  storeInput.json(change.details),
                  now,
                  change.skuId,
                  change.condition,
                  change.expectedVersion,
                ) as AlertRow | undefined);
        if (row === undefined) {
          throw new ConflictError(`The alert state of ${change.skuId}/${change.condition} changed since it was read`);
        }
        written.push(toAlert(row));
      }
      this.insertOutbox(messages, now);
      return written;
    });
  }

  // ---- Outbox --------------------------------------------------------------------------------------------

  async enqueueOutbox(messages: readonly NewOutboxMessage[]): Promise<number[]> {
    const now = this.now();
    const valid = storeInput.outbox(messages, now);
    return this.write(() => this.insertOutbox(valid, now));
  }

  async claimDueOutbox(now: string, limit: number, claimant: string, leaseMs: number): Promise<OutboxMessage[]> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, leaseMs, 'leaseMs');
    const rows = this.statement(
        `UPDATE outbox SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM outbox
           WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
           ORDER BY next_attempt_at, id LIMIT ?)
         RETURNING *`,
      )
      .all(storeInput.text(claimant, 'claimant'), until, at, at, storeInput.positiveInteger(limit, 'limit')) as OutboxRow[];
    return rows.map(toOutbox).sort(byDueThenId);
  }

  async markOutboxSent(id: number, activityId: string | null = null): Promise<boolean> {
    return (
      this.statement('UPDATE outbox SET sent_at = ?, activity_id = ?, claimed_by = NULL, claimed_until = NULL, last_error = NULL WHERE id = ? AND sent_at IS NULL')
        .run(this.now(), activityId, id).changes > 0
    );
  }

  async markOutboxFailed(id: number, error: string, nextAttemptAt: string | null): Promise<boolean> {
    const now = this.now();
    const next = nextAttemptAt === null ? null : storeInput.iso(nextAttemptAt, 'nextAttemptAt');
    return (
      this.statement(
          `UPDATE outbox SET last_error = ?, claimed_by = NULL, claimed_until = NULL,
             next_attempt_at = COALESCE(?, next_attempt_at), dead_at = CASE WHEN ? IS NULL THEN ? ELSE NULL END
           WHERE id = ? AND sent_at IS NULL AND dead_at IS NULL`,
        )
        .run(error, next, next, now, id).changes > 0
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
      where.push('kind = ?');
      params.push(filter.kind);
    }
    params.push(storeInput.limit(filter.limit, 100));
    const rows = this.statement(`SELECT * FROM outbox ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
      .all(...params) as OutboxRow[];
    return rows.map(toOutbox);
  }

  // ---- Seat holds ------------------------------------------------------------------------------------------

  async tryTakeHold(request: HoldRequest): Promise<HoldResult> {
    const valid = storeInput.hold(request);
    return this.write((): HoldResult => {
      const held = this.heldFor(valid.skuId, valid.now);
      if (held + valid.quantity > valid.unheldLimit) {
        return { ok: false, held };
      }
      const row = this.statement(
          'INSERT INTO seat_holds (id, sku_id, quantity, reason, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING *',
        )
        .get(randomUUID(), valid.skuId, valid.quantity, valid.reason, valid.now, valid.expiresAt) as HoldRow;
      return { ok: true, hold: toHold(row), heldAfter: held + valid.quantity };
    });
  }

  async releaseHold(id: string, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    return this.statement('UPDATE seat_holds SET released_at = ? WHERE id = ? AND released_at IS NULL AND expires_at > ?').run(at, id, at).changes > 0;
  }

  async listActiveHolds(now: string): Promise<SeatHold[]> {
    const rows = this.statement('SELECT * FROM seat_holds WHERE released_at IS NULL AND expires_at > ? ORDER BY created_at, id')
      .all(storeInput.iso(now, 'now')) as HoldRow[];
    return rows.map(toHold);
  }

  async heldBySku(now: string): Promise<Map<string, number>> {
    const rows = this.statement('SELECT sku_id, SUM(quantity) AS held FROM seat_holds WHERE released_at IS NULL AND expires_at > ? GROUP BY sku_id ORDER BY sku_id')
      .all(storeInput.iso(now, 'now')) as { sku_id: string; held: number }[];
    return new Map(rows.map((r) => [r.sku_id, r.held]));
  }

  // ---- Reservation suggestions + audit -------------------------------------------------------------------------

  async createSuggestion(input: NewSuggestion): Promise<Suggestion> {
    const now = this.now();
    const id = randomUUID();
    return this.write(() => {
      try {
        this.statement(
            `INSERT INTO suggestions (id, sku_id, sku_part_number, display_name, quantity, reasoning, status, created_at, updated_at, version)
             VALUES (?, ?, ?, ?, ?, ?, 'proposed', ?, ?, 1)`,
          )
          .run(
            id,
            storeInput.text(input.skuId, 'skuId'),
            input.skuPartNumber,
            input.displayName,
            storeInput.positiveInteger(input.quantity, 'quantity'),
            storeInput.json(input.reasoning),
            now,
            now,
          );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`An open reservation suggestion already exists for ${input.skuId}`, { cause: error });
        }
        throw error;
      }
      this.insertAudit(id, now, input.createdBy ?? 'headroom', null, 'proposed', input.quantity, null, 'proposed');
      return this.suggestionById(id) as Suggestion;
    });
  }

  async getSuggestion(id: string): Promise<Suggestion | null> {
    return this.suggestionById(id);
  }

  async getOpenSuggestion(skuId: string): Promise<Suggestion | null> {
    const row = this.statement("SELECT * FROM suggestions WHERE sku_id = ? AND status IN ('proposed', 'approved')").get(skuId) as
      | SuggestionRow
      | undefined;
    return row === undefined ? null : toSuggestion(row);
  }

  async listSuggestions(options: { limit?: number; skuId?: string; statuses?: readonly SuggestionStatus[] } = {}): Promise<Suggestion[]> {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (options.skuId !== undefined) {
      where.push('sku_id = ?');
      params.push(options.skuId);
    }
    if (options.statuses !== undefined) {
      const statuses = options.statuses.map((s) => storeInput.suggestionStatus(s, 'statuses'));
      where.push(statuses.length === 0 ? '0' : `status IN (${statuses.map(() => '?').join(', ')})`);
      params.push(...statuses);
    }
    params.push(storeInput.limit(options.limit, 50));
    const rows = this.statement(`SELECT * FROM suggestions ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...params) as SuggestionRow[];
    return rows.map(toSuggestion);
  }

  async updateSuggestionProposal(id: string, expectedVersion: number, patch: SuggestionProposalPatch): Promise<SuggestionChangeResult> {
    const quantity = patch.quantity === undefined ? null : storeInput.positiveInteger(patch.quantity, 'quantity');
    const reasoning = patch.reasoning === undefined ? null : storeInput.json(patch.reasoning);
    const now = this.now();
    return this.write((): SuggestionChangeResult => {
      const row = this.statement(
          `UPDATE suggestions SET quantity = COALESCE(?, quantity), reasoning = COALESCE(?, reasoning),
             display_name = COALESCE(?, display_name), sku_part_number = COALESCE(?, sku_part_number),
             updated_at = ?, version = version + 1
           WHERE id = ? AND version = ? RETURNING *`,
        )
        .get(quantity, reasoning, patch.displayName ?? null, patch.skuPartNumber ?? null, now, id, expectedVersion) as SuggestionRow | undefined;
      if (row !== undefined) {
        return { ok: true, suggestion: toSuggestion(row) };
      }
      return { ok: false, current: this.existingSuggestion(id) };
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
    return this.write((): SuggestionChangeResult => {
      const current = this.existingSuggestion(id);
      if (!from.includes(current.status)) {
        return { ok: false, current };
      }
      try {
        this.statement(
            `UPDATE suggestions SET status = ?, quantity = COALESCE(?, quantity), updated_at = ?, snoozed_until = ?,
               purchased_at_approval = COALESCE(?, purchased_at_approval),
               decided_by = CASE WHEN ? THEN ? ELSE decided_by END,
               decided_by_name = CASE WHEN ? THEN ? ELSE decided_by_name END,
               decided_at = CASE WHEN ? THEN ? ELSE decided_at END,
               version = version + 1
             WHERE id = ?`,
          )
          .run(to, quantity, at, snoozedUntil, transition.purchasedAtApproval ?? null, +deciding, actor, +deciding, actorName, +deciding, at, id);
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new ConflictError(`Another open reservation suggestion exists for ${current.skuId}`, { cause: error });
        }
        throw error;
      }
      const updated = this.existingSuggestion(id);
      this.insertAudit(id, at, actor, actorName, transition.action ?? to, updated.quantity, current.status, to);
      this.insertOutbox(messages, at);
      return { ok: true, suggestion: updated };
    });
  }

  async listAudit(suggestionId: string): Promise<SuggestionAuditEntry[]> {
    const rows = this.statement('SELECT * FROM suggestion_audit WHERE suggestion_id = ? ORDER BY id').all(suggestionId) as AuditRow[];
    return rows.map((r) => ({
      id: r.id,
      suggestionId: r.suggestion_id,
      at: r.at,
      actor: r.actor,
      actorName: r.actor_name,
      action: r.action,
      quantity: r.quantity,
      previousStatus: r.previous_status,
      newStatus: r.new_status,
    }));
  }

  async setCardActivity(id: string, conversationId: string, activityId: string): Promise<void> {
    this.write(() => {
      const current = this.existingSuggestion(id);
      const activities = { ...current.cardActivities, [conversationId]: activityId };
      this.statement('UPDATE suggestions SET card_activities = ? WHERE id = ?').run(JSON.stringify(activities), id);
    });
  }

  // ---- Lease -----------------------------------------------------------------------------------------------------

  async tryAcquireLease(name: string, owner: string, ttlMs: number, now: string): Promise<boolean> {
    const at = storeInput.iso(now, 'now');
    const until = storeInput.plus(at, ttlMs, 'ttlMs');
    const row = this.statement(
        `INSERT INTO leases (name, owner, acquired_at, expires_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET
           acquired_at = CASE WHEN leases.owner = excluded.owner THEN leases.acquired_at ELSE excluded.acquired_at END,
           owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
         RETURNING owner`,
      )
      .get(storeInput.text(name, 'name'), storeInput.text(owner, 'owner'), at, until, at) as { owner: string } | undefined;
    return row !== undefined;
  }

  async releaseLease(name: string, owner: string): Promise<boolean> {
    return this.statement('DELETE FROM leases WHERE name = ? AND owner = ?').run(name, owner).changes > 0;
  }

  async getLease(name: string): Promise<Lease | null> {
    const row = this.statement('SELECT * FROM leases WHERE name = ?').get(name) as
      | { name: string; owner: string; acquired_at: string; expires_at: string }
      | undefined;
    return row === undefined ? null : { name: row.name, owner: row.owner, acquiredAt: row.acquired_at, expiresAt: row.expires_at };
  }

  // ---- Internals -----------------------------------------------------------------------------------------------------

  private now(): string {
    return storeInput.iso(this.clock(), 'clock');
  }

  /** The statement for `sql`, prepared on first use and reused after. */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** Runs `work` in one BEGIN IMMEDIATE transaction: the write lock is taken before anything is read. */
  private write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  private insertOutbox(messages: readonly Required<NewOutboxMessage>[], now: string): number[] {
    const insert = this.statement(
      `INSERT INTO outbox (kind, target, payload, dedupe_key, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
    );
    const ids: number[] = [];
    for (const m of messages) {
      const row = insert.get(m.kind, m.target, storeInput.json(m.payload), m.dedupeKey, now, m.notBefore) as { id: number } | undefined;
      if (row !== undefined) {
        ids.push(row.id);
      }
    }
    return ids;
  }

  private heldFor(skuId: string, now: string): number {
    const row = this.statement('SELECT COALESCE(SUM(quantity), 0) AS held FROM seat_holds WHERE sku_id = ? AND released_at IS NULL AND expires_at > ?')
      .get(skuId, now) as { held: number };
    return row.held;
  }

  private suggestionById(id: string): Suggestion | null {
    const row = this.statement('SELECT * FROM suggestions WHERE id = ?').get(id) as SuggestionRow | undefined;
    return row === undefined ? null : toSuggestion(row);
  }

  private existingSuggestion(id: string): Suggestion {
    const found = this.suggestionById(id);
    if (found === null) {
      throw new NotFoundError(`No reservation suggestion ${id}`);
    }
    return found;
  }

  private insertAudit(
    suggestionId: string,
    at: string,
    actor: string,
    actorName: string | null,
    action: string,
    quantity: number | null,
    previousStatus: SuggestionStatus | null,
    newStatus: SuggestionStatus,
  ): void {
    this.statement(
        `INSERT INTO suggestion_audit (suggestion_id, at, actor, actor_name, action, quantity, previous_status, new_status)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(suggestionId, at, actor, actorName, action, quantity, previousStatus, newStatus);
  }
}

interface ReferenceRow {
  conversation_id: string;
  reference: string;
  tenant_id: string;
  conversation_type: string;
  team_id: string | null;
  channel_name: string | null;
  updated_at: string;
}

interface PlaceRow {
  conversation_id: string;
  kind: WatchedPlaceKind;
  added_by: string;
  added_at: string;
  active: number;
  inactive_reason: string | null;
  inactive_since: string | null;
}

interface ThresholdRow {
  sku_id: string;
  kind: 'absolute' | 'percent';
  value: number;
  set_by: string;
  set_at: string;
}

interface HistoryDbRow {
  sku_id: string;
  taken_at: string;
  purchased: number;
  assigned: number;
  available: number;
  waiting: number;
}

interface AlertRow {
  sku_id: string;
  condition: string;
  status: 'active' | 'resolved';
  since: string;
  last_notified_at: string | null;
  details: string;
  version: number;
  updated_at: string;
}

interface OutboxRow {
  id: number;
  kind: 'channel' | 'webhook';
  target: string;
  payload: string;
  dedupe_key: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  sent_at: string | null;
  activity_id: string | null;
  last_error: string | null;
  dead_at: string | null;
}

interface HoldRow {
  id: string;
  sku_id: string;
  quantity: number;
  reason: string;
  created_at: string;
  expires_at: string;
  released_at: string | null;
}

interface SuggestionRow {
  id: string;
  sku_id: string;
  sku_part_number: string;
  display_name: string;
  quantity: number;
  reasoning: string;
  status: SuggestionStatus;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  snoozed_until: string | null;
  purchased_at_approval: number | null;
  card_activities: string;
  version: number;
}

interface AuditRow {
  id: number;
  suggestion_id: string;
  at: string;
  actor: string;
  actor_name: string | null;
  action: string;
  quantity: number | null;
  previous_status: SuggestionStatus | null;
  new_status: SuggestionStatus;
}

function toPlace(row: PlaceRow): WatchedPlace {
  return {
    conversationId: row.conversation_id,
    kind: row.kind,
    addedBy: row.added_by,
    addedAt: row.added_at,
    active: row.active === 1,
    inactiveReason: row.inactive_reason,
    inactiveSince: row.inactive_since,
  };
}

function toThreshold(row: ThresholdRow): ThresholdRecord {
  return { skuId: row.sku_id, threshold: { kind: row.kind, value: row.value }, setBy: row.set_by, setAt: row.set_at };
}

function toHistory(row: HistoryDbRow): HistoryRow {
  return {
    skuId: row.sku_id,
    takenAt: row.taken_at,
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
    since: row.since,
    lastNotifiedAt: row.last_notified_at,
    details: JSON.parse(row.details) as unknown,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function toOutbox(row: OutboxRow): OutboxMessage {
  return {
    id: row.id,
    kind: row.kind,
    target: row.target,
    payload: JSON.parse(row.payload) as unknown,
    dedupeKey: row.dedupe_key,
    createdAt: row.created_at,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
    sentAt: row.sent_at,
    activityId: row.activity_id,
    lastError: row.last_error,
    deadAt: row.dead_at,
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
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    releasedAt: row.released_at,
  };
}

function toSuggestion(row: SuggestionRow): Suggestion {
  return {
    id: row.id,
    skuId: row.sku_id,
    skuPartNumber: row.sku_part_number,
    displayName: row.display_name,
    quantity: row.quantity,
    reasoning: JSON.parse(row.reasoning) as unknown,
    status: row.status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    decidedBy: row.decided_by,
    decidedByName: row.decided_by_name,
    decidedAt: row.decided_at,
    snoozedUntil: row.snoozed_until,
    purchasedAtApproval: row.purchased_at_approval,
    cardActivities: JSON.parse(row.card_activities) as Record<string, string>,
    version: row.version,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === 'SQLITE_CONSTRAINT_PRIMARYKEY')
  );
}
