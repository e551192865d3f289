import type { DoctorReport } from './doctor-report';

const MARK: Record<string, string> = { granted: 'granted', missing: 'MISSING', unknown: 'unknown', ok: 'ok', denied: 'DENIED', failed: 'FAILED', skipped: 'skipped' };

/** The doctor's findings as plain text: one permission table, the probes, the bot, what to do. */
export function renderDoctorReport(report: DoctorReport): string {
  const lines: string[] = [];
  const modeText = { demo: 'the built-in demo tenant', loopback: 'a local Graph-compatible server (no credentials)', tenant: 'Microsoft Graph' }[report.graph.mode];
  lines.push(`Headroom doctor: ${modeText} at ${report.graph.baseUrl}`);
  if (report.token.acquired === null) {
    lines.push('Token: none (no Graph credential is configured)');
  } else if (report.token.acquired) {
    lines.push(`Token: acquired from ${report.graph.authorityHost} for ${report.graph.scope}; roles: ${(report.token.roles ?? []).join(', ') || '(none)'}`);
  } else {
    lines.push(`Token: FAILED from ${report.graph.authorityHost}: ${report.token.error ?? 'unknown error'}`);
  }
  lines.push('');
  lines.push(table(['Permission', 'Level', 'Status', 'Probes', 'Needed for'], report.permissions.map((row) => [row.permission, row.level, MARK[row.status] ?? row.status, row.probes.join(', ') || '-', row.neededFor])));
  lines.push('');
  lines.push(table(['Probe', 'Call', 'Result', 'Detail'], report.probes.map((probe) => [probe.id, probe.call, MARK[probe.outcome] ?? probe.outcome, probe.detail])));
  lines.push('');
  lines.push(`Bot: ${report.bot.ok ? 'ok' : 'PROBLEM'}: ${report.bot.detail}`);
  lines.push(`Reclaim actions: ${report.reclaim.ok ? report.reclaim.actions : 'PROBLEM'}: ${report.reclaim.detail}`);
  const missing = report.permissions.filter((row) => row.status === 'missing').map((row) => `${row.permission} (${row.level})`);
  if (missing.length > 0) {
    lines.push('');
    lines.push(`Missing: ${missing.join(', ')}. Grant these application permissions to Headroom's app registration and grant admin consent.`);
  }
  if (report.consentUrl !== null) {
    lines.push(`Admin consent: ${report.consentUrl}`);
  }
  lines.push('');
  lines.push(report.exitCode === 0 ? 'Result: every required permission works.' : 'Result: something Headroom needs does not work (see above).');
  return lines.join('\n');
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) => Math.min(60, Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length))));
  const format = (row: string[]): string => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)].join('\n');
}
