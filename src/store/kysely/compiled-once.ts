import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from '../database';

/**
 * A query built and compiled once, then run with new parameter values on every call: for the queries
 * of every chat turn, where building and compiling would cost more than running. `build` receives one
 * placeholder per parameter and must use each as a plain value.
 */
export function compiledOnce<P extends readonly unknown[], R>(
  db: Kysely<Database>,
  arity: P['length'],
  build: (...placeholders: string[]) => Compilable<R>,
): (...params: P) => Promise<R[]> {
  const placeholders = Array.from({ length: arity }, (_, i) => `\u0000compiled-once-${i}`);
  const compiled = build(...placeholders).compile();
  const order = compiled.parameters.map((value) => {
    const index = placeholders.indexOf(value as string);
    if (index < 0) {
      throw new TypeError(`A compiled-once query has a constant parameter: ${String(value)}`);
    }
    return index;
  });
  return async (...params: P) => {
    const result = await db.executeQuery<R>(CompiledQuery.raw(compiled.sql, order.map((i) => params[i])));
    return result.rows;
  };
}
