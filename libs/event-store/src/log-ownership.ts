import type { Pool } from 'pg';
import { ForeignEventLogError } from './event-store.errors';

/**
 * Transaction ids do not survive pg_dump/pg_restore into another cluster. A restored log whose order_xid
 * values are ahead of this cluster's transaction counter would hide behind every reader's xmin and sort
 * after all new appends, so the process must refuse to start instead of silently serving a wrong order.
 */
export async function assertLogBelongsToCluster(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ max_xid: string | null; next_xid: string }>(`
    SELECT (SELECT e.order_xid::text FROM events e ORDER BY e.order_xid DESC, e.position DESC LIMIT 1) AS max_xid,
           pg_snapshot_xmax(pg_current_snapshot())::text AS next_xid`);
  const { max_xid: maxXid, next_xid: nextXid } = rows[0];
  if (maxXid !== null && BigInt(maxXid) >= BigInt(nextXid)) throw new ForeignEventLogError(maxXid, nextXid);
}
