import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@libs/event-store';
import { partition, WriterLane } from './partitioned-load';

const event = (streamId: string, version: number, position: number): StoredEvent => ({
  eventId: `${streamId}-${version}`,
  streamId,
  version,
  position,
  logPosition: { orderXid: '1', position },
  type: 'T',
  schemaVersion: 1,
  data: {},
  metadata: {},
  recordedAt: new Date(0),
});

describe('partition (a rebuild load by stream)', () => {
  const streams = Array.from({ length: 200 }, (_, i) => `diplomatic-event-${i.toString(16).padStart(8, '0')}-stream`);
  const log = Array.from({ length: 2000 }, (_, n) =>
    event(streams[(n * 7) % streams.length], Math.floor(n / 10) + 1, n),
  );

  it('gives every stream to one writer, in log order, losing and duplicating nothing', () => {
    const parts = partition(log, 3);
    expect(parts.flat()).toHaveLength(log.length);
    const owner = new Map<string, number>();
    parts.forEach((part, w) => {
      for (const e of part) {
        expect(owner.get(e.streamId) ?? w).toBe(w);
        owner.set(e.streamId, w);
      }
      const positions = part.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    });
  });

  it('spreads streams over the writers', () => {
    for (const part of partition(log, 2)) expect(part.length).toBeGreaterThan(log.length / 4);
  });

  it('puts everything on the one writer when there is one', () => {
    expect(partition(log, 1)).toEqual([log]);
  });
});

describe("WriterLane (one writer's queue)", () => {
  const chunk = (n: number) => [event('s', n, n)];
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('applies chunks one at a time, in the order pushed, and lets the reader run at most one chunk ahead', async () => {
    const applied: number[] = [];
    const running: Array<() => void> = [];
    let concurrent = 0;
    const lane = new WriterLane(async (events) => {
      concurrent++;
      expect(concurrent).toBe(1);
      await new Promise<void>((resolve) => running.push(resolve));
      applied.push(events[0].position);
      concurrent--;
    }, 1);
    await lane.push(chunk(1));
    await lane.push(chunk(2)); // one applying, one waiting: room for this one
    let thirdIn = false;
    const third = lane.push(chunk(3)).then(() => (thirdIn = true));
    await tick();
    expect(thirdIn).toBe(false); // the queue is full: the reader waits
    running.shift()!();
    await third;
    expect(thirdIn).toBe(true);
    while (applied.length < 3) {
      await tick();
      running.shift()?.();
    }
    await lane.drained();
    expect(applied).toEqual([1, 2, 3]);
  });

  it('after a failed chunk applies nothing more, and both push() and drained() report the failure', async () => {
    const applied: number[] = [];
    const lane = new WriterLane(async (events) => {
      await tick();
      if (events[0].position === 2) throw new Error('chunk 2 failed');
      applied.push(events[0].position);
    }, 1);
    await lane.push(chunk(1));
    await lane.push(chunk(2));
    await lane.push(chunk(3)).catch(() => undefined); // may be accepted before chunk 2 fails
    await expect(lane.drained()).rejects.toThrow('chunk 2 failed');
    await expect(lane.push(chunk(4))).rejects.toThrow('chunk 2 failed');
    await tick();
    expect(applied).toEqual([1]);
  });
});
