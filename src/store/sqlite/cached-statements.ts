import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** How many prepared statements one connection keeps; the store's queries are far fewer. */
const LIMIT = 500;

/**
 * The better-sqlite3 connection as Kysely's SQLite dialect sees it, preparing each SQL text once:
 * Kysely prepares on every query, and preparing is most of the cost of a small one (every chat turn
 * runs a few).
 */
export function cachedStatements(db: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= LIMIT) {
          statements.clear();
        }
        statement = db.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
    close() {
      if (db.open) {
        db.close();
      }
    },
  };
}
