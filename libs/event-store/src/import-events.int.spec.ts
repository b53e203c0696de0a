import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '../../../test/support/database';
import { PostgresEventStore } from './event-store';
import { ConcurrencyError, InvalidEventError } from './event-store.errors';
import type { StreamImport } from './import-events';
import { LOG_START, type LogPosition, type StoredEvent } from './stored-event';

const prefix = () => `import-${randomUUID()}-`;
const HOSTILE = 'tab\there, new\nline, cr\r, back\\slash \\N, quote " and ماكرون يزور كازاخستان';
const event = (n: number) => ({ type: 'Imported', data: { n, text: HOSTILE }, metadata: { actor: 'importer\tx' } });
const events = (from: number, count: number) => Array.from({ length: count }, (_, i) => event(from + i));

async function countStreams(pool: Pool, streamPrefix: string): Promise<number> {
  const { rows } = await pool.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE stream_id LIKE $1', [
    `${streamPrefix}%`,
  ]);
  return rows[0].n;
}

/**
 * The events of the log after `from` whose stream starts with `streamPrefix`, in the log's order, once `expected`
 * of them have arrived. An empty read is not the end: any transaction in the cluster may hold the horizon back.
 */
async function readAfter(
  store: PostgresEventStore,
  from: LogPosition,
  streamPrefix: string,
  expected: number,
): Promise<StoredEvent[]> {
  const seen: StoredEvent[] = [];
  const deadline = Date.now() + 30_000;
  for (let position = from; seen.length < expected && Date.now() < deadline;) {
    const batch = await store.readLog(position, 1000);
    if (batch.length === 0) await new Promise((r) => setTimeout(r, 5));
    else position = batch[batch.length - 1].logPosition;
    seen.push(...batch.filter((e) => e.streamId.startsWith(streamPrefix)));
  }
  return seen;
}

