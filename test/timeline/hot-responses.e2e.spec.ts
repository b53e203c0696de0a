import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { get, type IncomingHttpHeaders } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HotResponses } from '../../apps/api/src/http/hot-responses';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { captureLogs } from '../support/captured-logs';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
/** Headers that differ between any two answers, hot or not. */
const PER_RESPONSE = ['date', 'x-request-id', 'content-length', 'connection', 'keep-alive', 'x-ratelimit-reset'];

/** Repeated public reads answered before Nest (apps/api/src/http/hot-responses.ts), against the real pipeline. */
describe('hot responses', () => {
  let app: NestFastifyApplication;
  let hot: HotResponses;
  let baseUrl: string;
  const http = () => request(app.getHttpServer());
  const tag = `hot-${randomUUID().slice(0, 8)}`;
  let sourceId: string;
  const logs = captureLogs();

  const record = async (title: string) => {
    const body = aDiplomaticEventBody(sourceId, {
      title,
      date: { start: '1911-04-02' },
      actors: [{ id: tag, name: `Name ${tag}`, country: 'ISL', role: 'participant' }],
    });
    return (await http().post('/api/admin/events').set(auth).send(body).expect(201)).body as { position: number };
  };
  /** The bytes and headers as sent: supertest would decode a compressed body and hide the encoding. */
  const raw = async (path: string, headers: Record<string, string> = {}) => {
    const response = await new Promise<import('node:http').IncomingMessage>((resolve, reject) =>
      get(`${baseUrl}${path}`, { headers: { origin: 'https://reader.example', ...headers } }, resolve).on(
        'error',
        reject,
      ),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of response) chunks.push(chunk as Buffer);
    return { status: response.statusCode, headers: response.headers, body: Buffer.concat(chunks) };
  };
  /**
   * Asks until the hook answers. It vouches only for a checkpoint read in the last 50 ms, so each try first asks
   * a URL of its own (which reads the checkpoint), then the one wanted, at once.
   */
  const hotAnswer = async (path: string, headers: Record<string, string> = {}) =>
    eventually(async () => {
      await raw(`/api/actors/${tag}/timeline?limit=1`);
      const before = hot.stats.served;
      const res = await raw(path, headers);
      return hot.stats.served > before ? res : undefined;
    });
  const comparable = (headers: IncomingHttpHeaders) =>
    Object.fromEntries(Object.entries(headers).filter(([name]) => !PER_RESPONSE.includes(name)));

  beforeAll(async () => {
    app = await startTestApi({ LOG_LEVEL: 'info' }, { logStream: logs.stream });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    hot = app.get(HotResponses);
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    await record('first hot item');
    // Three items: an answer above the 1 KiB under which nothing is compressed.
    await record('another hot item');
    const written = await record('a third hot item');
    await http().get('/api/timeline').query({ actor: tag, minPosition: written.position }).expect(200);
  });
  afterAll(() => app?.close());

  it('answers a URL asked before with the same status, headers and body as the full pipeline', async () => {
    const path = `/api/timeline?actor=${tag}&limit=7`;
    const first = await raw(path);
    expect(first.status).toBe(200);
    const again = await hotAnswer(path);
    expect(again.status).toBe(200);
    expect(again.body.equals(first.body)).toBe(true);
    const { vary: firstVary, ...firstRest } = comparable(first.headers);
    const { vary: againVary, ...againRest } = comparable(again.headers);
    expect(againRest).toEqual(firstRest);
    // Vary keeps what the onRequest hooks put there (CORS: Origin) and adds Accept-Encoding.
    const tokens = (v: unknown) =>
      String(v ?? '')
        .toLowerCase()
        .split(/\s*,\s*/)
        .filter(Boolean);
    expect(tokens(againVary)).toEqual([...tokens(firstVary).filter((t) => t !== 'accept-encoding'), 'accept-encoding']);
    // What the onRequest hooks add is there too: helmet's headers, the request id.
    expect(again.headers['content-security-policy']).toContain("default-src 'self'");
    expect(again.headers['x-request-id']).toBeDefined();
    // And it is logged like any other request: one line with its request id.
    await eventually(async () => (logs.text().includes(String(again.headers['x-request-id'])) ? true : undefined));
  });

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ])('sends the answer compressed with %s, once compressed, when the client accepts it', async (encoding, decode) => {
    const path = `/api/timeline?actor=${tag}&limit=8`;
    const plain = await raw(path);
    expect(plain.body.length).toBeGreaterThan(1024);
    const res = await hotAnswer(path, { 'accept-encoding': `${encoding}, identity;q=0.5` });
    expect(res.headers['content-encoding']).toBe(encoding);
    expect(decode(res.body).equals(plain.body)).toBe(true);
  });

  it('reads the checkpoint itself when no read did in the last 50 ms, and still answers', async () => {
    const path = `/api/timeline?actor=${tag}&limit=6`;
    const first = await raw(path);
    await new Promise((resolve) => setTimeout(resolve, 120)); // every checkpoint memo is stale now
    const before = hot.stats.served;
    const again = await raw(path);
    expect(hot.stats.served).toBe(before + 1);
    expect(again.body.equals(first.body)).toBe(true);
  });

  it('answers If-None-Match with a 304 and the tag', async () => {
    const path = `/api/actors/${tag}/timeline`;
    const first = await raw(path);
    const etag = first.headers.etag!;
    const res = await hotAnswer(path, { 'if-none-match': etag });
    expect(res.status).toBe(304);
    expect(res.body.length).toBe(0);
    expect(res.headers.etag).toBe(etag);
  });

  it('never answers from before a write once the checkpoint has moved past it', async () => {
    const path = `/api/timeline?actor=${tag}&limit=9`;
    await raw(path);
    const stale = await hotAnswer(path);
    const written = await record('second hot item');
    // A read with minPosition refreshes the server's checkpoint: from then on the old answer is not current.
    await http().get('/api/timeline').query({ actor: tag, minPosition: written.position }).expect(200);
    const fresh = await raw(path);
    expect(fresh.headers.etag).not.toBe(stale.headers.etag);
    expect(JSON.parse(fresh.body.toString()).items.map((i: { title: string }) => i.title)).toContain('second hot item');
  });

  it('leaves to the full pipeline what it cannot vouch for: minPosition, a token, a URL never asked', async () => {
    const path = `/api/timeline?actor=${tag}&limit=10`;
    await raw(path);
    await hotAnswer(path);
    const before = hot.stats.served;
    await raw(`${path}&minPosition=1`);
    await raw(path, { 'x-min-position': '1' });
    await raw(path, auth);
    await raw(`/api/timeline?limit=10&actor=${tag}`); // the same query, another URL: asked for the first time
    expect(hot.stats.served).toBe(before);
  });

  it('keeps no error: a 400 is answered by the pipeline every time', async () => {
    const path = '/api/timeline?limit=abc';
    const before = hot.stats.served;
    for (let i = 0; i < 3; i++) expect((await raw(path)).status).toBe(400);
    expect(hot.stats.served).toBe(before);
  });
});
