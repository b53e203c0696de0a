import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PostgresEventStore } from '@libs/event-store';
import { READ_APPLICATION_NAME, ReadReplicas } from '@libs/platform';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { holdTable } from '../support/hold-table';
import { aSourceBody } from '../builders/diplomatic-event.builder';

const READ_POOL_MAX = 2;
const TIMEOUT_MS = 3000;

/**
 * Public reads run on a pool of their own with a statement_timeout (libs/platform/src/read-replicas.ts): they can
 * neither take the connections writes need nor run for ever.
 */
describe('the public-read pool', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let baseUrl: string;
  const tag = `rp-${randomUUID().slice(0, 8)}`;
  /** A URL no other request asked for: no cached answer, a read of the timeline's table. */
  let reads = 0;
  const aFreshRead = () => fetch(`${baseUrl}/api/timeline?actor=${tag}-${++reads}`);
  const readsWaitingOnALock = async () => {
    const { rows } = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database() AND wait_event_type = 'Lock'`,
      [READ_APPLICATION_NAME],
    );
    return rows[0].n;
  };

  beforeAll(async () => {
    app = await startTestApi({ READ_POOL_MAX: String(READ_POOL_MAX), READ_STATEMENT_TIMEOUT_MS: String(TIMEOUT_MS) });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    pool = testPool(2);
  });
  afterAll(async () => {
    await app?.close();
    await pool?.end();
  });

  it('carries READ_STATEMENT_TIMEOUT_MS on read connections only', async () => {
    const setting = async (db: Pool) =>
      (await db.query<{ s: string }>("SELECT current_setting('statement_timeout') AS s")).rows[0].s;
    expect(await setting(app.get(ReadReplicas).primary)).toBe('3s');
    expect(await setting(app.get(PostgresEventStore).pool)).toBe('0');
  });

  it('stops a read that runs past READ_STATEMENT_TIMEOUT_MS and answers 503 READ.TIMEOUT', async () => {
    const release = await holdTable(pool, 'timeline_versions');
    try {
      const res = await aFreshRead();
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'the query ran longer than this server allows a read and was stopped; narrow the filters',
        code: 'READ.TIMEOUT',
      });
      // PostgreSQL stopped the statements: nothing of that read still waits.
      expect(await readsWaitingOnALock()).toBe(0);
    } finally {
      await release();
    }
    expect((await aFreshRead()).status).toBe(200);
  }, 30_000);

  it('leaves writes their connections while more slow reads wait than the main pool holds', async () => {
    const release = await holdTable(pool, 'timeline_versions');
    let flood: Promise<number>[];
    try {
      // More than DB_POOL_MAX (20): on a shared pool these would hold every connection the write needs.
      flood = Array.from({ length: 25 }, () => aFreshRead().then((res) => res.status));
      await eventually(async () => ((await readsWaitingOnALock()) === READ_POOL_MAX ? true : undefined));
      const write = await fetch(`${baseUrl}/api/admin/sources`, {
        method: 'POST',
        headers: { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(aSourceBody()),
      });
      expect(write.status).toBe(201);
      // Answered while the reads still wait: READ_POOL_MAX of them on the lock, the rest for a read connection.
      expect(await readsWaitingOnALock()).toBe(READ_POOL_MAX);
    } finally {
      await release();
    }
    expect(new Set(await Promise.all(flood))).toEqual(new Set([200]));
  }, 60_000);
});
