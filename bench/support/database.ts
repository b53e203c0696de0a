import { Pool } from 'pg';
import { migrate } from '../../libs/platform/src/database';
import { startEmbeddedPostgres } from '../../libs/platform/src/embedded-postgres';

export interface BenchDatabase {
  url: string;
  /** Where the numbers come from, for the report. */
  label: string;
  stop(): Promise<void>;
}

/*
 * Each run measures in a database of its own, created empty and migrated: the raw baseline's table is created anew
 * every run, and the store's tables must start as empty. In one database kept across runs, the log grew by about a
 * million events a run, its unique indexes with it, and each later run's store rows cost more than the raw ones
 * (the import measured 0.90×, 0.74×, 0.89× then 0.60× raw COPY in four runs on one host).
 */
const RUN_DATABASE = 'annals_bench_store';

/** On the server of DATABASE_URL when set, else of the embedded Postgres the app itself would start. */
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  const fromEnv = process.env.DATABASE_URL;
  if (fromEnv) return prepare(fromEnv, 'DATABASE_URL', async () => {});
  const embedded = await startEmbeddedPostgres('.data/bench', log);
  try {
    return await prepare(embedded.url, 'embedded', () => embedded.stop());
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

async function prepare(serverUrl: string, source: string, stop: () => Promise<void>): Promise<BenchDatabase> {
  await recreateRunDatabase(serverUrl);
  const url = new URL(serverUrl);
  url.pathname = `/${RUN_DATABASE}`;
  await migrate(url.toString());
  return {
    url: url.toString(),
    label: `${source} PostgreSQL ${await serverVersion(serverUrl)}, database ${RUN_DATABASE} (new for this run)`,
    stop: async () => {
      await dropRunDatabase(serverUrl).catch(() => undefined);
      await stop();
    },
  };
}

async function recreateRunDatabase(serverUrl: string): Promise<void> {
  await dropRunDatabase(serverUrl);
  await onServer(serverUrl, `CREATE DATABASE ${RUN_DATABASE}`);
}

function dropRunDatabase(serverUrl: string): Promise<void> {
  return onServer(serverUrl, `DROP DATABASE IF EXISTS ${RUN_DATABASE} WITH (FORCE)`);
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const pool = new Pool({ connectionString: serverUrl, max: 1 });
  try {
    await pool.query(sql);
  } finally {
    await pool.end();
  }
}

async function serverVersion(url: string): Promise<string> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await pool.end();
  }
}
