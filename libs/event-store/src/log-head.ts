import type { Pool, PoolClient } from 'pg';
import type { LogPosition } from './stored-event';

export interface LogHead {
  /** Highest row sequence number stored (0 for an empty log). */
  position: number;
  count: number;
}

export async function readLogHead(pool: Pool | PoolClient): Promise<LogHead> {
  const { rows } = await pool.query<{ position: string | null; count: string }>(
    `SELECT max(position)::text AS position, count(*)::text AS count FROM events`,
  );
  return { position: Number(rows[0].position ?? 0), count: Number(rows[0].count) };
}

/** How many stored events lie after `checkpoint` in the log's order (visible or not yet readable). */
export async function countEventsAfter(pool: Pool, checkpoint: LogPosition): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*)::text AS n FROM events WHERE (order_xid, position) > ($1::xid8, $2::bigint)`,
    [checkpoint.orderXid, checkpoint.position],
  );
  return Number(rows[0].n);
}
