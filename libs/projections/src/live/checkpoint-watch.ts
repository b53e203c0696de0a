import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import type { Notification, PoolClient } from 'pg';
import { PostgresEventStore } from '@libs/event-store';

/** The channel migrations/1700000012500-checkpoint-notify.ts notifies on, with the projection's name. */
export const CHECKPOINTS_CHANNEL = 'annals_checkpoints';
/** Watchers poll too: a notification lost with a broken connection costs at most this much latency. */
const POLL_MS = 1000;
const MAX_RETRY_MS = 10_000;

type Wake = () => void;

/**
 * Tells watchers (the live streams of this process) that the timeline projection's checkpoint may have moved,
 * whichever process moved it: it LISTENs on the primary while at least one watcher is subscribed, and polls as a
 * fallback. It carries no data: each watcher reads what changed after its own position (timeline-changes.ts).
 */
@Injectable()
export class CheckpointWatch implements OnModuleDestroy {
  private readonly logger = new Logger('CheckpointWatch');
  private readonly watchers = new Set<Wake>();
  private listener: PoolClient | undefined;
  private connecting: Promise<void> | undefined;
  private poll: NodeJS.Timeout | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly store: PostgresEventStore) {}

  /** `wake` runs after every checkpoint move of `projection` (and once a second); returns the unsubscribe. */
  subscribe(wake: Wake): () => void {
    this.watchers.add(wake);
    if (this.watchers.size === 1) this.start();
    return () => {
      this.watchers.delete(wake);
      if (this.watchers.size === 0) void this.stop();
    };
  }

  get watching(): number {
    return this.watchers.size;
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    this.watchers.clear();
    await this.stop();
  }

  private start(): void {
    if (this.closed) return;
    this.poll = setInterval(() => this.wakeAll(), POLL_MS);
    this.poll.unref();
    this.connecting = this.listen(0);
  }

  private async stop(): Promise<void> {
    clearInterval(this.poll);
    clearTimeout(this.retry);
    this.poll = undefined;
    await this.connecting;
    if (this.watchers.size > 0) return; // subscribed again meanwhile: keep listening
    const client = this.listener;
    this.listener = undefined;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${CHECKPOINTS_CHANNEL}`);
      client.release();
    } catch (error) {
      client.release(error instanceof Error ? error : true);
    }
  }

  private async listen(attempt: number): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await this.store.pool.connect();
      const listener = client;
      listener.on('notification', (n: Notification) => {
        if (n.channel === CHECKPOINTS_CHANNEL && n.payload === 'timeline') this.wakeAll();
      });
      listener.on('error', (error) => {
        if (this.listener !== listener) return;
        this.logger.warn(`LISTEN connection lost (${String(error)}); polling until it is back`);
        this.listener = undefined;
        listener.release(error);
        this.listenAgain(0);
      });
      await listener.query(`LISTEN ${CHECKPOINTS_CHANNEL}`);
      this.listener = listener;
      // Moves made while the LISTEN was being set up were not announced: look once.
      this.wakeAll();
    } catch (error) {
      client?.release(error instanceof Error ? error : true);
      this.listenAgain(attempt + 1);
    }
  }

  private listenAgain(attempt: number): void {
    if (this.closed || this.watchers.size === 0) return;
    this.retry = setTimeout(
      () => {
        if (this.watchers.size > 0 && !this.listener) this.connecting = this.listen(attempt);
      },
      Math.min(POLL_MS * 2 ** attempt, MAX_RETRY_MS),
    );
    this.retry.unref();
  }

  private wakeAll(): void {
    for (const wake of this.watchers) wake();
  }
}
