import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import request from 'supertest';
import { TEST_ADMIN_TOKEN } from '../support/api';
import { pollUntil } from '../support/processes';
import { startScratchApi, type ScratchApi } from '../support/scratch-api';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const READ_MODELS = ['timeline_versions', 'timeline_sources', 'timeline_actor_names', 'actor_events', 'actors'];

/**
 * A later migration that names an index, or sets a storage parameter, must work the same on a fresh database and on
 * one rebuilt every night: rebuild swaps keep the migration's index (and constraint) names and the tables' storage
 * parameters, however many times they run.
 */
describe('read-model index names and storage parameters across rebuild swaps', () => {
  let scratch: ScratchApi;
  let db: Client;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    scratch = await startScratchApi('annals_index_names_test');
    ({ db, app } = scratch);
    // Storage parameters of the kind an operator or a later migration sets, on the table and on its TOAST table.
    await db.query(`ALTER TABLE actors SET (fillfactor = 90, toast.autovacuum_enabled = false)`);
  });

  afterAll(async () => {
    await app?.close();
    await scratch?.dispose();
  });

  const names = async () =>
    (
      await db.query<{ name: string }>(
        `SELECT tablename || '.' || indexname AS name FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename = ANY($1::text[]) ORDER BY 1`,
        [READ_MODELS],
      )
    ).rows.map((r) => r.name);

  async function rebuild(projection: string): Promise<void> {
    const { rebuildId } = (
      await request(app.getHttpServer()).post(`/api/admin/projections/${projection}/rebuild`).set(auth).expect(202)
    ).body;
    const last = await pollUntil(
      async () =>
        (await request(app.getHttpServer()).get('/api/admin/projections').set(auth)).body.projections.find(
          (p: { name: string }) => p.name === projection,
        ).lastRebuild,
      (r) => r?.id === rebuildId && r.status !== 'running',
      30_000,
    );
    expect(last.status).toBe('succeeded');
  }

  it('are the migration names after any number of swaps', async () => {
    const fresh = await names();
    expect(fresh).toContain('timeline_versions.timeline_live_order_idx');
    expect(fresh).toContain('timeline_versions.timeline_versions_pkey');
    for (let i = 0; i < 3; i++) {
      await rebuild('timeline');
      await rebuild('actors');
    }
    expect(await names()).toEqual(fresh);
    const constraints = await db.query<{ conname: string }>(
      `SELECT conname FROM pg_constraint WHERE conrelid = 'timeline_versions'::regclass AND contype = 'p'`,
    );
    expect(constraints.rows.map((r) => r.conname)).toEqual(['timeline_versions_pkey']);
  });

  it("keep their storage parameters after the swaps (a migration's toast_tuple_target, and the TOAST table's)", async () => {
    const options = async (table: string) =>
      (
        await db.query<{ table: string[] | null; toast: string[] | null }>(
          `SELECT c.reloptions AS table, t.reloptions AS toast FROM pg_class c
             LEFT JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = $1::regclass`,
          [table],
        )
      ).rows[0];
    expect(await options('timeline_versions')).toEqual({ table: ['toast_tuple_target=8160'], toast: null });
    expect(await options('actors')).toEqual({ table: ['fillfactor=90'], toast: ['autovacuum_enabled=false'] });
  });
});
