import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PostgresEventStore } from '@libs/event-store';
import { migrate } from '@libs/platform';
import { liveTables, TimelineProjection } from '@libs/projections';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { OwnCluster } from '../support/own-cluster';
import { describeWithPostgresTools } from '../support/postgres-tools';
import { buildIfStale, createScratchDatabase, projectRoot, type ScratchDatabase } from '../support/processes';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';
import { bulkRecordedEvents } from '../builders/bulk-events';

const run = promisify(execFile);
const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const BULK = 3000;

/** The compiled CLI, as `npm run log:export|log:import` runs it. */
async function cli(name: 'log-export' | 'log-import', file: string, databaseUrl: string) {
  const env = { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' };
  try {
    return await run('node', [`dist/apps/worker/src/cli/${name}.js`, file], { cwd: projectRoot(), env });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${name} failed: ${stderr ?? ''}${stdout ?? ''}`, { cause: error });
  }
}

async function withPool<T>(url: string, use: (pool: Pool) => Promise<T>): Promise<T> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    return await use(pool);
  } finally {
    await pool.end();
  }
}

const timelineChecksum = (url: string) =>
  withPool(url, async (pool) => {
    const client = await pool.connect();
    try {
      const timeline = new TimelineProjection();
      return await timeline.checksum(client, liveTables(timeline));
    } finally {
      client.release();
    }
  });

/** The log as the store keeps it, minus what belongs to a cluster (order_xid) or a table (position). */
const logRows = (url: string) =>
  withPool(url, async (pool) => {
    const { rows } = await pool.query(`SELECT event_id, stream_id, version, type, schema_version, data, metadata,
      to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS recorded_at
      FROM events ORDER BY order_xid, position`);
    return rows;
  });

describeWithPostgresTools(
  ['initdb', 'pg_ctl', 'pg_dump', 'pg_restore'],
  'log:export → log:import onto another PostgreSQL server',
  () => {
    let source: ScratchDatabase;
    let target: OwnCluster;
    let api: NestFastifyApplication;
    let files: string;
    let file: string;

    beforeAll(async () => {
      buildIfStale(['worker']);
      files = mkdtempSync(join(tmpdir(), 'annals-log-'));
      chmodSync(files, 0o755);
      file = join(files, 'log.ndjson');
      source = await createScratchDatabase('annals_export_src');
      await migrate(source.url);
      api = await startTestApi({ DATABASE_URL: source.url });
      const http = () => request(api.getHttpServer());
      const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
      const ids: string[] = [];
      for (let i = 0; i < 5; i += 1) {
        ids.push(
          (await http().post('/api/admin/events').set(auth).send(aDiplomaticEventBody(sourceId)).expect(201)).body.id,
        );
      }
      await http()
        .post(`/api/admin/events/${ids[0]}/corrections`)
        .set(auth)
        .send({ expectedVersion: 1, changes: { title: 'Corrected title' }, reason: 'typo' })
        .expect(200);
      await http()
        .post(`/api/admin/events/${ids[1]}/retraction`)
        .set(auth)
        .send({ expectedVersion: 1, reason: 'not a real event' })
        .expect(200);
      await withPool(source.url, (pool) =>
        new PostgresEventStore(pool).appendMany(bulkRecordedEvents(BULK, 'export-bulk', sourceId)),
      );
      await eventually(
        async () => {
          const status = (await http().get('/api/admin/projections').set(auth).expect(200)).body as {
            projections: { lag: number }[];
          };
          return status.projections.every((p) => p.lag === 0) ? true : undefined;
        },
        60_000,
        200,
      );
      await api.close();
      target = await OwnCluster.create();
    }, 180_000);

    afterAll(async () => {
      await api?.close().catch(() => undefined);
      await target?.remove();
      await source?.drop();
      if (files) rmSync(files, { recursive: true, force: true });
    });

    it('rebuilds an identical timeline from the imported log, keeping ids, versions and recorded times', async () => {
      const exported = await cli('log-export', file, source.url);
      expect(exported.stdout).toMatch(new RegExp(`exported ${BULK + 8} events`));
      const targetUrl = await target.createDatabase('annals');
      const imported = await cli('log-import', file, targetUrl);
      expect(imported.stdout).toMatch(new RegExp(`imported ${BULK + 8} events`));
      expect(imported.stdout).toMatch(/rebuilt timeline from \d+ events/);

      expect(await timelineChecksum(targetUrl)).toBe(await timelineChecksum(source.url));
      expect(await logRows(targetUrl)).toEqual(await logRows(source.url));

      // A re-run writes nothing and changes nothing.
      const again = await cli('log-import', file, targetUrl);
      expect(again.stdout).toMatch(new RegExp(`imported 0 events .*; ${BULK + 8} were already stored`));
      expect(await timelineChecksum(targetUrl)).toBe(await timelineChecksum(source.url));
    }, 180_000);

    it('refuses a store that holds another log, and a bad line, naming it, writing nothing', async () => {
      const other = await target.createDatabase('annals_other');
      await migrate(other);
      await withPool(other, (pool) =>
        new PostgresEventStore(pool).append('elsewhere-1', 'no_stream', [{ type: 'Other', data: {} }]),
      );
      await expect(cli('log-import', file, other)).rejects.toThrow(/goes into an empty store.*already holds 1 events/);

      const lines = readFileSync(file, 'utf8').split('\n');
      lines[2] = lines[2].replace(/"version" ?: ?\d+/, '"version" : 0');
      const broken = join(files, 'broken.ndjson');
      writeFileSync(broken, lines.join('\n'));
      const empty = await target.createDatabase('annals_broken');
      await expect(cli('log-import', broken, empty)).rejects.toThrow(/line 3: version must be a whole number/);
      const [{ n }] = await target.rows<{ n: string }>('SELECT count(*)::text AS n FROM events', 'annals_broken');
      expect(n).toBe('0');
    }, 120_000);

    it('refuses to serve a pg_dump restored into a cluster whose transaction counter is behind, pointing at log:import', async () => {
      const dump = join(target.dir, 'source.dump');
      target.tool('pg_dump', ['-Fc', '-f', dump, source.url]);
      const restored = await target.createDatabase('annals_restored');
      target.tool('pg_restore', ['--no-owner', '-d', restored, dump]);
      const env = { ...process.env, DATABASE_URL: restored };
      const started = run('node', ['dist/apps/worker/src/main.js'], { cwd: projectRoot(), env, timeout: 60_000 });
      await expect(started).rejects.toMatchObject({
        stderr: expect.stringMatching(/restored from another cluster[\s\S]*npm run log:export/),
      });
    }, 120_000);
  },
);
