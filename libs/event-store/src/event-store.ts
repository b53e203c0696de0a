import type { Pool, PoolClient } from 'pg';
import { ConcurrencyError, IdempotencyConflictError, InvalidEventError } from './event-store.errors';
import { eventIdFor } from './event-ids';
import { LOG_START, type LogPosition, type NewEvent, type StoredEvent } from './stored-event';
import { upcast, type Upcaster } from './upcasting';
import { type EventRow, toStoredEvent } from './event-row';
import { appendMany, type AppendManyResult, type StreamAppend } from './append-many';
import { AppendNotifier } from './append-notifier';
import { guardPool } from './connection-errors';

/** A number: the stream must be at exactly that version. 'no_stream': it must not exist. 'any': no check. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expectedVersion. */
  version: number;
  /** Row sequence numbers of the appended events, in order. */
  positions: number[];
  /** The global log position of the last appended event. */
  logPosition: LogPosition;
  /** True when every event was already stored: nothing was written, the first result is returned. */
  duplicate: boolean;
}

export interface AppendOptions {
  /** Append inside the caller's open transaction (the caller commits). Default: a transaction of its own. */
  client?: PoolClient;
  /**
   * Makes the append safe to retry: every event's id is derived from the key (and the key is kept in its
   * metadata), so a second append with the same key writes nothing and returns the first result.
   */
  idempotencyKey?: string;
}

export interface EventStoreOptions {
  upcasters?: readonly Upcaster[];
  /** Called after each committed (or, with a caller's transaction, accepted) write: metrics, not logic. */
  onAppended?: (types: readonly string[]) => void;
}

const EVENT_COLUMNS = `position, order_xid::text AS order_xid, stream_id, version, event_id, type, schema_version,
  data, metadata, recorded_at`;

/*
 * Gap-safe global order. A sequence value is drawn at INSERT but the row only becomes visible at COMMIT, so
 * "position > checkpoint" can skip a slow transaction's row for ever. Instead every row carries order_xid:
 * the appending transaction's id (pg_current_xact_id), raised to the stream's previous order_xid when that
 * is higher. Readers order by (order_xid, position) and only read rows with order_xid below the xmin of
 * their snapshot. A row whose transaction is still open has order_xid >= its xid >= that xmin, so it can
 * only ever appear *after* everything a reader has already seen. The "raise to previous" keeps a stream's
 * versions in order even when a transaction got its id (by writing elsewhere) before the previous append.
 */
const APPEND_SQL = `
WITH head AS (
  SELECT version, order_xid FROM events WHERE stream_id = $1 ORDER BY version DESC LIMIT 1
), cur AS (
  SELECT coalesce((SELECT version FROM head), 0) AS version,
         greatest(pg_current_xact_id(), (SELECT order_xid FROM head)) AS order_xid
)
INSERT INTO events (order_xid, stream_id, version, event_id, type, schema_version, data, metadata)
SELECT cur.order_xid, $1, cur.version + e.ord, e.event_id, e.type, e.schema_version, e.data, e.metadata
FROM cur, jsonb_to_recordset($2::jsonb)
  AS e(event_id uuid, type text, schema_version int, data jsonb, metadata jsonb, ord int)
WHERE ($3::int IS NULL OR cur.version = $3::int)
  AND NOT EXISTS (SELECT 1 FROM events d WHERE d.event_id = ANY($4::uuid[]))
ORDER BY e.ord
RETURNING position, version, order_xid::text AS order_xid`;

const DIAGNOSE_SQL = `
SELECT (SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $1) AS current_version,
       coalesce((SELECT json_agg(json_build_object('stream_id', stream_id, 'version', version,
                  'position', position, 'order_xid', order_xid::text) ORDER BY order_xid, position)
                 FROM events WHERE event_id = ANY($2::uuid[])), '[]') AS existing`;

const READ_STREAM_SQL = `SELECT ${EVENT_COLUMNS} FROM events
WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`;

// Qualified on purpose: a bare "order_xid" in ORDER BY would name the text alias of the select list, and
// sort "1000" before "999" — skipping whole transactions for ever once xids gain a digit.
const READ_LOG_SQL = `SELECT ${EVENT_COLUMNS} FROM events e
WHERE (e.order_xid, e.position) > ($1::xid8, $2::bigint)
  AND e.order_xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.order_xid, e.position
LIMIT $3`;

interface PreparedEvent {
  ord: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: Record<string, unknown>;
}

export class PostgresEventStore {
  private readonly upcasters: readonly Upcaster[];
  private readonly onAppended: (types: readonly string[]) => void;
  private readonly notifier: AppendNotifier;

  constructor(
    readonly pool: Pool,
    options: EventStoreOptions = {},
  ) {
    this.upcasters = options.upcasters ?? [];
    this.onAppended = options.onAppended ?? (() => {});
    this.notifier = new AppendNotifier(pool);
    guardPool(pool); // a database restart must fail the operations in flight, never the process
  }

