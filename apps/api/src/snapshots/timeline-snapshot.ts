import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, renameSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { finished } from 'node:stream/promises';
import type { Pool, PoolClient } from 'pg';
import { ITEM_COLUMNS, toItem, type ItemRow } from '@libs/projections';

/** Items read per query: a snapshot of a million items never holds more than this in memory. */
const BATCH = 1000;

export interface SnapshotHeader {
  annalsSnapshot: 1;
  /** The UTC day the snapshot was taken: the file's name. */
  date: string;
  takenAt: string;
  /** The timeline's checkpoint: the snapshot holds every change up to it; follow /api/changes?after=<position>. */
  position: number;
  items: number;
}

export interface WrittenSnapshot {
  file: string;
  checksumFile: string;
  sha256: string;
  header: SnapshotHeader;
}

/**
 * `annals-<date>.ndjson` in `folder`: a header line, then every current timeline item (as GET /api/timeline
 * gives it) in date order, all read in one REPEATABLE READ transaction so that the items and the position agree;
 * and `annals-<date>.ndjson.sha256` in `sha256sum` format, so `sha256sum -c` checks a download.
 */
export async function writeTimelineSnapshot(pool: Pool, folder: string, now = new Date()): Promise<WrittenSnapshot> {
  const date = now.toISOString().slice(0, 10);
  const file = join(folder, `annals-${date}.ndjson`);
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  const hash = createHash('sha256');
  const write = async (text: string) => {
    hash.update(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const client = await pool.connect();
  let header: SnapshotHeader;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    header = { annalsSnapshot: 1, date, takenAt: now.toISOString(), ...(await positionAndCount(client)) };
    await write(`${JSON.stringify(header)}\n`);
    for await (const rows of itemBatches(client))
      await write(rows.map((r) => `${JSON.stringify(toItem(r))}\n`).join(''));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    out.destroy();
    throw error;
  } finally {
    client.release();
  }
  out.end();
  await finished(out);
  renameSync(partial, file);
  const sha256 = hash.digest('hex');
  const checksumFile = `${file}.sha256`;
  writeFileSync(checksumFile, `${sha256}  ${basename(file)}\n`);
  return { file, checksumFile, sha256, header };
}

async function positionAndCount(db: PoolClient): Promise<{ position: number; items: number }> {
  const { rows } = await db.query<{ position: string | null; items: string }>(
    `SELECT (SELECT position FROM projection_checkpoints WHERE name = 'timeline') AS position,
            (SELECT count(*) FROM timeline_versions WHERE valid_to IS NULL) AS items`,
  );
  return { position: Number(rows[0].position ?? 0), items: Number(rows[0].items) };
}

/** The current items in the timeline's date order, by keyset, a batch at a time. */
async function* itemBatches(db: PoolClient): AsyncGenerator<ItemRow[]> {
  let after: [string, string, string] | undefined;
  for (;;) {
    const { rows } = await db.query<ItemRow>(
      `SELECT ${ITEM_COLUMNS} FROM timeline_versions v LEFT JOIN timeline_sources s ON s.id = v.source_id
       WHERE v.valid_to IS NULL ${after ? 'AND (v.date_start, v.date_end, v.id) > ($2::date, $3::date, $4::uuid)' : ''}
       ORDER BY v.date_start, v.date_end, v.id LIMIT $1`,
      after ? [BATCH, ...after] : [BATCH],
    );
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1];
    after = [last.date_start, last.date_end, last.id];
  }
}
