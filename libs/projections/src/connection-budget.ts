import { type AppConfig, ConfigError } from '@libs/platform';

/**
 * What a process holds from its pool at its busiest. A projection's runner keeps its leader-lock connection and
 * its LISTEN connection for as long as it leads, and takes one more for each batch (or the log read before it).
 * A rebuild keeps the rebuild-lock connection (which also writes its progress record) and one for its own run.
 * A pool smaller than this does not fail loudly: the projector waits for a connection and stops advancing.
 */
export const CONNECTIONS = Object.freeze({
  perProjection: { leaderLock: 1, listen: 1, batch: 1 },
  rebuild: { lock: 1, run: 1 },
  /** /health, projection status, the append notifier: short queries that must not wait behind the above. */
  spare: 1,
  /** An API process keeps at least this many free for writes and admin requests (public reads have read pools). */
  requests: 2,
  /** An API process's live streams (GET /api/timeline/events) share one LISTEN connection while any is open. */
  liveListen: 1,
});

const sum = (parts: Record<string, number>) => Object.values(parts).reduce((a, b) => a + b, 0);
export const PINNED_PER_PROJECTION = sum(CONNECTIONS.perProjection);
export const REBUILD_CONNECTIONS = sum(CONNECTIONS.rebuild);

export type ProcessRole = 'api' | 'worker';

/** The smallest pool a process of `role` can run on. Every process can run a rebuild (cron, admin route, CLI). */
export function minimumPool(role: ProcessRole, runsProjector: boolean, projections: number): number {
  const projector = runsProjector ? projections * PINNED_PER_PROJECTION : 0;
  const requests = role === 'api' ? CONNECTIONS.requests + CONNECTIONS.liveListen : 0;
  return projector + REBUILD_CONNECTIONS + CONNECTIONS.spare + requests;
}

/** Refuses to start a process whose pool is too small for what it will pin, naming the variable to raise. */
export function assertConnectionBudget(config: Readonly<AppConfig>, role: ProcessRole, projections: number): void {
  const runsProjector = role === 'worker' || config.runProjector;
  const [variable, size] =
    role === 'worker' ? ['WORKER_POOL_MAX', config.workerPoolMax] : ['DB_POOL_MAX', config.dbPoolMax];
  const needed = minimumPool(role, runsProjector, projections);
  if (size >= needed) return;
  const parts = [
    runsProjector ? `${PINNED_PER_PROJECTION} per projection × ${projections} (leader lock, LISTEN, batch)` : '',
    `${REBUILD_CONNECTIONS} for a rebuild`,
    `${CONNECTIONS.spare} spare`,
    role === 'api' ? `${CONNECTIONS.requests} for requests` : '',
    role === 'api' ? `${CONNECTIONS.liveListen} for the live streams' LISTEN` : '',
  ].filter(Boolean);
  throw new ConfigError([
    `${variable} is ${size}, but this ${role} process needs at least ${needed} connections (${parts.join(', ')})`,
  ]);
}

export interface Deployment {
  apis: number;
  workers: number;
  /** Read replicas (each API opens a read pool of readPoolMax on every replica). */
  replicas: number;
  dbPoolMax: number;
  /** Each API's public-read pools: one on the primary, one on each replica. */
  readPoolMax: number;
  workerPoolMax: number;
}

export interface Budget {
  /** Connections the primary must accept when every pool is full. */
  primary: number;
  /** The same, on each replica. */
  perReplica: number;
  /** Extra, for seconds, per process starting at once (migrations and the log-ownership check). */
  perStartingProcess: number;
}

/** The worst case each server sees: every pool full. Compare with its `max_connections` (default 100). */
export function connectionBudget(d: Deployment): Budget {
  return {
    primary: d.apis * (d.dbPoolMax + d.readPoolMax) + d.workers * d.workerPoolMax,
    perReplica: d.replicas > 0 ? d.apis * d.readPoolMax : 0,
    perStartingProcess: 2,
  };
}
