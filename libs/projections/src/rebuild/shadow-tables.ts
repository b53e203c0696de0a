import type { PoolClient } from 'pg';
import type { Tables } from '../projection';

/** Fresh, empty copies of the live tables (columns, defaults, indexes, constraints), dropping any left over. */
export async function createShadowTables(db: PoolClient, live: string[], shadow: Tables): Promise<void> {
  for (const table of live) {
    await db.query(`DROP TABLE IF EXISTS ${shadow[table]}`);
    await db.query(`CREATE TABLE ${shadow[table]} (LIKE ${table} INCLUDING ALL)`);
  }
}

export async function dropShadowTables(db: PoolClient, live: string[], shadow: Tables): Promise<void> {
  for (const table of live) await db.query(`DROP TABLE IF EXISTS ${shadow[table]}`);
}

/** Inside the caller's transaction: the shadow tables take the live names; readers switch at COMMIT. */
export async function swapShadowTables(tx: PoolClient, live: string[], shadow: Tables): Promise<void> {
  for (const table of live) {
    await tx.query(`ALTER TABLE ${table} RENAME TO ${table}__old`);
    await tx.query(`ALTER TABLE ${shadow[table]} RENAME TO ${table}`);
    await tx.query(`DROP TABLE ${table}__old`);
  }
}
