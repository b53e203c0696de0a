import { Pool } from 'pg';
import { assertLogBelongsToCluster } from '@libs/event-store';
import { type AppConfig, loadConfig } from './config';
import { migrate } from './database';
import { startEmbeddedPostgres } from './embedded-postgres';
import type { Runtime } from './runtime';

export interface PreparedRuntime extends Runtime {
  /** Stops what prepareRuntime started (the embedded Postgres), after Nest has closed. */
  release(): Promise<void>;
}

/**
 * Everything that must hold before Nest boots: valid config, a database (the embedded one when no
 * DATABASE_URL), the schema migrated, and a log that belongs to this cluster.
 */
export async function prepareRuntime(
  log: (message: string) => void,
  config: Readonly<AppConfig> = loadConfig(),
): Promise<PreparedRuntime> {
  let databaseUrl = config.databaseUrl;
  let release = async () => {};
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(config.dataDir, log);
    databaseUrl = embedded.url;
    release = embedded.stop;
  }
  try {
    const applied = await migrate(databaseUrl);
    if (applied.length > 0) log(`applied migrations: ${applied.join(', ')}`);
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    try {
      await assertLogBelongsToCluster(pool);
    } finally {
      await pool.end();
    }
  } catch (error) {
    await release();
    throw error;
  }
  return { config, databaseUrl, embedded: !config.databaseUrl, release };
}
