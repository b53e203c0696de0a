import { afterAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { Client } from 'pg';
import { migrate } from '@libs/platform';
import { startTestApi } from '../support/api';

describe('GET /health', () => {
  it('answers 200 with the database up', async () => {
    const app = await startTestApi();
    try {
      const res = await request(app.getHttpServer()).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    } finally {
      await app.close();
    }
  });

  describe('when the database goes away', () => {
    const name = `annals_health_${process.pid}_${Date.now()}`;
    const server = new URL(process.env.ANNALS_TEST_SERVER_URL ?? process.env.DATABASE_URL ?? '');
    const admin = () => new Client({ connectionString: server.toString() });
    afterAll(async () => {
      const client = admin();
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    });

    it('answers 503 naming the database as down', async () => {
      const client = admin();
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      const url = new URL(server);
      url.pathname = `/${name}`;
      await migrate(url.toString());
      const app = await startTestApi({ DATABASE_URL: url.toString() });
      try {
        await request(app.getHttpServer()).get('/health').expect(200);
        await client.query(`DROP DATABASE ${name} WITH (FORCE)`);
        const res = await request(app.getHttpServer()).get('/health').expect(503);
        expect(res.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
      } finally {
        await client.end();
        await app.close();
      }
    });
  });
});
