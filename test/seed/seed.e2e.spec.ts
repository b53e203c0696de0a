import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrate } from '@libs/platform';
import { deterministicUuid } from '@libs/event-store';
import { SeedService } from '@libs/diplomacy';
import { startTestApi } from '../support/api';

/** A fresh, empty database: the first start seeds the article; a second seeding adds nothing. */
describe('the seed article on a fresh install', () => {
  const name = `annals_seed_${process.pid}_${Date.now()}`;
  const server = new URL(process.env.ANNALS_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? '');
  const url = new URL(server);
  url.pathname = `/${name}`;
  let app: NestFastifyApplication;
  let db: Client;

  beforeAll(async () => {
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    await migrate(url.toString());
    app = await startTestApi({ DATABASE_URL: url.toString(), SEED_ON_START: 'true' });
    db = new Client({ connectionString: url.toString() });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
    await app.close();
    const admin = new Client({ connectionString: server.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  const counts = async () =>
    (await db.query(`SELECT type, count(*)::int AS n FROM events GROUP BY type ORDER BY type`)).rows as {
      type: string;
      n: number;
    }[];

  it('records the source, its ten dated statements and the Xi correction, with the article dates resolved', async () => {
    expect(await counts()).toEqual([
      { type: 'DiplomaticEventCorrected', n: 1 },
      { type: 'DiplomaticEventRecorded', n: 10 },
      { type: 'SourceRegistered', n: 1 },
    ]);
    const dates = (
      await db.query(`SELECT data->'date'->>'expression' AS expression, data->'date'->>'start' AS start, data->'date'->>'end' AS "end",
                             data->'date'->>'timex' AS timex FROM events WHERE type = 'DiplomaticEventRecorded'`)
    ).rows;
    expect(dates).toEqual(
      expect.arrayContaining([
        { expression: 'يوم الأربعاء', start: '2023-11-01', end: '2023-11-01', timex: '2023-11-01' },
        { expression: 'الأسبوع الماضي', start: '2023-10-23', end: '2023-10-29', timex: '2023-W43' },
        { expression: 'في يونيو/حزيران', start: '2023-06-01', end: '2023-06-30', timex: '2023-06' },
        { expression: 'في مايو/أيار الماضي', start: '2023-05-01', end: '2023-05-31', timex: '2023-05' },
        { expression: 'يومي الخميس والجمعة', start: '2023-11-02', end: '2023-11-03', timex: '2023-11-02/2023-11-03' },
        { expression: 'منذ عام 1994', start: '1994-01-01', end: '1994-12-31', timex: '1994' },
      ]),
    );
  });

  it('shows the correction of the G7 venue in the Xi event history, with its reason', async () => {
    const id = deterministicUuid('seed:000_911741716f96cebe:xi-central-asia-plan');
    const { events } = (await request(app.getHttpServer()).get(`/api/events/${id}/history`).expect(200)).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'DiplomaticEventRecorded',
      'DiplomaticEventCorrected',
    ]);
    expect(events[0].data.location).toEqual({ name: 'G7 summit' });
    expect(events[1].data.changes.location).toEqual({ name: "Xi'an (China–Central Asia summit)", country: 'CHN' });
    expect(events[1].data.reason).toContain('G7');
  });

  it('adds nothing when seeded again', async () => {
    const before = await counts();
    await app.get(SeedService).seed();
    expect(await counts()).toEqual(before);
  });
});
