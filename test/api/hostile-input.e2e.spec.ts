import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import request from 'supertest';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';
import { captureLogs } from '../support/captured-logs';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const forgedCursor = (start: string, end: string) =>
  Buffer.from(JSON.stringify([start, end, '00000000-0000-4000-8000-000000000000'])).toString('base64url');
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

/**
 * Every request an operator found answering 5xx (or silently altering text) answers 4xx with the error body, and
 * writes nothing. A 5xx caused by client input is a bug.
 */
describe('hostile input', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let sourceId: string;
  const logs = captureLogs();

  beforeAll(async () => {
    app = await startTestApi({ LOG_LEVEL: 'info' }, { logStream: logs.stream });
    pool = testPool(2);
    sourceId = (await request(app.getHttpServer()).post('/api/admin/sources').set(auth).send(aSourceBody())).body.id;
  });

  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);

  function expectClientError(res: request.Response, field?: string) {
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.body).toMatchObject({ statusCode: res.status, error: expect.any(String), message: expect.any(String) });
    if (field) expect(Object.keys(res.body.fields ?? {})).toContain(field);
  }

  it.each([
    ['/api/timeline', { cursor: forgedCursor('2023-13-45', '2023-01-01') }, 'cursor'],
    ['/api/timeline', { cursor: forgedCursor('0000-01-01', '0000-01-01') }, 'cursor'],
    ['/api/actors/emmanuel-macron/timeline', { cursor: forgedCursor('2023-02-30', '2023-03-01') }, 'cursor'],
    ['/api/timeline', { from: '0000-01-01' }, 'from'],
    ['/api/timeline', { to: '0000-12-31' }, 'to'],
    ['/api/timeline', { asOf: '0000-01-01T00:00:00Z' }, 'asOf'],
    ['/api/timeline.csv', { from: '0000-01-01' }, 'from'],
    ['/api/timeline', { q: 'a\u0000b' }, 'q'],
  ])('GET %s %j answers 400 naming %s', async (path, query, field) => {
    expectClientError(await http().get(path).query(query), field);
  });

  it.each([
    '/api/actors/a%00b/timeline',
    '/api/actors/a%0ab/timeline',
    '/api/events/%00',
    '/api/actors/%E0%A4%A/timeline',
  ])('GET %s (control characters or a broken escape in the path) answers 400', async (path) => {
    expectClientError(await http().get(path));
  });

  it('GET /api/actors/<not an actor id>/timeline answers 400 naming actorId', async () => {
    expectClientError(await http().get('/api/actors/DROP%20TABLE%20events/timeline'), 'actorId');
  });

  it.each([
    ['/api/temporal/resolve', {}],
    ['/api/admin/events', auth],
    ['/api/admin/sources', auth],
  ])('POST %s with JSON nested 10,000 levels answers 400 without recursing into it', async (path, headers) => {
    const before = await eventCount();
    const res = await http()
      .post(path)
      .set({ ...headers, 'content-type': 'application/json' })
      .send(`{"a":${nested(10_000)}}`);
    expectClientError(res, 'body');
    expect(res.body.message).toContain('10001 levels deep');
    expect(await eventCount()).toBe(before);
  });

  it('POST a 1 MB body of tiny values answers 400 at once', async () => {
    const body = JSON.stringify({ expression: 'last week', anchor: '2023-11-01', extra: Array(150_000).fill(0) });
    const started = Date.now();
    const res = await http().post('/api/temporal/resolve').set('content-type', 'application/json').send(body);
    expectClientError(res, 'body');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a lone surrogate in a string is refused with 400 naming the field; nothing is written', async () => {
    const before = await eventCount();
    const body = JSON.stringify(aDiplomaticEventBody(sourceId)).replace('"title":"', '"title":"a\\ud800b');
    const res = await http().post('/api/admin/events').set(auth).set('content-type', 'application/json').send(body);
    expectClientError(res, 'title');
    expect(await eventCount()).toBe(before);
  });

  it('bytes that are not UTF-8 are refused with 400, not stored as U+FFFD', async () => {
    const before = await eventCount();
    const json = Buffer.from(JSON.stringify(aDiplomaticEventBody(sourceId, { title: 'Bad XX bytes' })));
    const at = json.indexOf('XX');
    json[at] = 0xff;
    json[at + 1] = 0xfe;
    // Sent as raw bytes over a real socket (supertest would re-encode a Buffer as JSON).
    const server = app.getHttpServer();
    if (!server.listening) await app.listen(0, '127.0.0.1');
    const { port } = server.address() as AddressInfo;
    const raw = await fetch(`http://127.0.0.1:${port}/api/admin/events`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: json,
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ statusCode: 400, fields: { body: 'is not valid UTF-8' } });
    expect(await eventCount()).toBe(before);
  });

  it('SQL and right-to-left text are stored verbatim, never executed', async () => {
    const title = "Robert'); DROP TABLE events;-- \u202eزيارة\u202c";
    const res = await http()
      .post('/api/admin/events')
      .set(auth)
      .send(aDiplomaticEventBody(sourceId, { title }))
      .expect(201);
    const stored = await pool.query(`SELECT data->>'title' AS title FROM events WHERE data->>'id' = $1`, [res.body.id]);
    expect(stored.rows[0].title).toBe(title);
  });

  it('a token sent in the query string never reaches the log', async () => {
    await http().get('/api/timeline').query({ access_token: 'leaked-secret-value-123', limit: '1' }).expect(400);
    await http().get('/api/admin/projections').query({ token: TEST_ADMIN_TOKEN }).set(auth);
    const log = logs.text();
    expect(log).toContain('access_token=[redacted]');
    expect(log).not.toContain('leaked-secret-value-123');
    expect(log).not.toContain(TEST_ADMIN_TOKEN);
  });
});
