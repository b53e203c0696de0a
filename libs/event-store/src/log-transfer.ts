import type { ClientBase, Pool, PoolClient } from 'pg';
import { InvalidEventError } from './event-store.errors';
import { LOG_START, type LogPosition } from './stored-event';

/*
 * Moving the log between clusters (npm run log:export / log:import). order_xid values are transaction ids of
 * the cluster that appended the rows, so they are never carried over: the file holds the events in log order,
 * and the importing cluster gives them its own transaction ids, batch after batch, in that same order. Event
 * ids, streams, versions, types, schema versions, data, metadata and recorded times (to the microsecond) are kept;
 * positions are renumbered densely in log order. Data is exported as stored, before any upcaster.
 */

/** The first line of an export file. */
export interface LogFileHeader {
  annalsLog: 1;
  events: number;
  exportedAt: string;
}

/** Every later line: one stored event. */
export interface ExportedEvent {
  eventId: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: Record<string, unknown>;
  /** ISO 8601 in UTC with microseconds, as stored. */
  recordedAt: string;
}

// Postgres builds each line itself: no parse and re-serialise of the payload in Node.
const EXPORT_SQL = `SELECT e.order_xid::text AS order_xid, e.position::text AS position,
  json_build_object('eventId', e.event_id, 'streamId', e.stream_id, 'version', e.version, 'type', e.type,
    'schemaVersion', e.schema_version, 'data', e.data, 'metadata', e.metadata,
    'recordedAt', to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))::text AS line
FROM events e
WHERE (e.order_xid, e.position) > ($1::xid8, $2::bigint)
  AND e.order_xid < pg_snapshot_xmin(pg_current_snapshot())
ORDER BY e.order_xid, e.position
LIMIT $3`;

const COUNT_SQL = `SELECT count(*)::text AS n FROM events WHERE order_xid < pg_snapshot_xmin(pg_current_snapshot())`;

/**
 * The whole log as NDJSON lines, a header first, then batches of events in log order. One REPEATABLE READ
 * snapshot: appends that commit while the export runs are not in it, and the header's count is exact.
 * The client must be dedicated to the export until the generator finishes.
 */
