import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many prepared statements one connection keeps; the store's queries are far fewer. */
const LIMIT = 500;

/**
 * The better-sqlite3 connection as Kysely's SQLite dialect sees it:
 * - each SQL text is prepared once: Kysely prepares on every query, and preparing is most of the cost
 *   of a small one (every chat turn runs a few);
 * - booleans are bound as 0/1: better-sqlite3 binds only numbers, strings, bigints, buffers and null.
 */
export function cachedStatements(db: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>();
  return {
    prepare(sql: string): SqliteStatement {
      let statement = statements.get(sql);
      if (statement === undefined) {
        if (statements.size >= LIMIT) {
          statements.clear();
        }
        statement = bindingBooleans(db.prepare(sql));
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

function bindingBooleans(statement: BetterSqlite3.Statement): SqliteStatement {
  return {
    reader: statement.reader,
    all: (parameters) => statement.all(sqliteValues(parameters)),
    run: (parameters) => statement.run(sqliteValues(parameters)),
    iterate: (parameters) => statement.iterate(sqliteValues(parameters)),
  };
}

function sqliteValues(parameters: ReadonlyArray<unknown>): unknown[] {
  return parameters.map((value) => (typeof value === 'boolean' ? (value ? 1 : 0) : value));
}
