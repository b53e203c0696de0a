import { afterAll, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { testPool } from '../../../../test/support/database';
import { buildDeferredIndexes } from './bulk-load';

const pool = testPool(2);
afterAll(() => pool.end());

it('builds deferred indexes side by side under their own names, even two on the same column', async () => {
  const table = `bulk_load_spec_${randomUUID().slice(0, 8)}`;
  await pool.query(`CREATE TABLE ${table} (a int, b text)`);
  try {
    await pool.query(`INSERT INTO ${table} SELECT g, g::text FROM generate_series(1, 20000) g`);
    // Left to PostgreSQL, both builds would choose the name "<table>_a_idx" at once, and one would fail.
    await buildDeferredIndexes(
      pool.options,
      [
        { table, name: `${table}_first`, definition: 'USING btree (a)' },
        { table, name: `${table}_second`, definition: 'USING btree (a) WHERE (b IS NOT NULL)' },
      ],
      2,
    );
    const { rows } = await pool.query<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE tablename = $1 ORDER BY indexname',
      [table],
    );
    expect(rows.map((r) => r.indexname)).toEqual([`${table}_first`, `${table}_second`]);
  } finally {
    await pool.query(`DROP TABLE ${table}`);
  }
});
