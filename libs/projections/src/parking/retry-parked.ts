import { isConnectionError, type PostgresEventStore, type StoredEvent } from '@libs/event-store';
import { batchLock } from '../locks';
import { liveTables, type Projection } from '../projection';
import { describe } from './parked-events';

export interface RetryOutcome {
  /** Parked events applied now (and no longer parked). */
  applied: number;
  /** Still parked: failed again, or waiting behind one that did. */
  stillParked: number;
  errors: { eventId: string; error: string }[];
}

/**
 * Re-applies a projection's parked events after a fix (an upcaster, new code), stream by stream in log order. A
 * stream stops at its first event that fails again; the events behind it stay parked behind it. Runs under the
 * projection's batch lock, so the live projector waits instead of interleaving.
 */
export async function retryParked(store: PostgresEventStore, projection: Projection): Promise<RetryOutcome> {
  const tx = await store.pool.connect();
  const outcome: RetryOutcome = { applied: 0, stillParked: 0, errors: [] };
  try {
    await tx.query('BEGIN');
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [batchLock(projection.name)]);
    const { rows } = await tx.query<{ event_id: string; stream_id: string; version: number }>(
      `SELECT event_id::text AS event_id, stream_id, version FROM projection_parked_events
        WHERE projection = $1 AND tables = 'live' ORDER BY order_xid, position`,
      [projection.name],
    );
    const failedStreams = new Map<string, string>();
    for (const row of rows) {
      const blocker = failedStreams.get(row.stream_id);
      if (blocker) {
        await tx.query(
          `UPDATE projection_parked_events SET blocked_by = $3, error = $4
            WHERE projection = $1 AND tables = 'live' AND event_id = $2`,
          [projection.name, row.event_id, blocker, `waits behind parked event ${blocker} of the same stream`],
        );
        outcome.stillParked++;
        continue;
      }
      const [event] = await store.readStream(row.stream_id, row.version, 1);
      try {
        await tx.query('SAVEPOINT annals_retry');
        await projection.apply(tx, [event as StoredEvent], liveTables(projection), 'live');
        await tx.query('RELEASE SAVEPOINT annals_retry');
        await tx.query(
          `DELETE FROM projection_parked_events WHERE projection = $1 AND tables = 'live' AND event_id = $2`,
          [projection.name, row.event_id],
        );
        outcome.applied++;
      } catch (error) {
        if (isConnectionError(error)) throw error;
        await tx.query('ROLLBACK TO SAVEPOINT annals_retry');
        const message = describe(error);
        await tx.query(
          `UPDATE projection_parked_events SET error = $3, blocked_by = NULL, attempts = attempts + 1, last_seen = now()
            WHERE projection = $1 AND tables = 'live' AND event_id = $2`,
          [projection.name, row.event_id, message],
        );
        failedStreams.set(row.stream_id, row.event_id);
        outcome.errors.push({ eventId: row.event_id, error: message });
        outcome.stillParked++;
      }
    }
    await tx.query('COMMIT');
    return outcome;
  } catch (error) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    tx.release();
  }
}
