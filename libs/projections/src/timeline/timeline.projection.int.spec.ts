import { afterAll, afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { DiplomaticEventFacts } from '@libs/diplomacy';
import type { StoredEvent } from '@libs/event-store';
import { testPool } from '../../../../test/support/database';
import type { ApplyMode } from '../projection';
import { scratchTables, storedEvent, timelineFacts, type Scratch } from '../testing/projection-spec';
import { TimelineProjection } from './timeline.projection';

const pool = testPool(3);
afterAll(() => pool.end());

const projection = new TimelineProjection();
const sourceId = randomUUID();

const facts = (overrides: Partial<DiplomaticEventFacts> = {}) => timelineFacts(sourceId, overrides);

const recorded = (id: string, at: string, overrides: Partial<DiplomaticEventFacts> = {}) =>
  storedEvent('DiplomaticEventRecorded', { id, ...facts(overrides) }, 1, at);

interface VersionRow {
  id: string;
  version: number;
  title: string;
  type_root: string;
  actor_ids: string[];
  countries: string[];
  date_start: string;
  date_end: string;
  valid_from: Date;
  valid_to: Date | null;
  retracted_at: Date | null;
  quote: string;
}

const COLUMNS = `id, version, title, type_root, actor_ids, countries, date_start::text, date_end::text, valid_from,
  valid_to, retracted_at, quote`;

describe('TimelineProjection', () => {
  let scratch: Scratch;
  beforeEach(async () => (scratch = await scratchTables(pool, projection)));
  afterEach(() => scratch.release());

  const versions = () => scratch.rows<VersionRow>('timeline_versions', 'id, version', COLUMNS);

  it('records an event as one live version with its derived columns', async () => {
    const id = randomUUID();
    await scratch.given([recorded(id, '2023-11-02T10:00:00Z')]);
    expect(await versions()).toEqual([
      {
        id,
        version: 1,
        title: 'Macron visits Kazakhstan',
        type_root: '04',
        actor_ids: ['emmanuel-macron', 'kassym-jomart-tokayev'],
        countries: ['FRA', 'KAZ'],
        date_start: '2023-11-01',
        date_end: '2023-11-01',
        valid_from: new Date('2023-11-02T10:00:00Z'),
        valid_to: null,
        retracted_at: null,
        quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان',
      },
    ]);
  });

  it('closes the old version at a correction and opens the corrected one; a retraction closes and marks it', async () => {
    const id = randomUUID();
    const newDate = { ...facts().date, expression: null, anchor: null, start: '2023-10-23', end: '2023-10-29' };
    await scratch.given([
      recorded(id, '2023-11-02T10:00:00Z'),
      storedEvent(
        'DiplomaticEventCorrected',
        { id, changes: { title: 'Corrected', date: newDate, quote: 'new words' }, reason: 'r' } as { id: string },
        2,
        '2023-11-03T10:00:00Z',
      ),
    ]);
    await scratch.given([
      storedEvent('DiplomaticEventRetracted', { id, reason: 'r' } as { id: string }, 3, '2023-11-04T10:00:00Z'),
    ]);
    const [first, second] = await versions();
    expect(first).toMatchObject({ version: 1, title: 'Macron visits Kazakhstan', retracted_at: null });
    expect(first.valid_to).toEqual(new Date('2023-11-03T10:00:00Z'));
    expect(second).toMatchObject({
      version: 2,
      title: 'Corrected',
      date_start: '2023-10-23',
      date_end: '2023-10-29',
      quote: 'new words',
      valid_from: new Date('2023-11-03T10:00:00Z'),
      valid_to: new Date('2023-11-04T10:00:00Z'),
      retracted_at: new Date('2023-11-04T10:00:00Z'),
    });
  });

  it('keeps each registered source as one row', async () => {
    const source = { id: sourceId, title: 'T', url: null, publisher: 'P', language: 'ar', publishedAt: '2023-11-01' };
    await scratch.given([storedEvent('SourceRegistered', source, 1, '2023-11-01T09:00:00Z', 'source-')]);
    expect(await scratch.rows('timeline_sources', 'id')).toEqual([
      { id: sourceId, title: 'T', url: null, publisher: 'P', language: 'ar', published_at: '2023-11-01' },
    ]);
  });

  it('keeps each source attached to an event (EventSourceAttached) once, with its quote and offsets', async () => {
    const eventId = randomUUID();
    const other = randomUUID();
    const attached = storedEvent(
      'EventSourceAttached',
      {
        id: other,
        sourceId: other,
        proposalId: 'p0-40',
        extractorVersion: 'proposals-1',
        eventId,
        quote: 'Tokayev met Mirziyoyev on Monday.',
        offsets: { start: 0, end: 40 },
      } as { id: string },
      2,
      '2023-11-05T10:00:00Z',
      'source-',
    );
    await scratch.given([attached]);
    await scratch.given([attached]);
    expect(await scratch.rows('timeline_event_sources', 'event_id')).toEqual([
      {
        event_id: eventId,
        source_id: other,
        proposal_id: 'p0-40',
        quote: 'Tokayev met Mirziyoyev on Monday.',
        quote_start: 0,
        quote_end: 40,
        attached_at: new Date('2023-11-05T10:00:00Z'),
      },
    ]);
    const before = await projection.checksum(scratch.db, scratch.tables);
    await scratch.db.query(`UPDATE ${scratch.tables.timeline_event_sources} SET quote_end = 41`);
    expect(await projection.checksum(scratch.db, scratch.tables)).not.toBe(before);
  });

  /** `events` applied live to `scratch` and in `mode` to a second set of tables, which `check` then compares. */
  async function replayedAlso(events: StoredEvent[], mode: ApplyMode, check: (other: Scratch) => Promise<void>) {
    const other = await scratchTables(pool, projection, mode);
    try {
      await scratch.given(events);
      await other.given(events, mode);
      await check(other);
    } finally {
      await other.release();
    }
  }

  it('replayed twice from the same events, gives identical rows and checksums; a changed row changes the checksum', async () => {
    const id = randomUUID();
    const events = [
      recorded(id, '2023-11-02T10:00:00Z'),
      recorded(randomUUID(), '2023-11-02T11:00:00Z', { title: 'Another' }),
      storedEvent(
        'DiplomaticEventCorrected',
        { id, changes: { title: 'Again' }, reason: 'r' } as { id: string },
        2,
        '2023-11-03T10:00:00Z',
      ),
    ];
    await replayedAlso(events, 'rebuild', async (again) => {
      const all = (s: Scratch) => s.rows('timeline_versions', 'id, version');
      expect(await all(again)).toEqual(await all(scratch));
      const checksum = (s: Scratch) => projection.checksum(s.db, s.tables);
      expect(await checksum(again)).toBe(await checksum(scratch));
      await again.db.query(`UPDATE ${again.tables.timeline_versions} SET title = 'tampered' WHERE id = $1`, [id]);
      expect(await checksum(again)).not.toBe(await checksum(scratch));
    });
  });

  it("a rebuild's load leaves the by-actor entries to finishLoad, which derives exactly what live apply keeps", async () => {
    const [corrected, retracted, kept] = [randomUUID(), randomUUID(), randomUUID()];
    const tokayev = facts().actors[1];
    const events = [
      recorded(corrected, '2023-11-02T10:00:00Z'),
      recorded(retracted, '2023-11-02T11:00:00Z'),
      // One actor named twice (two roles) has one entry.
      recorded(kept, '2023-11-02T12:00:00Z', { actors: [tokayev, { ...tokayev, role: 'initiator' }] }),
      storedEvent(
        'DiplomaticEventCorrected',
        {
          id: corrected,
          changes: { actors: [tokayev], date: { ...facts().date, start: '2023-10-30', end: '2023-10-31' } },
          reason: 'r',
        } as { id: string },
        2,
        '2023-11-03T10:00:00Z',
      ),
      storedEvent(
        'DiplomaticEventRetracted',
        { id: retracted, reason: 'r' } as { id: string },
        2,
        '2023-11-03T11:00:00Z',
      ),
    ];
    await replayedAlso(events, 'load', async (loaded) => {
      const entries = (s: Scratch) => s.rows('timeline_live_actors', 'actor_id, date_start, id');
      expect(await entries(loaded)).toEqual(await entries(scratch));
      expect(await entries(loaded)).toEqual([
        {
          actor_id: 'kassym-jomart-tokayev',
          date_start: new Date('2023-10-30'),
          date_end: new Date('2023-10-31'),
          id: corrected,
        },
        {
          actor_id: 'kassym-jomart-tokayev',
          date_start: new Date('2023-11-01'),
          date_end: new Date('2023-11-01'),
          id: kept,
        },
      ]);
      expect(await projection.checksum(loaded.db, loaded.tables)).toBe(
        await projection.checksum(scratch.db, scratch.tables),
      );
      // The load alone writes none (finishLoad fills them); the swap's catch-up ('rebuild') keeps them row by row.
      await loaded.db.query(`TRUNCATE ${loaded.tables.timeline_live_actors}`);
      await projection.apply(loaded.db, [recorded(randomUUID(), '2023-11-04T10:00:00Z')], loaded.tables, 'load');
      expect(await entries(loaded)).toHaveLength(0);
      await loaded.given([recorded(randomUUID(), '2023-11-04T11:00:00Z')], 'rebuild');
      expect(await entries(loaded)).toHaveLength(2);
    });
  });

  it("a rebuild's load, batch by batch, writes every version as live apply does: corrections and retractions within a batch and across batches", async () => {
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const change = (id: string, version: number, at: string, changes: object) =>
      storedEvent('DiplomaticEventCorrected', { id, changes, reason: 'r' } as { id: string }, version, at);
    const retract = (id: string, version: number, at: string) =>
      storedEvent('DiplomaticEventRetracted', { id, reason: 'r' } as { id: string }, version, at);
    const batches = [
      [recorded(a, '2023-11-02T10:00:00Z'), recorded(b, '2023-11-02T10:01:00Z'), recorded(c, '2023-11-02T10:02:00Z')],
      [
        change(a, 2, '2023-11-03T10:00:00Z', { title: 'A, corrected' }),
        retract(b, 2, '2023-11-03T10:01:00Z'),
        recorded(d, '2023-11-03T10:02:00Z'),
        change(d, 2, '2023-11-03T10:03:00Z', { actors: [facts().actors[1]] }),
        change(d, 3, '2023-11-03T10:04:00Z', { title: 'D, third' }),
        change(randomUUID(), 2, '2023-11-03T10:05:00Z', { title: 'never recorded' }),
      ],
      [
        change(a, 3, '2023-11-04T10:00:00Z', { date: { ...facts().date, start: '2023-10-30', end: '2023-10-31' } }),
        retract(a, 4, '2023-11-04T10:01:00Z'),
        change(b, 3, '2023-11-04T10:02:00Z', { title: 'after its retraction' }),
        retract(d, 4, '2023-11-04T10:03:00Z'),
        change(c, 2, '2023-11-04T10:04:00Z', { title: 'C, corrected' }),
      ],
    ];
    const loaded = await scratchTables(pool, projection, 'load');
    try {
      await scratch.given(batches.flat());
      await loaded.db.query('BEGIN');
      for (const batch of batches) await projection.apply(loaded.db, batch, loaded.tables, 'load');
      await projection.finishLoad(loaded.db, loaded.tables);
      await loaded.db.query('COMMIT');
      const versions = (s: Scratch) => s.rows('timeline_versions', 'id, version', `${COLUMNS}, search::text`);
      expect(await versions(loaded)).toEqual(await versions(scratch));
      expect(await versions(loaded)).toHaveLength(9);
      expect(await projection.checksum(loaded.db, loaded.tables)).toBe(
        await projection.checksum(scratch.db, scratch.tables),
      );
    } finally {
      await loaded.release();
    }
  });
});
