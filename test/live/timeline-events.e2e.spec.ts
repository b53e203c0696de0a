import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CheckpointWatch } from '@libs/projections';
import { LiveStreams } from '../../apps/api/src/live/live-streams';
import { migrate } from '@libs/platform';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { OwnCluster } from '../support/own-cluster';
import { eventually } from '../support/eventually';
import { SseClient } from '../support/sse-client';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/**
 * Two API processes' worth on one database: `writer` leads the projections and takes the writes; `watcher` runs no
 * projector and serves the streams, so every change it sends came through the database (checkpoint NOTIFY + read),
 * never through an in-process bus. Each test watches its own actor id. A cluster of the spec's own: on the shared
 * test server, a long transaction in any other database holds back every gap-safe log reader (the projector's
 * included) for its duration, and "within a second" would measure that instead.
 */
describe('GET /api/timeline/events (Server-Sent Events)', () => {
  let cluster: OwnCluster;
  let writer: NestFastifyApplication;
  let watcher: NestFastifyApplication;
  let base: string;
  let sourceId: string;
  const http = () => request(writer.getHttpServer());
  const actor = (tag: string) => ({ id: tag, name: `Tag ${tag}`, country: 'ISL', role: 'participant' });
  const newTag = () => `l-${randomUUID().slice(0, 8)}`;
  const record = async (tag: string, title = `Live ${randomUUID()}`) =>
    (
      await http()
        .post('/api/admin/events')
        .set(auth)
        .send(aDiplomaticEventBody(sourceId, { title, actors: [actor(tag)] }))
        .expect(201)
    ).body as { id: string; version: number; position: number };
  const opened: SseClient[] = [];
  const watch = async (query: string, headers: Record<string, string> = {}) => {
    const client = await SseClient.open(`${base}/api/timeline/events?${query}`, headers);
    opened.push(client);
    return client;
  };

  beforeAll(async () => {
    cluster = await OwnCluster.create();
    const url = await cluster.createDatabase('annals_live');
    await migrate(url);
    writer = await startTestApi({ DATABASE_URL: url });
    watcher = await startTestApi({ DATABASE_URL: url, RUN_PROJECTOR: 'false', LIVE_STREAMS_MAX: '3' });
    await watcher.listen(0, '127.0.0.1');
    base = await watcher.getUrl();
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
  }, 60_000);
  afterEach(() => opened.splice(0).forEach((client) => client.close()));
  afterAll(async () => {
    await watcher?.close();
    await writer?.close();
    await cluster?.remove();
  });

  it('refuses a bad filter or an unknown Last-Event-ID with a 400 before the stream opens', async () => {
    const bad = await watch('country=XX');
    expect(bad.response.statusCode).toBe(400);
    expect((await bad.body()).fields).toHaveProperty('country');
    const asOf = await watch('asOf=2023-11-05');
    expect(asOf.response.statusCode).toBe(400);
    expect((await asOf.body()).fields).toHaveProperty('asOf');
    const unknown = await watch('actor=x', { 'last-event-id': '999999999' });
    expect(unknown.response.statusCode).toBe(400);
    expect((await unknown.body()).fields).toHaveProperty(['Last-Event-ID']);
  });

  it('delivers a write within a second, with its position as the event id', async () => {
    const tag = newTag();
    const stream = await watch(`actor=${tag}`);
    expect(stream.response.statusCode).toBe(200);
    expect(stream.response.headers['content-type']).toMatch(/^text\/event-stream/);
    const before = performance.now();
    const written = await record(tag);
    const [event] = await stream.waitFor(1);
    stream.close();
    expect(event.at - before).toBeLessThan(1000);
    expect(event.event).toBe('recorded');
    expect(event.id).toBe(String(written.position));
    expect(event.data).toMatchObject({ type: 'recorded', id: written.id, version: 1, position: written.position });
    expect((event.data.item as { actors: { id: string }[] }).actors[0].id).toBe(tag);
  });

  it('resumes after a disconnect with Last-Event-ID, losing and repeating nothing', async () => {
    const tag = newTag();
    const first = await watch(`actor=${tag}`);
    const a = await record(tag);
    const b = await record(tag);
    const seen = await first.waitFor(2);
    first.close();
    // While nobody watches: two more items, a correction and a retraction.
    const c = await record(tag);
    const d = await record(tag);
    const corrected = (
      await http()
        .post(`/api/admin/events/${a.id}/corrections`)
        .set(auth)
        .send({ expectedVersion: 1, changes: { status: 'cancelled' }, reason: 'called off' })
        .expect(200)
    ).body as { position: number };
    const retracted = (
      await http().post(`/api/admin/events/${b.id}/retraction`).set(auth).send({ expectedVersion: 1, reason: 'wrong' })
    ).body as { position: number };
    const resumed = await watch(`actor=${tag}`, { 'last-event-id': seen[1].id! });
    const events = await resumed.waitFor(4);
    // Anything more (a repeat) would arrive with the next wake-up: give it one poll period.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    resumed.close();
    expect(seen.map((e) => Number(e.id))).toEqual([a.position, b.position]);
    expect(resumed.events.map((e) => [e.event, Number(e.id)])).toEqual([
      ['recorded', c.position],
      ['recorded', d.position],
      ['corrected', corrected.position],
      ['retracted', retracted.position],
    ]);
    expect(events[2].data.item).toMatchObject({ id: a.id, version: 2, status: 'cancelled' });
    expect(events[3].data.item).toMatchObject({ id: b.id, retractedAt: expect.any(String) });
  });

  it('tells a filtered watcher when a correction takes an item out of its filter', async () => {
    const tag = newTag();
    const stream = await watch(`actor=${tag}&status=occurred`);
    const a = await record(tag);
    await stream.waitFor(1);
    await http()
      .post(`/api/admin/events/${a.id}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { status: 'cancelled' }, reason: 'called off' })
      .expect(200);
    const [, left] = await stream.waitFor(2);
    stream.close();
    expect(left).toMatchObject({ event: 'corrected', data: { matchesFilter: false, item: { status: 'cancelled' } } });
  });

  it('sends nothing for a rebuild, and keeps streaming after it', async () => {
    const tag = newTag();
    await record(tag);
    await eventually(async () => {
      const { items } = (await http().get('/api/timeline').query({ actor: tag }).expect(200)).body;
      return items.length === 1 ? true : undefined;
    });
    const stream = await watch('');
    const rebuildId: string = (await http().post('/api/admin/projections/timeline/rebuild').set(auth).expect(202)).body
      .rebuildId;
    await eventually(
      async () => {
        const { projections } = (await http().get('/api/admin/projections').set(auth).expect(200)).body;
        const last = projections.find((p: { name: string }) => p.name === 'timeline').lastRebuild;
        return last?.id === rebuildId && last.status === 'succeeded' ? true : undefined;
      },
      60_000,
      100,
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(stream.events).toEqual([]);
    const after = await record(tag);
    const [event] = await stream.waitFor(1);
    stream.close();
    expect(Number(event.id)).toBe(after.position);
  }, 90_000);

  it('bounds the open streams, and frees a stream and its LISTEN when the client goes', async () => {
    const streams = watcher.get(LiveStreams);
    const checkpoints = watcher.get(CheckpointWatch);
    await eventually(async () => (streams.count === 0 ? true : undefined));
    const open = await Promise.all([1, 2, 3].map(() => watch('')));
    expect(open.map((s) => s.response.statusCode)).toEqual([200, 200, 200]);
    const refused = await watch('');
    expect(refused.response.statusCode).toBe(503);
    expect(refused.response.headers['retry-after']).toBe('5');
    expect(checkpoints.watching).toBe(3);
    open.forEach((s) => s.close());
    await eventually(async () => (streams.count === 0 && checkpoints.watching === 0 ? true : undefined));
  });
});
