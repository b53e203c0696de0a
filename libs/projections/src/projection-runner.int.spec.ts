import { afterAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { PostgresEventStore, type StoredEvent } from '@libs/event-store';
import { testPool } from '../../../test/support/database';
import { eventually } from '../../../test/support/eventually';
import { readCheckpoint } from './checkpoints';
import { batchLock } from './locks';
import type { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

const pool = testPool(6);
afterAll(() => pool.end());

/**
 * A projection of this spec's own: it keeps the spec's events it was given (the run's database holds every other
 * suite's events too), so the spec can see which batches were applied.
 */
class Recording implements Projection {
  readonly name = `runner-spec-${randomUUID().slice(0, 8)}`;
  readonly codeVersion = 1;
  readonly tables = [] as const;
  readonly applied: StoredEvent[] = [];
  async apply(_tx: PoolClient, events: readonly StoredEvent[]): Promise<void> {
    this.applied.push(...events.filter((e) => e.streamId.startsWith(this.name)));
  }
  async checksum(): Promise<string> {
    return String(this.applied.length);
  }
}

/** The log's last event: where the spec's projection starts, so it does not read every other suite's events. */
const startAtHead = (name: string) =>
  pool.query(
    `INSERT INTO projection_checkpoints (name, code_version, order_xid, position)
     SELECT $1, 1, order_xid, position FROM events ORDER BY order_xid DESC, position DESC LIMIT 1`,
    [name],
  );

const anEvent = () => ({ type: 'RunnerSpecHappened', data: { id: randomUUID() } });

describe('ProjectionRunner', () => {
  it('returns its batch connection to the pool when a rebuild moved the checkpoint under it', async () => {
    const store = new PostgresEventStore(pool);
    const projection = new Recording();
    const runner = new ProjectionRunner(store, projection, new Logger('runner-spec'));
    await startAtHead(projection.name);
    await runner.start();
    try {
      const first = await store.append(`${projection.name}-${randomUUID()}`, 'no_stream', [anEvent()]);
      await eventually(async () =>
        (await readCheckpoint(pool, projection.name))?.position.position === first.positions[0] ? true : undefined,
      );

      // What a rebuild's swap does: hold the projection's batch lock, move the checkpoint past the head, commit.
      const swap = await pool.connect();
      try {
        await swap.query('BEGIN');
        await swap.query('SELECT pg_advisory_xact_lock(hashtext($1))', [batchLock(projection.name)]);
        await store.append(`${projection.name}-${randomUUID()}`, 'no_stream', [anEvent()]);
        // The runner's batch for that event now waits for the lock inside its own transaction.
        await eventually(async () => {
          const { rows } = await pool.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`,
          );
          return rows[0].n > 0 ? true : undefined;
        });
        await swap.query(
          `UPDATE projection_checkpoints SET order_xid = e.order_xid, position = e.position
             FROM (SELECT order_xid, position FROM events ORDER BY order_xid DESC, position DESC LIMIT 1) e
            WHERE name = $1`,
          [projection.name],
        );
        await swap.query('COMMIT');
      } finally {
        swap.release();
      }
      // The batch found the checkpoint moved, rolled back and carried on from the new checkpoint.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(projection.applied).toHaveLength(1);
    } finally {
      await runner.stop();
    }
    // Every client the runner took is back: none checked out (pool.end() would wait for it for ever).
    expect(pool.totalCount - pool.idleCount).toBe(0);
  });
});
