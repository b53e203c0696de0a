import type { PoolClient } from 'pg';
import type { Tables } from '../projection';

/** Fresh, empty copies of the live tables (createTableLike), dropping any left over. */
export async function createShadowTables(db: PoolClient, live: string[], shadow: Tables): Promise<void> {
  for (const table of live) {
    await db.query(`DROP TABLE IF EXISTS ${shadow[table]}`);
    await createTableLike(db, table, shadow[table]);
  }
}

/**
 * An empty table shaped like `from`: columns, defaults, indexes, constraints and storage parameters. LIKE … INCLUDING
 * ALL copies no storage parameters (WITH (…): toast_tuple_target, fillfactor, autovacuum settings), so a swap would
 * quietly drop those a migration set on a live table: its own and its TOAST table's are copied after it, as
 * PostgreSQL itself accepted and stores them in pg_class.
 */
export async function createTableLike(db: Pick<PoolClient, 'query'>, from: string, to: string): Promise<void> {
  await db.query(`CREATE TABLE ${to} (LIKE ${from} INCLUDING ALL)`);
  const { rows } = await db.query<{ table: string[] | null; toast: string[] | null }>(
    `SELECT c.reloptions AS table, t.reloptions AS toast
       FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid
      WHERE c.oid = $1::regclass`,
    [from],
  );
  const options = [...(rows[0]?.table ?? []), ...(rows[0]?.toast ?? []).map((option) => `toast.${option}`)];
  if (options.length > 0) await db.query(`ALTER TABLE ${to} SET (${options.join(', ')})`);
}

export async function dropShadowTables(db: PoolClient, live: string[], shadow: Tables): Promise<void> {
  for (const table of live) await db.query(`DROP TABLE IF EXISTS ${shadow[table]}`);
}

/**
 * VACUUM (ANALYZE) of the shadow tables before they become the live ones. A table a rebuild has just filled has no
 * planner statistics (the planner takes a million rows for a few hundred) and no visibility map (every index-only
 * scan goes to the heap, and the first reads of each page set its hint bits, writing it again). Measured at 1M
 * events: a country and year count walked the date index through 31,388 rows, 530 ms, where with statistics it ANDs
 * two bitmaps, 26 ms; an actor's count (an index-only range of timeline_live_actors) fetched each entry's heap row
 * until the map was set. Autovacuum would get there some time after the swap, or never where it is off; statistics
 * and map follow each table through its rename. It reads each table once (VACUUM of the 1M timeline_versions: 4.8 s
 * on the bench machine). Outside any transaction (VACUUM refuses one).
 */
export async function vacuumShadowTables(db: PoolClient, live: string[], shadow: Tables): Promise<void> {
  if (live.length === 0) return; // VACUUM with no table names vacuums the whole database
  await db.query(`VACUUM (ANALYZE) ${live.map((table) => shadow[table]).join(', ')}`);
}

/**
 * Inside the caller's transaction: the shadow tables take the live names; readers switch at COMMIT. Their indexes
 * take the live indexes' names too (matched by definition), so a migration that names an index works the same on
 * a database that has been rebuilt any number of times.
 */
export async function swapShadowTables(tx: PoolClient, live: string[], shadow: Tables): Promise<void> {
  for (const table of live) {
    const liveNames = await indexNamesByDefinition(tx, table);
    await tx.query(`ALTER TABLE ${table} RENAME TO ${table}__old`);
    await tx.query(`ALTER TABLE ${shadow[table]} RENAME TO ${table}`);
    await tx.query(`DROP TABLE ${table}__old`);
    for (const [definition, name] of await indexNamesByDefinition(tx, table)) {
      const wanted = liveNames.get(definition);
      if (wanted && wanted !== name) await tx.query(`ALTER INDEX "${name}" RENAME TO "${wanted}"`);
    }
  }
}

/** "USING btree (date_start, date_end, id) WHERE …" → index name, for one table. */
export async function indexNamesByDefinition(db: PoolClient, table: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ indexname: string; indexdef: string }>(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
    [table],
  );
  return new Map(rows.map((r) => [r.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, ''), r.indexname]));
}
