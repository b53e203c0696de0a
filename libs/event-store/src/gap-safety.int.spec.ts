import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '../../../test/support/database';
import { PostgresEventStore } from './event-store';
import { ConcurrencyError } from './event-store.errors';
import { LOG_START, type LogPosition, type StoredEvent } from './stored-event';

const WRITERS = 8;
const EVENTS_PER_WRITER = 1000;

/**
 * Follows the log from the start, recording every event of this test it is handed. `finish(total)` waits
 * until `total` have arrived, then reads on a little to catch any extra (duplicate) delivery. An empty read
 * is not the end: any transaction in the cluster (autovacuum's ANALYZE, too) may hold the horizon back.
 */
function follow(store: PostgresEventStore, prefix: string) {
  const seen: StoredEvent[] = [];
  let position: LogPosition = LOG_START;
  let target = Infinity;
  let deadline = Infinity;
  const done = (async () => {
    while (Date.now() < deadline) {
      const batch = await store.readLog(position, 300);
      for (const e of batch) if (e.streamId.startsWith(prefix)) seen.push(e);
      if (batch.length > 0) position = batch[batch.length - 1].logPosition;
      else await new Promise((r) => setTimeout(r, 5));
      if (seen.length >= target) deadline = Math.min(deadline, Date.now() + 200);
    }
  })();
  return {
    seen,
    finish: async (total: number) => {
      target = total;
      deadline = Date.now() + 60_000;
      await done;
      return seen;
    },
  };
}

/**
 * One writer: 1,000 events over a few streams, in transactions of 1–5 appends. Some transactions sleep
 * before committing, some roll back, and some write another table first (taking a transaction id early,
 * the case that inverts a stream's versions if the log is ordered by transaction id alone).
 */
async function write(store: PostgresEventStore, pool: Pool, prefix: string, writer: number): Promise<string[]> {
  const committed: string[] = [];
  // Each writer has streams of its own; every third transaction also appends, last, to a stream all
  // writers share: its transaction id was taken earlier, so order by id alone would invert versions there.
  const streams = Array.from({ length: 3 }, (_, i) => `${prefix}w${writer}-s${i}`);
  const shared = `${prefix}shared`;
  let written = 0;
  let round = 0;
  while (written < EVENTS_PER_WRITER) {
    round += 1;
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      if (round % 7 === 0) await client.query('INSERT INTO gap_test_side_table (note) VALUES ($1)', [prefix]);
      const ids: string[] = [];
      const appends = Math.min(1 + (round % 5), EVENTS_PER_WRITER - written);
      for (let i = 0; i < appends; i++) {
        const streamId = i === appends - 1 && round % 3 === 0 ? shared : streams[(round + i) % streams.length];
        const eventId = randomUUID();
        await store.append(streamId, 'any', [{ type: 'Tick', data: { writer, round }, eventId }], { client });
        ids.push(eventId);
      }
      if (round % 11 === 0) await client.query('SELECT pg_sleep(0.05)');
      if (round % 13 === 0) {
        await client.query('ROLLBACK');
      } else {
        await client.query('COMMIT');
        committed.push(...ids);
        written += ids.length;
      }
    } catch (error) {
      // Another writer took a stream's next version first, or two writers locked streams in opposite
      // orders (deadlock): this transaction is void, as a real caller's would be; try another round.
      const deadlock = (error as { code?: string }).code === '40P01';
      if (!(error instanceof ConcurrencyError) && !deadlock) throw error;
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  }
  return committed;
}

function assertStreamVersionsAscend(events: StoredEvent[]) {
  const last = new Map<string, number>();
  for (const e of events) {
    expect(e.version).toBe((last.get(e.streamId) ?? 0) + 1);
    last.set(e.streamId, e.version);
  }
}

