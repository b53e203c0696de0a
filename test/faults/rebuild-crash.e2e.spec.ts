import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client, Pool } from 'pg';
import { PostgresEventStore } from '@libs/event-store';
import { liveTables, TimelineProjection } from '@libs/projections';
import { aSourceBody } from '../builders/diplomatic-event.builder';
import { bulkRecordedEvents } from '../builders/bulk-events';
import { OwnCluster } from '../support/own-cluster';
import { buildIfStale, freePort, pollUntil, ProcessGroup, sleep, waitForHealth } from '../support/processes';

const TOKEN = 'fault-suite-admin-token-0123456789';
const EVENTS = 12_000;
const auth = { authorization: `Bearer ${TOKEN}` };

interface RebuildRecord {
  id: string;
  status: string;
  events: number;
  total: number;
  checksum: string | null;
  liveChecksum: string | null;
  drift: boolean | null;
  error: string | null;
}

/**
 * (b) PostgreSQL is killed while a rebuild fills its shadow tables: the live timeline must stay as it was, the
 * rebuild must end up marked failed with its shadow tables gone (cleaned up by the process once the database is
 * back), and the next rebuild must succeed with the live tables' checksum.
 */
describe('PostgreSQL killed during a rebuild', () => {
  const processes = new ProcessGroup();
  let cluster: OwnCluster;
  let databaseUrl: string;
  let baseUrl: string;

  beforeAll(async () => {
    buildIfStale(['api']);
    cluster = await OwnCluster.create();
    databaseUrl = await cluster.createDatabase('annals_fault_rebuild');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const api = processes.start('rebuild-api', 'api', {
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: TOKEN,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      PROJECTION_REBUILD_CRON: '0 0 1 1 *',
    });
    await waitForHealth(api, baseUrl, 60_000);
  }, 240_000);

  afterAll(async () => {
    await processes.killAll();
    await cluster?.remove();
  });

  const timelineStatus = async () => {
    const res = await fetch(`${baseUrl}/api/admin/projections`, { headers: auth }).catch(() => undefined);
    if (res?.status !== 200) return undefined;
    const body = (await res.json()) as {
      projections: {
        name: string;
        lag: number;
        lastRebuild: RebuildRecord;
        rebuild: { id: string; percent: number; eventsPerSecond: number; etaSeconds: number | null } | null;
      }[];
    };
    return body.projections.find((p) => p.name === 'timeline');
  };

  async function liveChecksum(): Promise<{ checksum: string; rows: number }> {
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    const client = await pool.connect();
    try {
      const projection = new TimelineProjection();
      const checksum = await projection.checksum(client, liveTables(projection));
      const { rows } = await client.query<{ n: string }>(
        `SELECT count(*)::text AS n FROM timeline_versions WHERE valid_to IS NULL`,
      );
      return { checksum, rows: Number(rows[0].n) };
    } finally {
      client.release();
      await pool.end();
    }
  }

  async function shadowTables(): Promise<string[]> {
    const db = new Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '%\\_\\_shadow'`,
      );
      return rows.map((r) => r.tablename);
    } finally {
      await db.end();
    }
  }

  it('keeps the live timeline, marks the rebuild failed, drops its shadow tables; the next rebuild matches', async () => {
    await processes.diagnosed(async () => {
      const source = await fetch(`${baseUrl}/api/admin/sources`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(aSourceBody()),
      });
      const sourceId = ((await source.json()) as { id: string }).id;
      const pool = new Pool({ connectionString: databaseUrl, max: 2 });
      const store = new PostgresEventStore(pool);
      for (let i = 0; i < EVENTS; i += 2000) await store.appendMany(bulkRecordedEvents(2000, 'fault-bulk', sourceId));
      await pool.end();
      const current = await pollUntil(timelineStatus, (s) => s?.lag === 0, 120_000, 500);
      expect(current?.lag).toBe(0);
      const before = await liveChecksum();
      expect(before.rows).toBe(EVENTS);

      const started = await fetch(`${baseUrl}/api/admin/projections/timeline/rebuild`, {
        method: 'POST',
        headers: auth,
      });
      expect(started.status).toBe(202);
      const { rebuildId } = (await started.json()) as { rebuildId: string };
      const midway = await pollUntil(
        timelineStatus,
        (s) => s?.lastRebuild?.id === rebuildId && s.lastRebuild.events > 0,
        60_000,
        50,
      );
      expect(midway?.lastRebuild.status).toBe('running');
      expect(midway?.rebuild).toMatchObject({ id: rebuildId, percent: expect.any(Number) });
      expect(midway?.rebuild?.percent).toBeGreaterThan(0);
      expect(midway?.lastRebuild.events).toBeLessThan(EVENTS);

      cluster.kill();
      await sleep(2000);
      await cluster.start();

      const failed = await pollUntil(timelineStatus, (s) => s?.lastRebuild?.status === 'failed', 60_000, 250);
      expect(failed?.lastRebuild).toMatchObject({ id: rebuildId, status: 'failed' });
      await pollUntil(shadowTables, (tables) => tables.length === 0, 30_000, 250);
      expect(await shadowTables()).toEqual([]);
      expect(await liveChecksum()).toEqual(before);

      const again = await fetch(`${baseUrl}/api/admin/projections/timeline/rebuild`, { method: 'POST', headers: auth });
      expect(again.status).toBe(202);
      const second = ((await again.json()) as { rebuildId: string }).rebuildId;
      const done = await pollUntil(
        timelineStatus,
        (s) => s?.lastRebuild?.id === second && s.lastRebuild.status !== 'running',
        120_000,
        250,
      );
      expect(done?.lastRebuild).toMatchObject({ status: 'succeeded', drift: false, checksum: before.checksum });
      expect(await liveChecksum()).toEqual(before);
      console.log(
        `[fault] rebuild: killed at ${midway?.lastRebuild.events}/${EVENTS} events; marked failed, shadow tables ` +
          `dropped; the next rebuild succeeded with the live checksum`,
      );
    });
  }, 300_000);
});
