import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import type { Upcaster } from '@libs/event-store';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { pollUntil, type ScratchDatabase } from '../support/processes';
import { startScratchApi, type ScratchApi } from '../support/scratch-api';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** The fix deployed later: an old importer wrote `when` where the domain says `date`; read it as `date`. */
const WHEN_TO_DATE: Upcaster = {
  type: 'DiplomaticEventRecorded',
  fromSchemaVersion: 1,
  upcast: (data) => {
    if (typeof data !== 'object' || data === null || !('when' in data)) return data;
    const { when, ...rest } = data as { when: unknown } & Record<string, unknown>;
    return { ...rest, date: when };
  },
};

/**
 * One event no projection can apply must never stop a projection (the log is immutable: it can never be repaired).
 * It is parked with its error, the events of its stream behind it, and the rest of the log goes on.
 */
describe('an event no projection can apply', () => {
  let scratch: ScratchApi;
  let database: ScratchDatabase;
  let db: Client;
  let app: NestFastifyApplication;
  const poisonId = randomUUID();
  const stream = `diplomatic-event-${poisonId}`;

  beforeAll(async () => {
    scratch = await startScratchApi('annals_parked_test');
    ({ database, db, app } = scratch);
  });

  afterAll(async () => {
    await app?.close();
    await scratch?.dispose();
  });

  const http = () => request(app.getHttpServer());
  const parked = async (projection: string) =>
    (await http().get(`/api/admin/projections/${projection}/parked`).set(auth).expect(200)).body.items as {
      eventId: string;
      version: number;
      error: string;
      blockedBy: string | null;
    }[];

  async function record(sourceId: string, title: string): Promise<string> {
    const res = await http()
      .post('/api/admin/events')
      .set(auth)
      .send(aDiplomaticEventBody(sourceId, { title }))
      .expect(201);
    return res.body.id;
  }

  async function visible(id: string): Promise<number> {
    return pollUntil(
      async () => (await http().get(`/api/events/${id}`)).status,
      (status) => status === 200,
      10_000,
    );
  }

  it('is parked; later events appear; the admin route lists it; /health is degraded; a retry after the fix applies it', async () => {
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const before = await record(sourceId, 'Before the poison');
    expect(await visible(before)).toBe(200);

    // Written straight into the log, as an old importer did: `when` instead of `date`, then a correction of it.
    const facts = aDiplomaticEventBody(sourceId, { title: 'Written by an old importer' });
    const { date: _date, ...withoutDate } = facts;
    const data = {
      ...withoutDate,
      id: poisonId,
      when: {
        expression: null,
        anchor: null,
        direction: null,
        start: '2023-10-01',
        end: '2023-10-01',
        precision: 'day',
        timex: '2023-10-01',
      },
    };
    await db.query(
      `INSERT INTO events (order_xid, stream_id, version, event_id, type, schema_version, data, metadata)
       VALUES (pg_current_xact_id(), $1, 1, $2, 'DiplomaticEventRecorded', 1, $3, '{}'),
              (pg_current_xact_id(), $1, 2, $4, 'DiplomaticEventCorrected', 1, $5, '{}')`,
      [
        stream,
        randomUUID(),
        JSON.stringify(data),
        randomUUID(),
        JSON.stringify({ id: poisonId, changes: { title: 'Corrected after import' }, reason: 'typo' }),
      ],
    );
    const after = await record(sourceId, 'After the poison');
    expect(await visible(after)).toBe(200);

    const items = await pollUntil(
      () => parked('timeline'),
      (list) => list.length === 2,
      10_000,
    );
    expect(items).toEqual([
      expect.objectContaining({ version: 1, blockedBy: null, error: expect.stringMatching(/TypeError|start/) }),
      expect.objectContaining({
        version: 2,
        blockedBy: items[0].eventId,
        error: expect.stringContaining('waits behind'),
      }),
    ]);
    await http().get(`/api/events/${poisonId}`).expect(404);
    const health = (await http().get('/health').expect(200)).body;
    expect(health.status).toBe('degraded');
    expect(health.info.projections.parked).toMatchObject({ timeline: 2 });
    expect(health.info.projections.reasons).toContain('timeline: 2 parked event(s) could not be applied');
    const metrics = (await http().get('/metrics').expect(200)).text;
    expect(metrics).toContain('annals_projection_parked_events{projection="timeline"} 2');

    // A retry without a fix changes nothing: the same event fails again, the one behind it stays behind it.
    const unfixed = (await http().post('/api/admin/projections/timeline/parked/retry').set(auth).expect(200)).body;
    expect(unfixed).toMatchObject({ applied: 0, stillParked: 2 });

    // A rebuild with today's code parks the same events again (they are the read model's known gaps).
    await http().post('/api/admin/projections/timeline/rebuild').set(auth).expect(202);
    await pollUntil(
      async () => (await http().get('/api/admin/projections').set(auth)).body.projections[0].lastRebuild?.status,
      (status) => status === 'succeeded',
      30_000,
    );
    expect((await parked('timeline')).map((p) => p.version)).toEqual([1, 2]);
    await http().get(`/api/events/${after}`).expect(200);

    // The fix is deployed: a process with the upcaster retries the parked events, in order.
    await app.close();
    app = await startTestApi({ DATABASE_URL: database.url }, { upcasters: [WHEN_TO_DATE] });
    for (const projection of ['timeline', 'actors']) {
      const outcome = (await http().post(`/api/admin/projections/${projection}/parked/retry`).set(auth).expect(200))
        .body;
      expect(outcome).toEqual({ applied: 2, stillParked: 0, errors: [] });
      expect(await parked(projection)).toEqual([]);
    }
    const event = (await http().get(`/api/events/${poisonId}`).expect(200)).body;
    expect(event).toMatchObject({ title: 'Corrected after import', version: 2 });
    const healed = await pollUntil(
      async () => (await http().get('/health')).body,
      (h) => h.status === 'ok',
      10_000,
    );
    expect(healed.status).toBe('ok');
  });

  it('refuses, with 400 naming the field, the dates that caused this in the first place', async () => {
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const count = async () => Number((await db.query('SELECT count(*) FROM events')).rows[0].count);
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ start: '0000-01-01' }, 'date.start'],
      [{ start: '2023-01-01', end: '0000-12-31' }, 'date.end'],
      [{ expression: 'last year', anchor: '0001-01-01' }, 'date.expression'],
      [{ expression: 'last year', anchor: '0000-06-01' }, 'date.anchor'],
    ];
    for (const [date, field] of cases) {
      const res = await http()
        .post('/api/admin/events')
        .set(auth)
        .send(aDiplomaticEventBody(sourceId, { date }))
        .expect(400);
      expect(Object.keys(res.body.fields)).toContain(field);
    }
    expect(await count()).toBe(before);
  });
});