describe('reading the log while 8 writers append', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(async () => {
    pool = testPool(20);
    store = new PostgresEventStore(pool);
    await pool.query('CREATE TABLE IF NOT EXISTS gap_test_side_table (id serial PRIMARY KEY, note text)');
  });
  afterAll(() => pool.end());

  it('hands every committed event to every reader exactly once, in one order that keeps stream versions', async () => {
    const prefix = `gap-${randomUUID()}-`;
    const readers = [follow(store, prefix), follow(store, prefix)];
    // A transaction that holds an early transaction id open, then appends last: it must not be skipped.
    const early = await pool.connect();
    await early.query('BEGIN');
    await early.query('INSERT INTO gap_test_side_table (note) VALUES ($1)', ['early']);
    const committed = (
      await Promise.all(Array.from({ length: WRITERS }, (_, w) => write(store, pool, prefix, w)))
    ).flat();
    const lateId = randomUUID();
    await store.append(`${prefix}late`, 'no_stream', [{ type: 'Late', data: {}, eventId: lateId }], { client: early });
    await early.query('COMMIT');
    early.release();
    committed.push(lateId);

    const [first, second] = await Promise.all(readers.map((r) => r.finish(committed.length)));
    const replayed = await follow(store, prefix).finish(committed.length);

    expect(committed).toHaveLength(WRITERS * EVENTS_PER_WRITER + 1);
    for (const seen of [first, second, replayed]) {
      expect(seen).toHaveLength(committed.length);
      expect(new Set(seen.map((e) => e.eventId))).toEqual(new Set(committed));
      assertStreamVersionsAscend(seen);
    }
    const order = (events: StoredEvent[]) => events.map((e) => e.eventId);
    expect(order(second)).toEqual(order(first));
    expect(order(replayed)).toEqual(order(first));
  }, 180_000);

  it("keeps a stream in version order when the later version's transaction took its id first", async () => {
    const streamId = `inversion-${randomUUID()}`;
    const older = await pool.connect();
    try {
      await older.query('BEGIN');
      await older.query('INSERT INTO gap_test_side_table (note) VALUES ($1)', ['takes an xid now']);
      const v1 = await store.append(streamId, 'no_stream', [{ type: 'First', data: {} }]);
      const v2 = await store.append(streamId, 1, [{ type: 'Second', data: {} }], { client: older });
      await older.query('COMMIT');
      expect([v1.version, v2.version]).toEqual([1, 2]);
    } finally {
      older.release();
    }
    // Other transactions in the cluster may hold the read horizon back for a moment: wait for both to show.
    let inLog: string[] = [];
    for (const deadline = Date.now() + 10_000; inLog.length < 2 && Date.now() < deadline;) {
      inLog = (await readWhole(store)).filter((e) => e.streamId === streamId).map((e) => e.type);
    }
    expect(inLog).toEqual(['First', 'Second']);
  });
});

describe('the log order', () => {
  it('orders transaction ids as numbers, not text (999 before 1000)', async () => {
    const pool = testPool(2);
    try {
      const streamId = `digits-${randomUUID()}`;
      // Raw rows with chosen order_xids, as a restored or long-lived cluster would hold.
      for (const [version, xid] of [
        [1, '999'],
        [2, '1000'],
      ] as const) {
        await pool.query(
          `INSERT INTO events (order_xid, stream_id, version, event_id, type, data) VALUES ($1::xid8, $2, $3, $4, 'Digit', '{}')`,
          [xid, streamId, version, randomUUID()],
        );
      }
      const store = new PostgresEventStore(pool);
      const mine = (await readWhole(store)).filter((e) => e.streamId === streamId).map((e) => e.logPosition.orderXid);
      expect(mine).toEqual(['999', '1000']);
    } finally {
      await pool.end();
    }
  });
});

async function readWhole(store: PostgresEventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  let position: LogPosition = LOG_START;
  for (;;) {
    const batch = await store.readLog(position, 5000);
    if (batch.length === 0) return all;
    all.push(...batch);
    position = batch[batch.length - 1].logPosition;
  }
}
