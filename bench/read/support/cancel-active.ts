import type { Pool } from 'pg';

/**
 * Cancels the statements that connections named `applicationName` are running in this database: a rebuild run
 * past its budget, or what requests the load generator gave up on (10 s) left running, so that the next
 * measurement starts on an idle server. Returns how many were cancelled.
 */
export async function cancelActive(pool: Pool, applicationName: string): Promise<number> {
  const { rows } = await pool.query<{ cancelled: boolean }>(
    `SELECT pg_cancel_backend(pid) AS cancelled FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = $1 AND state = 'active' AND pid <> pg_backend_pid()`,
    [applicationName],
  );
  return rows.filter((r) => r.cancelled).length;
}
