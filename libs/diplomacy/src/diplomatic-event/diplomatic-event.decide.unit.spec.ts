import { describe, expect, it } from '@jest/globals';
import {
  DiplomaticEventNotFoundError,
  DiplomaticEventRetractedError,
  InvalidDiplomaticEventError,
} from '../diplomacy.errors';
import { INITIAL_STATE, replay } from './diplomatic-event';
import { decideCorrect, decideRecord, decideRetract } from './diplomatic-event.decide';
import type { DiplomaticEventEvent } from './diplomatic-event.events';
import type { DiplomaticEventInput } from './diplomatic-event.types';

const ID = '00000000-0000-4000-8000-000000000001';
const context = { sourcePublishedOn: '2023-11-01' };
const input: DiplomaticEventInput = {
  type: '042',
  title: 'Macron meets Tokayev',
  actors: [
    { id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' },
    { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', country: 'KAZ', role: 'target' },
  ],
  location: { name: 'Astana', country: 'KAZ' },
  date: { expression: 'يوم الأربعاء' },
  status: 'occurred',
  source: { sourceId: '00000000-0000-4000-8000-0000000000aa', quote: 'التقى' },
};

/** given(events).when(decision) → new events, through evolve. */
const given = (...events: DiplomaticEventEvent[]) => replay(events);
const recorded = () => decideRecord(ID, input, INITIAL_STATE, context)[0];

describe('decideRecord', () => {
  it('resolves the date against the source publication date and stores words and result', () => {
    expect(recorded()).toEqual({
      type: 'DiplomaticEventRecorded',
      data: expect.objectContaining({
        id: ID,
        summary: null,
        date: {
          expression: 'يوم الأربعاء',
          anchor: '2023-11-01',
          direction: 'past',
          start: '2023-11-01',
          end: '2023-11-01',
          precision: 'day',
          timex: '2023-11-01',
        },
      }),
    });
  });

  it('uses an explicit anchor and direction over the source date', () => {
    const [event] = decideRecord(
      ID,
      { ...input, date: { expression: 'يومي الخميس والجمعة', anchor: '2023-11-01', direction: 'future' } },
      INITIAL_STATE,
      context,
    );
    expect(event.data.date).toMatchObject({ start: '2023-11-02', end: '2023-11-03', timex: '2023-11-02/2023-11-03' });
  });

  it.each([
    [{ type: '999' }, 'type'],
    [{ actors: [] }, 'actors'],
    [{ actors: [{ id: 'x', name: 'X', country: 'XXX', role: 'initiator' }] }, 'actors.0.country'],
    [{ date: { expression: 'whenever' } }, 'date.expression'],
    [{ date: { start: '2023-02-29' } }, 'date.start'],
    [{ status: 'maybe' }, 'status'],
    [{ title: ' ' }, 'title'],
  ])('refuses %j naming %s', (override, field) => {
    const attempt = () =>
      decideRecord(ID, { ...input, ...(override as object) } as DiplomaticEventInput, INITIAL_STATE, context);
    expect(attempt).toThrow(InvalidDiplomaticEventError);
    try {
      attempt();
    } catch (error) {
      expect(Object.keys((error as InvalidDiplomaticEventError).fields)).toContain(field);
    }
  });

  it('refuses to record twice into one stream', () => {
    expect(() => decideRecord(ID, input, given(recorded()), context)).toThrow(InvalidDiplomaticEventError);
  });
});

describe('decideCorrect and evolve', () => {
  it('keeps only real changes, resolves a new date once, and evolve applies them', () => {
    const [corrected] = decideCorrect(
      ID,
      { title: 'Macron meets Tokayev', status: 'cancelled', date: { start: '2023-11-02' }, quote: 'new quote' },
      'why',
      given(recorded()),
      context,
    );
    expect(corrected.data.changes).toEqual({
      status: 'cancelled',
      quote: 'new quote',
      date: {
        expression: null,
        anchor: null,
        direction: null,
        start: '2023-11-02',
        end: '2023-11-02',
        precision: 'day',
        timex: '2023-11-02',
      },
    });
    const state = given(recorded(), corrected);
    expect(state).toMatchObject({
      status: 'live',
      version: 2,
      facts: { status: 'cancelled', title: 'Macron meets Tokayev', source: { quote: 'new quote' } },
    });
  });

  it('refuses a correction that changes nothing, or has no reason', () => {
    expect(() => decideCorrect(ID, { title: input.title }, 'why', given(recorded()), context)).toThrow(
      /at least one field/,
    );
    expect(() => decideCorrect(ID, { title: 'x' }, '', given(recorded()), context)).toThrow(/reason/);
  });

  it('ignores keys present with undefined instead of erasing facts', () => {
    const [corrected] = decideCorrect(
      ID,
      { title: 'New', summary: undefined, actors: undefined },
      'why',
      given(recorded()),
      context,
    );
    expect(Object.keys(corrected.data.changes)).toEqual(['title']);
  });

  it('refuses unknown and retracted events', () => {
    expect(() => decideCorrect(ID, { title: 'x' }, 'why', INITIAL_STATE, context)).toThrow(
      DiplomaticEventNotFoundError,
    );
    const retracted = given(recorded(), ...decideRetract(ID, 'duplicate', given(recorded())));
    expect(retracted).toMatchObject({ status: 'retracted', version: 2 });
    expect(() => decideCorrect(ID, { title: 'x' }, 'why', retracted, context)).toThrow(DiplomaticEventRetractedError);
    expect(() => decideRetract(ID, 'again', retracted)).toThrow(DiplomaticEventRetractedError);
  });
});
