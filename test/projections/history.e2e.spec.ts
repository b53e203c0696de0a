import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('corrections, retractions and as-of on the timeline', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const tag = `h-${randomUUID().slice(0, 8)}`;
  let id: string;
  const moments: Record<string, string> = {};
  const pause = () => new Promise((r) => setTimeout(r, 30));
  // "As of" compares with recorded_at, which the database's clock writes: read the moments from the same clock,
  // so the test cannot pass or fail on the skew between this process's clock and the server's.
  const pool = testPool(1);
  const databaseNow = async () =>
    (await pool.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0].now.toISOString();

  const item = async (query: Record<string, string> = {}) => {
    const res = await http()
      .get('/api/timeline')
      .query({ actor: tag, ...query })
      .expect(200);
    return res.body.items[0] as { title: string; version: number; date: { start: string }; status: string } | undefined;
  };

  beforeAll(async () => {
    app = await startTestApi();
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    moments.beforeRecord = await databaseNow();
    await pause();
    const body = aDiplomaticEventBody(sourceId, {
      title: 'Original title',
      actors: [{ id: tag, name: 'History', country: 'FIN', role: 'initiator' }],
    });
    id = (await http().post('/api/admin/events').set(auth).send(body).expect(201)).body.id;
    await eventually(async () => ((await item())?.version === 1 ? true : undefined));
    await pause();
    moments.afterRecord = await databaseNow();
    await pause();
    await http()
      .post(`/api/admin/events/${id}/corrections`)
      .set(auth)
      .send({
        expectedVersion: 1,
        changes: { title: 'Corrected title', date: { expression: 'last week' } },
        reason: 'wrong day',
      })
      .expect(200);
    await eventually(async () => ((await item())?.version === 2 ? true : undefined));
    await pause();
    moments.afterCorrection = await databaseNow();
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('shows the correction on the timeline and on GET /api/events/:id', async () => {
    expect(await item()).toMatchObject({ title: 'Corrected title', version: 2, date: { start: '2023-10-23' } });
    const res = await http().get(`/api/events/${id}`).expect(200);
    expect(res.body).toMatchObject({ id, title: 'Corrected title', version: 2 });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThan(Date.parse(res.body.recordedAt));
  });

  it('answers as of any earlier moment with the version recorded then', async () => {
    expect(await item({ asOf: moments.beforeRecord })).toBeUndefined();
    expect(await item({ asOf: moments.afterRecord })).toMatchObject({
      title: 'Original title',
      version: 1,
      date: { start: '2023-11-01' },
    });
    expect(await item({ asOf: moments.afterCorrection })).toMatchObject({ title: 'Corrected title', version: 2 });
  });

  it('after a retraction: gone from the timeline, 410 on the item, still in history and as-of', async () => {
    await http()
      .post(`/api/admin/events/${id}/retraction`)
      .set(auth)
      .send({ expectedVersion: 2, reason: 'not a real event' })
      .expect(200);
    await eventually(async () => ((await item()) === undefined ? true : undefined));
    const gone = await http().get(`/api/events/${id}`).expect(410);
    expect(gone.body).toMatchObject({ statusCode: 410, error: 'Gone' });
    expect(await item({ asOf: moments.afterCorrection })).toMatchObject({ title: 'Corrected title', version: 2 });
    expect(await item({ asOf: moments.afterRecord })).toMatchObject({ title: 'Original title', version: 1 });
    const history = (await http().get(`/api/events/${id}/history`).expect(200)).body.events.map(
      (e: { type: string }) => e.type,
    );
    expect(history).toEqual(['DiplomaticEventRecorded', 'DiplomaticEventCorrected', 'DiplomaticEventRetracted']);
  });

  it('answers 404 for an unknown event and 400 for a malformed id', async () => {
    await http().get(`/api/events/${randomUUID()}`).expect(404);
    await http().get('/api/events/1%27%20OR%201=1').expect(400);
  });
});
