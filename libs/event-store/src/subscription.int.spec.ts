import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { testPool } from '../../../test/support/database';
import { PostgresEventStore } from './event-store';
import { LogSubscription } from './subscription';
import { LOG_START, type StoredEvent } from './stored-event';

async function headOf(store: PostgresEventStore) {
  let position = LOG_START;
  for (
    let batch = await store.readLog(position, 10_000);
    batch.length > 0;
    batch = await store.readLog(position, 10_000)
  ) {
    position = batch[batch.length - 1].logPosition;
  }
  return position;
}

/** Subscribes at the head and resolves with the time it took for `streamId`'s first event to arrive. */
async function timeToArrival(store: PostgresEventStore, options: { listen: boolean; pollIntervalMs: number }) {
  const streamId = `sub-${randomUUID()}`;
  let arrived: (e: StoredEvent) => void = () => {};
  const arrival = new Promise<StoredEvent>((resolve) => (arrived = resolve));
  const subscription = await new LogSubscription(store, {
    from: await headOf(store),
    ...options,
    handle: async (events) => events.filter((e) => e.streamId === streamId).forEach(arrived),
  }).start();
  try {
    await new Promise((r) => setTimeout(r, 100)); // let it reach the head and go to sleep
    const started = performance.now();
    await store.append(streamId, 'no_stream', [{ type: 'Ping', data: {} }]);
    const event = await arrival;
    return { ms: performance.now() - started, event, checkpoint: () => subscription.checkpoint };
  } finally {
    await subscription.stop();
  }
}

describe('LogSubscription', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  beforeAll(() => {
    pool = testPool(5);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('delivers a live event within 200 ms through NOTIFY, long before the 10 s poll would', async () => {
    const { ms, event } = await timeToArrival(store, { listen: true, pollIntervalMs: 10_000 });
    expect(event.type).toBe('Ping');
    expect(ms).toBeLessThan(200);
  });

  it('still delivers with NOTIFY off, by polling', async () => {
    const { ms, event } = await timeToArrival(store, { listen: false, pollIntervalMs: 100 });
    expect(event.type).toBe('Ping');
    expect(ms).toBeLessThan(1000);
  });

  it('catches up from a checkpoint in batches, handing each event once in log order', async () => {
    const streamId = `catchup-${randomUUID()}`;
    const from = await headOf(store);
    for (let i = 0; i < 5; i++) {
      await store.append(
        streamId,
        'any',
        Array.from({ length: 10 }, (_, n) => ({ type: 'Item', data: { n: i * 10 + n } })),
      );
    }
    const seen: number[] = [];
    const subscription = await new LogSubscription(store, {
      from,
      batchSize: 7,
      pollIntervalMs: 50,
      handle: async (events) => {
        for (const e of events) if (e.streamId === streamId) seen.push(e.version);
      },
    }).start();
    const deadline = Date.now() + 5000;
    while (seen.length < 50 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await subscription.stop();
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
