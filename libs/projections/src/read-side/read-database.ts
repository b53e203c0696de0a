import { AsyncLocalStorage } from 'node:async_hooks';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import {
  APP_CONFIG,
  type AppConfig,
  isRecoveryConflict,
  isServerUnavailable,
  ReadReplicas,
  type Replica,
} from '@libs/platform';
import { PositionNotReachedError } from './read-side.errors';

/**
 * What a public read needs. `source`: the projection whose tables it reads, or 'log' for a stream of the event
 * log itself (history). `minPosition`: a position a write returned; the read must see its effects.
 */
export interface ReadNeed {
  source: 'timeline' | 'actors' | 'log';
  minPosition?: number;
}

export type ReadListener = (servedBy: string) => void;

// Reached when the event at that position is at or below the projection's checkpoint in log order. Physical
// replication replays commits in order, so every event before it in the log is there too.
const PROJECTION_REACHED_SQL = `SELECT EXISTS (
  SELECT 1 FROM events e JOIN projection_checkpoints c ON c.name = $1
  WHERE e.position = $2 AND (e.order_xid, e.position) <= (c.order_xid, c.position)) AS ok`;
const LOG_REACHED_SQL = `SELECT EXISTS (SELECT 1 FROM events WHERE position = $2 AND $1::text IS NOT NULL) AS ok`;
const POLL_MS = 25;
// The checkpoint names what a server's read tables show; the code version, which rebuild produced them.
const CHECKPOINT_SQL = `SELECT order_xid::text || '.' || position::text || '.' || code_version::text AS at
  FROM projection_checkpoints WHERE name = $1`;
/**
 * How long a server's checkpoint, once read, is taken as its position (unless the read has a minPosition). The
 * data is always read after it, so an answer is never older than its position; it may be this much newer.
 */
export const CHECKPOINT_MEMO_MS = 50;

/** A server's read-model position: what an ETag and a cached response are keyed by. */
export type ReadPosition = string;

/**
 * Where public queries run: a read replica when READ_DATABASE_URL names some, else (or when none can serve) the
 * primary, always on a read pool (ReadReplicas: READ_POOL_MAX connections, READ_STATEMENT_TIMEOUT_MS). Commands,
 * projectors, rebuilds, locks, LISTEN and the gap-safe log reader never come here: they use the primary's main
 * pool. A read with minPosition waits, up to MIN_POSITION_WAIT_MS in all, for a server that has reached it, and
 * fails with PositionNotReachedError (503) when none has.
 */
@Injectable()
export class ReadDatabase {
  private readonly logger = new Logger('ReadDatabase');
  private readonly listeners: ReadListener[] = [];
  /** Inside atCheckpoint: the server every read of the callback goes to. */
  private readonly pinned = new AsyncLocalStorage<Pool>();
  /** Each server's last checkpoint read, by source: a handful of pools that live as long as the process. */
  private readonly checkpoints = new Map<Pool, Map<string, { at: ReadPosition; readAt: number }>>();
  /** Each server's checkpoint reads in flight, by source: requests that find the memo stale together share one. */
  private readonly checkpointReads = new Map<Pool, Map<string, Promise<ReadPosition>>>();

  constructor(
    private readonly replicas: ReadReplicas,
    @Inject(APP_CONFIG) private readonly config: Readonly<AppConfig>,
  ) {}

  /** Observe which server answered each read ("primary" or a replica's name): metrics. */
  onRead(listener: ReadListener): void {
    this.listeners.push(listener);
  }

  async read<T>(need: ReadNeed, run: (db: Pool) => Promise<T>): Promise<T> {
    const pin = this.pinned.getStore();
    if (pin) return run(pin);
    const deadline = Date.now() + this.config.minPositionWaitMs;
    for (const replica of this.replicas.candidates()) {
      try {
        if (need.minPosition !== undefined && !(await this.reached(replica.pool, need, deadline))) continue;
        const result = await run(replica.pool);
        this.replicas.markUp(replica);
        this.served(replica.name);
        return result;
      } catch (error) {
        if (!this.skip(replica, error)) throw error;
      }
    }
    const primary = this.replicas.primary;
    if (need.minPosition !== undefined && !(await this.reached(primary, need, deadline))) {
      throw new PositionNotReachedError(need.source, need.minPosition, this.config.minPositionWaitMs);
    }
    const result = await run(primary);
    this.served('primary');
    return result;
  }