  /** All-or-nothing append of `events` to one stream, checked against `expectedVersion`. */
  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    const prepared = prepareEvents(streamId, events, options.idempotencyKey);
    const payload = serialize(prepared);
    const ids = prepared.map((e) => e.event_id);
    const expected = expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    const db = options.client ?? this.pool;
    try {
      // A named statement is parsed and planned once per connection: half the cost of an append.
      const { rows } = await db.query<{ position: string; version: number; order_xid: string }>(APPEND_SQL, [
        streamId,
        payload,
        expected,
        ids,
      ]);
      if (rows.length === prepared.length) {
        if (options.client) await this.notifier.inTransaction(options.client);
        else this.notifier.committed();
        this.onAppended(prepared.map((e) => e.type));
        const last = rows[rows.length - 1];
        return {
          streamId,
          version: last.version,
          positions: rows.map((r) => Number(r.position)),
          logPosition: { orderXid: last.order_xid, position: Number(last.position) },
          duplicate: false,
        };
      }
    } catch (error) {
      // A concurrent writer took the version (or the event id) between our check and our insert.
      if (!isUniqueViolation(error) || options.client) throw this.translate(error, streamId, expectedVersion);
    }
    return this.explainRefusal(streamId, expectedVersion, ids, db);
  }

  /** Nothing was inserted: either a retry of events already stored, or a version conflict. */
  private async explainRefusal(
    streamId: string,
    expectedVersion: ExpectedVersion,
    ids: string[],
    db: Pool | PoolClient,
  ): Promise<AppendResult> {
    const { rows } = await db.query<{
      current_version: number;
      existing: { stream_id: string; version: number; position: number; order_xid: string }[];
    }>(DIAGNOSE_SQL, [streamId, ids]);
    const { current_version: currentVersion, existing } = rows[0];
    if (existing.length === ids.length && existing.every((e) => e.stream_id === streamId)) {
      const last = existing[existing.length - 1];
      return {
        streamId,
        version: last.version,
        positions: existing.map((e) => Number(e.position)),
        logPosition: { orderXid: last.order_xid, position: Number(last.position) },
        duplicate: true,
      };
    }
    if (existing.length > 0) {
      throw new IdempotencyConflictError(streamId, `${existing.length} of ${ids.length} event ids exist`);
    }
    throw new ConcurrencyError(streamId, expectedVersion, currentVersion);
  }

  private translate(error: unknown, streamId: string, expectedVersion: ExpectedVersion): unknown {
    if (isUniqueViolation(error)) return new ConcurrencyError(streamId, expectedVersion, -1);
    return error;
  }

  /** The bulk path: many streams in one statement and one transaction, all-or-nothing. */
  async appendMany(appends: readonly StreamAppend[], options: AppendOptions = {}): Promise<AppendManyResult> {
    const result = await appendMany(options.client ?? this.pool, appends);
    if (result.written > 0) {
      if (options.client) await this.notifier.inTransaction(options.client);
      else this.notifier.committed();
      this.onAppended(appends.flatMap((a) => a.events.map((e) => e.type)));
    }
    return result;
  }

  /** The stream's events in version order, from `fromVersion` (default 1); `db` may be a read replica's pool. */
  async readStream(
    streamId: string,
    fromVersion = 1,
    limit = 10_000,
    db: Pool | PoolClient = this.pool,
  ): Promise<StoredEvent[]> {
    const { rows } = await db.query<EventRow>(READ_STREAM_SQL, [streamId, fromVersion, limit]);
    return rows.map((row) => this.decode(row));
  }

  /** The next batch of the whole log after `after`, in the global order; only rows no reader can miss. */
  async readLog(
    after: LogPosition = LOG_START,
    limit = 1000,
    db: Pool | PoolClient = this.pool,
  ): Promise<StoredEvent[]> {
    const { rows } = await db.query<EventRow>(READ_LOG_SQL, [after.orderXid, after.position, limit]);
    return rows.map((row) => this.decode(row));
  }

  private decode(row: EventRow): StoredEvent {
    const event = toStoredEvent(row);
    if (this.upcasters.length === 0) return event;
    const upgraded = upcast(this.upcasters, event.type, event.schemaVersion, event.data);
    return { ...event, ...upgraded };
  }
}

function prepareEvents(streamId: string, events: readonly NewEvent[], idempotencyKey?: string): PreparedEvent[] {
  if (!streamId || streamId.length > 200) throw new InvalidEventError('streamId must be 1 to 200 characters');
  if (events.length === 0) throw new InvalidEventError(`no events to append to ${streamId}`);
  return events.map((event, index) => {
    if (!event.type) throw new InvalidEventError(`event ${index} of ${streamId} has no type`);
    const key = idempotencyKey ?? event.metadata?.idempotencyKey;
    return {
      ord: index + 1,
      event_id: event.eventId ?? eventIdFor(index, key),
      type: event.type,
      schema_version: event.schemaVersion ?? 1,
      data: event.data ?? {},
      metadata: key ? { ...event.metadata, idempotencyKey: key } : { ...event.metadata },
    };
  });
}

/** Postgres text and jsonb cannot hold NUL: refuse it cleanly rather than fail deep in the driver. */
function serialize(events: PreparedEvent[]): string {
  const json = JSON.stringify(events);
  if (json.includes('\\u0000')) throw new InvalidEventError('event data must not contain the NUL character (U+0000)');
  return json;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
