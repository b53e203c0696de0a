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

/**
 * The read pools on READ_DATABASE_URL's replicas. Public queries try them in turn (round-robin among the healthy,
 * then those whose back-off is over) and fall back to the primary; see ReadDatabase in libs/projections.
 */
export class ReadReplicas implements OnModuleDestroy {
  readonly all: readonly Replica[];
  private next = 0;

  constructor(urls: readonly string[], poolMax: number) {
    this.all = urls.map((url) => {
      const pool = new Pool({
        connectionString: url,
        max: poolMax,
        application_name: 'annals-read',
        // A replica that went away must cost a request little: fail fast, then the next one or the primary.
        connectionTimeoutMillis: 2000,
      });
      const replica: Replica = { name: replicaName(url), pool, downUntil: 0, lastError: undefined };
      // A connection cut by a replica's shutdown must not crash the process (pg emits 'error' on pool and client).
      guardPool(pool, (error) => this.markDown(replica, error));
      return replica;
    });
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
    await Promise.all(this.all.map((r) => r.pool.end().catch(() => undefined)));
  }
}

/** The server went away or cannot be reached: try another one. */
export function isServerUnavailable(error: unknown): boolean {
  return isConnectionError(error);
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