  /**
   * Runs `work` with the position of the server that answers (its checkpoint of `need.source`), and every read
   * inside `work` on that same server: a response keyed by the position is then exactly what that server showed
   * there or later. A replica failing on the way makes the whole of `work` run again elsewhere.
   */
  async atCheckpoint<T>(need: ReadNeed & { source: 'timeline' | 'actors' }, work: (at: ReadPosition) => Promise<T>) {
    return this.read(need, async (db) => {
      const at = await this.checkpointOf(db, need.source, need.minPosition !== undefined);
      return this.pinned.run(db, () => work(at));
    });
  }

  /**
   * Whether `at` is what some server's checkpoint of `source` showed less than CHECKPOINT_MEMO_MS ago, without
   * asking any: an answer keyed by that position may be given again as it is (HotResponses). False when no
   * server's memo is that fresh; the next read through atCheckpoint refreshes it.
   */
  isCurrent(source: 'timeline' | 'actors', at: ReadPosition): boolean {
    const now = Date.now();
    for (const known of this.checkpoints.values()) {
      const memo = known.get(source);
      if (memo && memo.at === at && now - memo.readAt < CHECKPOINT_MEMO_MS) return true;
    }
    return false;
  }

  private async checkpointOf(db: Pool, source: string, fresh: boolean): Promise<ReadPosition> {
    let known = this.checkpoints.get(db);
    if (!known) this.checkpoints.set(db, (known = new Map()));
    const memo = known.get(source);
    const now = Date.now();
    if (memo && !fresh && now - memo.readAt < CHECKPOINT_MEMO_MS) return memo.at;
    // When the memo runs out under load, every request in flight finds it stale at once: one read answers them
    // all, rather than one each queueing for the read pool's connections. (A read with minPosition asks on its
    // own: a read begun before its write was acknowledged may not show it.)
    if (fresh) return this.readCheckpoint(db, source, known, now);
    const pending = this.checkpointReadsOf(db);
    let shared = pending.get(source);
    if (!shared) {
      shared = this.readCheckpoint(db, source, known, now).finally(() => pending.delete(source));
      pending.set(source, shared);
    }
    return shared;
  }

  private checkpointReadsOf(db: Pool): Map<string, Promise<ReadPosition>> {
    let pending = this.checkpointReads.get(db);
    if (!pending) this.checkpointReads.set(db, (pending = new Map()));
    return pending;
  }

  private async readCheckpoint(
    db: Pool,
    source: string,
    known: Map<string, { at: ReadPosition; readAt: number }>,
    readAt: number,
  ): Promise<ReadPosition> {
    const { rows } = await db.query<{ at: string }>(CHECKPOINT_SQL, [source]);
    const at = rows[0]?.at ?? 'none';
    known.set(source, { at, readAt });
    return at;
  }

  /** A replica that went away (or cancelled the query for replay) is skipped; other errors are the caller's. */
  private skip(replica: Replica, error: unknown): boolean {
    if (isRecoveryConflict(error)) return true;
    if (!isServerUnavailable(error)) return false;
    if (replica.downUntil === 0)
      this.logger.warn(`replica ${replica.name} unavailable, reading elsewhere: ${String(error)}`);
    this.replicas.markDown(replica, error);
    return true;
  }

  /** Polls until `db` has applied minPosition to the source, or the shared deadline passes. */
  private async reached(db: Pool, need: ReadNeed, deadline: number): Promise<boolean> {
    const sql = need.source === 'log' ? LOG_REACHED_SQL : PROJECTION_REACHED_SQL;
    for (;;) {
      const { rows } = await db.query<{ ok: boolean }>(sql, [need.source, need.minPosition]);
      if (rows[0].ok) return true;
      if (Date.now() + POLL_MS > deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  private served(by: string): void {
    for (const listener of this.listeners) listener(by);
  }
}
