import type { Pool, PoolClient } from 'pg';
import { isConnectionError, type StoredEvent } from '@libs/event-store';
import type { ApplyMode, Projection, Tables } from '../projection';

/** Which tables a parked event belongs to: the live read model, or a rebuild's shadow copy. */
export type ParkingSlot = 'live' | 'shadow';

export interface ParkedEvent {
  projection: string;
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  position: number;
  error: string;
  /** The earlier parked event of the same stream this one waits behind (null: it failed itself). */
  blockedBy: string | null;
  attempts: number;
  firstSeen: string;
  lastSeen: string;
}

/*
 * A projection never stops for one event (DESIGN.md decision 9). An event whose apply fails with a data error is
 * parked with the error; later events of the same stream are parked behind it, because their state would be built
 * on a missing step; other streams go on. A connection error is not the event's fault: it is thrown, so the batch
 * rolls back and is retried whole when the database is back.
 */
export async function applyWithParking(
  tx: PoolClient,
  projection: Projection,
  events: readonly StoredEvent[],
  tables: Tables,
  mode: ApplyMode,
  slot: ParkingSlot,
): Promise<number> {
  const blocked = await parkedStreams(tx, projection.name, slot, events);
  const runnable = blocked.size === 0 ? events : events.filter((e) => !blocked.has(e.streamId));
  const behind = events.filter((e) => blocked.has(e.streamId));
  let parked = 0;
  await tx.query('SAVEPOINT annals_batch');
  try {
    await projection.apply(tx, runnable, tables, mode);
    await tx.query('RELEASE SAVEPOINT annals_batch');
  } catch (error) {
    if (isConnectionError(error)) throw error;
    await tx.query('ROLLBACK TO SAVEPOINT annals_batch');
    // Find the culprits: one event at a time, each in a savepoint of its own.
    for (const event of runnable) {
      if (blocked.has(event.streamId)) {
        behind.push(event);
        continue;
      }
      try {
        await tx.query('SAVEPOINT annals_event');
        await projection.apply(tx, [event], tables, mode);
        await tx.query('RELEASE SAVEPOINT annals_event');
      } catch (eventError) {
        if (isConnectionError(eventError)) throw eventError;
        await tx.query('ROLLBACK TO SAVEPOINT annals_event');
        await park(tx, projection.name, slot, event, describe(eventError), null);
        blocked.set(event.streamId, event.eventId);
        parked++;
      }
    }
  }
  for (const event of behind) {
    const first = blocked.get(event.streamId) as string;
    await park(tx, projection.name, slot, event, `waits behind parked event ${first} of the same stream`, first);
    parked++;
  }
  return parked;
}

/** Stream id → its first parked event, for the streams of `events` that have parked events. */
async function parkedStreams(
  db: PoolClient,
  projection: string,
  slot: ParkingSlot,
  events: readonly StoredEvent[],
): Promise<Map<string, string>> {
  const { rows } = await db.query<{ stream_id: string; event_id: string }>(
    `SELECT DISTINCT ON (stream_id) stream_id, event_id::text AS event_id FROM projection_parked_events
      WHERE projection = $1 AND tables = $2 AND stream_id = ANY($3::text[])
      ORDER BY stream_id, order_xid, position`,
    [projection, slot, [...new Set(events.map((e) => e.streamId))]],
  );
  return new Map(rows.map((r) => [r.stream_id, r.event_id]));
}

async function park(
  db: PoolClient,
  projection: string,
  slot: ParkingSlot,
  event: StoredEvent,
  error: string,
  blockedBy: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO projection_parked_events
       (projection, tables, event_id, order_xid, position, stream_id, version, type, error, blocked_by)
     VALUES ($1, $2, $3, $4::xid8, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (projection, tables, event_id) DO UPDATE
       SET error = EXCLUDED.error, attempts = projection_parked_events.attempts + 1, last_seen = now()`,
    [
      projection,
      slot,
      event.eventId,
      event.logPosition.orderXid,
      event.logPosition.position,
      event.streamId,
      event.version,
      event.type,
      error,
      blockedBy,
    ],
  );
}

export function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, 2000);
}

const PARKED_COLUMNS = `projection, event_id::text AS event_id, stream_id, version, type, position, error,
  blocked_by::text AS blocked_by, attempts, first_seen, last_seen`;

export async function listParked(db: Pool | PoolClient, projection: string, limit = 500): Promise<ParkedEvent[]> {
  const { rows } = await db.query(
    `SELECT ${PARKED_COLUMNS} FROM projection_parked_events WHERE projection = $1 AND tables = 'live'
      ORDER BY order_xid, position LIMIT $2`,
    [projection, limit],
  );
  return rows.map((r) => ({
    projection: r.projection,
    eventId: r.event_id,
    streamId: r.stream_id,
    version: r.version,
    type: r.type,
    position: Number(r.position),
    error: r.error,
    blockedBy: r.blocked_by,
    attempts: r.attempts,
    firstSeen: r.first_seen.toISOString(),
    lastSeen: r.last_seen.toISOString(),
  }));
}

/** Parked events of the live read models, per projection (absent: none). */
export async function countParked(db: Pool | PoolClient): Promise<Map<string, number>> {
  const { rows } = await db.query<{ projection: string; n: string }>(
    `SELECT projection, count(*)::text AS n FROM projection_parked_events WHERE tables = 'live' GROUP BY projection`,
  );
  return new Map(rows.map((r) => [r.projection, Number(r.n)]));
}

/** A rebuild starts with no parked events of its own. */
export async function clearShadowParking(db: PoolClient, projection: string): Promise<void> {
  await db.query(`DELETE FROM projection_parked_events WHERE projection = $1 AND tables = 'shadow'`, [projection]);
}

/**
 * In the swap's transaction: the rebuilt tables bring their own parked events (what today's code still cannot
 * apply); what the old live tables had parked goes with them.
 */
export async function promoteShadowParking(tx: PoolClient, projection: string): Promise<void> {
  await tx.query(`DELETE FROM projection_parked_events WHERE projection = $1 AND tables = 'live'`, [projection]);
  await tx.query(`UPDATE projection_parked_events SET tables = 'live' WHERE projection = $1 AND tables = 'shadow'`, [
    projection,
  ]);
}
