import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { loadConfig, ReadReplicas } from '@libs/platform';
import { CHECKPOINT_MEMO_MS, ReadDatabase } from './read-database';

/** ReadDatabase against the test database: which reads reach PostgreSQL, counted on the real read pool. */
describe('ReadDatabase checkpoint reads', () => {
  let replicas: ReadReplicas;
  let reads: ReadDatabase;
  let checkpointQueries = 0;

  beforeAll(() => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set: run the tests through jest');
    replicas = new ReadReplicas([], { primaryUrl: url, poolMax: 4, statementTimeoutMs: 5000 });
    const query = replicas.primary.query.bind(replicas.primary) as (...args: unknown[]) => Promise<unknown>;
    // Counts the checkpoint reads on their way to the real server (the query itself is untouched).
    (replicas.primary as unknown as { query: typeof query }).query = (...args: unknown[]) => {
      if (typeof args[0] === 'string' && args[0].includes('FROM projection_checkpoints')) checkpointQueries++;
      return query(...args);
    };
    reads = new ReadDatabase(replicas, loadConfig({}));
  });
  afterAll(() => replicas.onModuleDestroy());

  it('answers every request that finds the memo stale at once with one read of the checkpoint', async () => {
    await reads.atCheckpoint({ source: 'timeline' }, async (at) => at);
    await new Promise((resolve) => setTimeout(resolve, CHECKPOINT_MEMO_MS + 20));
    const before = checkpointQueries;
    const positions = await Promise.all(
      Array.from({ length: 20 }, () => reads.atCheckpoint({ source: 'timeline' }, async (at) => at)),
    );
    expect(checkpointQueries - before).toBe(1);
    expect(new Set(positions).size).toBe(1);
    // The memo holds it now: no read at all.
    await reads.atCheckpoint({ source: 'timeline' }, async (at) => at);
    expect(checkpointQueries - before).toBe(1);
  });
});
