import type { StreamKind } from '../command-handling';
import { DiplomaticEventVersionConflictError } from '../diplomacy.errors';
import { diplomaticEventStream } from '../streams';
import type { DiplomaticEventEvent } from './diplomatic-event.events';
import type { DiplomaticEventFacts } from './diplomatic-event.types';

/** A diplomatic event as its stream says it is now. */
export type DiplomaticEventState =
  | { status: 'none'; version: 0 }
  | { status: 'live' | 'retracted'; version: number; id: string; facts: DiplomaticEventFacts };

export const INITIAL_STATE: DiplomaticEventState = { status: 'none', version: 0 };

export function evolve(state: DiplomaticEventState, event: DiplomaticEventEvent): DiplomaticEventState {
  const version = state.version + 1;
  switch (event.type) {
    case 'DiplomaticEventRecorded': {
      const { id, ...facts } = event.data;
      return { status: 'live', version, id, facts };
    }
    case 'DiplomaticEventCorrected': {
      if (state.status === 'none') return state;
      return { ...state, version, facts: applyChanges(state.facts, event.data.changes) };
    }
    case 'DiplomaticEventRetracted':
      if (state.status === 'none') return state;
      return { ...state, version, status: 'retracted' };
  }
}

export function applyChanges(
  facts: DiplomaticEventFacts,
  changes: Extract<DiplomaticEventEvent, { type: 'DiplomaticEventCorrected' }>['data']['changes'],
): DiplomaticEventFacts {
  const { quote, ...rest } = changes;
  const next: DiplomaticEventFacts = { ...facts, ...rest };
  return quote === undefined ? next : { ...next, source: { ...facts.source, quote } };
}

/** Diplomatic event streams for the shared command path. */
export const DIPLOMATIC_EVENTS: StreamKind<DiplomaticEventState, DiplomaticEventEvent> = {
  streamName: diplomaticEventStream,
  initialState: INITIAL_STATE,
  evolve,
  versionConflict: (id, expected, current) => new DiplomaticEventVersionConflictError(id, expected, current),
};

export function replay(events: readonly DiplomaticEventEvent[]): DiplomaticEventState {
  return events.reduce(evolve, INITIAL_STATE);
}
