import { availableParallelism } from 'node:os';
import type { Client, PoolClient } from 'pg';
import type { LogPosition, PostgresEventStore, StoredEvent } from '@libs/event-store';
import type { Projection, Tables } from '../projection';
import { applyWithParking } from '../parking/parked-events';
import { asPoolClient, openOwnConnection, settleAll } from './own-connection';

// The sequential load's batch, split between the writers: the reader holds one batch while the writers apply
// the last, and at twice this the rebuild's peak RSS passed 300 MB for a few per cent of speed.
const BATCH = 2000;

export interface LoadProgress {
  events: number;
}

/*
 * A rebuild's load on every core: one reader follows the log (gap-safe, in order, on the run's connection) and hands
 * each event to the writer that owns its stream (by a hash of the stream id), so each stream's events are applied in
 * order by one writer, and the writers, each on a connection and in transactions of its own, run side by side. Only
 * for projections whose rows of different streams never depend on each other (Projection.partitionedRebuild).
 * The reader reads the next batch while the writers apply the last one. The shadow tables are private until the
 * swap, so the writers' separate commits are invisible to readers; a failure fails the whole rebuild as before.
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
  let lastReport = 0;
  let position = from;
  let applying: Promise<unknown> = Promise.resolve();
  try {
    for (;;) {
      checkStop();
      const events = await store.readLog(position, BATCH, reader);
      await applying;
      if (events.length === 0) return position;
      const parts = partition(events, writers.length);
      applying = settleAll(parts.map((part, w) => applyInTransaction(writers[w], projection, part, tables)));
      applying.catch(() => undefined); // awaited on the next turn (or in finally)
      position = events[events.length - 1].logPosition;
      progress.events += events.length;
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await report();
      }
    }
  } finally {
    await applying.catch(() => undefined);
    await Promise.all(writers.map((w) => w.end().catch(() => undefined)));
  }
}

async function openWriters(store: PostgresEventStore, count: number): Promise<Client[]> {
  const writers: Client[] = [];
  try {
    for (let i = 0; i < count; i++) {
      writers.push(await openOwnConnection(store.pool.options, 'annals-rebuild-writer'));
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
    await applyWithParking(asPoolClient(writer), projection, events, tables, 'rebuild', 'shadow');
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
