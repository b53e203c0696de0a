import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ConcurrencyError, InvalidEventError } from './event-store.errors';
import { eventIdFor } from './event-ids';
import { diagnoseRefusedBatch, type AppendManyResult, type StreamAppend } from './append-many';

/** A stream of an import: like appendMany's, but the expected version must be known ('any' is refused). */
export type StreamImport = StreamAppend;

export type ImportSource = Iterable<StreamImport> | AsyncIterable<StreamImport>;

/*
 * The import path: COPY straight into the log, versions computed here from each stream's expected version, then
 * one statement that checks what COPY cannot. Everything runs in one transaction: all or nothing.
 *
 * - No duplicate: the unique keys (stream_id, version) and (event_id) fail the COPY; nothing is kept, and the
 *   refusal is explained exactly as appendMany explains it (an idempotent retry of stored events writes nothing).
 * - No gap: a stream continued at version n > 1 must already hold version n - 1 (then, with the unique key, the
 *   versions are contiguous).
 * - Order: COPY leaves order_xid at its default, this transaction's id. The rule of event-store.ts raises a row to
 *   its predecessor's order_xid; here the check refuses the import instead when a predecessor's order_xid is higher
 *   (only possible when a concurrent writer appended that predecessor while the import ran).
 */
const CONTINUATION_CHECK = `
SELECT c.stream_id, c.first_version,
       (SELECT coalesce(max(h.version), 0) FROM events h
         WHERE h.stream_id = c.stream_id AND h.version < c.first_version) AS head
FROM unnest($1::text[], $2::int[]) AS c(stream_id, first_version)
LEFT JOIN events e ON e.stream_id = c.stream_id AND e.version = c.first_version - 1
WHERE e.version IS NULL OR e.order_xid > pg_current_xact_id()
LIMIT 1`;

const COPY_SQL = `COPY events (stream_id, version, event_id, type, schema_version, data, metadata) FROM STDIN`;

/** Rows per write to the COPY stream: large enough to amortise, small enough to keep memory flat. */
const CHUNK_ROWS = 1000;

export interface ImportOptions {
  /** Import inside the caller's open transaction (under a savepoint); default: a transaction of its own. */
  client?: PoolClient;
}

export interface ImportResult extends AppendManyResult {
  /** Event types written, with counts (for metrics). */
  types: ReadonlyMap<string, number>;
}

export async function importEvents(
  pool: Pool,
  source: ImportSource,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const client = options.client ?? (await pool.connect());
  const statements = transactionOf(source, options);
  const plan = new ImportPlan();
  let clean = false; // no transaction or COPY left open on the client
  try {
    if (statements.begin) await client.query(statements.begin);
    try {
      await copyRows(client, source, plan);
      await checkContinuations(client, plan);
      if (statements.commit) await client.query(statements.commit);
      clean = true;
      return { written: plan.rows, types: plan.types };
    } catch (error) {
      if (statements.rollback) await client.query(statements.rollback);
      clean = true;
      if ((error as { code?: string }).code !== '23505') throw error;
    }
    const refused = await diagnoseRefusedBatch(client, plan.streams(), plan.ids);
    return { ...refused, types: new Map() };
  } finally {
    if (!options.client) client.release(clean ? undefined : true);
  }
}

/**
 * A COPY is one statement, atomic by itself: when every stream is new there is nothing to check after it, and
 * BEGIN/COMMIT would only add two round trips per call. Otherwise the check must see the rows before they commit.
 */
function transactionOf(source: ImportSource, options: ImportOptions) {
  if (options.client) {
    const savepoint = 'annals_import';
    return {
      begin: `SAVEPOINT ${savepoint}`,
      commit: `RELEASE SAVEPOINT ${savepoint}`,
      rollback: `ROLLBACK TO SAVEPOINT ${savepoint}`,
    };
  }
  const allNew = Array.isArray(source) && source.every((a: StreamImport) => a.expectedVersion === 'no_stream');
  return allNew ? {} : { begin: 'BEGIN', commit: 'COMMIT', rollback: 'ROLLBACK' };
}

/** What the import wrote so far: enough to check continuations and explain a refusal. */
class ImportPlan {
  rows = 0;
  readonly ids: string[] = [];
  readonly types = new Map<string, number>();
  /** Each stream's next version, and its expected version as first given. */
  private readonly next = new Map<string, number>();
  private readonly expected = new Map<string, number>();

