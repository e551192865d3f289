import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';

/** What a process has used so far, read from outside it. */
export interface ProcessUsage {
  /** Resident set size now, in bytes. */
  rssBytes: number;
  /** User plus system CPU time since it started, in ms (NaN where /proc is not available). */
  cpuMs: number;
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/**
 * Reads another process's RSS and CPU time from /proc (Linux), so the process under measurement runs
 * exactly as it ships, with no measuring code inside. Elsewhere falls back to `ps` for the RSS only.
 */
export async function readProcessUsage(pid: number): Promise<ProcessUsage> {
  try {
    const [status, stat] = await Promise.all([readFile(`/proc/${pid}/status`, 'utf8'), readFile(`/proc/${pid}/stat`, 'utf8')]);
    const rssKb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? NaN);
    // The fields after the command name, which sits in parentheses and may itself contain spaces.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { rssBytes: rssKb * 1024, cpuMs: (ticks * 1000) / TICKS_PER_SECOND };
  } catch {
    const rssKb = await new Promise<number>((resolve) =>
      execFile('ps', ['-o', 'rss=', '-p', String(pid)], (error, stdout) => resolve(error ? NaN : Number(stdout.trim()))),
    );
    return { rssBytes: rssKb * 1024, cpuMs: NaN };
  }
}
