import type { Pool, PoolClient } from 'pg';

/** Postgres channel subscribers LISTEN on; a notification is only a wake-up call, never the data. */
export const EVENTS_CHANNEL = 'annals_events';
const NOTIFY_SQL = `SELECT pg_notify('${EVENTS_CHANNEL}', '')`;

/** What an append asks before it runs: whether its own statement should carry the wake-up. */
export interface WakeTicket {
  wake: boolean;
  /** Appends committed when this one started: a wake-up sent at this one's commit comes after all of them. */
  seen: number;
}

/**
 * Wakes subscribers after appends at a bounded rate, without a transaction of its own on the busy path.
 *
 * A NOTIFY in every appending transaction serialises commits on Postgres's global notify lock (8 writers fell
 * to a third of raw INSERT); a separate NOTIFY after each commit costs a round trip, a pool slot and, since a
 * notifying transaction takes an xid, a WAL flush of its own. So at most one append per window carries the
 * pg_notify in its own statement (delivered at its commit), and only when appends stop with some of them not
 * yet followed by a wake-up does a trailing NOTIFY go out from the pool. A lost wake-up only delays readers to
 * their next poll.
 */
export class AppendNotifier {
  private lastWakeAt = -Infinity;
  /** Appends committed so far, and how many of the first of them are known to precede a delivered wake-up. */
  private committedCount = 0;
  private wokenThrough = 0;
  private trailing: NodeJS.Timeout | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly windowMs = 10,
  ) {}

  /** Before an append of the store's own transaction. */
  begin(): WakeTicket {
    const now = performance.now();
    const wake = now - this.lastWakeAt >= this.windowMs;
    if (wake) this.lastWakeAt = now;
    return { wake, seen: this.committedCount };
  }

  /** After a committed append (or appendMany: no ticket, it never carries the wake-up). */
  committed(ticket?: WakeTicket): void {
    this.committedCount++;
    if (ticket?.wake) {
      // Appends that committed while this one ran may have committed after it: only earlier ones are covered.
      const alone = this.committedCount - 1 === ticket.seen;
      this.wokenThrough = Math.max(this.wokenThrough, alone ? this.committedCount : ticket.seen);
    }
    if (this.committedCount > this.wokenThrough) this.scheduleTrailing();
  }

  /** Inside a caller's transaction: the notification is delivered when (and only if) it commits. */
  async inTransaction(client: PoolClient): Promise<void> {
    await client.query(NOTIFY_SQL);
  }

  private scheduleTrailing(): void {
    if (this.trailing) return;
    // Two windows after the last wake-up: under steady load another append carries one first, and this waits on.
    const due = () => this.lastWakeAt + 2 * this.windowMs;
    this.trailing = setTimeout(
      () => {
        this.trailing = undefined;
        if (this.committedCount <= this.wokenThrough) return;
        if (performance.now() < due()) return this.scheduleTrailing();
        this.lastWakeAt = performance.now();
        const through = this.committedCount;
        this.pool
          .query(NOTIFY_SQL)
          .then(() => (this.wokenThrough = Math.max(this.wokenThrough, through)))
          .catch(() => undefined);
      },
      Math.max(0, due() - performance.now()),
    );
    this.trailing.unref();
  }
}
