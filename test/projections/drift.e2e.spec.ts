import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { RebuildService } from '@libs/projections';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

/*
 * What a rebuild is for, proven without trusting the projection's own checksum: a live row changed behind the
 * projector's back is reported as drift and repaired, and a row the log never produced does not survive the swap.
 */
const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('a rebuild against drifted live tables', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let id: string;
  const http = () => request(app.getHttpServer());
  const title = `Drift test ${randomUUID()}`;

  const liveTitle = async (eventId: string) =>
    (
      await pool.query<{ title: string }>('SELECT title FROM timeline_versions WHERE id = $1 AND valid_to IS NULL', [
        eventId,
      ])
    ).rows[0]?.title;
  const tableOid = async () =>
    (await pool.query<{ oid: number }>(`SELECT 'timeline_versions'::regclass::oid::int AS oid`)).rows[0].oid;
  const rebuild = async () => await (await app.get(RebuildService).start('timeline', 'drift spec')).done;

  beforeAll(async () => {
    pool = testPool(2);
    app = await startTestApi();
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    id = (await http().post('/api/admin/events').set(auth).send(aDiplomaticEventBody(sourceId, { title })).expect(201))
      .body.id;
    await eventually(async () => ((await liveTitle(id)) === title ? true : undefined));
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('reports drift for a corrupted live row, repairs it, and drops rows the log never produced', async () => {
    await pool.query(`UPDATE timeline_versions SET title = 'tampered' WHERE id = $1`, [id]);
    const stray = randomUUID();
    await pool.query(
      `INSERT INTO timeline_versions SELECT $2, version, valid_from, valid_to, retracted_at, type, type_root, title,
         summary, actors, actor_ids, countries, location, date_start, date_end, date, status, source_id, quote,
         recorded_at, search FROM timeline_versions WHERE id = $1`,
      [id, stray],
    );
    const before = await tableOid();

    const outcome = await rebuild();

    expect(outcome.drift).toBe(true);
    expect(outcome.checksum).not.toBe(outcome.liveChecksum);
    const record = await pool.query('SELECT drift, status FROM projection_rebuilds WHERE id = $1', [outcome.id]);
    expect(record.rows[0]).toEqual({ drift: true, status: 'succeeded' });
    expect(await liveTitle(id)).toBe(title);
    expect((await pool.query('SELECT 1 FROM timeline_versions WHERE id = $1', [stray])).rowCount).toBe(0);
    expect(await tableOid()).not.toBe(before); // the shadow table took the live name: a swap, not an update
  });

  it('reports no drift when the live tables match the log', async () => {
    const outcome = await rebuild();
    expect(outcome).toMatchObject({ drift: false });
    expect(outcome.checksum).toBe(outcome.liveChecksum);
  });
});
