/** The migrations not yet in `applied`, lowest version first. */
export function pendingMigrations<M extends { version: number }>(migrations: readonly M[], applied: ReadonlySet<number>): M[] {
  return migrations.filter((migration) => !applied.has(migration.version)).sort((a, b) => a.version - b.version);
}
