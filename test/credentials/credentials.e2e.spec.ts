import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { captureLogs } from '../support/captured-logs';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const suffix = () => Math.random().toString(36).slice(2, 8);

interface Created {
  id: string;
  name: string;
  role: string;
  token: string;
}

/** Editors, viewers and admins as named credentials: who may do what, and who did what. */
describe('named credentials', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  const logs = captureLogs();
  let editor: Created;
  let viewer: Created;
  let sourceId: string;
  let eventId: string;
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);

  const create = async (name: string, role: string): Promise<Created> =>
    (await http().post('/api/admin/credentials').set(admin).send({ name, role }).expect(201)).body as Created;

  beforeAll(async () => {
    app = await startTestApi({ LOG_LEVEL: 'info' }, { logStream: logs.stream });
    pool = testPool(2);
    editor = await create(`Aigerim ${suffix()}`, 'editor');
    viewer = await create(`Reader ${suffix()}`, 'viewer');
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('creates a credential whose token is shown once; the list shows no token and no hash', async () => {
    expect(editor.token).toMatch(/^ann_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(editor.token.slice(4, 36)).toBe(editor.id.replace(/-/g, ''));
    const { body } = await http().get('/api/admin/credentials').set(admin).expect(200);
    const listed = body.items.find((c: { id: string }) => c.id === editor.id);
    expect(listed).toEqual({
      id: editor.id,
      name: editor.name,
      role: 'editor',
      createdAt: expect.any(String),
      createdBy: 'ADMIN_TOKEN',
      revokedAt: null,
    });
    expect(JSON.stringify(body)).not.toContain(editor.token.slice(37));
  });

  it('refuses a bad name or role by field, and a second live credential with the same name', async () => {
    const bad = await http().post('/api/admin/credentials').set(admin).send({ name: ' ', role: 'owner' }).expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['name', 'role']);
    const taken = await http()
      .post('/api/admin/credentials')
      .set(admin)
      .send({ name: editor.name.toUpperCase(), role: 'viewer' })
      .expect(409);
    expect(taken.body).toMatchObject({ code: 'CREDENTIAL.NAME_TAKEN', fields: { name: expect.any(String) } });
  });

  it('says who is signed in', async () => {
    const me = await http().get('/api/admin/whoami').set(bearer(editor.token)).expect(200);
    expect(me.body).toEqual({ credentialId: editor.id, credentialName: editor.name, role: 'editor' });
    await http().get('/api/admin/whoami').set(bearer(viewer.token)).expect(200);
    const root = await http().get('/api/admin/whoami').set(admin).expect(200);
    expect(root.body).toEqual({ credentialId: 'admin-token', credentialName: 'ADMIN_TOKEN', role: 'admin' });
    await http().get('/api/admin/whoami').expect(401);
  });

  it('lets an editor register, record and correct; every stored event names the editor', async () => {
    sourceId = (await http().post('/api/admin/sources').set(bearer(editor.token)).send(aSourceBody()).expect(201)).body
      .id;
    const recorded = await http()
      .post('/api/admin/events')
      .set(bearer(editor.token))
      .send(aDiplomaticEventBody(sourceId))
      .expect(201);
    eventId = recorded.body.id;
    await http()
      .post(`/api/admin/events/${eventId}/corrections`)
      .set(admin)
      .send({ expectedVersion: 1, changes: { summary: 'Corrected by the bootstrap admin.' }, reason: 'Check.' })
      .expect(200);
    await http()
      .post(`/api/admin/events/${eventId}/corrections`)
      .set(bearer(editor.token))
      .send({ expectedVersion: 2, changes: { title: 'Corrected by the editor' }, reason: 'Typo.' })
      .expect(200);

    const { rows } = await pool.query<{ metadata: Record<string, string> }>(
      `SELECT metadata FROM events WHERE stream_id = $1 OR stream_id = $2 ORDER BY position`,
      [`diplomatic-event-${eventId}`, `source-${sourceId}`],
    );
    expect(rows.map((r) => [r.metadata.credentialId, r.metadata.credentialName])).toEqual([
      [editor.id, editor.name],
      [editor.id, editor.name],
      ['admin-token', 'ADMIN_TOKEN'],
      [editor.id, editor.name],
    ]);
  });

  it('shows who made each version in the history', async () => {
    const { body } = await http().get(`/api/events/${eventId}/history`).expect(200);
    expect(body.events.map((e: { version: number; recordedBy: unknown }) => [e.version, e.recordedBy])).toEqual([
      [1, { credentialId: editor.id, name: editor.name }],
      [2, { credentialId: 'admin-token', name: 'ADMIN_TOKEN' }],
      [3, { credentialId: editor.id, name: editor.name }],
    ]);
  });

  it('refuses every write by a viewer with 403, writing nothing; a viewer may read projection status', async () => {
    const before = await eventCount();
    for (const [path, body] of [
      ['/api/admin/sources', aSourceBody()],
      ['/api/admin/events', aDiplomaticEventBody(sourceId)],
      [`/api/admin/events/${eventId}/corrections`, { expectedVersion: 3, changes: { title: 'x' }, reason: 'r' }],
      [`/api/admin/events/${eventId}/retraction`, { expectedVersion: 3, reason: 'r' }],
      ['/api/admin/projections/timeline/rebuild', undefined],
      ['/api/admin/credentials', { name: `Other ${suffix()}`, role: 'admin' }],
    ] as const) {
      const res = await http().post(path).set(bearer(viewer.token)).send(body).expect(403);
      expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      expect(res.body.message).toContain('is a viewer');
    }
    expect(await eventCount()).toBe(before);
    await http().get('/api/admin/projections').set(bearer(viewer.token)).expect(200);
  });

  it('refuses rebuilds, parked events and credentials to an editor (403)', async () => {
    const rebuilds = async () => (await pool.query(`SELECT count(*)::int AS n FROM projection_rebuilds`)).rows[0].n;
    const before = await rebuilds();
    for (const [method, path] of [
      ['post', '/api/admin/projections/timeline/rebuild'],
      ['get', '/api/admin/projections/timeline/parked'],
      ['post', '/api/admin/projections/timeline/parked/retry'],
      ['get', '/api/admin/credentials'],
      ['post', `/api/admin/credentials/${viewer.id}/revocation`],
    ] as const) {
      const res = await http()[method](path).set(bearer(editor.token)).expect(403);
      expect(res.body.message).toContain('needs the admin role');
    }
    expect(await rebuilds()).toBe(before);
  });

  it('filters the timeline by recordedBy for admins only', async () => {
    // The read model has caught up once the event shows its last version.
    await eventually(async () => {
      const res = await http().get(`/api/events/${eventId}`);
      return res.status === 200 && res.body.version === 3 ? true : undefined;
    });
    const mine = await http().get('/api/timeline').query({ recordedBy: editor.id }).set(admin).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id)).toEqual([eventId]);
    const nobody = await http().get('/api/timeline').query({ recordedBy: viewer.id }).set(admin).expect(200);
    expect(nobody.body.items).toEqual([]);
    await http().get('/api/timeline').query({ recordedBy: editor.id }).expect(401);
    await http().get('/api/timeline').query({ recordedBy: editor.id }).set(bearer(editor.token)).expect(403);
    const bad = await http().get('/api/timeline').query({ recordedBy: 'x' }).set(admin).expect(400);
    expect(bad.body.fields).toHaveProperty('recordedBy');
    await http().get('/api/timeline').query({ limit: 1 }).expect(200);
  });

  it('refuses a revoked token at once, and keeps its name on the events it wrote', async () => {
    const temp = await create(`Temp ${suffix()}`, 'editor');
    await http().get('/api/admin/whoami').set(bearer(temp.token)).expect(200);
    const revoked = await http().post(`/api/admin/credentials/${temp.id}/revocation`).set(admin).expect(200);
    expect(revoked.body).toMatchObject({ id: temp.id, revokedAt: expect.any(String) });
    const refused = await http().get('/api/admin/whoami').set(bearer(temp.token)).expect(401);
    expect(refused.body.message).toBe('invalid admin token');
    // A forged secret for a live id is refused the same way.
    const forged = `${editor.token.slice(0, 37)}${'A'.repeat(43)}`;
    await http().get('/api/admin/whoami').set(bearer(forged)).expect(401);
    await http().post(`/api/admin/credentials/00000000-0000-4000-8000-000000000000/revocation`).set(admin).expect(404);
  });

  it('never stores or logs a token: not in the log, the read models, the credentials table or the logs', async () => {
    const secrets = [editor.token, viewer.token].map((t) => t.slice(37));
    for (const secret of secrets) {
      const { rows } = await pool.query<{ n: number }>(
        `SELECT (SELECT count(*) FROM events WHERE data::text LIKE $1 OR metadata::text LIKE $1)
              + (SELECT count(*) FROM timeline_versions t WHERE row_to_json(t)::text LIKE $1)
              + (SELECT count(*) FROM credentials c WHERE row_to_json(c)::text LIKE $1) AS n`,
        [`%${secret}%`],
      );
      expect(Number(rows[0].n)).toBe(0);
    }
    const logText = logs.text();
    expect(logText).toContain(editor.id); // the logs do say what happened to which credential
    for (const secret of [...secrets, TEST_ADMIN_TOKEN]) expect(logText).not.toContain(secret);
  });
});

