import type { Pool, PoolClient } from 'pg';

/** Postgres channel subscribers LISTEN on; a notification is only a wake-up call, never the data. */
export const EVENTS_CHANNEL = 'annals_events';
const NOTIFY_SQL = `SELECT pg_notify('${EVENTS_CHANNEL}', '')`;

/**
 * Wakes subscribers after appends without putting NOTIFY on the commit path: after the store's own commits it
 * sends one notification per short window, from the pool, whatever the number of appends in that window.
 */
export class AppendNotifier {
  private pending: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly windowMs = 5,
  ) {}

  /** After a committed append. */
  committed(): void {
    if (this.pending) return;
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.pool.query(NOTIFY_SQL).catch(() => undefined); // a lost wake-up only delays readers to their next poll
    }, this.windowMs);
    this.pending.unref();
  }

  /** Inside a caller's transaction: the notification is delivered when (and only if) it commits. */
  async inTransaction(client: PoolClient): Promise<void> {
    await client.query(NOTIFY_SQL);
  }
}
