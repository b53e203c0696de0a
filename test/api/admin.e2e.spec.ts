import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('admin REST', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let sourceId: string;
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);

  beforeAll(async () => {
    app = await startTestApi();
    pool = testPool(2);
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  describe('authentication', () => {
    it.each([
      ['no token', {}],
      ['a wrong token', { authorization: 'Bearer wrong-token-wrong-token' }],
      ['a malformed header', { authorization: TEST_ADMIN_TOKEN }],
    ])('answers 401 with %s, writing nothing', async (_, headers) => {
      const before = await eventCount();
      for (const [path, body] of [
        ['/api/admin/sources', aSourceBody()],
        ['/api/admin/events', aDiplomaticEventBody(sourceId)],
        [`/api/admin/events/${randomUUID()}/corrections`, { expectedVersion: 1, changes: { title: 'x' }, reason: 'r' }],
        [`/api/admin/events/${randomUUID()}/retraction`, { reason: 'r' }],
      ] as const) {
        const res = await http().post(path).set(headers).send(body).expect(401);
        expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
        expect(typeof res.body.message).toBe('string');
      }
      expect(await eventCount()).toBe(before);
    });
  });

  describe('POST /api/admin/sources', () => {
    it('registers a source and answers 201 {id}', async () => {
      const res = await http()
        .post('/api/admin/sources')
        .set(auth)
        .send(aSourceBody({ text: 'نص المقال' }))
        .expect(201);
      expect(res.body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), position: expect.any(Number) });
    });

    it.each([
      ['missing title', { title: undefined }, 'title'],
      ['impossible publication date', { publishedAt: '2023-02-30' }, 'publishedAt'],
      ['bad language', { language: 'Arabic' }, 'language'],
      ['a non-http url', { url: 'javascript:alert(1)' }, 'url'],
    ])('answers 400 for %s, naming the field', async (_, override, field) => {
      const before = await eventCount();
      const res = await http().post('/api/admin/sources').set(auth).send(aSourceBody(override)).expect(400);
      expect(Object.keys(res.body.fields)).toContain(field);
      expect(res.body.message).toContain(field);
      expect(await eventCount()).toBe(before);
    });
  });

  describe('POST /api/admin/events', () => {
    it('records an event with its resolved date and answers 201 {id, version: 1, position}', async () => {
      const res = await http().post('/api/admin/events').set(auth).send(aDiplomaticEventBody(sourceId)).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), version: 1, position: expect.any(Number) });
      const history = await http().get(`/api/events/${res.body.id}/history`).expect(200);
      expect(history.body.events).toHaveLength(1);
      expect(history.body.events[0]).toMatchObject({
        version: 1,
        type: 'DiplomaticEventRecorded',
        position: res.body.position,
        data: {
          id: res.body.id,
          date: {
            expression: 'يوم الأربعاء',
            anchor: '2023-11-01',
            direction: 'past',
            start: '2023-11-01',
            end: '2023-11-01',
            precision: 'day',
            timex: '2023-11-01',
          },
        },
      });
    });

    it('accepts explicit dates and hostile text, storing it verbatim', async () => {
      const hostile = `'); DROP TABLE events; -- <script>alert(1)</script> \u202eمرحبا\u202c`;
      const body = aDiplomaticEventBody(sourceId, { title: hostile, date: { start: '2024-02-29', end: '2024-03-01' } });
      const { id } = (await http().post('/api/admin/events').set(auth).send(body).expect(201)).body;
      const { data } = (await http().get(`/api/events/${id}/history`).expect(200)).body.events[0];
      expect(data.title).toBe(hostile);
      expect(data.date).toMatchObject({
        start: '2024-02-29',
        end: '2024-03-01',
        precision: 'day',
        timex: '2024-02-29/2024-03-01',
      });
    });

    const invalid: [string, Record<string, unknown>, string][] = [
      ['a missing type', { type: undefined }, 'type'],
      ['an unknown CAMEO code', { type: '999' }, 'type'],
      ['no actors', { actors: [] }, 'actors'],
      [
        'a country that is not ISO alpha-3',
        { actors: [{ id: 'x', name: 'X', country: 'FR', role: 'initiator' }] },
        'actors.0.country',
      ],
      ['an impossible date', { date: { start: '2023-02-30' } }, 'date.start'],
      ['an empty expression', { date: { expression: '' } }, 'date.expression'],
      ['both expression and start', { date: { expression: 'أمس', start: '2023-01-01' } }, 'date.expression'],
      ['an unresolvable expression', { date: { expression: 'once upon a time' } }, 'date.expression'],
      ['an unknown status', { status: 'rumoured' }, 'status'],
      ['a title over 500 characters', { title: 'x'.repeat(501) }, 'title'],
      ['an unknown field', { colour: 'blue' }, 'colour'],
      ['a control character', { title: 'bell \u0007' }, 'title'],
      ['a NUL character', { summary: 'a\u0000b' }, 'summary'],
      ['an end before the start', { date: { start: '2023-05-02', end: '2023-05-01' } }, 'date.end'],
    ];
    it.each(invalid)('answers 400 for %s, naming the field, appending nothing', async (_, override, field) => {
      const before = await eventCount();
      const res = await http()
        .post('/api/admin/events')
        .set(auth)
        .send(aDiplomaticEventBody(sourceId, override))
        .expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(Object.keys(res.body.fields)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('answers 400 for an unknown source, naming the field', async () => {
      const before = await eventCount();
      const body = aDiplomaticEventBody(randomUUID());
      const res = await http().post('/api/admin/events').set(auth).send(body).expect(400);
      expect(res.body.message).toContain('source.sourceId');
      expect(await eventCount()).toBe(before);
    });

    it('answers 400 for malformed JSON and 413 for a body over 1 MB, appending nothing', async () => {
      const before = await eventCount();
      const bad = await http()
        .post('/api/admin/events')
        .set(auth)
        .set('content-type', 'application/json')
        .send('{"type": "042",')
        .expect(400);
      expect(bad.body).toMatchObject({
        statusCode: 400,
        error: 'Bad Request',
        message: expect.stringContaining('JSON'),
      });
      const huge = aDiplomaticEventBody(sourceId, { summary: 'x'.repeat(1_100_000) });
      const tooLarge = await http().post('/api/admin/events').set(auth).send(huge).expect(413);
      expect(tooLarge.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
      expect(await eventCount()).toBe(before);
    });

    it('returns the first result for a retry with the same Idempotency-Key, writing nothing', async () => {
      const key = `test-${randomUUID()}`;
      const body = aDiplomaticEventBody(sourceId);
      const first = await http().post('/api/admin/events').set(auth).set('idempotency-key', key).send(body).expect(201);
      const before = await eventCount();
      const again = await http().post('/api/admin/events').set(auth).set('idempotency-key', key).send(body).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await eventCount()).toBe(before);
      const other = await http()
        .post('/api/admin/events')
        .set(auth)
        .set('idempotency-key', key)
        .send({ ...body, title: 'different' })
        .expect(422);
      expect(other.body.message).toContain('Idempotency-Key');
      expect(await eventCount()).toBe(before);
    });
  });

  describe('corrections and retractions', () => {
    let id: string;
    beforeAll(async () => {
      id = (await http().post('/api/admin/events').set(auth).send(aDiplomaticEventBody(sourceId)).expect(201)).body.id;
    });

    it('corrects with the expected version (re-resolving a new date) and answers 200 {id, version}', async () => {
      const res = await http()
        .post(`/api/admin/events/${id}/corrections`)
        .set(auth)
        .send({
          expectedVersion: 1,
          changes: { date: { expression: 'الأسبوع الماضي' }, status: 'occurred', title: 'Corrected title' },
          reason: 'The article meant last week.',
        })
        .expect(200);
      expect(res.body).toEqual({ id, version: 2, position: expect.any(Number) });
      const history = (await http().get(`/api/events/${id}/history`).expect(200)).body.events;
      expect(history[1]).toMatchObject({
        type: 'DiplomaticEventCorrected',
        version: 2,
        // status was already "occurred": only real changes are stored
        data: {
          changes: { title: 'Corrected title', date: { timex: '2023-W43', start: '2023-10-23' } },
          reason: 'The article meant last week.',
        },
      });
      expect(history[1].data.changes).not.toHaveProperty('status');
    });

    it('answers 409 naming the current version when expectedVersion is stale, appending nothing', async () => {
      const before = await eventCount();
      const res = await http()
        .post(`/api/admin/events/${id}/corrections`)
        .set(auth)
        .send({ expectedVersion: 1, changes: { title: 'Stale' }, reason: 'stale' })
        .expect(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict', currentVersion: 2 });
      expect(res.body.message).toContain('version 2');
      expect(await eventCount()).toBe(before);
    });

    it.each([
      ['no reason', { expectedVersion: 2, changes: { title: 'x' } }, 'reason'],
      ['no changes', { expectedVersion: 2, changes: {}, reason: 'r' }, 'changes'],
      ['an unknown change', { expectedVersion: 2, changes: { colour: 'red' }, reason: 'r' }, 'changes.colour'],
      [
        'a bad country in changes',
        {
          expectedVersion: 2,
          changes: { actors: [{ id: 'a', name: 'A', country: 'XX', role: 'target' }] },
          reason: 'r',
        },
        'changes.actors.0.country',
      ],
      [
        'a change equal to the current value',
        { expectedVersion: 2, changes: { title: 'Corrected title' }, reason: 'r' },
        'changes',
      ],
    ])('answers 400 for a correction with %s', async (_, body, field) => {
      const before = await eventCount();
      const res = await http().post(`/api/admin/events/${id}/corrections`).set(auth).send(body).expect(400);
      expect(Object.keys(res.body.fields)).toContain(field);
      expect(await eventCount()).toBe(before);
    });

    it('answers 404 for an unknown event and 400 for an id that is not a uuid', async () => {
      await http()
        .post(`/api/admin/events/${randomUUID()}/corrections`)
        .set(auth)
        .send({ expectedVersion: 1, changes: { title: 'x' }, reason: 'r' })
        .expect(404);
      await http().post('/api/admin/events/not-a-uuid/retraction').set(auth).send({ reason: 'r' }).expect(400);
    });

    it('retracts (409 when stale), then refuses further changes with 409', async () => {
      await http()
        .post(`/api/admin/events/${id}/retraction`)
        .set(auth)
        .send({ expectedVersion: 1, reason: 'dup' })
        .expect(409);
      const res = await http()
        .post(`/api/admin/events/${id}/retraction`)
        .set(auth)
        .send({ expectedVersion: 2, reason: 'Duplicate of another record.' })
        .expect(200);
      expect(res.body).toEqual({ id, version: 3, position: expect.any(Number) });
      await http().post(`/api/admin/events/${id}/retraction`).set(auth).send({ reason: 'again' }).expect(409);
      await http()
        .post(`/api/admin/events/${id}/corrections`)
        .set(auth)
        .send({ expectedVersion: 3, changes: { title: 'x' }, reason: 'r' })
        .expect(409);
      const history = (await http().get(`/api/events/${id}/history`).expect(200)).body;
      expect(history.events.map((e: { type: string }) => e.type)).toEqual([
        'DiplomaticEventRecorded',
        'DiplomaticEventCorrected',
        'DiplomaticEventRetracted',
      ]);
    });
  });

  it('GET /api/events/:id/history answers 404 for an unknown event', async () => {
    const res = await http().get(`/api/events/${randomUUID()}/history`).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});
