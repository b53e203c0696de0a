import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { testPool } from '../../../test/support/database';
import { PostgresEventStore } from './event-store';

/** Raw SQL on a plain superuser connection, bypassing the store: the database itself must refuse. */
describe('the events table is immutable', () => {
  let client: Client;
  const streamId = `immutable-${randomUUID()}`;
  let before: unknown[];

  beforeAll(async () => {
    const pool = testPool(2);
    await new PostgresEventStore(pool).append(streamId, 'no_stream', [{ type: 'Kept', data: { n: 1 } }]);
    await pool.end();
    client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    before = (await client.query('SELECT * FROM events ORDER BY position')).rows;
  });
  afterAll(() => client.end());

  it.each([
    ['UPDATE', `UPDATE events SET data = '{"n": 2}' WHERE stream_id = '${streamId}'`],
    ['DELETE', `DELETE FROM events WHERE stream_id = '${streamId}'`],
    ['TRUNCATE', 'TRUNCATE events'],
    ['TRUNCATE CASCADE', 'TRUNCATE events CASCADE'],
    ['UPDATE as replica', `SET session_replication_role = replica; UPDATE events SET version = 99`],
  ])('refuses %s and changes nothing', async (_, sql) => {
    await expect(client.query(sql)).rejects.toThrow(/events are immutable/);
    await client.query('RESET session_replication_role');
    expect((await client.query('SELECT * FROM events ORDER BY position')).rows).toEqual(before);
  });
});
