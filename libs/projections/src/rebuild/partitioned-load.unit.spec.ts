import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@libs/event-store';
import { partition } from './partitioned-load';

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
