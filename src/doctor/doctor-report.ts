/** What one probe of a Graph call found. */
export interface ProbeResult {
  /** The permission table's id of the call. */
  id: string;
  call: string;
  outcome: 'ok' | 'denied' | 'failed' | 'skipped';
  detail: string;
}

/** One row of the doctor's table: a permission, whether it is granted, and what needs it. */
export interface PermissionStatus {
  permission: string;
  level: 'required' | 'optional';
  status: 'granted' | 'missing' | 'unknown';
  neededFor: string;
  /** The probes of calls that need it, with their outcome, e.g. `subscribed-skus: ok`. */
  probes: string[];
}

/** Everything `npm run doctor` found; printed as a table or, with `--json`, as is. */
export interface DoctorReport {
  graph: { baseUrl: string; mode: 'demo' | 'loopback' | 'tenant'; authorityHost: string; scope: string };
  token: { acquired: boolean | null; roles: string[] | null; error: string | null };
  permissions: PermissionStatus[];
  probes: ProbeResult[];
  /** RECLAIM_ACTIONS and whether the granted roles allow its writes (not ok: on, and removals are not granted). */
  reclaim: { actions: 'off' | 'on'; ok: boolean; detail: string };
  bot: { ok: boolean; detail: string };
  /** The admin-consent page, when a permission is missing and the app is known. */
  consentUrl: string | null;
  /** 0: every required permission works; 1: one is missing, a probe failed, or RECLAIM_ACTIONS=on lacks its permission. */
  exitCode: 0 | 1;
}
