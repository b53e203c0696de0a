import type { Pool } from 'pg';
import { getPostgreSQLEventStore, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { concurrently, type Workload } from './measure';
import type { BenchPayload } from './payload';
import { slot, streamPrefix } from './streams';

/**
 * Emmett (a TypeScript Postgres event store) on the same database and the same pool as the raw and Annals rows,
 * so the comparison differs only in what each store sends. Emmett keeps its own tables (emt_*), created on the
 * first append, which the warm-up pays for.
 */
export type EmmettStore = PostgresEventStore;

export function openEmmett(connectionString: string, pool: Pool): EmmettStore {
  return getPostgreSQLEventStore(connectionString, { connectionOptions: { pool } });
}

/** One event per appendToStream, each writer on its own streams, expected version tracked as for Annals. */
export function emmettAppendSingle(store: PostgresEventStore, writers: number, payload: BenchPayload): Workload {
  const key = `emmett${writers}`;
  return {
    key,
    label: `Emmett appendToStream, 1 event, ${writers} writer${writers > 1 ? 's' : ''}`,
    run: (until, round) =>
      concurrently(writers, async (writer) => {
        const prefix = streamPrefix(key, round, writer);
        let n = 0;
        for (; performance.now() < until; n++) {
          const { streamId, version } = slot(prefix, n);
          const event = { type: payload.type, data: { ...payload.data }, metadata: { ...payload.metadata } };
          await store.appendToStream(streamId, [event], {
            expectedStreamVersion: version === 0 ? STREAM_DOES_NOT_EXIST : BigInt(version),
          });
        }
        return n;
      }),
  };
}
