/** Advisory lock keys (`pg_advisory_xact_lock`): one namespace per concern, the second key per item. */
export const ADVISORY_LOCK = {
  migrate: 'headroom:migrate',
  history: 'headroom:history',
  hold: 'headroom:hold',
} as const;
