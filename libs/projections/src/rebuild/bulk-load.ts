import type { PoolClient } from 'pg';
import type { Projection, Tables } from '../projection';
import { indexNamesByDefinition } from './shadow-tables';

/** A shadow table's index, dropped before the load and built again after it. */
export interface DeferredIndex {
  table: string;
  /** "USING gin (search) WHERE (valid_to IS NULL)": what follows "CREATE INDEX name ON table". */
  definition: string;
}

/*
 * Shadow tables are private until the swap, so their secondary indexes need not be kept up to date row by row:
 * building a GIN index once over a loaded table is many times cheaper than inserting every row's entries into it
 * (measured on the timeline: the search, actors and countries GIN indexes were most of a rebuild's time). Only
 * the indexes a projection names (Projection.deferredIndexes) are deferred: its apply must never read through them.
 */
export async function deferIndexes(db: PoolClient, projection: Projection, shadow: Tables): Promise<DeferredIndex[]> {
  const names = new Set(projection.deferredIndexes ?? []);
  const deferred: DeferredIndex[] = [];
  if (names.size === 0) return deferred;
  for (const table of projection.tables) {
    const inShadow = await indexNamesByDefinition(db, shadow[table]);
    for (const [definition, liveName] of await indexNamesByDefinition(db, table)) {
      const shadowName = inShadow.get(definition);
      if (!names.has(liveName) || !shadowName) continue;
      await db.query(`DROP INDEX "${shadowName}"`);
      deferred.push({ table: shadow[table], definition });
    }
  }
  return deferred;
}

/** Builds the deferred indexes (unnamed: the swap gives every index its live name, matched by definition). */
export async function buildDeferredIndexes(db: PoolClient, deferred: readonly DeferredIndex[]): Promise<void> {
  if (deferred.length === 0) return;
  // A GIN build sorts in maintenance_work_mem; the default 64 MB spills a large timeline to disk several times.
  await db.query(`SET maintenance_work_mem = '256MB'`);
  try {
    for (const { table, definition } of deferred) await db.query(`CREATE INDEX ON ${table} ${definition}`);
  } finally {
    await db.query('RESET maintenance_work_mem');
  }
}
