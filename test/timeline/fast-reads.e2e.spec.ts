import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { get, type IncomingMessage } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** ETags from the read model's position, 304s, the response cache, Cache-Control and compression. */
describe('fast reads', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const tag = `fr-${randomUUID().slice(0, 8)}`;
  const actor = (id: string) => ({ id, name: `Name ${id}`, country: 'ISL', role: 'participant' });
  let sourceId: string;
  let firstId: string;
  let baseUrl: string;

  const record = async (title: string, date: Record<string, string>, extra: Record<string, unknown> = {}) => {
    const body = aDiplomaticEventBody(sourceId, { title, date, actors: [actor(tag)], ...extra });
    return (await http().post('/api/admin/events').set(auth).send(body).expect(201)).body as {
      id: string;
      position: number;
    };
  };
  const timelineOf = (query: Record<string, string>) =>
    http()
      .get('/api/timeline')
      .query({ actor: tag, ...query })
      .expect(200);
  const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((i) => i.title);

  beforeAll(async () => {
    app = await startTestApi();
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    firstId = (await record('short-1902', { start: '1902-03-01' })).id;
    await record('short-1901', { start: '1901-05-01' });
    // Fifteen years long: starts far before a 1901 window yet overlaps it (the long-span read path).
    await record('long-1890-1905', { start: '1890-01-01', end: '1905-12-31' });
    const written = await record('short-1899', { start: '1899-12-30' });
    await eventually(async () =>
      (await http().get('/api/timeline').query({ actor: tag, minPosition: written.position })).body.items.length === 4
        ? true
        : undefined,
    );
  });
  afterAll(() => app?.close());

  it('tags every public read with an ETag and answers If-None-Match with an empty 304', async () => {
    for (const path of [
      `/api/timeline?actor=${tag}`,
      `/api/actors/${tag}/timeline`,
      `/api/timeline/stats?actor=${tag}`,
      `/api/events/${firstId}`,
      '/api/actors?limit=5',
    ]) {
      const first = await http().get(path).expect(200);
      expect(first.headers.etag).toMatch(/^W\/"[\w-]{27}"$/);
      expect(first.headers['cache-control']).toBe('no-cache');
      const again = await http().get(path).set('if-none-match', first.headers.etag).expect(304);
      expect(again.text).toBe('');
      expect(again.headers.etag).toBe(first.headers.etag);
      // A list of tags, weak or strong, matches too; another tag does not.
      const strong = first.headers.etag.replace(/^W\//, '');
      await http().get(path).set('if-none-match', `"other", ${strong}`).expect(304);
      await http().get(path).set('if-none-match', '"other"').expect(200);
    }
  });

  it('gives equal queries the same ETag and different queries different ones', async () => {
    const a = await http().get('/api/timeline').query({ actor: tag, country: 'ISL,KAZ' }).expect(200);
    const b = await http().get(`/api/timeline?country=KAZ&country=ISL&actor=${tag}`).expect(200);
    const c = await http().get('/api/timeline').query({ actor: tag, country: 'ISL' }).expect(200);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(c.headers.etag).not.toBe(a.headers.etag);
  });

  it('moves every ETag when the projection moves, so a revalidation after a write gets the new item', async () => {
    const before = await timelineOf({});
    const written = await record('short-1903', { start: '1903-01-01' });
    await eventually(async () => {
      const res = await http()
        .get('/api/timeline')
        .query({ actor: tag, minPosition: written.position })
        .set('if-none-match', before.headers.etag);
      return res.status === 200 ? res : undefined;
    });
    const after = await timelineOf({});
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(titles(after)).toContain('short-1903');
  });

  it('tags no error: a 404 carries no ETag', async () => {
    const res = await http().get(`/api/events/${randomUUID()}`).expect(404);
    expect(res.headers.etag).toBeUndefined();
  });

  it('finds long items that start before a window, in date order (the split read)', async () => {
    const res = await timelineOf({ from: '1901-01-01', to: '1901-12-31' });
    expect(titles(res)).toEqual(['long-1890-1905', 'short-1901']);
    expect(res.body.total).toBe(2);
    const desc = await timelineOf({ from: '1900-01-01', to: '1902-12-31', order: 'desc' });
    expect(titles(desc)).toEqual(['short-1902', 'short-1901', 'long-1890-1905']);
    const paged = await timelineOf({ from: '1899-01-01', limit: '2' });
    expect(titles(paged)).toEqual(['long-1890-1905', 'short-1899']);
    const next = await timelineOf({ from: '1899-01-01', limit: '2', cursor: paged.body.nextCursor });
    expect(titles(next)).toEqual(['short-1901', 'short-1902']);
  });

  it("follows corrections and retractions in one actor's ordered index", async () => {
    const moved = await record('moved-later', { start: '1898-01-01' });
    const gone = await record('gone', { start: '1898-06-01' });
    await http()
      .post(`/api/admin/events/${moved.id}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { date: { start: '1904-02-01' } }, reason: 'wrong year' })
      .expect(200);
    const retraction = await http()
      .post(`/api/admin/events/${gone.id}/retraction`)
      .set(auth)
      .send({ expectedVersion: 1, reason: 'withdrawn' })
      .expect(200);
    // minPosition waits at most MIN_POSITION_WAIT_MS: on a busy machine the projector may need longer.
    const res = await eventually(async () => {
      const page = await http().get(`/api/actors/${tag}/timeline`).query({ minPosition: retraction.body.position });
      return page.status === 200 ? page : undefined;
    }, 30_000);
    expect(titles(res)).toEqual([
      'long-1890-1905',
      'short-1899',
      'short-1901',
      'short-1902',
      'short-1903',
      'moved-later',
    ]);
  });

  it('says no-cache for API reads and no-store for admin routes', async () => {
    const admin = await http().get('/api/admin/whoami').set(auth).expect(200);
    expect(admin.headers['cache-control']).toBe('no-store');
    const history = await http().get(`/api/events/${firstId}/history`).expect(200);
    expect(history.headers['cache-control']).toBe('no-cache');
  });

  it('serves static files with no-cache and a validator, and 304 when unchanged', async () => {
    const page = await http().get('/js/app.js').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toBeDefined();
    await http().get('/js/app.js').set('if-none-match', page.headers.etag).expect(304);
  });

  /** The bytes as sent, through plain node:http: supertest would decode them and hide the encoding. */
  const raw = async (path: string, encoding: string) => {
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      get(`${baseUrl}${path}`, { headers: { 'accept-encoding': encoding } }, resolve).on('error', reject),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    const rawPayload = Buffer.concat(chunks);
    return { statusCode: response.statusCode, headers: response.headers, rawPayload, payload: rawPayload.toString() };
  };

  it.each([
    ['gzip', gunzipSync],
    ['br', brotliDecompressSync],
  ])('compresses API answers and static files with %s when asked', async (encoding, decode) => {
    const api = await raw(`/api/timeline?actor=${tag}`, encoding);
    expect(api.statusCode).toBe(200);
    expect(api.headers['content-encoding']).toBe(encoding);
    expect(api.headers.vary).toMatch(/accept-encoding/i);
    const body = JSON.parse(decode(api.rawPayload).toString('utf8')) as { items: { title: string }[] };
    expect(body.items.map((i) => i.title)).toContain('short-1901');
    const css = await raw('/css/timeline.css', encoding);
    expect(css.statusCode).toBe(200);
    expect(css.headers['content-encoding']).toBe(encoding);
    expect(decode(css.rawPayload).toString('utf8')).toContain('{');
  });

  it('sends identity bodies to clients that do not ask for compression', async () => {
    const res = await raw(`/api/timeline?actor=${tag}`, 'identity');
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.payload).items.length).toBeGreaterThan(0);
  });
});
