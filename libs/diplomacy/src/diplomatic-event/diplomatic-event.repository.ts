import { Injectable } from '@nestjs/common';
import { ConcurrencyError, type AppendResult, PostgresEventStore } from '@libs/event-store';
import { eventMetadata, type CommandMeta } from '../command-meta';
import {
  DiplomaticEventNotFoundError,
  DiplomaticEventVersionConflictError,
  SourceNotFoundError,
} from '../diplomacy.errors';
import { loadSource } from '../source/load-source';
import { publicationDate } from '../source/source.events';
import { diplomaticEventStream } from '../streams';
import { replay, type DiplomaticEventState } from './diplomatic-event';
import type { DiplomaticEventEvent } from './diplomatic-event.events';
import type { WriteResult } from './record-event.command';

/** Loads a diplomatic event's stream into state and appends decided events: the handlers' only I/O. */
@Injectable()
export class DiplomaticEventRepository {
  constructor(private readonly store: PostgresEventStore) {}

  async load(id: string): Promise<DiplomaticEventState> {
    const stored = await this.store.readStream(diplomaticEventStream(id));
    return replay(stored as unknown as DiplomaticEventEvent[]);
  }

  /** The stream's first event (the recording), with its log position. */
  async recorded(id: string): Promise<{ position: number; data: unknown }> {
    const [first] = await this.store.readStream(diplomaticEventStream(id), 1, 1);
    if (!first) throw new DiplomaticEventNotFoundError(id);
    return { position: first.position, data: first.data };
  }

  /** The anchor for relative dates: the source's publication date. Unknown source → a 400 naming the field. */
  async sourcePublishedOn(sourceId: string): Promise<string> {
    const source = await loadSource(this.store, sourceId);
    if (!source) throw new SourceNotFoundError(sourceId);
    return publicationDate(source);
  }

  async append(
    id: string,
    expectedVersion: number | 'no_stream',
    events: DiplomaticEventEvent[],
    meta: CommandMeta,
  ): Promise<WriteResult & { duplicate: boolean }> {
    let result: AppendResult;
    try {
      result = await this.store.append(
        diplomaticEventStream(id),
        expectedVersion,
        events.map((e) => ({ type: e.type, data: e.data, metadata: eventMetadata(meta) })),
        { idempotencyKey: meta.idempotencyKey },
      );
    } catch (error) {
      if (error instanceof ConcurrencyError) {
        throw new DiplomaticEventVersionConflictError(
          id,
          expectedVersion === 'no_stream' ? 0 : expectedVersion,
          error.currentVersion,
        );
      }
      throw error;
    }
    return { id, version: result.version, position: result.positions[0], duplicate: result.duplicate };
  }
}
