import { randomUUID } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { DiplomaticEventFacts } from '@libs/diplomacy';
import type { StoredEvent } from '@libs/event-store';
import type { ApplyMode, Projection, Tables } from '../projection';

/*
 * Given events → expected rows, on real Postgres, without the store, the projector or HTTP: the projection
 * writes into temporary copies of its live tables (same columns and indexes), seen only by this session and
 * dropped with it, so a spec never meets another spec's rows.
 */

let position = 0;

/** The facts of a diplomatic event (the seed article's meeting), with `overrides`; every call names `sourceId`. */
export function timelineFacts(sourceId: string, overrides: Partial<DiplomaticEventFacts> = {}): DiplomaticEventFacts {
  return {
    type: '042',
    title: 'Macron visits Kazakhstan',
    summary: 'A state visit.',
    actors: [
      { id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' },
      { id: 'kassym-jomart-tokayev', name: 'Kassym-Jomart Tokayev', country: 'KAZ', role: 'target' },
    ],
    location: { name: 'Astana', country: 'KAZ' },
    date: {
      expression: 'يوم الأربعاء',
      anchor: '2023-11-01',
      direction: 'past',
      start: '2023-11-01',
      end: '2023-11-01',
      precision: 'day',
      timex: '2023-11-01',
    },
    status: 'occurred',
    source: { sourceId, quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان' },
    ...overrides,
  };
}

/** A stored event as the log would hand it to a projection. */
export function storedEvent(
  type: string,
  data: { id: string },
  version: number,
  recordedAt: string,
  streamPrefix = 'diplomatic-event-',
): StoredEvent {
  position += 1;
  return {
    eventId: randomUUID(),
    streamId: `${streamPrefix}${data.id}`,
    version,
    position,
    logPosition: { orderXid: '1', position },
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'spec' },
    recordedAt: new Date(recordedAt),
  };
}

export interface Scratch {
  db: PoolClient;
  tables: Tables;
  /**
   * Applies events in one transaction, as the projector does with a batch; 'load' then finishes as a rebuild's load
   * does (finishLoad).
   */
  given(events: readonly StoredEvent[], mode?: ApplyMode): Promise<void>;
  rows<T>(table: string, orderBy: string, columns?: string): Promise<T[]>;
  release(): Promise<void>;
}

/** Empty scratch copies of `projection`'s tables on one connection of `pool`; `suffix` tells two sets apart. */
export async function scratchTables(pool: Pool, projection: Projection, suffix = 'spec'): Promise<Scratch> {
  const db = await pool.connect();
  const tables: Tables = Object.fromEntries(projection.tables.map((t) => [t, `${t}__${suffix}`]));
  for (const table of projection.tables) {
    await db.query(`CREATE TEMP TABLE ${tables[table]} (LIKE ${table} INCLUDING ALL)`);
  }
  return {
    db,
    tables,
    async given(events, mode = 'live') {
      await db.query('BEGIN');
      await projection.apply(db, events, tables, mode);
      if (mode === 'load') await projection.finishLoad?.(db, tables);
      await db.query('COMMIT');
    },
    async rows<T>(table: string, orderBy: string, columns = '*') {
      return (await db.query(`SELECT ${columns} FROM ${tables[table]} ORDER BY ${orderBy}`)).rows as T[];
    },
    async release() {
      for (const table of projection.tables) await db.query(`DROP TABLE IF EXISTS ${tables[table]}`);
      db.release();
    },
  };
}
