import { Pool } from 'pg';
import { migrate } from '../../libs/platform/src/database';
import { startEmbeddedPostgres } from '../../libs/platform/src/embedded-postgres';

export interface BenchDatabase {
  url: string;
  /** Where the numbers come from, for the report. */
  label: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when set, else the embedded Postgres the app itself would start; migrated either way. */
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

async function prepare(url: string, source: string, stop: () => Promise<void>): Promise<BenchDatabase> {
  await migrate(url);
  return { url, label: `${source} PostgreSQL ${await serverVersion(url)}`, stop };
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
