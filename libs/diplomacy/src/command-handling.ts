import { Injectable } from '@nestjs/common';
import { ConcurrencyError, PostgresEventStore, type StoredEvent } from '@libs/event-store';
import { eventMetadata, type CommandMeta } from './command-meta';
import { IdempotencyKeyReusedError } from './diplomacy.errors';

/** A domain event as decide returns it: a type and its data. */
export interface DomainEvent {
  type: string;
  data: unknown;
}

/** What the shared path needs to know of a kind of stream (Emmett's `{ evolve, initialState }`). */
export interface StreamKind<State, Event extends DomainEvent> {
  streamName(id: string): string;
  initialState: State;
  evolve(state: State, event: Event): State;
  /** The stream is not at `expected` (`expected` 0: it should not exist yet), in the domain's words. */
  versionConflict(id: string, expected: number, current: number): Error;
}

export interface WriteResult {
  id: string;
  version: number;
  position: number;
}

export interface HandleOptions {
  meta: CommandMeta;
  /** A number: the stream must be at it (checked once it exists; decide says what a missing one means). */
  expectedVersion?: number | 'no_stream';
}

/**
 * The one path of every command: load the stream → decide on its state → append with the expected version.
 * A retry with an Idempotency-Key that already wrote is answered here, the same way for every command: decide
 * again on the state before the first attempt, and return the first result if it decides the same events
 * (a different body under the same key is refused, never silently dropped).
 */
@Injectable()
export class CommandHandling {
  constructor(private readonly store: PostgresEventStore) {}

  async handle<State, Event extends DomainEvent>(
    kind: StreamKind<State, Event>,
    id: string,
    options: HandleOptions,
    decide: (state: State) => Event[] | Promise<Event[]>,
  ): Promise<WriteResult> {
    const { meta, expectedVersion } = options;
    const stored = await this.store.readStream(kind.streamName(id));
    const firstAttempt = meta.idempotencyKey
      ? stored.findIndex((e) => e.metadata.idempotencyKey === meta.idempotencyKey)
      : -1;
    if (firstAttempt >= 0) return this.replay(kind, id, stored, firstAttempt, meta.idempotencyKey as string, decide);

    const state = fold(kind, stored);
    const version = stored.length === 0 ? 0 : stored[stored.length - 1].version;
    if (typeof expectedVersion === 'number' && version > 0 && version !== expectedVersion) {
      throw kind.versionConflict(id, expectedVersion, version);
    }
    const events = await decide(state);
    const expected = expectedVersion ?? (version === 0 ? 'no_stream' : version);
    try {
      const result = await this.store.append(
        kind.streamName(id),
        expected,
        events.map((e) => ({ type: e.type, data: e.data, metadata: eventMetadata(meta) })),
        { idempotencyKey: meta.idempotencyKey },
      );
      return { id, version: result.version, position: result.positions[0] };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      throw kind.versionConflict(id, expected === 'no_stream' ? 0 : expected, error.currentVersion);
    }
  }

  private async replay<State, Event extends DomainEvent>(
    kind: StreamKind<State, Event>,
    id: string,
    stored: StoredEvent[],
    firstAttempt: number,
    key: string,
    decide: (state: State) => Event[] | Promise<Event[]>,
  ): Promise<WriteResult> {
    const written = stored.filter((e) => e.metadata.idempotencyKey === key);
    const again = await decide(fold(kind, stored.slice(0, firstAttempt)));
    const same =
      again.length === written.length &&
      again.every((e, i) => e.type === written[i].type && canonicalJson(e.data) === canonicalJson(written[i].data));
    if (!same) throw new IdempotencyKeyReusedError(key);
    return { id, version: written[written.length - 1].version, position: written[0].position };
  }
}

function fold<State, Event extends DomainEvent>(kind: StreamKind<State, Event>, stored: StoredEvent[]): State {
  return stored.reduce((state, e) => kind.evolve(state, { type: e.type, data: e.data } as Event), kind.initialState);
}

/** JSON with object keys sorted, so that jsonb's key order does not make equal values look different. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}
