import { Client } from 'pg';
import { migrate, startEmbeddedPostgres, type RunningPostgres } from '@libs/platform';

export interface BenchDatabase {
  url: string;
  name: string;
  /** Where the numbers come from, for the report. */
  label: string;
  /** Drops the database (kept with BENCH_KEEP=1) and stops the embedded server if this process started one. */
  close(): Promise<void>;
}

/**
 * A fresh, migrated database per run on DATABASE_URL's server (or an embedded one): the bench appends a million
 * events that can never be deleted (the log refuses DELETE and TRUNCATE), so it must never touch a real database.
 */
export async function createBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  let embedded: RunningPostgres | undefined;
  const serverUrl = process.env.DATABASE_URL ?? (embedded = await startEmbeddedPostgres('.data/bench-read', log)).url;
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  const name = `annals_bench_${stamp}_${process.pid}`;
  const url = withDatabase(serverUrl, name);
  let version = '';
  try {
    await onServer(serverUrl, async (db) => {
      await db.query(`CREATE DATABASE ${name}`);
      version = (await db.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version;
    });
    await migrate(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const source = embedded ? 'embedded' : 'DATABASE_URL';
  log(`bench database ${name} on ${source} PostgreSQL ${version}`);
  return {
    url,
    name,
    label: `${source} PostgreSQL ${version}, database ${name}`,
    async close() {
      if (process.env.BENCH_KEEP === '1') log(`BENCH_KEEP=1: kept ${url}`);
      else await onServer(serverUrl, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      await embedded?.stop();
    },
  };
}

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(serverUrl: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: serverUrl, application_name: 'annals-bench-read' });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