describe('rate limits per credential and per address', () => {
  it('gives each credential its own bucket, and guessers on the same address one strict bucket', async () => {
    const app = await startTestApi({ ADMIN_RATE_LIMIT: '3', AUTH_FAILURE_LIMIT: '2' });
    const http = () => request(app.getHttpServer());
    try {
      const one = (
        await http()
          .post('/api/admin/credentials')
          .set(admin)
          .send({ name: `One ${suffix()}`, role: 'editor' })
      ).body as Created;
      const two = (
        await http()
          .post('/api/admin/credentials')
          .set(admin)
          .send({ name: `Two ${suffix()}`, role: 'viewer' })
      ).body as Created;
      for (let i = 0; i < 3; i++) await http().get('/api/admin/whoami').set(bearer(one.token)).expect(200);
      const limited = await http().get('/api/admin/whoami').set(bearer(one.token)).expect(429);
      expect(limited.body.message).toContain('limited to 3 a minute per credential');
      await http().get('/api/admin/whoami').set(bearer(two.token)).expect(200);

      const wrong = bearer(`${one.token.slice(0, 37)}${'B'.repeat(43)}`);
      for (let i = 0; i < 2; i++) await http().get('/api/admin/whoami').set(wrong).expect(401);
      const guessing = await http().get('/api/admin/whoami').set(wrong).expect(429);
      expect(guessing.body.message).toContain('without a valid token are limited to 2 a minute per address');
      await http().get('/api/admin/whoami').set(bearer(two.token)).expect(200);
    } finally {
      await app.close();
    }
  });
});
