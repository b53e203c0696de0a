import type { Pool, PoolClient } from 'pg';
import {
  LOG_START,
  PostgresEventStore,
  toStoredEvent,
  type EventRow,
  type LogPosition,
  type StoredEvent,
} from '@libs/event-store';

/*
 * The store's READ_LOG_SQL selects `order_xid::text AS order_xid` and then says `ORDER BY order_xid, position`:
 * Postgres resolves a bare ORDER BY name to the output column first, so it sorts by the *text*. No index has
 * that order, so every batch sorts all remaining events (seconds per batch at 1M), and text order is not xid
 * order once xids gain a digit. This copy differs only in qualifying the ORDER BY (and WHERE) with the table.
 */
const READ_LOG_SQL = `SELECT e.position, e.order_xid::text AS order_xid, e.stream_id, e.version, e.event_id, e.type,
  e.schema_version, e.data, e.metadata, e.recorded_at
FROM events e
WHERE (e.order_xid, e.position) > ($1::xid8, $2::bigint)
  AND e.order_xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.order_xid, e.position
LIMIT $3`;

/** What-if only: the real store with readLog ordered by the xid8 column. No upcasters (the bench has none). */
export class FixedLogOrderStore extends PostgresEventStore {
  override async readLog(
    after: LogPosition = LOG_START,
    limit = 1000,
    db: Pool | PoolClient = this.pool,
  ): Promise<StoredEvent[]> {
    const { rows } = await db.query<EventRow>(READ_LOG_SQL, [after.orderXid, after.position, limit]);
    return rows.map(toStoredEvent);
  }
}
