import type { Pool, PoolClient, QueryConfig } from 'pg';
import { ConcurrencyError, IdempotencyConflictError, InvalidEventError } from './event-store.errors';
import { eventIdFor } from './event-ids';
import { LOG_START, type LogPosition, type NewEvent, type StoredEvent } from './stored-event';
import { upcast, type Upcaster } from './upcasting';
import { type EventRow, toStoredEvent } from './event-row';
import { appendMany, type AppendManyResult, type StreamAppend } from './append-many';
import { AppendNotifier } from './append-notifier';
import { APPEND_EVENTS, APPEND_ONE_EVENT } from './append-sql';
import { guardPool } from './connection-errors';
import { importEvents, type ImportOptions, type ImportSource } from './import-events';

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

// The append statements and the reasoning behind the log's order are in append-sql.ts.

const DIAGNOSE_SQL = `
SELECT (SELECT coalesce(max(version), 0) FROM events WHERE stream_id = $1) AS current_version,
       coalesce((SELECT json_agg(json_build_object('stream_id', stream_id, 'version', version,
                  'position', position, 'order_xid', order_xid::text) ORDER BY order_xid, position)
                 FROM events WHERE event_id = ANY($2::uuid[])), '[]') AS existing`;

const READ_STREAM = {
  name: 'annals.read-stream.v1',
  text: `SELECT ${EVENT_COLUMNS} FROM events
WHERE stream_id = $1 AND version >= $2 ORDER BY version LIMIT $3`,
};

// Qualified on purpose: a bare "order_xid" in ORDER BY would name the text alias of the select list, and
// sort "1000" before "999" — skipping whole transactions for ever once xids gain a digit.
const READ_LOG = {
  name: 'annals.read-log.v1',
  text: `SELECT ${EVENT_COLUMNS} FROM events e
WHERE (e.order_xid, e.position) > ($1::xid8, $2::bigint)
  AND e.order_xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.order_xid, e.position
LIMIT $3`,
};

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
    const ids = prepared.map((e) => e.event_id);
    const expected = expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion;
    const db = options.client ?? this.pool;
    // In a caller's transaction the wake-up rides along always: it is delivered at (and only on) its commit.
    const ticket = options.client ? undefined : this.notifier.begin();
    try {
      const query = appendQuery(streamId, prepared, expected, ticket?.wake ?? true);
      const { rows } = await db.query<{ position: string; version: number; order_xid: string }>(query);
      if (rows.length === prepared.length) {
        if (!options.client) this.notifier.committed(ticket);
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
    }>({ name: 'annals.diagnose-append.v1', text: DIAGNOSE_SQL, values: [streamId, ids] });
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

  /**
   * The import path: COPY straight into the log, all-or-nothing, gap-safe and idempotent like appendMany, for
   * any number of events (read from `source` as they are written). Each stream's expected version must be known.
   */
  async importEvents(source: ImportSource, options: ImportOptions = {}): Promise<AppendManyResult> {
    const { written, types } = await importEvents(this.pool, source, options);
    if (written > 0) {
      if (options.client) await this.notifier.inTransaction(options.client);
      else this.notifier.committed();
      for (const [type, count] of types) this.onAppended(Array<string>(count).fill(type));
    }
    return { written };
  }

  /** The stream's events in version order, from `fromVersion` (default 1); `db` may be a read replica's pool. */
  async readStream(
    streamId: string,
    fromVersion = 1,
    limit = 10_000,
    db: Pool | PoolClient = this.pool,
  ): Promise<StoredEvent[]> {
    const { rows } = await db.query<EventRow>({ ...READ_STREAM, values: [streamId, fromVersion, limit] });
    return rows.map((row) => this.decode(row));
  }

  /** The next batch of the whole log after `after`, in the global order; only rows no reader can miss. */
  async readLog(
    after: LogPosition = LOG_START,
    limit = 1000,
    db: Pool | PoolClient = this.pool,
  ): Promise<StoredEvent[]> {
    const { rows } = await db.query<EventRow>({ ...READ_LOG, values: [after.orderXid, after.position, limit] });
    return rows.map((row) => this.decode(row));
  }

  private decode(row: EventRow): StoredEvent {
    const event = toStoredEvent(row);
    if (this.upcasters.length === 0) return event;
    const upgraded = upcast(this.upcasters, event.type, event.schemaVersion, event.data);
    return { ...event, ...upgraded };
  }
}

function appendQuery(streamId: string, events: PreparedEvent[], expected: number | null, wake: boolean): QueryConfig {
  const statement = events.length === 1 ? APPEND_ONE_EVENT[wake ? 1 : 0] : APPEND_EVENTS[wake ? 1 : 0];
  if (events.length > 1)
    return { ...statement, values: [streamId, serialize(events), expected, events.map((e) => e.event_id)] };
  const [e] = events;
  if (e.type.includes('\u0000')) throw new InvalidEventError(NUL_REFUSED);
  return {
    ...statement,
    values: [streamId, e.event_id, e.type, e.schema_version, serialize(e.data), serialize(e.metadata), expected],
  };
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
function serialize(value: unknown): string {
  const json = JSON.stringify(value);
  if (json.includes('\\u0000')) throw new InvalidEventError(NUL_REFUSED);
  return json;
}

const NUL_REFUSED = 'event data must not contain the NUL character (U+0000)';

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === '23505';
}
