import type { OnModuleDestroy } from '@nestjs/common';
import { Pool } from 'pg';
import { guardPool, isConnectionError } from '@libs/event-store';

/** How long a replica that failed is left alone before it is tried again. */
const RETRY_AFTER_MS = 5000;

export interface Replica {
  /** host:port/database, never the credentials: safe for logs, /health and metric labels. */
  readonly name: string;
  readonly pool: Pool;
  /** Date.now() before which the replica is not tried (0: healthy). */
  downUntil: number;
  lastError: string | undefined;
}

export interface ReadPoolOptions {
  /** The primary's URL: public reads get a pool of their own there too. */
  primaryUrl: string;
  /** Connections in each read pool (READ_POOL_MAX). */
  poolMax: number;
  /** statement_timeout of every read connection, in ms (READ_STATEMENT_TIMEOUT_MS); 0: none. */
  statementTimeoutMs: number;
}

/** application_name of every public-read connection, on the primary and on replicas. */
export const READ_APPLICATION_NAME = 'annals-read';

/**
 * The pools public queries run on: one on each of READ_DATABASE_URL's replicas, tried in turn (round-robin among
 * the healthy, then those whose back-off is over), and one on the primary, the fall-back (see ReadDatabase in
 * libs/projections). Public reads never take a connection from the process's main pool: a flood of slow searches
 * must not leave appends, projector batches and health checks waiting for one. Every read connection carries a
 * statement_timeout, so a read nobody waits for any more stops, at the latest, there.
 */
export class ReadReplicas implements OnModuleDestroy {
  readonly all: readonly Replica[];
  /** Public reads on the primary. */
  readonly primary: Pool;
  private next = 0;

  constructor(urls: readonly string[], options: ReadPoolOptions) {
    const readPool = (url: string, extra: { connectionTimeoutMillis: number }) =>
      new Pool({
        connectionString: url,
        max: options.poolMax,
        application_name: READ_APPLICATION_NAME,
        ...(options.statementTimeoutMs > 0 && { statement_timeout: options.statementTimeoutMs }),
        ...extra,
      });
    this.all = urls.map((url) => {
      // A replica that went away must cost a request little: fail fast, then the next one or the primary.
      const pool = readPool(url, { connectionTimeoutMillis: 2000 });
      const replica: Replica = { name: replicaName(url), pool, downUntil: 0, lastError: undefined };
      // A connection cut by a replica's shutdown must not crash the process (pg emits 'error' on pool and client).
      guardPool(pool, (error) => this.markDown(replica, error));
      return replica;
    });
    // As the main pool: waiting for a connection past this is an error (503), not a request waiting for ever.
    this.primary = guardPool(readPool(options.primaryUrl, { connectionTimeoutMillis: 10_000 }));
  }

  /** The replicas to try for one read, best first. */
  candidates(now = Date.now()): Replica[] {
    const start = this.next++ % Math.max(this.all.length, 1);
    const rotated = [...this.all.slice(start), ...this.all.slice(0, start)];
    return [
      ...rotated.filter((r) => r.downUntil === 0),
      ...rotated.filter((r) => r.downUntil > 0 && r.downUntil <= now),
    ];
  }

  markDown(replica: Replica, error: unknown): void {
    replica.downUntil = Date.now() + RETRY_AFTER_MS;
    replica.lastError = error instanceof Error ? error.message : String(error);
  }

  markUp(replica: Replica): void {
    replica.downUntil = 0;
    replica.lastError = undefined;
  }

  async onModuleDestroy(): Promise<void> {
    const pools = [...this.all.map((r) => r.pool), this.primary];
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
  }
}

/** The server went away or cannot be reached: try another one. */
export function isServerUnavailable(error: unknown): boolean {
  return isConnectionError(error);
}

/**
 * PostgreSQL stopped the statement (SQLSTATE 57014): a read pool's statement_timeout passed, or someone cancelled
 * it (pg_cancel_backend). Not the client's input, not an outage: the read asked for more than the server allows.
 */
export function isStatementCancelled(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '57014';
}

/** A standby cancelled the query because replay needed its rows (a recovery conflict): retry elsewhere. */
export function isRecoveryConflict(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  return (code === '40001' || code === '40P01') && /conflict with recovery/i.test(message ?? '');
}

function replicaName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'replica';
  }
}