  /** The versions of `append`'s events, continuing earlier entries of the same stream in this import. */
  firstVersion({ streamId, expectedVersion, events }: StreamImport): number {
    if (!streamId || streamId.length > 200) throw new InvalidEventError('streamId must be 1 to 200 characters');
    if (expectedVersion === 'any') {
      throw new InvalidEventError(`an import must state the expected version of ${streamId} (not 'any')`);
    }
    const expected = expectedVersion === 'no_stream' ? 0 : expectedVersion;
    const running = this.next.get(streamId);
    if (running === undefined) this.expected.set(streamId, expected);
    else if (running - 1 !== expected) throw new ConcurrencyError(streamId, expectedVersion, running - 1);
    this.next.set(streamId, expected + 1 + events.length);
    return expected + 1;
  }

  /** Streams continued past version 0: each needs its predecessor checked once the rows are in. */
  continuations(): { streams: string[]; firstVersions: number[] } {
    const streams: string[] = [];
    const firstVersions: number[] = [];
    for (const [stream, expected] of this.expected) {
      if (expected > 0) {
        streams.push(stream);
        firstVersions.push(expected + 1);
      }
    }
    return { streams, firstVersions };
  }

  streams(): StreamAppend[] {
    return [...this.expected].map(([streamId, v]) => ({ streamId, expectedVersion: v, events: [] }));
  }
}

async function copyRows(client: PoolClient, source: ImportSource, plan: ImportPlan): Promise<void> {
  const stream = client.query(copyFrom(COPY_SQL));
  const done = finished(stream);
  done.catch(() => undefined); // awaited below; a COPY refused early must not go unhandled meanwhile
  let chunk: string[] = [];
  try {
    for await (const append of source) {
      let version = plan.firstVersion(append);
      for (const [index, event] of append.events.entries()) {
        if (!event.type) throw new InvalidEventError(`event ${index} of ${append.streamId} has no type`);
        const eventId = event.eventId ?? eventIdFor(index, event.metadata?.idempotencyKey);
        chunk.push(copyLine(append.streamId, version++, eventId, event));
        plan.ids.push(eventId);
        plan.types.set(event.type, (plan.types.get(event.type) ?? 0) + 1);
        plan.rows++;
      }
      if (chunk.length >= CHUNK_ROWS) {
        if (!stream.write(chunk.join(''))) await Promise.race([once(stream, 'drain'), done]);
        chunk = [];
      }
    }
    stream.end(chunk.join(''));
  } catch (error) {
    stream.destroy(error instanceof Error ? error : new Error(String(error)));
    await done.catch(() => undefined);
    throw error;
  }
  await done;
}

async function checkContinuations(client: PoolClient, plan: ImportPlan): Promise<void> {
  const { streams, firstVersions } = plan.continuations();
  if (streams.length === 0) return;
  const { rows } = await client.query<{ stream_id: string; first_version: number; head: number }>({
    name: 'annals.import-check.v1',
    text: CONTINUATION_CHECK,
    values: [streams, firstVersions],
  });
  if (rows.length === 0) return;
  // The stream is behind the expected version, or a concurrent writer appended its predecessor meanwhile.
  const { stream_id: streamId, first_version: first, head } = rows[0];
  throw new ConcurrencyError(streamId, first - 1, head);
}

function copyLine(streamId: string, version: number, eventId: string, event: StreamImport['events'][number]): string {
  const data = json(event.data ?? {});
  const metadata = json(event.metadata ?? {});
  const schemaVersion = event.schemaVersion ?? 1;
  return `${text(streamId)}\t${version}\t${text(eventId)}\t${text(event.type)}\t${schemaVersion}\t${data}\t${metadata}\n`;
}

/** COPY text format: backslash, tab, newline and carriage return are escaped; NUL cannot be stored at all. */
function text(value: string): string {
  if (value.includes('\u0000')) throw new InvalidEventError('event data must not contain the NUL character (U+0000)');
  return value.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** JSON text never holds a raw tab or newline (they are escaped), so only its backslashes need doubling. */
function json(value: unknown): string {
  const serialized = JSON.stringify(value);
  if (serialized.includes('\\u0000')) {
    throw new InvalidEventError('event data must not contain the NUL character (U+0000)');
  }
  return serialized.replaceAll('\\', '\\\\');
}
