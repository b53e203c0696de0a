import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { parse } from 'csv-parse/sync';
import type { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PostgresEventStore } from '@libs/event-store';
import type { DiplomaticEventRecorded } from '@libs/diplomacy';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aSourceBody } from '../builders/diplomatic-event.builder';
import { bulkRecordedEvents } from '../builders/bulk-events';
import { getRaw } from './raw-response';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const CAP = 10_000;
const BULK = CAP + 1;

/** One more matching item than an export holds, appended straight to the store (fast) under an actor of its own. */
describe('timeline exports past the 10,000-item cap', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  const tag = `c-${randomUUID().slice(0, 8)}`;
  const http = () => request(app.getHttpServer());
  let inTimelineOrder: DiplomaticEventRecorded['data'][];

  beforeAll(async () => {
    app = await startTestApi();
    pool = testPool(2);
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const appends = bulkRecordedEvents(BULK, tag, sourceId);
    inTimelineOrder = appends
      .map((append) => append.events[0].data as DiplomaticEventRecorded['data'])
      .sort((a, b) => (a.date.start + a.id < b.date.start + b.id ? -1 : 1));
    await new PostgresEventStore(pool).appendMany(appends);
    const projected = async () =>
      Number(
        (
          await pool.query(`SELECT count(*) FROM timeline_versions WHERE valid_to IS NULL AND actor_ids @> ARRAY[$1]`, [
            tag,
          ])
        ).rows[0].count,
      );
    await eventually(async () => ((await projected()) === BULK ? true : undefined), 60_000, 200);
  }, 90_000);
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('answers 200 with the first 10,000 items in timeline order and X-Annals-Truncated: true', async () => {
    const res = await getRaw(http(), '/api/timeline.csv', { actor: tag });
    expect(res.headers['x-annals-truncated']).toBe('true');
    const rows = parse(res.raw, { bom: true, columns: true }) as { id: string }[];
    expect(rows.map((row) => row.id)).toEqual(inTimelineOrder.slice(0, CAP).map((event) => event.id));
  });

  it('cuts the iCalendar and TimelineJS exports the same way', async () => {
    const ics = await getRaw(http(), '/api/timeline.ics', { actor: tag });
    expect(ics.headers['x-annals-truncated']).toBe('true');
    expect(ics.text.match(/\r\nBEGIN:VEVENT\r\n/g)).toHaveLength(CAP);
    const timelineJs = await http().get('/api/timeline/timelinejs').query({ actor: tag }).expect(200);
    expect(timelineJs.headers['x-annals-truncated']).toBe('true');
    expect(timelineJs.body.events).toHaveLength(CAP);
    expect(timelineJs.body.title.text.text).toContain('more match than an export holds');
  });

  it('walks every page of a large export under the cap, without the header', async () => {
    const expected = inTimelineOrder.filter((event) => event.type === '042').map((event) => event.id);
    const res = await getRaw(http(), '/api/timeline.csv', { actor: tag, type: '042' });
    expect(res.headers['x-annals-truncated']).toBeUndefined();
    const rows = parse(res.raw, { bom: true, columns: true }) as { id: string }[];
    expect(expected.length).toBeGreaterThan(2_000);
    expect(rows.map((row) => row.id)).toEqual(expected);
  });
});
