import type { Pool, PoolClient } from 'pg';
import { ConcurrencyError, InvalidEventError } from './event-store.errors';
import { eventIdFor } from './event-ids';
import type { NewEvent } from './stored-event';
import type { ExpectedVersion } from './event-store';

export interface StreamAppend {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly NewEvent[];
}

export interface AppendManyResult {
  /** Events written; 0 when every event id was already stored (an idempotent retry). */
  written: number;
}

/*
 * The bulk path (imports, seeds): many streams in one statement, all-or-nothing. Same ordering rule as a
 * single append (see event-store.ts): each stream's rows get greatest(own xid, that stream's last order_xid).
 */
const APPEND_MANY_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb)
    AS e(stream_id text, expected int, event_id uuid, type text, schema_version int, data jsonb, metadata jsonb, ord int)
), streams AS (
  SELECT s.stream_id, s.expected, coalesce(h.version, 0) AS version,
         greatest(pg_current_xact_id(), h.order_xid) AS order_xid
  FROM (SELECT stream_id, min(expected) AS expected FROM input GROUP BY stream_id) s
  LEFT JOIN LATERAL (SELECT version, order_xid FROM events WHERE stream_id = s.stream_id
                     ORDER BY version DESC LIMIT 1) h ON true
), verdict AS (
  SELECT coalesce(bool_and(expected IS NULL OR expected = version), true)
     AND NOT EXISTS (SELECT 1 FROM events d WHERE d.event_id IN (SELECT event_id FROM input)) AS ok
  FROM streams
)
INSERT INTO events (order_xid, stream_id, version, event_id, type, schema_version, data, metadata)
SELECT s.order_xid, i.stream_id, s.version + row_number() OVER (PARTITION BY i.stream_id ORDER BY i.ord),
       i.event_id, i.type, i.schema_version, i.data, i.metadata
FROM input i JOIN streams s USING (stream_id)
WHERE (SELECT ok FROM verdict)
ORDER BY i.ord
RETURNING 1`;

const DIAGNOSE_MANY_SQL = `
SELECT s.stream_id, s.expected, coalesce((SELECT max(version) FROM events e WHERE e.stream_id = s.stream_id), 0) AS current,
       (SELECT count(*)::int FROM events d WHERE d.event_id = ANY($3::uuid[])) AS existing
FROM unnest($1::text[], $2::int[]) AS s(stream_id, expected)`;

export async function appendMany(db: Pool | PoolClient, appends: readonly StreamAppend[]): Promise<AppendManyResult> {
  const rows = appends.flatMap((append) => toRows(append)).map((row, index) => ({ ...row, ord: index + 1 }));
  if (rows.length === 0) return { written: 0 };
  const payload = JSON.stringify(rows);
  if (payload.includes('\\u0000'))
    throw new InvalidEventError('event data must not contain the NUL character (U+0000)');
  try {
    const result = await db.query({ name: 'annals.append-many.v1', text: APPEND_MANY_SQL, values: [payload] });
    if (result.rowCount === rows.length) return { written: rows.length };
  } catch (error) {
    if ((error as { code?: string }).code !== '23505') throw error;
  }
  return diagnoseRefusedBatch(
    db,
    appends,
    rows.map((r) => r.event_id),
  );
}

function toRows({ streamId, expectedVersion, events }: StreamAppend) {
  if (!streamId) throw new InvalidEventError('streamId must not be empty');
  const expected = expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion;
  return events.map((event, index) => ({
    stream_id: streamId,
    expected,
    event_id: event.eventId ?? eventIdFor(index, event.metadata?.idempotencyKey),
    type: event.type,
    schema_version: event.schemaVersion ?? 1,
    data: event.data ?? {},
    metadata: event.metadata ?? {},
  }));
}

/** Nothing was written: an idempotent retry of stored events ({written: 0}), or a conflict to throw. */
export async function diagnoseRefusedBatch(
  db: Pool | PoolClient,
  appends: readonly StreamAppend[],
  ids: string[],
): Promise<AppendManyResult> {
  const expected = appends.map((a) =>
    a.expectedVersion === 'any' ? null : a.expectedVersion === 'no_stream' ? 0 : a.expectedVersion,
  );
  const { rows } = await db.query<{ stream_id: string; expected: number | null; current: number; existing: number }>(
    DIAGNOSE_MANY_SQL,
    [appends.map((a) => a.streamId), expected, ids],
  );
  if (rows.length > 0 && rows[0].existing === ids.length) return { written: 0 };
  const stale = rows.find((r) => r.expected !== null && r.expected !== r.current);
  if (stale) throw new ConcurrencyError(stale.stream_id, stale.expected ?? 'any', stale.current);
  throw new InvalidEventError(`${rows[0]?.existing ?? 0} of ${ids.length} event ids were already stored`);
}
