import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { LogSubscription, PostgresEventStore, type LogPosition, type StoredEvent } from '@libs/event-store';
import { advanceCheckpoint, ensureCheckpoint, readCheckpoint } from './checkpoints';
import { batchLock, leaderLock } from './locks';
import { liveTables, PROJECTIONS, type Projection } from './projection';

const LEADER_RETRY_MS = 2000;

/**
 * Follows the log for each projection, in whichever process holds that projection's leader lock. If the
 * leader dies its connection closes, the lock is released, and a standby process takes over within seconds.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projector');
  private readonly runners: ProjectionRunner[];

  constructor(store: PostgresEventStore, @Inject(PROJECTIONS) projections: Projection[]) {
    this.runners = projections.map((p) => new ProjectionRunner(store, p, this.logger));
  }

  onApplicationBootstrap(): void {
    for (const runner of this.runners) runner.start();
  }

  /** Before the database module closes its pool: the runners hold pool clients that pool.end() would wait for. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  isLeading(name: string): boolean {
    return this.runners.some((r) => r.projection.name === name && r.leading);
  }
}

export class ProjectionRunner {
  leading = false;
  private stopped = false;
  private leaderClient: PoolClient | undefined;
  private subscription: LogSubscription | undefined;
  private retry: NodeJS.Timeout | undefined;
  private attempt: Promise<void> | undefined;

  constructor(
    private readonly store: PostgresEventStore,
    readonly projection: Projection,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.attempt = this.tryToLead();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retry);
    await this.attempt; // an attempt in flight may still be starting a subscription: let it land, then stop it
    await this.subscription?.stop();
    this.leaderClient?.release(true);
    this.leaderClient = undefined;
    this.leading = false;
  }

  private async tryToLead(): Promise<void> {
    if (this.stopped) return;
    try {
      const client = await this.store.pool.connect();
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        leaderLock(this.projection.name),
      ]);
      if (!rows[0].ok || this.stopped) {
        client.release();
        this.scheduleRetry();
        return;
      }
      client.on('error', (error) => this.lostLeadership(error));
      this.leaderClient = client;
      this.leading = true;
      const checkpoint = await ensureCheckpoint(this.store.pool, this.projection.name, this.projection.codeVersion);
      this.logger.log(`${this.projection.name}: leading from position ${checkpoint.position.position}`);
      this.subscription = await new LogSubscription(this.store, {
        from: checkpoint.position,
        batchSize: 500,
        pollIntervalMs: 1000,
        handle: (events) => this.applyBatch(events),
        onError: (error) => this.logger.error(`${this.projection.name}: ${String(error)}`),
      }).start();
    } catch (error) {
      this.logger.error(`${this.projection.name}: could not start: ${String(error)}`);
      this.scheduleRetry();
    }
  }

  private scheduleRetry(): void {
    if (!this.stopped) this.retry = setTimeout(() => (this.attempt = this.tryToLead()), LEADER_RETRY_MS);
  }

  private lostLeadership(error: unknown): void {
    this.logger.warn(`${this.projection.name}: lost the leader connection (${String(error)}); standing by`);
    this.leading = false;
    const subscription = this.subscription;
    this.subscription = undefined;
    this.leaderClient?.release(true);
    this.leaderClient = undefined;
    void subscription?.stop().finally(() => this.scheduleRetry());
  }

  /** One transaction: the batch's effects and the checkpoint move, or neither. */
  private async applyBatch(events: StoredEvent[]): Promise<LogPosition | void> {
    const from = this.subscription?.checkpoint;
    const to = events[events.length - 1].logPosition;
    const tx = await this.store.pool.connect();
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
      await this.projection.apply(tx, events, liveTables(this.projection), 'live');
      await tx.query('COMMIT');
    } catch (error) {
      await tx.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      tx.release();
    }
  }
}
