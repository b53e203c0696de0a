import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PoolClient } from 'pg';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ReadReplicas } from '@libs/platform';
import { startTestApi } from '../support/api';
import { eventually } from '../support/eventually';

const abandoned = async (app: NestFastifyApplication): Promise<number> => {
  const text = (await request(app.getHttpServer()).get('/metrics').expect(200)).text;
  return Number(/^annals_http_abandoned_reads_total (\d+)/m.exec(text)?.[1] ?? NaN);
};

/*
 * A read that waits for a database connection longer than its client waits for the answer is not computed: the
 * client's connection is closed by the time a connection is free. Here the API's whole public-read pool (2
 * connections) is held by the test while one client asks and hangs up.
 */
describe('reads whose client has gone', () => {
  let app: NestFastifyApplication;
  let port: number;

  beforeAll(async () => {
    app = await startTestApi({ READ_POOL_MAX: '2', RUN_PROJECTOR: 'false' });
    await app.listen(0, '127.0.0.1');
    port = (app.getHttpServer().address() as AddressInfo).port;
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('skips the answer of a client that hung up while its read waited for a connection, and answers the next', async () => {
    const before = await abandoned(app);
    const pool = app.get(ReadReplicas).primary;
    const held: PoolClient[] = [await pool.connect(), await pool.connect()];
    let released = false;
    try {
      // Past the 50 ms checkpoint memo: the read needs a connection before it can answer.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const hungUp = new Promise<void>((resolve) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: '/api/timeline?q=nobody-reads-this' });
        req.on('error', () => resolve()); // the socket we destroy
        req.end();
        setTimeout(() => {
          req.destroy();
          resolve();
        }, 300);
      });
      await hungUp;
      await new Promise((resolve) => setTimeout(resolve, 100));
      held.forEach((client) => client.release());
      released = true;
      expect(await eventually(async () => ((await abandoned(app)) === before + 1 ? true : undefined), 10_000, 50)).toBe(
        true,
      );
    } finally {
      if (!released) held.forEach((client) => client.release());
    }
    // A client that stays gets its answer.
    await request(app.getHttpServer()).get('/api/timeline?q=nobody-reads-this').expect(200);
    expect(await abandoned(app)).toBe(before + 1);
  }, 30_000);
});
