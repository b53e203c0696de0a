import type { Pool } from 'pg';

/**
 * Holds every read and write of `table` (an ACCESS EXCLUSIVE lock in a transaction of its own) until the returned
 * function is called: a request that reads it waits for as long as the spec chooses.
 */
export async function holdTable(pool: Pool, table: string): Promise<() => Promise<void>> {
  const client = await pool.connect();
  await client.query('BEGIN');
  await client.query(`LOCK TABLE ${table} IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await client.query('ROLLBACK');
    client.release();
  };
}
