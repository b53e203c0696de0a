import type { StreamKind } from '../command-handling';
import { InvalidDiplomaticEventError } from '../diplomacy.errors';
import { sourceStream } from '../streams';
import type { SourceEvent, SourceRegistered } from './source.events';

/** A source as its stream says it is: registered once; later events (decisions, redaction) leave its facts. */
export type SourceState = { status: 'none' } | { status: 'registered'; facts: SourceRegistered['data'] };

export const SOURCES: StreamKind<SourceState, SourceEvent> = {
  streamName: sourceStream,
  initialState: { status: 'none' },
  evolve: (state, event) => (event.type === 'SourceRegistered' ? { status: 'registered', facts: event.data } : state),
  versionConflict: (id) => new InvalidDiplomaticEventError({ id: `source ${id} already exists` }),
};
