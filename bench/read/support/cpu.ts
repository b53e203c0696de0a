import { readFileSync } from 'node:fs';
import type { Pool } from 'pg';

/** Linux reports utime/stime in USER_HZ ticks, which is 100 on every mainstream architecture. */
const TICK_MS = 10;

/**
 * CPU time (user + system, ms) a process has used, from /proc/<pid>/stat; null when it cannot be read (another
 * host, another OS). CPU per request is the figure that survives a busy machine: wall-clock latency does not.
 */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces) start at state; utime and stime are 14th and 15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

export function totalCpuMs(pids: readonly number[]): number | null {
  const values = pids.map(processCpuMs);
  if (pids.length === 0 || values.some((v) => v === null)) return null;
  return values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
}

/** The server processes behind the API's connections, when Postgres runs on this machine. */
export async function backendPids(pool: Pool, applicationName: string): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>(
    `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
    [applicationName],
  );
  return rows.map((r) => r.pid).filter((pid) => processCpuMs(pid) !== null);
}
