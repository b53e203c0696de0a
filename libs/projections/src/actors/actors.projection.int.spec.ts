import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@libs/diplomacy';
import { testPool } from '../../../../test/support/database';
import { scratchTables, storedEvent, type Scratch } from '../testing/projection-spec';
import { ActorsProjection } from './actors.projection';

const pool = testPool(3);
afterAll(() => pool.end());

const projection = new ActorsProjection();
const actor = (id: string, country = 'FRA'): Actor => ({ id, name: `Name of ${id}`, country, role: 'participant' });
const day = (start: string, end = start) => ({
  start,
  end,
  expression: null,
  anchor: null,
  direction: null,
  precision: 'day',
  timex: start,
});

const recorded = (id: string, actors: Actor[], start: string, end?: string) =>
  storedEvent(
    'DiplomaticEventRecorded',
    { id, actors, date: day(start, end) } as { id: string },
    1,
    '2023-11-02T10:00:00Z',
  );
const corrected = (id: string, changes: object, version = 2) =>
  storedEvent(
    'DiplomaticEventCorrected',
    { id, changes, reason: 'r' } as { id: string },
    version,
    '2023-11-03T10:00:00Z',
  );
const retracted = (id: string, version: number) =>
  storedEvent('DiplomaticEventRetracted', { id, reason: 'r' } as { id: string }, version, '2023-11-04T10:00:00Z');

interface ActorRow {
  id: string;
  country: string;
  event_count: number;
  first_date: string;
  last_date: string;
}
const COLUMNS = 'id, country, event_count::int AS event_count, first_date::text, last_date::text';

describe('ActorsProjection', () => {
  let scratch: Scratch;
  beforeEach(async () => (scratch = await scratchTables(pool, projection)));
  afterEach(() => scratch.release());
  const actors = (s = scratch) => s.rows<ActorRow>('actors', 'id', COLUMNS);

  it('counts each actor’s live events with their first and last dates', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await scratch.given([
      recorded(a, [actor('macron'), actor('tokayev', 'KAZ')], '2023-11-01'),
      recorded(b, [actor('macron')], '2023-10-23', '2023-10-29'),
    ]);
    expect(await actors()).toEqual([
      { id: 'macron', country: 'FRA', event_count: 2, first_date: '2023-10-23', last_date: '2023-11-01' },
      { id: 'tokayev', country: 'KAZ', event_count: 1, first_date: '2023-11-01', last_date: '2023-11-01' },
    ]);
  });

  it('follows corrections of actors and dates, and drops an actor whose only event is retracted', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    await scratch.given([
      recorded(a, [actor('macron'), actor('tokayev', 'KAZ')], '2023-11-01'),
      recorded(b, [actor('macron')], '2023-10-23'),
    ]);
    await scratch.given([corrected(a, { actors: [actor('macron'), actor('scholz', 'DEU')] })]);
    await scratch.given([corrected(b, { date: day('2023-12-05') })]);
    expect((await actors()).map((r) => r.id)).toEqual(['macron', 'scholz']);
    expect((await actors())[0]).toMatchObject({ event_count: 2, last_date: '2023-12-05' });
    await scratch.given([retracted(a, 3)]);
    expect(await actors()).toEqual([
      { id: 'macron', country: 'FRA', event_count: 1, first_date: '2023-12-05', last_date: '2023-12-05' },
    ]);
  });

  it("replayed as a rebuild's load (summary once after it) gives the same rows as live, batch by batch", async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const events = [
      recorded(a, [actor('macron'), actor('tokayev', 'KAZ')], '2023-11-01'),
      recorded(b, [actor('macron')], '2023-10-23'),
      corrected(a, { actors: [actor('tokayev', 'KAZ')] }),
      retracted(b, 2),
    ];
    const rebuilt = await scratchTables(pool, projection, 'rebuilt');
    try {
      for (const event of events) await scratch.given([event]);
      // The load alone leaves the summaries to finishLoad.
      await projection.apply(rebuilt.db, events, rebuilt.tables, 'load');
      expect(await actors(rebuilt)).toEqual([]);
      await rebuilt.db.query(`TRUNCATE ${rebuilt.tables.actor_events}`);
      await rebuilt.given(events, 'load');
      expect(await actors(rebuilt)).toEqual(await actors());
      expect(await rebuilt.rows('actor_events', 'actor_id, event_id')).toEqual(
        await scratch.rows('actor_events', 'actor_id, event_id'),
      );
      expect(await projection.checksum(rebuilt.db, rebuilt.tables)).toBe(
        await projection.checksum(scratch.db, scratch.tables),
      );
    } finally {
      await rebuilt.release();
    }
  });
});
