import { availableParallelism } from 'node:os';
import type { ClientConfig, PoolClient } from 'pg';
import type { Projection, Tables } from '../projection';
import { settleAll, withOwnConnection } from './own-connection';
import { indexNamesByDefinition } from './shadow-tables';

/** A shadow table's index, dropped before the load and built again after it. */
export interface DeferredIndex {
  table: string;
  /** The name the dropped shadow index had: free again, and unique (two unnamed builds at once can pick one name). */
  name: string;
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
  const names = projection.deferredIndexes ?? [];
  const byLiveName = new Map<string, DeferredIndex>();
  if (names.length === 0) return [];
  for (const table of projection.tables) {
    const inShadow = await indexNamesByDefinition(db, shadow[table]);
    for (const [definition, liveName] of await indexNamesByDefinition(db, table)) {
      const shadowName = inShadow.get(definition);
      if (!names.includes(liveName) || !shadowName) continue;
      await db.query(`DROP INDEX "${shadowName}"`);
      byLiveName.set(liveName, { table: shadow[table], name: shadowName, definition });
    }
  }
  // In the projection's order: the builds start in it.
  return names.flatMap((name) => byLiveName.get(name) ?? []);
}

/**
 * Builds the deferred indexes, in the order given (the projection lists the longest builds first, so that none
 * starts last and runs alone while the other cores idle), under their shadow names (the swap gives every index its
 * live name, matched by definition; left unnamed, two builds at once on one table could choose the same name and
 * fail), several at once: CREATE INDEX takes a SHARE lock, which other index builds on the same table share, and
 * each build uses one core. The connections are opened here, not taken from a pool that may be busy.
 */
export async function buildDeferredIndexes(
  connection: ClientConfig,
  deferred: readonly DeferredIndex[],
  builders = Math.min(4, Math.max(1, availableParallelism())),
): Promise<void> {
  const queue = [...deferred];
  const build = () =>
    withOwnConnection(connection, 'annals-rebuild-index', async (db) => {
      // A GIN build sorts in maintenance_work_mem; the default 64 MB spills a large timeline to disk several times.
      await db.query(`SET maintenance_work_mem = '256MB'`);
      for (let next = queue.shift(); next; next = queue.shift()) {
        await db.query(`CREATE INDEX "${next.name}" ON ${next.table} ${next.definition}`);
      }
    });
  await settleAll(Array.from({ length: Math.min(builders, queue.length) }, build));
}
