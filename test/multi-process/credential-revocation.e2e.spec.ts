import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { buildIfStale, freePort, ProcessGroup, sleep, waitForHealth } from '../support/processes';

const admin = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/**
 * Credentials are read from Postgres on every request, so a revocation made through one api process holds on
 * every other at once: here an in-process api revokes, and a separate compiled api process must refuse the
 * token within a second (in practice on its first request after the revocation).
 */
describe('revoking a credential on one api process', () => {
  const processes = new ProcessGroup();
  let local: NestFastifyApplication;
  let remote: string;

  beforeAll(async () => {
    buildIfStale(['api'], 240_000);
    const databaseUrl = process.env.DATABASE_URL as string;
    const port = await freePort();
    const api = processes.start('api-2', 'api', {
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      RUN_PROJECTOR: 'false',
      SEED_ON_START: 'false',
      LOG_LEVEL: 'info',
    });
    remote = `http://127.0.0.1:${port}`;
    [local] = await Promise.all([startTestApi(), waitForHealth(api, remote, 60_000)]);
  }, 300_000);
  afterAll(async () => {
    await local?.close();
    await processes.killAll();
  });

  it('is refused by a second api process within a second', () =>
    processes.diagnosed(async () => {
      const created = await request(local.getHttpServer())
        .post('/api/admin/credentials')
        .set(admin)
        .send({ name: `Roaming editor ${Date.now()}`, role: 'editor' })
        .expect(201);
      const token = created.body.token as string;
      const asEditor = { authorization: `Bearer ${token}` };
      const me = await request(remote).get('/api/admin/whoami').set(asEditor).expect(200);
      expect(me.body.credentialId).toBe(created.body.id);

      await request(local.getHttpServer())
        .post(`/api/admin/credentials/${created.body.id}/revocation`)
        .set(admin)
        .expect(200);
      const revokedAt = Date.now();
      let status = 0;
      let tries = 0;
      while (Date.now() - revokedAt < 1000) {
        tries++;
        status = (await request(remote).get('/api/admin/whoami').set(asEditor)).status;
        if (status === 401) break;
        await sleep(20);
      }
      const elapsed = Date.now() - revokedAt;
      console.log(`revocation refused by the second process after ${elapsed} ms (${tries} request(s))`);
      expect(status).toBe(401);
      expect(tries).toBe(1);
      // Writes too, not just the identity route.
      await request(remote).post('/api/admin/sources').set(asEditor).send({}).expect(401);
      // The second process logged its requests, but never the token.
      await sleep(200);
      expect(processes.named('api-2').output()).not.toContain(token.slice(37));
      expect(processes.named('api-2').output()).toContain('/api/admin/whoami');
    }));
});
