import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrate } from '@libs/platform';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { OwnCluster } from '../support/own-cluster';

/**
 * A named credential is checked in PostgreSQL on every request: while the database is down its requests are
 * answered 503 with Retry-After (an outage, not a refusal and not a bug), and accepted again once it is back.
 */
describe('named credentials while the database is down', () => {
  let cluster: OwnCluster;
  let app: NestFastifyApplication;
  let token: string;
  const whoami = () => request(app.getHttpServer()).get('/api/admin/whoami').set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    cluster = await OwnCluster.create();
    const url = await cluster.createDatabase('annals_outage');
    await migrate(url);
    app = await startTestApi({ DATABASE_URL: url, RUN_PROJECTOR: 'false' });
    const created = await request(app.getHttpServer())
      .post('/api/admin/credentials')
      .set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`)
      .send({ name: 'Night editor', role: 'editor' })
      .expect(201);
    token = created.body.token;
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await cluster?.stop('immediate').catch(() => undefined);
    await cluster?.remove();
  });

  it('answers 503 with Retry-After during the outage, and 200 once it is over', async () => {
    await whoami().expect(200);
    await cluster.stop('immediate');
    const down = await whoami();
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.body).toMatchObject({ statusCode: 503, code: 'DATABASE.UNAVAILABLE' });
    await cluster.start();
    await eventually(async () => ((await whoami()).status === 200 ? true : undefined), 20_000, 200);
  }, 90_000);
});