export async function* exportLogLines(client: ClientBase, batchSize = 5000): AsyncGenerator<string[]> {
  await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const { rows } = await client.query<{ n: string }>(COUNT_SQL);
    const header: LogFileHeader = { annalsLog: 1, events: Number(rows[0].n), exportedAt: new Date().toISOString() };
    yield [JSON.stringify(header)];
    let after: LogPosition = LOG_START;
    for (;;) {
      const batch = await client.query<{ order_xid: string; position: string; line: string }>(EXPORT_SQL, [
        after.orderXid,
        after.position,
        batchSize,
      ]);
      if (batch.rows.length === 0) break;
      const last = batch.rows[batch.rows.length - 1];
      after = { orderXid: last.order_xid, position: Number(last.position) };
      yield batch.rows.map((r) => r.line);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

export function parseLogFileHeader(line: string): LogFileHeader {
  let header: Partial<LogFileHeader>;
  try {
    header = JSON.parse(line) as Partial<LogFileHeader>;
  } catch {
    header = {};
  }
  if (header.annalsLog !== 1 || !Number.isInteger(header.events)) {
    throw new InvalidEventError('line 1: not an Annals log export (expected {"annalsLog":1,"events":N,...})');
  }
  return header as LogFileHeader;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})$/;

/** Checks one event line, naming the line and the field at fault; returns it parsed. */
export function parseExportedEvent(line: string, lineNumber: number): ExportedEvent {
  let e: Partial<ExportedEvent>;
  try {
    e = JSON.parse(line) as Partial<ExportedEvent>;
  } catch {
    throw new InvalidEventError(`line ${lineNumber}: not JSON`);
  }
  const bad = (field: string, rule: string) => new InvalidEventError(`line ${lineNumber}: ${field} must be ${rule}`);
  if (typeof e.eventId !== 'string' || !UUID.test(e.eventId)) throw bad('eventId', 'a uuid');
  if (typeof e.streamId !== 'string' || e.streamId.length < 1 || e.streamId.length > 200)
    throw bad('streamId', '1 to 200 characters');
  if (!Number.isInteger(e.version) || (e.version as number) < 1) throw bad('version', 'a whole number ≥ 1');
  if (typeof e.type !== 'string' || e.type.length < 1 || e.type.length > 200) throw bad('type', '1 to 200 characters');
  if (!Number.isInteger(e.schemaVersion) || (e.schemaVersion as number) < 1)
    throw bad('schemaVersion', 'a whole number ≥ 1');
  if (e.data === undefined) throw bad('data', 'present');
  if (typeof e.metadata !== 'object' || e.metadata === null || Array.isArray(e.metadata))
    throw bad('metadata', 'an object');
  if (typeof e.recordedAt !== 'string' || !INSTANT.test(e.recordedAt)) throw bad('recordedAt', 'an ISO 8601 instant');
  if (line.includes('\\u0000')) throw bad('the event', 'free of the NUL character (U+0000)');
  return e as ExportedEvent;
}

/*
 * One statement, one transaction per batch. Events already stored (a re-run, or a run cut short) are skipped when
 * they are the same event at the same stream and version; anything else already stored stops the import. Each
 * stream's order_xid follows the same rule as an append: this transaction's id, raised to the stream's last one.
 */
const IMPORT_SQL = `
WITH input AS (
  SELECT t.ord, (t.x->>'eventId')::uuid AS event_id, t.x->>'streamId' AS stream_id, (t.x->>'version')::int AS version,
         t.x->>'type' AS type, (t.x->>'schemaVersion')::int AS schema_version, t.x->'data' AS data,
         t.x->'metadata' AS metadata, (t.x->>'recordedAt')::timestamptz AS recorded_at
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(x, ord)
), known AS (
  SELECT i.ord, (d.stream_id = i.stream_id AND d.version = i.version) AS same
  FROM input i JOIN events d ON d.event_id = i.event_id
), fresh AS (
  SELECT i.* FROM input i WHERE NOT EXISTS (SELECT 1 FROM known k WHERE k.ord = i.ord)
    AND NOT EXISTS (SELECT 1 FROM known k WHERE NOT k.same)
), heads AS (
  SELECT s.stream_id, greatest(pg_current_xact_id(), h.order_xid) AS order_xid
  FROM (SELECT DISTINCT stream_id FROM fresh) s
  LEFT JOIN LATERAL (SELECT order_xid FROM events WHERE stream_id = s.stream_id ORDER BY version DESC LIMIT 1) h ON true
), written AS (
  INSERT INTO events (order_xid, stream_id, version, event_id, type, schema_version, data, metadata, recorded_at)
  SELECT h.order_xid, f.stream_id, f.version, f.event_id, f.type, f.schema_version, f.data, f.metadata, f.recorded_at
  FROM fresh f JOIN heads h USING (stream_id)
  ORDER BY f.ord
  RETURNING 1
)
SELECT (SELECT count(*) FROM written)::int AS written,
       (SELECT count(*) FROM known WHERE same)::int AS skipped,
       (SELECT min(ord) FROM known WHERE NOT same)::int AS mismatch`;

export interface ImportBatchResult {
  written: number;
  /** Already stored, identical: a re-run. */
  skipped: number;
}

/** Imports one batch of lines (already checked with parseExportedEvent), in file order. */
export async function importLogBatch(db: Pool | PoolClient, lines: readonly string[]): Promise<ImportBatchResult> {
  if (lines.length === 0) return { written: 0, skipped: 0 };
  let row: { written: number; skipped: number; mismatch: number | null };
  try {
    const { rows } = await db.query<typeof row>({
      name: 'annals.import-log.v1',
      text: IMPORT_SQL,
      values: [`[${lines.join(',')}]`],
    });
    row = rows[0];
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw foreignStore(String((error as Error).message));
    throw error;
  }
  if (row.mismatch !== null) {
    throw foreignStore(`event ${lines[row.mismatch - 1].slice(0, 120)}… is stored with another stream or version`);
  }
  return { written: row.written, skipped: row.skipped };
}

/** An import goes into an empty store, or resumes one that began with the same file. */
export async function assertImportTarget(db: Pool | PoolClient, firstLine: string | undefined): Promise<number> {
  const { rows } = await db.query<{ n: string; first: string | null }>(
    `SELECT count(*)::text AS n,
            (SELECT event_id::text FROM events ORDER BY order_xid, position LIMIT 1) AS first FROM events`,
  );
  const stored = Number(rows[0].n);
  if (stored === 0) return 0;
  const first = firstLine === undefined ? undefined : (JSON.parse(firstLine) as ExportedEvent).eventId;
  if (rows[0].first !== first) {
    throw foreignStore(`the store already holds ${stored} events, and its log does not begin with this file's`);
  }
  return stored;
}

function foreignStore(detail: string): InvalidEventError {
  return new InvalidEventError(
    `log:import goes into an empty store (or re-runs an import of the same file): ${detail}. ` +
      `Point DATABASE_URL at an empty database.`,
  );
}
