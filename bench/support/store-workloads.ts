import type { PostgresEventStore } from '../../libs/event-store/src/event-store';
import type { StreamAppend } from '../../libs/event-store/src/append-many';
import { concurrently, type Workload } from './measure';
import type { BenchPayload } from './payload';
import { EVENTS_PER_STREAM, slot, streamPrefix } from './streams';

/** One event per append, each writer on its own streams, expectedVersion tracked as a real caller would. */
export function storeAppendSingle(store: PostgresEventStore, writers: number, payload: BenchPayload): Workload {
  const key = `append${writers}`;
  return {
    key,
    label: `store.append, 1 event, ${writers} writer${writers > 1 ? 's' : ''}`,
    run: (until, round) =>
      concurrently(writers, async (writer) => {
        const prefix = streamPrefix(key, round, writer);
        let n = 0;
        for (; performance.now() < until; n++) {
          const { streamId, version } = slot(prefix, n);
          await store.append(streamId, version === 0 ? 'no_stream' : version, [
            { type: payload.type, data: payload.data, metadata: payload.metadata },
          ]);
        }
        return n;
      }),
  };
}

/** The import path: 1,000 events per call as 100 new streams x 10 events. */
export function storeAppendMany(store: PostgresEventStore, payload: BenchPayload, batchRows: number): Workload {
  return {
    key: 'appendMany',
    label: `store.appendMany, ${batchRows.toLocaleString('en-US')} events/call`,
    run: async (until, round) => {
      const prefix = streamPrefix('appendMany', round, 0);
      let n = 0;
      while (performance.now() < until) {
        const appends: StreamAppend[] = [];
        for (let i = 0; i < batchRows; i += EVENTS_PER_STREAM, n += EVENTS_PER_STREAM) {
          const event = { type: payload.type, data: payload.data, metadata: payload.metadata };
          const events = Array.from({ length: EVENTS_PER_STREAM }, () => event);
          appends.push({ streamId: slot(prefix, n).streamId, expectedVersion: 'no_stream', events });
        }
        const { written } = await store.appendMany(appends);
        if (written !== batchRows) throw new Error(`appendMany wrote ${written} of ${batchRows} events`);
      }
      return n;
    },
  };
}

/**
 * The COPY import path, laid out like appendMany's input (new streams of 10 events). 'stream': one import for
 * the whole run, against one raw COPY for the whole run; 'batch': one import per 1,000 events, against
 * 1,000-row COPYs.
 */
export function storeImport(store: PostgresEventStore, payload: BenchPayload, mode: 'stream' | 'batch'): Workload {
  const key = mode === 'stream' ? 'import' : 'import1000';
  const event = { type: payload.type, data: payload.data, metadata: payload.metadata };
  const events = Array.from({ length: EVENTS_PER_STREAM }, () => event);
  return {
    key,
    label: `store.importEvents (COPY), ${mode === 'stream' ? 'one import per run' : '1,000 events/call'}`,
    run: async (until, round) => {
      const prefix = streamPrefix(key, round, 0);
      let n = 0;
      function* streams(limit: number): Generator<StreamAppend> {
        for (let i = 0; i < limit && performance.now() < until; i += EVENTS_PER_STREAM, n += EVENTS_PER_STREAM) {
          yield { streamId: slot(prefix, n).streamId, expectedVersion: 'no_stream', events };
        }
      }
      if (mode === 'stream') {
        await store.importEvents(streams(Infinity));
      } else {
        while (performance.now() < until) await store.importEvents([...streams(1000)]);
      }
      return n;
    },
  };
}
