"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PostgresEventStore = void 0;
const event_store_errors_1 = require("./event-store.errors");
const event_ids_1 = require("./event-ids");
const stored_event_1 = require("./stored-event");
const upcasting_1 = require("./upcasting");
const event_row_1 = require("./event-row");
const append_many_1 = require("./append-many");
const EVENT_COLUMNS = `position, order_xid::text AS order_xid, stream_id, version, event_id, type, schema_version,
  data, metadata, recorded_at`;
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
const READ_LOG_SQL = `SELECT ${EVENT_COLUMNS} FROM events
WHERE (order_xid, position) > ($1::xid8, $2::bigint)
  AND order_xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY order_xid, position
LIMIT $3`;
class PostgresEventStore {
    constructor(pool, options = {}) {
        this.pool = pool;
        this.upcasters = options.upcasters ?? [];
    }
    async append(streamId, expectedVersion, events, options = {}) {
        const prepared = prepareEvents(streamId, events, options.idempotencyKey);
        const payload = serialize(prepared);
        const ids = prepared.map((e) => e.event_id);
        const expected = expectedVersion === 'any' ? null : expectedVersion === 'no_stream' ? 0 : expectedVersion;
        const db = options.client ?? this.pool;
        try {
            const { rows } = await db.query(APPEND_SQL, [
                streamId,
                payload,
                expected,
                ids,
            ]);
            if (rows.length === prepared.length) {
                const last = rows[rows.length - 1];
                return {
                    streamId,
                    version: last.version,
                    positions: rows.map((r) => Number(r.position)),
                    logPosition: { orderXid: last.order_xid, position: Number(last.position) },
                    duplicate: false,
                };
            }
        }
        catch (error) {
            if (!isUniqueViolation(error) || options.client)
                throw this.translate(error, streamId, expectedVersion);
        }
        return this.explainRefusal(streamId, expectedVersion, ids, db);
    }
    async explainRefusal(streamId, expectedVersion, ids, db) {
        const { rows } = await db.query(DIAGNOSE_SQL, [streamId, ids]);
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
            throw new event_store_errors_1.IdempotencyConflictError(streamId, `${existing.length} of ${ids.length} event ids exist`);
        }
        throw new event_store_errors_1.ConcurrencyError(streamId, expectedVersion, currentVersion);
    }
    translate(error, streamId, expectedVersion) {
        if (isUniqueViolation(error))
            return new event_store_errors_1.ConcurrencyError(streamId, expectedVersion, -1);
        return error;
    }
    appendMany(appends, options = {}) {
        return (0, append_many_1.appendMany)(options.client ?? this.pool, appends);
    }
    async readStream(streamId, fromVersion = 1, limit = 10_000) {
        const { rows } = await this.pool.query(READ_STREAM_SQL, [streamId, fromVersion, limit]);
        return rows.map((row) => this.decode(row));
    }
    async readLog(after = stored_event_1.LOG_START, limit = 1000, db = this.pool) {
        const { rows } = await db.query(READ_LOG_SQL, [after.orderXid, after.position, limit]);
        return rows.map((row) => this.decode(row));
    }
    decode(row) {
        const event = (0, event_row_1.toStoredEvent)(row);
        if (this.upcasters.length === 0)
            return event;
        const upgraded = (0, upcasting_1.upcast)(this.upcasters, event.type, event.schemaVersion, event.data);
        return { ...event, ...upgraded };
    }
}
exports.PostgresEventStore = PostgresEventStore;
function prepareEvents(streamId, events, idempotencyKey) {
    if (!streamId || streamId.length > 200)
        throw new event_store_errors_1.InvalidEventError('streamId must be 1 to 200 characters');
    if (events.length === 0)
        throw new event_store_errors_1.InvalidEventError(`no events to append to ${streamId}`);
    return events.map((event, index) => {
        if (!event.type)
            throw new event_store_errors_1.InvalidEventError(`event ${index} of ${streamId} has no type`);
        const key = idempotencyKey ?? event.metadata?.idempotencyKey;
        return {
            ord: index + 1,
            event_id: event.eventId ?? (0, event_ids_1.eventIdFor)(index, key),
            type: event.type,
            schema_version: event.schemaVersion ?? 1,
            data: event.data ?? {},
            metadata: key ? { ...event.metadata, idempotencyKey: key } : { ...event.metadata },
        };
    });
}
function serialize(events) {
    const json = JSON.stringify(events);
    if (json.includes('\\u0000'))
        throw new event_store_errors_1.InvalidEventError('event data must not contain the NUL character (U+0000)');
    return json;
}
function isUniqueViolation(error) {
    return typeof error === 'object' && error !== null && error.code === '23505';
}
