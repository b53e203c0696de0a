import type { Pool, PoolClient } from 'pg';

export interface RebuildRecord {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  reason: string;
  startedAt: string;
  finishedAt: string | null;
  events: number;
  total: number;
  checksum: string | null;
  liveChecksum: string | null;
  drift: boolean | null;
  error: string | null;
}

export async function startRebuildRecord(
  db: Pool | PoolClient,
  id: string,
  projection: string,
  reason: string,
  total: number,
) {
  await db.query(
    `INSERT INTO projection_rebuilds (id, projection, status, reason, total) VALUES ($1, $2, 'running', $3, $4)`,
    [id, projection, reason, total],
  );
}

export async function updateRebuildProgress(db: Pool | PoolClient, id: string, events: number) {
  await db.query(`UPDATE projection_rebuilds SET events = $2 WHERE id = $1`, [id, events]);
}

export async function finishRebuildRecord(
  db: Pool | PoolClient,
  id: string,
  outcome:
    | { status: 'succeeded'; events: number; checksum: string; liveChecksum: string; drift: boolean }
    | { status: 'failed'; error: string },
) {
  if (outcome.status === 'succeeded') {
    await db.query(
      `UPDATE projection_rebuilds SET status = 'succeeded', finished_at = now(), events = $2, checksum = $3,
         live_checksum = $4, drift = $5 WHERE id = $1`,
      [id, outcome.events, outcome.checksum, outcome.liveChecksum, outcome.drift],
    );
  } else {
    await db.query(`UPDATE projection_rebuilds SET status = 'failed', finished_at = now(), error = $2 WHERE id = $1`, [
      id,
      outcome.error.slice(0, 2000),
    ]);
  }
}

/** Called while holding the rebuild lock: any "running" rebuild left behind belongs to a process that died. */
export async function markInterruptedRebuilds(db: PoolClient) {
  await db.query(
    `UPDATE projection_rebuilds SET status = 'failed', finished_at = now(),
       error = 'interrupted: the process running it stopped' WHERE status = 'running'`,
  );
}

export async function lastRebuild(db: Pool, projection: string): Promise<RebuildRecord | null> {
  const { rows } = await db.query(
    `SELECT id, status, reason, started_at, finished_at, events, total, checksum, live_checksum, drift, error
       FROM projection_rebuilds WHERE projection = $1 ORDER BY started_at DESC LIMIT 1`,
    [projection],
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    status: r.status,
    reason: r.reason,
    startedAt: r.started_at.toISOString(),
    finishedAt: r.finished_at?.toISOString() ?? null,
    events: Number(r.events),
    total: Number(r.total),
    checksum: r.checksum,
    liveChecksum: r.live_checksum,
    drift: r.drift,
    error: r.error,
  };
}
