import type { Pool, PoolClient } from 'pg';
import { LOG_START, type LogPosition } from '@libs/event-store';

export interface Checkpoint {
  position: LogPosition;
  codeVersion: number;
}

export async function readCheckpoint(db: Pool | PoolClient, name: string): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{ order_xid: string; position: string; code_version: number }>(
    `SELECT order_xid::text AS order_xid, position, code_version FROM projection_checkpoints WHERE name = $1`,
    [name],
  );
  if (rows.length === 0) return undefined;
  return {
    position: { orderXid: rows[0].order_xid, position: Number(rows[0].position) },
    codeVersion: rows[0].code_version,
  };
}

export async function ensureCheckpoint(db: Pool | PoolClient, name: string, codeVersion: number): Promise<Checkpoint> {
  await db.query(
    `INSERT INTO projection_checkpoints (name, code_version) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING`,
    [name, codeVersion],
  );
  return (await readCheckpoint(db, name)) ?? { position: LOG_START, codeVersion };
}

/**
 * Moves the checkpoint from `from` to `to`, inside the batch's transaction. Refuses (returns false) when the
 * checkpoint is no longer at `from`: another process applied these events already, so this batch must roll back.
 */
export async function advanceCheckpoint(
  tx: PoolClient,
  name: string,
  from: LogPosition,
  to: LogPosition,
): Promise<boolean> {
  // Named: once per batch of every projection, so parsed and planned once per connection.
  const { rowCount } = await tx.query({
    name: 'annals.advance-checkpoint.v1',
    text: `UPDATE projection_checkpoints SET order_xid = $4::xid8, position = $5, updated_at = now()
      WHERE name = $1 AND order_xid = $2::xid8 AND position = $3`,
    values: [name, from.orderXid, from.position, to.orderXid, to.position],
  });
  return rowCount === 1;
}

export async function setCheckpoint(tx: PoolClient, name: string, to: LogPosition, codeVersion: number): Promise<void> {
  await tx.query(
    `INSERT INTO projection_checkpoints (name, order_xid, position, code_version) VALUES ($1, $2::xid8, $3, $4)
     ON CONFLICT (name) DO UPDATE SET order_xid = EXCLUDED.order_xid, position = EXCLUDED.position,
       code_version = EXCLUDED.code_version, updated_at = now()`,
    [name, to.orderXid, to.position, codeVersion],
  );
}
