import type { Pool, PoolClient, Notification } from 'pg';
import type { LogPosition, StoredEvent } from './stored-event';
import type { PostgresEventStore } from './event-store';
import { EVENTS_CHANNEL } from './append-notifier';

export interface SubscriptionOptions {
  /** Where to start: the last position already handled (the subscriber's checkpoint). */
  from: LogPosition;
  /**
   * Handles one batch; when it resolves, the batch counts as done and the subscription moves past it. Resolving
   * with a LogPosition moves the subscription there instead (e.g. when the subscriber's checkpoint was moved).
   */
  handle: (events: StoredEvent[]) => Promise<LogPosition | void>;
  batchSize?: number;
  /** The polling fallback: how long to wait for a NOTIFY before reading anyway. */
  pollIntervalMs?: number;
  /** Set false where LISTEN does not work (a transaction pooler); polling alone then carries it. */
  listen?: boolean;
  onError?: (error: unknown) => void;
}

/**
 * Catch-up then live: reads the log in batches from `from`; at the head, sleeps until a NOTIFY on
 * EVENTS_CHANNEL or the poll interval, whichever comes first. A NOTIFY is only a wake-up call: what is read
 * is always decided by the gap-safe log query, so a lost or early notification cannot lose an event.
 */
export class LogSubscription {
  private position: LogPosition;
  private running = true;
  private wake: (() => void) | undefined;
  private listener: PoolClient | undefined;
  private loop: Promise<void> | undefined;

  constructor(
    private readonly store: PostgresEventStore,
    private readonly options: SubscriptionOptions,
  ) {
    this.position = options.from;
  }

  get checkpoint(): LogPosition {
    return this.position;
  }

  async start(): Promise<this> {
    if (this.options.listen !== false) await this.listen(this.store.pool);
    this.loop = this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await this.unlisten();
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 500;
    const pollInterval = this.options.pollIntervalMs ?? 1000;
    // After a wake-up that found nothing readable (another transaction still holds the horizon back), look
    // again soon, backing off towards the poll interval, instead of sleeping the whole interval.
    let retry = pollInterval;
    while (this.running) {
      try {
        const events = await this.store.readLog(this.position, batchSize);
        if (events.length > 0) {
          retry = pollInterval;
          const moved = await this.options.handle(events);
          this.position = moved ?? events[events.length - 1].logPosition;
          if (moved || events.length === batchSize) continue;
        }
      } catch (error) {
        this.options.onError?.(error);
      }
      const notified = await this.sleep(retry);
      retry = notified ? 20 : Math.min(retry * 2, pollInterval);
    }
  }

  /** Resolves true when woken (a NOTIFY or stop), false when the time ran out. */
  private sleep(ms: number): Promise<boolean> {
    if (!this.running) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve(true);
      };
    });
  }

  /**
   * LISTEN on a connection of its own. When that connection breaks (the server restarted), polling carries on and
   * LISTEN is tried again with backoff until it works, so the subscription is woken promptly again after an outage.
   */
  private async listen(pool: Pool, attempt = 0): Promise<void> {
    let client: PoolClient | undefined;
    try {
      client = await pool.connect();
      const listener = client;
      listener.on('notification', (n: Notification) => {
        if (n.channel === EVENTS_CHANNEL) this.wake?.();
      });
      listener.on('error', (error) => {
        if (this.listener !== listener) return; // failed while connecting: the catch below retries
        this.options.onError?.(error);
        this.dropListener(error);
        this.listenAgain(pool, 0);
      });
      await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
      this.listener = listener;
      if (!this.running) await this.unlisten(); // stopped while connecting
    } catch (error) {
      this.options.onError?.(error);
      client?.release(error instanceof Error ? error : true);
      this.listenAgain(pool, attempt + 1);
    }
  }

  private listenAgain(pool: Pool, attempt: number): void {
    const delay = Math.min(1000 * 2 ** attempt, 10_000);
    setTimeout(() => void (this.running && !this.listener && this.listen(pool, attempt)), delay).unref();
  }

  private dropListener(error?: unknown): void {
    const client = this.listener;
    this.listener = undefined;
    client?.release(error instanceof Error ? error : undefined);
  }

  private async unlisten(): Promise<void> {
    const client = this.listener;
    if (!client) return;
    try {
      await client.query(`UNLISTEN ${EVENTS_CHANNEL}`);
      this.dropListener();
    } catch (error) {
      this.dropListener(error);
    }
  }
}
