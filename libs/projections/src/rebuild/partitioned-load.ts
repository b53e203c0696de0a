import { availableParallelism } from 'node:os';
import type { Client, PoolClient } from 'pg';
import type { LogPosition, PostgresEventStore, StoredEvent } from '@libs/event-store';
import type { Projection, Tables } from '../projection';
import { applyWithParking } from '../parking/parked-events';
import { asPoolClient, openOwnConnection, settleAll } from './own-connection';

// Each read from the log, split between the writers. The reader never waits for the slowest writer of a batch, only
// for a writer whose own queue is full: each writer holds at most 1 + QUEUED chunks of about READ_BATCH / writers,
// and the reader one batch, so about (2 + QUEUED) × READ_BATCH events are in memory at once.
const READ_BATCH = 800;
/** Chunks a writer may have waiting behind the one it is applying. */
const QUEUED = 1;

export interface LoadProgress {
  events: number;
}

/*
 * A rebuild's load on every core: one reader follows the log (gap-safe, in order, on the run's connection) and hands
 * each event to the writer that owns its stream (by a hash of the stream id), so each stream's events are applied in
 * order by one writer, and the writers, each on a connection and in transactions of its own, run side by side. Only
 * for projections whose rows of different streams never depend on each other (Projection.partitionedRebuild).
 * Each writer works through a short queue of its own: while one prepares its next chunk (the Node side of an
 * apply), the other's statement runs, and neither waits for the other to finish a batch. The shadow tables are
 * private until the swap, so the writers' separate commits are invisible to readers; a failure fails the whole
 * rebuild as before.
 *
 * The writers' connections are opened here, not taken from the pool: a busy pool could make them wait for ever.
 */
export async function loadPartitioned(
  store: PostgresEventStore,
  reader: PoolClient,
  projection: Projection,
  tables: Tables,
  from: LogPosition,
  progress: LoadProgress,
  report: () => Promise<void>,
  /** Checked before each batch: a process that is shutting down stops its rebuild instead of finishing it. */
  checkStop: () => void = () => undefined,
): Promise<LogPosition> {
  const writers = await openWriters(store, Math.min(4, Math.max(1, availableParallelism())));
  const lanes = writers.map(
    (writer) => new WriterLane((events) => applyInTransaction(writer, projection, events, tables)),
  );
  let lastReport = 0;
  let position = from;
  try {
    for (;;) {
      checkStop();
      const events = await store.readLog(position, READ_BATCH, reader);
      if (events.length === 0) break;
      const parts = partition(events, writers.length);
      for (let w = 0; w < lanes.length; w++) if (parts[w].length > 0) await lanes[w].push(parts[w]);
      position = events[events.length - 1].logPosition;
      progress.events += events.length;
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await report();
      }
    }
    await settleAll(lanes.map((lane) => lane.drained()));
    return position;
  } finally {
    // On failure too: no statement may still run on the shadow tables when the caller drops them.
    await Promise.allSettled(lanes.map((lane) => lane.drained()));
    await Promise.all(writers.map((w) => w.end().catch(() => undefined)));
  }
}

/**
 * One writer's chunks, applied one after another in the order pushed. push() waits while QUEUED chunks already
 * wait, and rejects once an earlier chunk has failed (every later one fails with it, unapplied).
 */
export class WriterLane {
  private tail: Promise<void> = Promise.resolve();
  private readonly pending: Promise<void>[] = [];

  constructor(
    private readonly apply: (events: StoredEvent[]) => Promise<void>,
    private readonly queued = QUEUED,
  ) {}

  async push(events: StoredEvent[]): Promise<void> {
    while (this.pending.length > this.queued) await this.pending[0];
    const done = this.tail.then(() => this.apply(events));
    done.then(
      () => this.pending.shift(),
      () => undefined, // seen by the next push() or by drained()
    );
    this.pending.push(done);
    this.tail = done;
  }

  /** Resolves when every chunk pushed so far is applied; rejects with the first failure. */
  drained(): Promise<void> {
    return this.tail;
  }
}

async function openWriters(store: PostgresEventStore, count: number): Promise<Client[]> {
  const writers: Client[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const writer = await openOwnConnection(store.pool.options, 'annals-rebuild-writer');
      writers.push(writer);
      // Rows past ~2 KB are compressed as they are written; lz4 does it several times faster than the default
      // pglz (pglz was a twentieth of the writers' time) and reads back faster. A server built without lz4 keeps pglz.
      await writer.query(`SET default_toast_compression = 'lz4'`).catch(() => undefined);
      // A writer's commits need not wait for the disk: nothing reads the shadow tables before the swap, whose own
      // commit waits for the WAL, and the WAL is flushed in order, so every writer's rows are on disk by then.
      // A crash before it fails the rebuild (its shadow tables are dropped at the next start) as it always did.
      await writer.query(`SET synchronous_commit = off`);
    }
    return writers;
  } catch (error) {
    await Promise.all(writers.map((w) => w.end().catch(() => undefined)));
    throw error;
  }
}

async function applyInTransaction(
  writer: Client,
  projection: Projection,
  events: readonly StoredEvent[],
  tables: Tables,
): Promise<void> {
  if (events.length === 0) return;
  await writer.query('BEGIN');
  try {
    await applyWithParking(asPoolClient(writer), projection, events, tables, 'load', 'shadow');
    await writer.query('COMMIT');
  } catch (error) {
    await writer.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Events by writer: a stream always goes to the same writer, and keeps its order there. */
export function partition(events: readonly StoredEvent[], writers: number): StoredEvent[][] {
  const parts: StoredEvent[][] = Array.from({ length: writers }, () => []);
  for (const event of events) parts[streamHash(event.streamId) % writers].push(event);
  return parts;
}

/** FNV-1a over the stream id's UTF-16 code units: cheap, stable, and spreads uuids evenly. */
function streamHash(streamId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < streamId.length; i++) {
    hash ^= streamId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
