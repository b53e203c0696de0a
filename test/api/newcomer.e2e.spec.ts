import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Small things a newcomer trips over: each answer says what it means. */
describe('API answers a newcomer can trust', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const actor = `n-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    app = await startTestApi();
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    await http()
      .post('/api/admin/events')
      .set(auth)
      .send(aDiplomaticEventBody(sourceId, { actors: [{ id: actor, name: 'N', country: 'FRA', role: 'initiator' }] }))
      .expect(201);
    await eventually(async () =>
      (await http().get(`/api/actors/${actor}/timeline`)).body.items?.length === 1 ? true : undefined,
    );
  });
  afterAll(() => app.close());

  it('answers 404 with a code for an actor no event ever named, and the list for a known one', async () => {
    const res = await http().get('/api/actors/nobody-at-all/timeline').expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'ACTOR.NOT_FOUND' });
    await http().get(`/api/actors/${actor}/timeline`).expect(200);
  });

  it('gives /history 404 the same code as /api/events/:id', async () => {
    const id = randomUUID();
    const history = await http().get(`/api/events/${id}/history`).expect(404);
    const event = await http().get(`/api/events/${id}`).expect(404);
    expect(history.body.code).toBe('DIPLOMATIC_EVENT.NOT_FOUND');
    expect(event.body.code).toBe(history.body.code);
  });

  it('reads asOf=<date> as the end of that day, not its first instant', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = await http().get('/api/timeline').query({ actor, asOf: today }).expect(200);
    expect(res.body.items).toHaveLength(1);
  });

  it('answers /api/events/:id?asOf= with the version shown then: 200 before a retraction, 410 after it', async () => {
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const body = aDiplomaticEventBody(sourceId);
    const id = (await http().post('/api/admin/events').set(auth).send(body).expect(201)).body.id as string;
    await eventually(async () => ((await http().get(`/api/events/${id}`)).status === 200 ? true : undefined));
    await http()
      .post(`/api/admin/events/${id}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { title: 'Corrected title' }, reason: 'A typo.' })
      .expect(200);
    await http()
      .post(`/api/admin/events/${id}/retraction`)
      .set(auth)
      .send({ expectedVersion: 2, reason: 'Withdrawn.' })
      .expect(200);
    await eventually(async () => ((await http().get(`/api/events/${id}`)).status === 410 ? true : undefined));
    const [recorded, corrected, retracted] = (
      await http().get(`/api/events/${id}/history`).expect(200)
    ).body.events.map((e: { recordedAt: string }) => Date.parse(e.recordedAt));
    const at = (ms: number) =>
      http()
        .get(`/api/events/${id}`)
        .query({ asOf: new Date(ms).toISOString() });

    const first = await at(corrected - 1).expect(200);
    expect([first.body.version, first.body.title]).toEqual([1, body.title]);
    const beforeRetraction = await at(retracted - 1).expect(200);
    expect([beforeRetraction.body.version, beforeRetraction.body.title]).toEqual([2, 'Corrected title']);
    expect((await at(retracted).expect(410)).body.code).toBe('TIMELINE.RETRACTED');
    expect((await at(recorded - 1).expect(404)).body.code).toBe('DIPLOMATIC_EVENT.NOT_FOUND');
    const bad = await http().get(`/api/events/${id}`).query({ asOf: 'yesterday' }).expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['asOf']);
  });

  it('says a bad limit once', async () => {
    const res = await http().get('/api/timeline?limit=abc').expect(400);
    expect(res.body.message).toBe('limit must be a whole number from 1 to 200');
    expect(res.body.fields).toEqual({ limit: 'must be a whole number from 1 to 200' });
  });

  it('pre-fills nothing for asOf in the API docs, and leaves direction optional without a default', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body;
    const asOf = doc.paths['/api/timeline'].get.parameters.find((p: { name: string }) => p.name === 'asOf');
    expect(asOf.example).toBeUndefined();
    expect(asOf.schema.example).toBeUndefined();
    expect(JSON.stringify(doc.components.schemas)).not.toMatch(/"direction":\{[^}]*"default"/);
  });
});
