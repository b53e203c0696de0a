import { Pool } from 'pg';
import { PostgresEventStore } from '@libs/event-store';
import { migrate } from '@libs/platform';
import { RebuildService, TimelineProjection } from '@libs/projections';
import { OwnCluster, postgresBinaries } from '../../test/support/own-cluster';
import { startChildServer } from './support/child';
import { hammer, probe, type HttpFigures } from './support/http-load';
import { loadTimeline } from './support/load';

/*
 * npm run bench:replica — GET /api/timeline throughput with reads on the primary alone, then on a streaming
 * replica (READ_DATABASE_URL), same API process settings, same data. Starts its own primary and standby with
 * Debian's PostgreSQL binaries in temporary folders and removes them after. REPLICA_EVENTS sets the log size.
 */
const EVENTS = Number(process.env.REPLICA_EVENTS ?? 100_000);
const CONNECTIONS = 50;
const SECONDS = 8;
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  if (!postgresBinaries(['initdb', 'pg_ctl', 'pg_basebackup']))
    throw new Error('bench:replica needs initdb, pg_ctl and pg_basebackup under /usr/lib/postgresql/<version>/bin');
  const primary = await OwnCluster.create();
  let standby: OwnCluster | undefined;
  try {
    const url = await primary.createDatabase('annals');
    await migrate(url);
    await fill(url);
    standby = await OwnCluster.standbyOf(primary);
    await OwnCluster.caughtUp(primary, standby);
    const rows: [string, HttpFigures][] = [];
    for (const [label, replicas] of [
      ['primary only', undefined],
      ['primary + 1 streaming replica (READ_DATABASE_URL)', standby.url('annals')],
      ['primary only (again)', undefined],
    ] as const) {
      if (replicas) process.env.READ_DATABASE_URL = replicas;
      else delete process.env.READ_DATABASE_URL;
      const api = await startChildServer<{ url: string }, { baseUrl: string }>('api.child.js', { url });
      try {
        const target = `${api.info.baseUrl}/api/timeline?limit=50`;
        await probe(target);
        await hammer(target, CONNECTIONS, 2); // warm-up: plans, caches, JIT
        rows.push([label, await hammer(target, CONNECTIONS, SECONDS)]);
        log(`${label}: done`);
      } finally {
        await api.stop();
      }
    }
    process.stdout.write(
      `\nGET /api/timeline?limit=50, ${EVENTS.toLocaleString('en-US')} events, ${CONNECTIONS} connections, ${SECONDS} s\n\n`,
    );
    process.stdout.write('| reads from | req/s | p50 ms | p99 ms | failures |\n|---|---:|---:|---:|---:|\n');
    for (const [label, f] of rows) {
      process.stdout.write(
        `| ${label} | ${Math.round(f.requestsPerSecond).toLocaleString('en-US')} | ${f.p50Ms} | ${f.p99Ms} | ${f.failures} |\n`,
      );
    }
  } finally {
    await standby?.remove();
    await primary.remove();
  }
}

async function fill(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 3 });
  try {
    const store = new PostgresEventStore(pool);
    await loadTimeline(store, EVENTS);
    const timeline = new TimelineProjection();
    const { done } = await new RebuildService(store, [timeline]).start('timeline', 'bench:replica');
    await done;
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
