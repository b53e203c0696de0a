import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Pool } from 'pg';
import { PostgresEventStore } from '@libs/event-store';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

interface Change {
  changeId: string;
  position: number;
  type: string;
  id: string;
  version: number;
  item: {
    id: string;
    version: number;
    status: string;
    retractedAt?: string;
    sources: { sourceId: string; quote: string }[];
  } | null;
}

describe('GET /api/changes (the pull feed for mirrors)', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let sourceId: string;
  const tag = `c-${randomUUID().slice(0, 8)}`;
  const http = () => request(app.getHttpServer());
  const written: { type: string; id: string; position: number }[] = [];
  /** The log's last event before this spec wrote: the run's other suites share the database (thousands of events). */
  let start = 0;

  /** Every page from `start` until the feed says there is no more. */
  const readAll = async (limit: number) => {
    const changes: Change[] = [];
    let after = start;
    for (let pages = 0; pages < 10_000; pages++) {
      const res = await http().get('/api/changes').query({ after, limit }).expect(200);
      changes.push(...(res.body.changes as Change[]));
      expect(res.body.changes.length).toBeLessThanOrEqual(limit);
      after = res.body.nextAfter;
      if (!res.body.hasMore) return { changes, after };
    }
    throw new Error('the feed never ended');
  };

  beforeAll(async () => {
    app = await startTestApi();
    pool = testPool(2);
    // The last event in log order (order_xid, then position), not the largest position: suites that wrote from
    // several connections at once leave events whose transaction ids run ahead of their positions, and the feed,
    // read from the largest position, handed them over too (thousands of pages of 3 in a full run, past the timeout).
    start = Number(
      (await pool.query('SELECT position FROM events ORDER BY order_xid DESC, position DESC LIMIT 1')).rows[0]
        ?.position ?? 0,
    );
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const actors = [{ id: tag, name: 'Tag', country: 'ISL', role: 'participant' }];
    for (let i = 0; i < 5; i++) {
      const res = await http()
        .post('/api/admin/events')
        .set(auth)
        .send(aDiplomaticEventBody(sourceId, { actors }))
        .expect(201);
      written.push({ type: 'recorded', id: res.body.id, position: res.body.position });
    }
    const corrected = await http()
      .post(`/api/admin/events/${written[0].id}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { status: 'cancelled' }, reason: 'called off' })
      .expect(200);
    written.push({ type: 'corrected', id: written[0].id, position: corrected.body.position });
    const retracted = await http()
      .post(`/api/admin/events/${written[1].id}/retraction`)
      .set(auth)
      .send({ expectedVersion: 1, reason: 'misreported' })
      .expect(200);
    written.push({ type: 'retracted', id: written[1].id, position: retracted.body.position });
    // An article attached to an item as another source (what POST …/proposals/:id/attach appends).
    const attachment = {
      sourceId,
      proposalId: 'p0-12',
      extractorVersion: 'proposals-2',
      eventId: written[2].id,
      quote: 'Another report of the visit.',
      offsets: { start: 0, end: 28 },
    };
    const attached = await new PostgresEventStore(pool).append(`source-${sourceId}`, 1, [
      { type: 'EventSourceAttached', data: attachment },
    ]);
    written.push({ type: 'attached', id: written[2].id, position: attached.positions[0] });
    // The feed gives what the timeline shows: wait until the projection has the last write.
    // (A fresh process may take a few seconds to become the projection's leader: retry the bounded wait.)
    await eventually(async () => {
      const res = await http().get(`/api/events/${written[2].id}`).query({ minPosition: attached.positions[0] });
      return res.status === 200 ? true : undefined;
    }, 30_000);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('pages through every change once, in log order, with stable ids and the next cursor', async () => {
    const { changes, after } = await readAll(3);
    const ids = changes.map((c) => c.changeId);
    expect(new Set(ids).size).toBe(ids.length);
    // Log order: the order the projection applied them in (events by (order_xid, position)).
    const { rows } = await pool.query<{ event_id: string }>(
      `SELECT event_id FROM events WHERE type IN ('DiplomaticEventRecorded', 'DiplomaticEventCorrected',
         'DiplomaticEventRetracted', 'EventSourceAttached') AND position > $1 AND position <= $2
       ORDER BY order_xid, position`,
      [start, after],
    );
    expect(ids).toEqual(rows.map((r) => r.event_id));
    const mine = changes.filter((c) => written.some((w) => w.position === c.position));
    expect(mine.map((c) => [c.type, c.id, c.position])).toEqual(written.map((w) => [w.type, w.id, w.position]));
    expect(mine[5].item).toMatchObject({ id: written[0].id, version: 2, status: 'cancelled' });
    expect(mine[6].item).toMatchObject({ id: written[1].id, retractedAt: expect.any(String) });
    expect(mine[7]).toMatchObject({ version: 1, item: { id: written[2].id, version: 1 } });
    expect(mine[7].item?.sources.map((s) => s.quote)).toContain('Another report of the visit.');
    // The same pages read again give the same ids: a mirror can de-duplicate on changeId.
    expect((await readAll(1000)).changes.map((c) => c.changeId).slice(0, ids.length)).toEqual(ids);
  });

  it('continues after a cursor, and answers an empty page with the same cursor at the end', async () => {
    const last = written[written.length - 1].position;
    const next = await eventually(async () => {
      const res = await http().get('/api/changes').query({ after: written[4].position }).expect(200);
      return res.body.changes.some((c: Change) => c.position === last) ? res.body : undefined;
    });
    expect(next.changes.map((c: Change) => c.position).slice(0, 3)).toEqual(written.slice(5).map((w) => w.position));
    const { after } = await readAll(1000);
    const end = await http().get('/api/changes').query({ after }).expect(200);
    expect(end.body).toEqual({ changes: [], nextAfter: after, hasMore: false });
  });

  it('refuses a cursor that is not a position of this log, and a bad limit, naming the field', async () => {
    const unknown = await http().get('/api/changes').query({ after: 999_999_999 }).expect(400);
    expect(unknown.body.fields).toHaveProperty('after');
    expect((await http().get('/api/changes').query({ after: -1 }).expect(400)).body.fields).toHaveProperty('after');
    expect((await http().get('/api/changes').query({ limit: 0 }).expect(400)).body.fields).toHaveProperty('limit');
    expect((await http().get('/api/changes').query({ limit: 1001 }).expect(400)).body.fields).toHaveProperty('limit');
  });
});
