import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { storeInput } from '../store-input';
import type { Clock } from '../store';

export interface SqliteDatabaseOptions {
  /** A file path (its directory is created) or `:memory:`. */
  filename: string;
  clock?: Clock;
  /** How long a writer waits for another connection's write lock. */
  busyTimeoutMs?: number;
}

/**
 * One open SQLite file in WAL mode, shared by the modules of one `SqliteStore`: its prepared
 * statements, its write transactions and the store's clock.
 */
export class SqliteDatabase {
  private readonly db: Database.Database;
  private readonly clock: Clock;
  /** Prepared statements by SQL text: preparing is most of the cost of a small query. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(options: SqliteDatabaseOptions) {
    if (options.filename !== ':memory:') {
      mkdirSync(dirname(options.filename), { recursive: true });
    }
    this.db = new Database(options.filename);
    this.db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.clock = options.clock ?? (() => new Date());
  }

  /** The store clock's now, as a canonical ISO string. */
  now(): string {
    return storeInput.iso(this.clock(), 'clock');
  }

  /** The statement for `sql`, prepared on first use and reused after. */
  statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  /** The first row `sql` returns, if any. */
  get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.statement(sql).get(...params) as R | undefined;
  }

  /** Every row `sql` returns. */
  all<R>(sql: string, ...params: unknown[]): R[] {
    return this.statement(sql).all(...params) as R[];
  }

  /** Runs `sql`; true when it changed at least one row. */
  changed(sql: string, ...params: unknown[]): boolean {
    return this.statement(sql).run(...params).changes > 0;
  }

  /** Runs `work` in one BEGIN IMMEDIATE transaction: the write lock is taken before anything is read. */
  write<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Runs statements that take no parameters (a schema migration). */
  exec(sql: string): void {
    this.db.exec(sql);
  }

  close(): void {
    if (this.db.open) {
      this.db.close();
    }
  }
}
