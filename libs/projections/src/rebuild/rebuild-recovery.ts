import type { Pool } from 'pg';
import { REBUILD_LOCK } from '../locks';
import { shadowTables, type Projection } from '../projection';
import { clearShadowParking } from '../parking/parked-events';
import { markInterruptedRebuilds } from './rebuild-records';
import { dropShadowTables } from './shadow-tables';

/**
 * Cleans up after rebuilds whose process died or whose database connection was cut: marks them failed and drops
 * their shadow tables. Only while holding the rebuild lock, so a rebuild that is really running is never touched.
 * Returns false when another process holds the lock (it is running a rebuild, and will clean up after itself).
 */
export async function recoverAbandonedRebuilds(pool: Pool, projections: readonly Projection[]): Promise<boolean> {
  const db = await pool.connect();
  let locked = false;
  try {
    const { rows } = await db.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [REBUILD_LOCK]);
    locked = rows[0].ok;
    if (!locked) return false;
    await markInterruptedRebuilds(db);
    for (const projection of projections) {
      await dropShadowTables(db, [...projection.tables], shadowTables(projection));
      await clearShadowParking(db, projection.name);
    }
    return true;
  } finally {
    if (locked) await db.query('SELECT pg_advisory_unlock(hashtext($1))', [REBUILD_LOCK]).catch(() => undefined);
    db.release();
  }
}

/** Retries `recover` with backoff until it succeeds (the database may be down for a while); never rejects. */
export async function recoverInBackground(
  recover: () => Promise<unknown>,
  onError: (error: unknown) => void,
  isStopped: () => boolean,
): Promise<void> {
  for (let delay = 1000; !isStopped(); delay = Math.min(delay * 2, 15_000)) {
    try {
      await recover();
      return;
    } catch (error) {
      onError(error);
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
    }
  }
}
