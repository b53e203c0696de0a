import type { Pool, PoolClient } from 'pg';

/*
 * PostgreSQL going away is an operational state, not a bug: it must never crash a process, and callers must be
 * able to tell it apart from a data error (a projection parks an event that cannot be applied, but it must never
 * park one because the server restarted).
 */

// SQLSTATE classes: 08 connection exception, 57P admin shutdown / crash shutdown / cannot connect now, 53 out of
// resources (too many connections), 40001/40P01 serialization failure and deadlock (a retry may succeed).
const TRANSIENT_SQLSTATE = /^(08...|57P0[1-4]|53...|40001|40P01)$/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSIENT_MESSAGES = [
  'Connection terminated',
  'connection terminated',
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'terminating connection',
  'the database system is',
];

/** True when the error says the database is unreachable or restarting, so the same work may succeed later. */
export function isConnectionError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, cause, driverError } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    driverError?: unknown; // TypeORM's QueryFailedError
  };
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code))) return true;
  if (typeof message === 'string' && TRANSIENT_MESSAGES.some((m) => message.includes(m))) return true;
  // AggregateError (several addresses refused) and wrapped errors carry the real cause inside.
  const inner = (error as { errors?: unknown[] }).errors;
  if (Array.isArray(inner) && inner.some(isConnectionError)) return true;
  if (driverError !== undefined && driverError !== error && isConnectionError(driverError)) return true;
  return cause !== undefined && cause !== error && isConnectionError(cause);
}

const GUARDED = Symbol('annals:guarded');

/**
 * node-postgres emits 'error' on a checked-out client whose connection breaks (even while a query is running),
 * and an 'error' event without a listener kills the process. Every client of this pool gets a listener the first
 * time it is handed out; the query in flight still fails with its own error, and pg-pool discards the broken client
 * on release.
 */
export function guardPool(pool: Pool, onError: (error: Error) => void = () => undefined): Pool {
  const marked = pool as Pool & { [GUARDED]?: boolean };
  if (marked[GUARDED]) return pool;
  marked[GUARDED] = true;
  pool.on('error', onError); // idle clients: pg-pool re-emits their errors on the pool
  pool.on('acquire', (client: PoolClient & { [GUARDED]?: boolean }) => {
    if (client[GUARDED]) return;
    client[GUARDED] = true;
    client.on('error', onError);
  });
  return pool;
}
