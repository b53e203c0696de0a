import type { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import type { PoolClient } from 'pg';
import {
  isConnectionError,
  LogSubscription,
  PostgresEventStore,
  type LogPosition,
  type StoredEvent,
} from '@libs/event-store';
import { advanceCheckpoint, ensureCheckpoint, readCheckpoint } from './checkpoints';
import { batchLock, leaderLock } from './locks';
import { applyWithParking, describe } from './parking/parked-events';
import { liveTables, type Projection } from './projection';

/** How often a process that does not lead tries the leader lock (and how soon a standby takes over). */
export const LEADER_RETRY_MS = 2000;
/** How often the leader proves it is alive; /health calls a projection leaderless after a few missed beats. */
export const HEARTBEAT_MS = 2000;
/** Backoff while the database is unreachable: from LEADER_RETRY_MS up to this. */
const MAX_RETRY_MS = 10_000;

const HEARTBEAT_SQL = `
INSERT INTO projection_leaders (projection, holder, leading_since, heartbeat_at, last_error, last_error_at)
VALUES ($1, $2, $3, now(), $4, $5)
ON CONFLICT (projection) DO UPDATE SET holder = EXCLUDED.holder, leading_since = EXCLUDED.leading_since,
  heartbeat_at = now(), last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at`;

/**
 * Follows the log for one projection while this process holds its leader lock. Everything that can break when
 * PostgreSQL goes away (the leader connection, the subscription, a batch) ends in "stand by and try again with
 * backoff", never in an exception that escapes: the process outlives any outage and resumes from the checkpoint.
 */
export class ProjectionRunner {
  leading = false;
  private stopped = false;
  private leaderClient: PoolClient | undefined;
  private subscription: LogSubscription | undefined;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private attempt: Promise<void> | undefined;
  private failures = 0;
  private leadingSince = new Date();
  private lastError: { message: string; at: Date } | undefined;
  private readonly holder = `${hostname()}:${process.pid}`;

  constructor(
    private readonly store: PostgresEventStore,
    readonly projection: Projection,
    private readonly logger: Logger,
  ) {}

  /** Resolves after the first attempt to lead (whatever its outcome); later attempts run on their own. */
  start(): Promise<void> {
    this.attempt = this.tryToLead();
    return this.attempt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    await this.attempt; // an attempt in flight may still be starting a subscription: let it land, then stop it
    await this.subscription?.stop();
    this.leaderClient?.release(true);
    this.leaderClient = undefined;
    this.leading = false;
  }

  private async tryToLead(): Promise<void> {
    if (this.stopped) return;
    let client: PoolClient | undefined;
    try {
      client = await this.store.pool.connect();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        leaderLock(this.projection.name),
      ]);
      if (!rows[0].ok || this.stopped) {
        client.release();
        this.failures = 0;
        this.scheduleRetry();
        return;
      }
      const leader = client;
      leader.on('error', (error) => this.lostLeadership(leader, error));
      this.leaderClient = leader;
      this.leading = true;
      this.leadingSince = new Date();
      this.lastError = undefined;
      const checkpoint = await ensureCheckpoint(this.store.pool, this.projection.name, this.projection.codeVersion);
      this.logger.log(`${this.projection.name}: leading from position ${checkpoint.position.position}`);
      await this.beat(leader);
      this.heartbeat = setInterval(() => void this.beat(leader), HEARTBEAT_MS);
      this.heartbeat.unref();
      this.subscription = await new LogSubscription(this.store, {
        from: checkpoint.position,
        batchSize: 500,
        pollIntervalMs: 1000,
        handle: (events) => this.applyBatch(events),
        onError: (error) => this.batchFailed(error),
      }).start();
      this.failures = 0;
    } catch (error) {
      this.logger.error(`${this.projection.name}: could not start: ${String(error)}`);
      if (client && client === this.leaderClient) this.lostLeadership(client, error);
      else {
        client?.release(error instanceof Error ? error : true);
        this.failures++;
        this.scheduleRetry();
      }
    }
  }

  private scheduleRetry(): void {
    if (this.stopped) return;
    const delay = Math.min(LEADER_RETRY_MS * 2 ** Math.min(this.failures, 4), MAX_RETRY_MS);
    this.retry = setTimeout(() => (this.attempt = this.tryToLead()), delay);
  }

  /** The leader connection broke (or a heartbeat on it failed): stop following and try to lead again. */
  private lostLeadership(client: PoolClient, error: unknown): void {
    if (this.leaderClient !== client) return; // already handled
    this.logger.warn(`${this.projection.name}: lost the leader connection (${String(error)}); standing by`);
    clearInterval(this.heartbeat);
    this.leading = false;
    this.leaderClient = undefined;
    client.release(true);
    const subscription = this.subscription;
    this.subscription = undefined;
    this.failures++;
    void (subscription?.stop() ?? Promise.resolve()).finally(() => this.scheduleRetry());
  }

  /** On the leader connection: proves both that this process is alive and that it still holds the lock. */
  private async beat(client: PoolClient): Promise<void> {
    try {
      await client.query(HEARTBEAT_SQL, [
        this.projection.name,
        this.holder,
        this.leadingSince,
        this.lastError?.message ?? null,
        this.lastError?.at ?? null,
      ]);
    } catch (error) {
      this.lostLeadership(client, error);
    }
  }

  private batchFailed(error: unknown): void {
    this.lastError = { message: describe(error), at: new Date() };
    const kind = isConnectionError(error) ? 'database unreachable' : 'batch failed';
    this.logger.error(`${this.projection.name}: ${kind}: ${String(error)}`);
  }

  /** One transaction: the batch's effects (events that cannot be applied are parked) and the checkpoint move. */
  private async applyBatch(events: StoredEvent[]): Promise<LogPosition | void> {
    const from = this.subscription?.checkpoint;
    const to = events[events.length - 1].logPosition;
    const tx = await this.store.pool.connect();
    // Released exactly once on every path (an early return once leaked the client, and pool.end() then waited for ever).
    let broken: Error | true | undefined;
    try {
      await tx.query('BEGIN');
      await tx.query({
        name: 'annals.batch-lock.v1',
        text: 'SELECT pg_advisory_xact_lock(hashtext($1))',
        values: [batchLock(this.projection.name)],
      });
      const moved = from && !(await advanceCheckpoint(tx, this.projection.name, from, to));
      if (moved) {
        // A rebuild swapped in new tables and moved the checkpoint: continue from there.
        await tx.query('ROLLBACK');
        // Read through this client: asking the pool for another could wait for ever when it is exhausted.
        const checkpoint = await readCheckpoint(tx, this.projection.name);
        return checkpoint?.position;
      }
      const parked = await applyWithParking(tx, this.projection, events, liveTables(this.projection), 'live', 'live');
      await tx.query('COMMIT');
      this.lastError = undefined;
      if (parked > 0) this.logger.warn(`${this.projection.name}: parked ${parked} event(s) that could not be applied`);
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      broken = error instanceof Error ? error : true;
      throw error;
    } finally {
      tx.release(broken);
    }
  }
}
