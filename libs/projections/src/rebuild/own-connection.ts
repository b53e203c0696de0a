import { Client, type ClientConfig, type PoolClient } from 'pg';

/**
 * A connection of a rebuild's own, opened beside the pool rather than taken from it (a busy pool could make a
 * rebuild wait for ever). If this process dies mid-statement, the server notices within a second and stops the
 * statement (and frees its locks) instead of running it to the end for nobody (PostgreSQL 14+; 13 lacks it).
 * A broken connection fails the statement in flight, and so the rebuild: its 'error' event needs no handling.
 */
export async function openOwnConnection(connection: ClientConfig, applicationName: string): Promise<Client> {
  const client = new Client({ ...connection, application_name: applicationName });
  client.on('error', () => undefined);
  await client.connect();
  await client.query(`SET client_connection_check_interval = '1s'`).catch(() => undefined);
  return client;
}

/** `work` on a connection of its own (openOwnConnection), closed when the work ends, however it ends. */
export async function withOwnConnection<T>(
  connection: ClientConfig,
  applicationName: string,
  work: (db: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await openOwnConnection(connection, applicationName);
  try {
    return await work(asPoolClient(client));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A Client has every PoolClient method projections use except release(), which they never call. */
export const asPoolClient = (client: Client): PoolClient => client as unknown as PoolClient;

/**
 * Like Promise.all, but waits for every piece of work on its own connection to end before rejecting with the first
 * error: a rebuild that fails drops its shadow tables, which must not race a statement still running on them.
 */
export async function settleAll<T extends unknown[]>(work: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const results = await Promise.allSettled(work);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((r) => (r as PromiseFulfilledResult<unknown>).value) as T;
}
