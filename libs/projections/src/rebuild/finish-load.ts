import type { ClientConfig, PoolClient } from 'pg';
import type { Projection, Tables } from '../projection';
import { buildDeferredIndexes, type DeferredIndex } from './bulk-load';
import { takeLiveChecksum, takeShadowChecksum, type EarlyChecksums } from './early-checksums';
import { settleAll, withOwnConnection } from './own-connection';
import { vacuumShadowTables } from './shadow-tables';

/*
 * Between a rebuild's load and its swap: the projection's finishLoad, the deferred index builds, VACUUM (ANALYZE)
 * of every shadow table, and both checksums, ordered so that the cores stay busy (every step is CPU-bound, and
 * most use one core). Two rounds:
 *   1. finishLoad (on the run's connection) ‖ VACUUM (ANALYZE) of the tables it does not write ‖ the live checksum;
 *   2. the deferred index builds, then VACUUM (ANALYZE) of the tables finishLoad wrote ‖ the shadow checksum.
 * VACUUM and CREATE INDEX take conflicting locks on a table, so each table's VACUUM comes before or after its index
 * builds, never beside them. Before costs less: VACUUM then has fewer indexes to scan, and the builds read pages
 * whose hint bits it has already set. ANALYZE needs an index only for statistics on its expression: a projection
 * that defers an index on an expression would need that table analysed again after the build (none does).
 */
export async function finishShadowTables(
  db: PoolClient,
  connection: ClientConfig,
  projection: Projection,
  shadow: Tables,
  deferred: readonly DeferredIndex[],
): Promise<EarlyChecksums> {
  const derived = new Set(projection.derivedTables ?? []);
  const tables = [...projection.tables];
  const [, , live] = await settleAll([
    projection.finishLoad ? projection.finishLoad(db, shadow) : Promise.resolve(),
    vacuumOnOwnConnection(
      connection,
      tables.filter((t) => !derived.has(t)),
      shadow,
    ),
    takeLiveChecksum(connection, projection),
  ]);
  const [, shadowChecksum] = await settleAll([
    buildDeferredIndexes(connection, deferred).then(() =>
      vacuumShadowTables(
        db,
        tables.filter((t) => derived.has(t)),
        shadow,
      ),
    ),
    takeShadowChecksum(connection, projection, shadow),
  ]);
  return { ...live, shadow: shadowChecksum };
}

async function vacuumOnOwnConnection(connection: ClientConfig, tables: string[], shadow: Tables): Promise<void> {
  if (tables.length === 0) return;
  await withOwnConnection(connection, 'annals-rebuild-vacuum', (db) => vacuumShadowTables(db, tables, shadow));
}
