import type { Pool } from 'pg';
import { compareLogPositions, type LogPosition } from '@libs/event-store';
import { readCheckpoint, setCheckpoint } from '@libs/projections';

/**
 * Sets each projection's checkpoint to the log's last event, as if the live projector had kept up with it; one
 * already there (same code version) is left as it is, so kept-database.ts still sees it was put there by a rebuild.
 */
export async function markAtLogHead(
  pool: Pool,
  projections: readonly { name: string; codeVersion: number }[],
): Promise<void> {
  const { rows } = await pool.query<{ order_xid: string; position: string }>(
    // ORDER BY the columns, not the text alias of the same name: as text, "999" comes after "1240".
    `SELECT e.order_xid::text AS order_xid, e.position FROM events e
      ORDER BY e.order_xid DESC, e.position DESC LIMIT 1`,
  );
  const head: LogPosition = { orderXid: rows[0].order_xid, position: Number(rows[0].position) };
  const db = await pool.connect();
  try {
    for (const p of projections) {
      const at = await readCheckpoint(db, p.name);
      if (at?.codeVersion === p.codeVersion && compareLogPositions(at.position, head) === 0) continue;
      await setCheckpoint(db, p.name, head, p.codeVersion);
    }
  } finally {
    db.release();
  }
}
