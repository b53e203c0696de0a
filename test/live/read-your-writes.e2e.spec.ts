import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { Pool, type PoolClient } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { batchLock } from '@libs/projections';
import { migrate } from '@libs/platform';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { OwnCluster } from '../support/own-cluster';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const WAIT_MS = 1500;

/**
 * minPosition / X-Min-Position on the primary (no replicas): `writer` leads the projections, `reader` serves the
 * reads. The test pauses the timeline projector by holding its batch lock, so the lag is real and controlled. A
 * cluster of the spec's own, so that no other database's long transaction adds a lag of its own.
 */
describe('read your writes on the primary: minPosition and X-Min-Position', () => {
  let cluster: OwnCluster;
  let writer: NestFastifyApplication;
  let reader: NestFastifyApplication;
  let pool: Pool;
  let sourceId: string;
  const tag = `w-${randomUUID().slice(0, 8)}`;
  const http = () => request(writer.getHttpServer());
  const read = () => request(reader.getHttpServer());
  const record = async () =>
    (
      await http()
        .post('/api/admin/events')
        .set(auth)
        .send(aDiplomaticEventBody(sourceId, { actors: [{ id: tag, name: 'Tag', country: 'ISL', role: 'initiator' }] }))
        .expect(201)
    ).body as { id: string; position: number };
  /** Holds the timeline's batch lock: the projector waits for it before applying anything. */
  const pauseProjector = async (): Promise<PoolClient> => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [batchLock('timeline')]);
    return client;
  };
  const resume = async (client: PoolClient) => {
    await client.query('COMMIT');
    client.release();
  };

  beforeAll(async () => {
    cluster = await OwnCluster.create();
    const url = await cluster.createDatabase('annals_ryw');
    await migrate(url);
    writer = await startTestApi({ DATABASE_URL: url });
    reader = await startTestApi({ DATABASE_URL: url, RUN_PROJECTOR: 'false', MIN_POSITION_WAIT_MS: String(WAIT_MS) });
    pool = new Pool({ connectionString: url, max: 2 });
    const source = await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201);
    sourceId = source.body.id;
    expect(source.body.position).toEqual(expect.any(Number));
    // A fresh process may take a moment to lead the projection.
    await eventually(async () => {
      const res = await read().get('/api/timeline').query({ minPosition: source.body.position });
      return res.status === 200 ? true : undefined;
    }, 30_000);
  }, 60_000);
  afterAll(async () => {
    await reader?.close();
    await writer?.close();
    await pool?.end();
    await cluster?.remove();
  });

  it('waits for the projection to pass the position, then answers with the write', async () => {
    const paused = await pauseProjector();
    const written = await record();
    // Without minPosition the lag shows: the item is not there yet.
    await read().get(`/api/events/${written.id}`).expect(404);
    const started = performance.now();
    const answer = read().get(`/api/events/${written.id}`).query({ minPosition: written.position });
    setTimeout(() => void resume(paused), 400);
    const res = await answer;
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(written.id);
    expect(performance.now() - started).toBeGreaterThanOrEqual(350);
  });

  it('takes the position from X-Min-Position on every public read, the timeline and changes included', async () => {
    const paused = await pauseProjector();
    const written = await record();
    const header = { 'x-min-position': String(written.position) };
    const timeline = read().get('/api/timeline').query({ actor: tag }).set(header);
    const changes = read().get('/api/changes').query({ after: 0, limit: 1000 }).set(header);
    const actors = read().get('/api/actors').set(header);
    setTimeout(() => void resume(paused), 300);
    const [t, c, a] = await Promise.all([timeline, changes, actors]);
    expect(t.status).toBe(200);
    expect(t.body.items.map((i: { id: string }) => i.id)).toContain(written.id);
    expect(c.status).toBe(200);
    expect(a.status).toBe(200);
  });

  it('answers 503 READ.POSITION_NOT_REACHED after MIN_POSITION_WAIT_MS when the projection does not get there', async () => {
    const paused = await pauseProjector();
    try {
      const written = await record();
      const started = performance.now();
      const res = await read().get('/api/timeline').set('X-Min-Position', String(written.position)).expect(503);
      expect(res.body.code).toBe('READ.POSITION_NOT_REACHED');
      expect(performance.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 50);
    } finally {
      await resume(paused);
    }
  });

  it('refuses a bad X-Min-Position naming the header, and a route that takes none ignores it', async () => {
    const res = await read().get('/api/timeline').set('X-Min-Position', 'soon').expect(400);
    expect(res.body.fields).toHaveProperty(['X-Min-Position']);
    await read().get('/api/timeline').set('X-Min-Position', '0').expect(400);
    await read().get('/api/admin/whoami').set(auth).set('X-Min-Position', '1').expect(200);
    // The query parameter wins over the header.
    await read().get('/api/timeline').query({ minPosition: 1 }).set('X-Min-Position', 'soon').expect(200);
  });
});