describe('PostgresEventStore.importEvents (COPY)', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(() => {
    pool = testPool(10);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('imports many streams with contiguous versions, storing hostile text verbatim', async () => {
    const p = prefix();
    const imports: StreamImport[] = Array.from({ length: 30 }, (_, s) => ({
      streamId: `${p}${s}`,
      expectedVersion: 'no_stream',
      events: events(1, 1 + (s % 4)),
    }));
    expect(await store.importEvents(imports)).toEqual({ written: 73 });
    const stream = await store.readStream(`${p}3`);
    expect(stream.map((e) => e.version)).toEqual([1, 2, 3, 4]);
    expect(stream[3]).toMatchObject({
      type: 'Imported',
      data: { n: 4, text: HOSTILE },
      metadata: { actor: 'importer\tx' },
    });
  });

  it('continues existing streams after their expected version, in version order in the log', async () => {
    const p = prefix();
    await store.append(`${p}a`, 'no_stream', events(1, 2));
    await store.append(`${p}b`, 'no_stream', events(1, 1));
    const result = await store.importEvents([
      { streamId: `${p}a`, expectedVersion: 2, events: events(3, 2) },
      { streamId: `${p}b`, expectedVersion: 1, events: events(2, 1) },
      { streamId: `${p}a`, expectedVersion: 4, events: events(5, 1) }, // a later entry continues the same stream
    ]);
    expect(result.written).toBe(4);
    expect((await store.readStream(`${p}a`)).map((e) => e.data)).toEqual(events(1, 5).map((e) => e.data));
    const log = await readAfter(store, LOG_START, p, 7);
    const versionsOfA = log.filter((e) => e.streamId === `${p}a`).map((e) => e.version);
    expect(versionsOfA).toEqual([1, 2, 3, 4, 5]);
  });

  it('is all-or-nothing: a stale expected version anywhere writes nothing at all', async () => {
    const p = prefix();
    await store.append(`${p}old`, 'no_stream', events(1, 3));
    const fresh = { streamId: `${p}new`, expectedVersion: 'no_stream' as const, events: events(1, 5) };
    // Behind the stream (version 4 exists already: the unique key refuses it) ...
    await expect(
      store.importEvents([fresh, { streamId: `${p}old`, expectedVersion: 2, events: events(3, 1) }]),
    ).rejects.toMatchObject({ code: 'EVENT_STORE.VERSION_CONFLICT', currentVersion: 3 });
    // ... and ahead of it (versions 5.. would leave a gap after 3: the continuation check refuses it).
    await expect(
      store.importEvents([fresh, { streamId: `${p}old`, expectedVersion: 4, events: events(5, 1) }]),
    ).rejects.toMatchObject({ code: 'EVENT_STORE.VERSION_CONFLICT', currentVersion: 3 });
    expect(await countStreams(pool, p)).toBe(3);
  });

  it('is idempotent: the same import again writes nothing; a partial overlap is refused', async () => {
    const p = prefix();
    const withIds = (n: number, key: string) =>
      events(1, n).map((e, i) => ({ ...e, metadata: { ...e.metadata, idempotencyKey: `${key}-${i}` } }));
    const batch: StreamImport[] = [
      { streamId: `${p}x`, expectedVersion: 'no_stream', events: withIds(3, `${p}x`) },
      { streamId: `${p}y`, expectedVersion: 'no_stream', events: withIds(2, `${p}y`) },
    ];
    expect(await store.importEvents(batch)).toEqual({ written: 5 });
    expect(await store.importEvents(batch)).toEqual({ written: 0 });
    const overlapping: StreamImport[] = [
      batch[0],
      { streamId: `${p}z`, expectedVersion: 'no_stream', events: withIds(1, `${p}z`) },
    ];
    await expect(store.importEvents(overlapping)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await countStreams(pool, p)).toBe(5);
  });

  it("refuses 'any', NUL and a missing type before anything is written", async () => {
    const p = prefix();
    const ok = { streamId: `${p}ok`, expectedVersion: 'no_stream' as const, events: events(1, 1) };
    await expect(
      store.importEvents([ok, { ...ok, streamId: `${p}any`, expectedVersion: 'any' }]),
    ).rejects.toBeInstanceOf(InvalidEventError);
    const nul = { ...ok, streamId: `${p}nul`, events: [{ type: 'X', data: { s: 'a\u0000b' } }] };
    await expect(store.importEvents([ok, nul])).rejects.toBeInstanceOf(InvalidEventError);
    await expect(
      store.importEvents([ok, { ...ok, streamId: `${p}t`, events: [{ type: '', data: {} }] }]),
    ).rejects.toBeInstanceOf(InvalidEventError);
    expect(await countStreams(pool, p)).toBe(0);
    // The pool's clients are still usable after the refused COPYs.
    expect(await store.importEvents([ok])).toEqual({ written: 1 });
  });

  it('lets exactly one of an import and concurrent appends take a version, leaving no gap', async () => {
    const p = prefix();
    await store.append(`${p}s`, 'no_stream', events(1, 1));
    const attempts = await Promise.allSettled([
      store.importEvents([{ streamId: `${p}s`, expectedVersion: 1, events: events(2, 3) }]),
      ...Array.from({ length: 5 }, (_, i) => store.append(`${p}s`, 1, [event(100 + i)])),
    ]);
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    const versions = (await store.readStream(`${p}s`)).map((e) => e.version);
    expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
  });

  it('is never skipped by a reader that read past appends committed while the import was still open', async () => {
    const p = prefix();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    async function* slowSource(): AsyncGenerator<StreamImport> {
      // More than one COPY chunk: these rows reach the server (the import takes its transaction id) before the wait.
      yield { streamId: `${p}imported-1`, expectedVersion: 'no_stream', events: events(1, 1200) };
      await held;
      yield { streamId: `${p}imported-2`, expectedVersion: 'no_stream', events: events(1, 2) };
    }
    const importing = store.importEvents(slowSource());
    await new Promise((r) => setTimeout(r, 100));
    await store.append(`${p}later`, 'no_stream', events(1, 1));
    // A reader now reads as far as it can: the open import holds the horizon, so it cannot pass its rows.
    let checkpoint = LOG_START;
    for (;;) {
      const batch = await store.readLog(checkpoint, 1000);
      if (batch.length === 0) break;
      checkpoint = batch[batch.length - 1].logPosition;
    }
    release();
    expect(await importing).toEqual({ written: 1202 });
    const after = await readAfter(store, checkpoint, p, 1203);
    expect(after).toHaveLength(1203);
    expect(after.filter((e) => e.streamId === `${p}later`)).toHaveLength(1);
  });

  it("rolls back with the caller's transaction, and streams a large import without holding it in memory", async () => {
    const p = prefix();
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await store.importEvents([{ streamId: `${p}tx`, expectedVersion: 'no_stream', events: events(1, 3) }], {
        client,
      });
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    expect(await countStreams(pool, p)).toBe(0);
    function* many(): Generator<StreamImport> {
      for (let s = 0; s < 2000; s++)
        yield { streamId: `${p}big-${s}`, expectedVersion: 'no_stream', events: events(1, 10) };
    }
    expect(await store.importEvents(many())).toEqual({ written: 20_000 });
    expect(await countStreams(pool, p)).toBe(20_000);
  });
});
