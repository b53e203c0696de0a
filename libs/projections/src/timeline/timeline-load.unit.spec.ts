import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@libs/event-store';
import { storedEvent, timelineFacts } from '../testing/projection-spec';
import { itemsToRead, planLoad } from './timeline-load';
import { toRow, type TimelineRow } from './timeline-row';

const facts = timelineFacts('00000000-0000-4000-8000-000000000001');

const recorded = (id: string, at: string) => storedEvent('DiplomaticEventRecorded', { id, ...facts }, 1, at);
const corrected = (id: string, version: number, at: string, title: string) =>
  storedEvent('DiplomaticEventCorrected', { id, changes: { title }, reason: 'r' } as { id: string }, version, at);
const retracted = (id: string, version: number, at: string) =>
  storedEvent('DiplomaticEventRetracted', { id, reason: 'r' } as { id: string }, version, at);

/** A current version as the table would return it. */
const stored = (id: string, version: number, title: string): TimelineRow =>
  toRow(id, version, { ...facts, title }, '2023-11-01T09:00:00.000Z', '2023-11-01T09:00:00.000Z');

const ends = (rows: { id: string; version: number; valid_to?: string; retracted_at?: string }[]) =>
  rows.map((r) => [r.id, r.version, r.valid_to ?? null, r.retracted_at ?? null]);

describe("planLoad (a rebuild's batch as a set)", () => {
  it('ends versions recorded in the same batch in the rows themselves, as live apply would', () => {
    const events: StoredEvent[] = [
      recorded('a', '2023-11-02T10:00:00Z'),
      corrected('a', 2, '2023-11-02T11:00:00Z', 'Again'),
      retracted('a', 3, '2023-11-02T12:00:00Z'),
      recorded('b', '2023-11-02T13:00:00Z'),
    ];
    expect(itemsToRead(events)).toEqual([]);
    const plan = planLoad(events, new Map());
    expect(plan.supersede).toEqual([]);
    expect(ends(plan.rows)).toEqual([
      ['a', 1, '2023-11-02T11:00:00.000Z', null],
      ['a', 2, '2023-11-02T12:00:00.000Z', '2023-11-02T12:00:00.000Z'],
      ['b', 1, null, null],
    ]);
    expect(plan.rows[1].title).toBe('Again');
  });

  it("ends versions already in the table with one supersede each, and builds corrections on the table's version", () => {
    const events = [
      corrected('a', 2, '2023-11-03T10:00:00Z', 'Second'),
      corrected('a', 3, '2023-11-03T11:00:00Z', 'Third'),
      retracted('b', 2, '2023-11-03T12:00:00Z'),
    ];
    expect(itemsToRead(events)).toEqual(['a', 'b']);
    const plan = planLoad(
      events,
      new Map([
        ['a', stored('a', 1, 'First')],
        ['b', stored('b', 1, 'Other')],
      ]),
    );
    expect(plan.supersede).toEqual([
      { id: 'a', version: 1, at: '2023-11-03T10:00:00.000Z', retracted: false },
      { id: 'b', version: 1, at: '2023-11-03T12:00:00.000Z', retracted: true },
    ]);
    expect(ends(plan.rows)).toEqual([
      ['a', 2, '2023-11-03T11:00:00.000Z', null],
      ['a', 3, null, null],
    ]);
    expect(plan.rows.map((r) => [r.title, r.recorded_at])).toEqual([
      ['Second', '2023-11-01T09:00:00.000Z'],
      ['Third', '2023-11-01T09:00:00.000Z'],
    ]);
  });

  it('ignores corrections and retractions of items with no current version: unknown, or retracted already', () => {
    const events = [
      corrected('unknown', 2, '2023-11-03T10:00:00Z', 'x'),
      retracted('unknown', 3, '2023-11-03T10:00:01Z'),
      retracted('a', 2, '2023-11-03T11:00:00Z'),
      corrected('a', 3, '2023-11-03T12:00:00Z', 'After'),
      retracted('a', 4, '2023-11-03T13:00:00Z'),
    ];
    const plan = planLoad(events, new Map([['a', stored('a', 1, 'First')]]));
    expect(plan.supersede).toEqual([{ id: 'a', version: 1, at: '2023-11-03T11:00:00.000Z', retracted: true }]);
    expect(plan.rows).toEqual([]);
  });

  it('reads each item once, and not those the batch records before changing them', () => {
    const events = [
      corrected('a', 2, '2023-11-03T10:00:00Z', 'x'),
      retracted('a', 3, '2023-11-03T11:00:00Z'),
      recorded('b', '2023-11-03T12:00:00Z'),
      corrected('b', 2, '2023-11-03T13:00:00Z', 'y'),
    ];
    expect(itemsToRead(events)).toEqual(['a']);
  });
});
