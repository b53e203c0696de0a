import { Client, Pool } from 'pg';
import { PostgresEventStore, readLogHead } from '@libs/event-store';
import { ActorsProjection, RebuildService, TimelineProjection } from '@libs/projections';
import { migrate } from '@libs/platform';
import type { BenchDatabase } from './bench-database';
import { loadTimeline, type LoadFigures } from './load';
import { markAtLogHead } from './mark-at-head';

type Log = (line: string) => void;

/**
 * BENCH_DATABASE=<name>: a database on DATABASE_URL's server that the bench fills once and reuses (a million events
 * take minutes to load and to project). Created and migrated when missing; loaded only while its log is empty;
 * projected by a rebuild only when a projection's checkpoint is not at the log's head. Never dropped.
 */
export async function keptBenchDatabase(
  name: string,
  events: number,
  log: Log,
): Promise<{ db: BenchDatabase; load: LoadFigures | null; projected: boolean }> {
  if (!/^annals_bench\w*$/.test(name)) throw new Error(`BENCH_DATABASE must start with annals_bench, got "${name}"`);
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('BENCH_DATABASE needs DATABASE_URL (the server that keeps it)');
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new Client({ connectionString: serverUrl, application_name: 'annals-bench-read' });
  await admin.connect();
  let version: string;
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
    version = (await admin.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
  } finally {
    await admin.end();
  }
  const applied = await migrate(url.toString());
  if (applied.length > 0) log(`migrations applied to ${name}: ${applied.join(', ')}`);
  const pool = new Pool({ connectionString: url.toString(), max: 3, application_name: 'annals-bench-load' });
  try {
    const head = await readLogHead(pool);
    let load: LoadFigures | null = null;
    if (head.count === 0) load = await loadTimeline(new PostgresEventStore(pool), events);
    else log(`${name} holds ${head.count.toLocaleString('en-US')} events: not loaded again`);
    const projected = await projectToHead(pool, log);
    const db: BenchDatabase = {
      url: url.toString(),
      name,
      label: `DATABASE_URL PostgreSQL ${version}, kept database ${name}`,
      close: async () => undefined,
    };
    return { db, load, projected };
  } finally {
    await pool.end();
  }
}

/** Rebuilds each projection whose checkpoint is behind the log (a fresh load, or a new code version). */
async function projectToHead(pool: Pool, log: Log): Promise<boolean> {
  const store = new PostgresEventStore(pool);
  const projections = [new TimelineProjection(), new ActorsProjection()];
  let rebuilt = false;
  for (const projection of projections) {
    const { rows } = await pool.query<{ behind: boolean }>(
      // At the head with this code version, and put there by a rebuild that finished (not by markAtLogHead alone).
      `SELECT NOT EXISTS (
         SELECT 1 FROM projection_checkpoints c
          WHERE c.name = $1 AND c.code_version = $2
            AND (c.order_xid, c.position) >= (SELECT e.order_xid, e.position FROM events e
                                               ORDER BY e.order_xid DESC, e.position DESC LIMIT 1)
            AND EXISTS (SELECT 1 FROM projection_rebuilds r WHERE r.projection = c.name AND r.status = 'succeeded'
                          AND r.finished_at >= c.updated_at)) AS behind`,
      [projection.name, projection.codeVersion],
    );
    if (!rows[0].behind) continue;
    log(`rebuilding ${projection.name} (behind the log or an older code version)…`);
    // The swap first catches the live tables up from their checkpoint: at the head, the rebuilt tables replace them
    // as they are (what the live projector would have kept them at), instead of the log replayed twice.
    await markAtLogHead(pool, [projection]);
    const started = performance.now();
    const { done } = await new RebuildService(store, [projection]).start(projection.name, 'bench');
    const outcome = await done;
    log(`  ${outcome.events.toLocaleString('en-US')} events in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    rebuilt = true;
  }
  if (rebuilt)
    await pool.query(
      'VACUUM (ANALYZE) timeline_versions, timeline_sources, timeline_live_actors, actor_events, actors',
    );
  return rebuilt;
}
