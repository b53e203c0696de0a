import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PostgresEventStore } from '@libs/event-store';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';
import { bulkRecordedEvents } from '../builders/bulk-events';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const BULK = 20_000;

interface Status {
  head: number;
  projections: {
    name: string;
    position: number;
    lag: number;
    lastRebuild: {
      id: string;
      status: string;
      drift: boolean;
      checksum: string;
      liveChecksum: string;
      error: string | null;
    } | null;
  }[];
}

describe('projection rebuilds', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let sourceId: string;
  const tag = `r-${randomUUID().slice(0, 8)}`;
  const http = () => request(app.getHttpServer());
  const status = async () => (await http().get('/api/admin/projections').set(auth).expect(200)).body as Status;
  const timelineStatus = async () => (await status()).projections.find((p) => p.name === 'timeline')!;
  const countTagged = async () =>
    Number(
      (
        await pool.query(`SELECT count(*) FROM timeline_versions WHERE valid_to IS NULL AND actor_ids @> ARRAY[$1]`, [
          tag,
        ])
      ).rows[0].count,
    );
  const rebuildAndWait = async (name = 'timeline') => {
    const rebuildId: string = (await http().post(`/api/admin/projections/${name}/rebuild`).set(auth).expect(202)).body
      .rebuildId;
    return eventually(
      async () => {
        const rebuild = (await status()).projections.find((p) => p.name === name)!.lastRebuild;
        return rebuild?.id === rebuildId && rebuild.status !== 'running' ? rebuild : undefined;
      },
      60_000,
      100,
    );
  };

  beforeAll(async () => {
    app = await startTestApi();
    pool = testPool(4);
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    await new PostgresEventStore(pool).appendMany(bulkRecordedEvents(BULK, tag, sourceId));
    await eventually(async () => ((await countTagged()) === BULK ? true : undefined), 60_000, 200);
  }, 90_000);
  afterAll(async () => {
    // Closing waits for work in flight (a rebuild's statement, the projector's batch); on a busy machine with the
    // run's whole shared log that was seen to take minutes, so the suite does not wait for ever (Jest forceExit).
    await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, 60_000))]);
    await pool.end();
  }, 120_000);

  it('rebuilds to exactly the incremental tables, twice (replay twice → identical rows)', async () => {
    const first = await rebuildAndWait();
    expect(first).toMatchObject({ status: 'succeeded', drift: false });
    expect(first.checksum).toBe(first.liveChecksum);
    const second = await rebuildAndWait();
    expect(second.checksum).toBe(first.checksum);
    const actors = await rebuildAndWait('actors');
    expect(actors).toMatchObject({ status: 'succeeded', drift: false });
  }, 90_000);

  it('swaps in vacuumed and analysed tables (a new table has no statistics and no visibility map)', async () => {
    const rebuild = await rebuildAndWait();
    expect(rebuild).toMatchObject({ status: 'succeeded' });
    // pg_stat_user_tables is per table (by oid): the swapped-in tables are new, so only the rebuild can have done it.
    const { rows } = await pool.query<{ relname: string; vacuumed: boolean; analysed: boolean }>(
      `SELECT relname, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed
         FROM pg_stat_user_tables WHERE schemaname = current_schema() AND relname = ANY($1) ORDER BY relname`,
      [['timeline_versions', 'timeline_live_actors', 'timeline_actor_names', 'timeline_sources']],
    );
    expect(rows).toEqual(
      ['timeline_actor_names', 'timeline_live_actors', 'timeline_sources', 'timeline_versions'].map((relname) => ({
        relname,
        vacuumed: true,
        analysed: true,
      })),
    );
    const { rows: stats } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'timeline_versions'`,
    );
    expect(stats[0].n).toBeGreaterThan(0);
    // The visibility map: an actor's count is an index-only scan of timeline_live_actors.
    const { rows: map } = await pool.query<{ relpages: number; relallvisible: number }>(
      `SELECT relpages, relallvisible FROM pg_class WHERE oid = 'timeline_live_actors'::regclass`,
    );
    expect(map[0].relallvisible).toBeGreaterThan(0);
  }, 90_000);

  it('keeps serving a full timeline while rebuilding under concurrent writes, and reports the same checksum', async () => {
    const baseline = await countTagged();
    let reading = true;
    const reads: { status: number; total: number }[] = [];
    const reader = (async () => {
      while (reading) {
        const res = await http()
          .get('/api/actors/' + tag + '/timeline')
          .query({ limit: '1', from: '1900-01-01' });
        const count = await countTagged();
        reads.push({ status: res.status, total: count });
      }
    })();
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const body = aDiplomaticEventBody(sourceId, {
          actors: [{ id: tag, name: 'Bulk', country: 'NZL', role: 'initiator' }],
        });
        await http().post('/api/admin/events').set(auth).send(body).expect(201);
        written += 1;
      }
    })();
    const rebuild = await rebuildAndWait();
    writing = false;
    await writer;
    await eventually(async () => ((await countTagged()) === baseline + written ? true : undefined), 20_000);
    reading = false;
    await reader;
    expect(rebuild.status).toBe('succeeded');
    expect(rebuild.drift).toBe(false);
    expect(written).toBeGreaterThan(0);
    expect(reads.length).toBeGreaterThan(5);
    expect(reads.every((r) => r.status === 200)).toBe(true);
    expect(Math.min(...reads.map((r) => r.total))).toBeGreaterThanOrEqual(baseline); // never empty, never partial
    const after = await rebuildAndWait();
    expect(after.checksum).toBe(after.liveChecksum);
  }, 120_000);

  it('leaves the live timeline intact when the rebuilding process is SIGKILLed, and the next rebuild starts clean', async () => {
    execFileSync('npx', ['nest', 'build', 'worker'], { stdio: 'ignore' });
    const before = await countTagged();
    const liveChecksum = (await timelineStatus()).lastRebuild!.checksum;
    const child = spawn('node', ['dist/apps/worker/src/cli/rebuild.js', 'timeline'], {
      env: { ...process.env, SEED_ON_START: 'false' },
      stdio: 'ignore',
    });
    const running = await eventually(
      async () => {
        const { rows } = await pool.query(
          `SELECT id, events FROM projection_rebuilds WHERE status = 'running' ORDER BY started_at DESC LIMIT 1`,
        );
        return rows[0] && Number(rows[0].events) > 0 ? rows[0] : undefined;
      },
      90_000, // the child starts Nest and reads the run's whole shared log: slow on a busy machine
      20,
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    expect(await countTagged()).toBe(before);
    await http().get(`/api/actors/${tag}/timeline`).expect(200);
    const shadow = await pool.query(`SELECT 1 FROM pg_tables WHERE tablename = 'timeline_versions__shadow'`);
    expect(shadow.rowCount).toBe(1); // left behind by the killed process, never swapped in

    const next = await rebuildAndWait();
    expect(next).toMatchObject({ status: 'succeeded', drift: false, checksum: liveChecksum });
    const killed = await pool.query(`SELECT status, error FROM projection_rebuilds WHERE id = $1`, [running.id]);
    expect(killed.rows[0]).toMatchObject({ status: 'failed', error: expect.stringContaining('interrupted') });
    expect((await pool.query(`SELECT 1 FROM pg_tables WHERE tablename LIKE '%\\_\\_shadow'`)).rowCount).toBe(0);
  }, 240_000);

  it('refuses an unknown projection (404) and a second concurrent rebuild (409)', async () => {
    await http().post('/api/admin/projections/nope/rebuild').set(auth).expect(404);
    const first = await http().post('/api/admin/projections/timeline/rebuild').set(auth).expect(202);
    const second = await http().post('/api/admin/projections/actors/rebuild').set(auth);
    expect(second.status).toBe(409);
    await eventually(
      async () =>
        (await timelineStatus()).lastRebuild?.id === first.body.rebuildId &&
        (await timelineStatus()).lastRebuild?.status === 'succeeded'
          ? true
          : undefined,
      60_000,
      100,
    );
    await http().get('/api/admin/projections').expect(401);
  }, 90_000);
});
