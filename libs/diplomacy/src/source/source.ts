import type { StreamKind } from '../command-handling';
import { InvalidDiplomaticEventError } from '../diplomacy.errors';
import { sourceStream } from '../streams';
import type { SourceEvent, SourceRegistered } from './source.events';

/** A source as its stream says it is: registered once, never changed. */
export type SourceState = { status: 'none' } | { status: 'registered'; facts: SourceRegistered['data'] };

export const SOURCES: StreamKind<SourceState, SourceEvent> = {
  streamName: sourceStream,
  initialState: { status: 'none' },
  evolve: (_state, event) => ({ status: 'registered', facts: event.data }),
  versionConflict: (id) => new InvalidDiplomaticEventError({ id: `source ${id} already exists` }),
};
