import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '../../../test/support/database';
import { ConcurrencyError, IdempotencyConflictError, InvalidEventError } from './event-store.errors';
import { PostgresEventStore } from './event-store';

const stream = () => `test-${randomUUID()}`;
const event = (n: number) => ({ type: 'Counted', data: { n, text: 'ماكرون يزور كازاخستان' } });

describe('PostgresEventStore.append', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(() => {
    pool = testPool(60);
    store = new PostgresEventStore(pool, {
      upcasters: [{ type: 'Counted', fromSchemaVersion: 1, upcast: (d) => ({ ...(d as object), upcasted: true }) }],
    });
  });
  afterAll(() => pool.end());

  it('numbers a stream 1, 2, 3 and reads it back in order with all columns', async () => {
    const id = stream();
    const first = await store.append(id, 'no_stream', [event(1), event(2)], {});
    expect(first.version).toBe(2);
    const second = await store.append(id, 2, [
      { ...event(3), metadata: { correlationId: 'c-1', causationId: 'k-1', actor: 'admin' } },
    ]);
    expect(second.version).toBe(3);
    const events = await store.readStream(id);
    expect(events.map((e) => e.version)).toEqual([1, 2, 3]);
    expect(events[2]).toMatchObject({
      streamId: id,
      type: 'Counted',
      schemaVersion: 2,
      data: { n: 3, text: 'ماكرون يزور كازاخستان', upcasted: true },
      metadata: { correlationId: 'c-1', causationId: 'k-1', actor: 'admin' },
    });
    expect(events[2].eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(events[2].recordedAt).toBeInstanceOf(Date);
    expect(events[0].position).toBeLessThan(events[2].position);
  });

  it('refuses a stale or wrong expected version with the current version, writing nothing', async () => {
    const id = stream();
    await store.append(id, 'no_stream', [event(1)]);
    await expect(store.append(id, 'no_stream', [event(2)])).rejects.toMatchObject({
      code: 'EVENT_STORE.VERSION_CONFLICT',
      currentVersion: 1,
    });
    await expect(store.append(id, 5, [event(2)])).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.append(stream(), 1, [event(1)])).rejects.toMatchObject({ currentVersion: 0 });
    expect(await store.readStream(id)).toHaveLength(1);
    expect((await store.append(id, 'any', [event(2)])).version).toBe(2);
  });

  it('lets exactly one of 50 concurrent appends at the same version win, leaving no gaps', async () => {
    const id = stream();
    await store.append(id, 'no_stream', [event(0)]);
    const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => store.append(id, 1, [event(i)])));
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const r of lost) expect(r.reason).toBeInstanceOf(ConcurrencyError);
    const versions = (await store.readStream(id)).map((e) => e.version);
    expect(versions).toEqual([1, 2]);
  });

  it('turns a retry with the same event id into a no-op that returns the first result', async () => {
    const id = stream();
    const eventId = randomUUID();
    const first = await store.append(id, 'no_stream', [{ ...event(1), eventId }]);
    const retry = await store.append(id, 'no_stream', [{ ...event(1), eventId }]);
    expect(retry).toEqual({ ...first, duplicate: true });
    expect(await store.readStream(id)).toHaveLength(1);
  });

  it('turns a retry with the same idempotency key into a no-op, even when both race', async () => {
    const id = stream();
    const key = randomUUID();
    const append = () => store.append(id, 'no_stream', [event(1), event(2)], { idempotencyKey: key });
    const results = await Promise.all([append(), append(), append()]);
    expect(new Set(results.map((r) => r.version))).toEqual(new Set([2]));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    const stored = await store.readStream(id);
    expect(stored).toHaveLength(2);
    expect(stored.map((e) => e.metadata.idempotencyKey)).toEqual([key, key]);
  });

  it('refuses an append that reuses some event ids of another stream', async () => {
    const eventId = randomUUID();
    await store.append(stream(), 'no_stream', [{ ...event(1), eventId }]);
    await expect(store.append(stream(), 'no_stream', [{ ...event(1), eventId }])).rejects.toBeInstanceOf(
      IdempotencyConflictError,
    );
  });

  it('refuses NUL characters and empty appends cleanly, and stores hostile text verbatim', async () => {
    await expect(store.append(stream(), 'any', [{ type: 'X', data: { s: 'a\u0000b' } }])).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    await expect(store.append(stream(), 'any', [])).rejects.toBeInstanceOf(InvalidEventError);
    const hostile = `'); DROP TABLE events; -- \u202e\u0007 ${'x'.repeat(10_000)}`;
    const id = stream();
    await store.append(id, 'any', [{ type: 'X', data: { s: hostile } }]);
    expect((await store.readStream(id))[0].data).toEqual({ s: hostile });
  });

  it('appends many streams at once, all or nothing', async () => {
    const [a, b] = [stream(), stream()];
    await store.append(b, 'no_stream', [event(0)]);
    await expect(
      store.appendMany([
        { streamId: a, expectedVersion: 'no_stream', events: [event(1), event(2)] },
        { streamId: b, expectedVersion: 'no_stream', events: [event(1)] },
      ]),
    ).rejects.toMatchObject({ streamId: b, currentVersion: 1 });
    expect(await store.readStream(a)).toHaveLength(0);
    const batch = [
      {
        streamId: a,
        expectedVersion: 'no_stream' as const,
        events: [event(1), event(2)].map((e) => ({ ...e, eventId: randomUUID() })),
      },
      { streamId: b, expectedVersion: 1, events: [{ ...event(1), eventId: randomUUID() }] },
    ];
    expect(await store.appendMany(batch)).toEqual({ written: 3 });
    expect(await store.appendMany(batch)).toEqual({ written: 0 });
    expect((await store.readStream(a)).map((e) => e.version)).toEqual([1, 2]);
    expect((await store.readStream(b)).map((e) => e.version)).toEqual([1, 2]);
  });
});
