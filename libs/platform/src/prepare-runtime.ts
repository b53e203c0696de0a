import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
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
  const adminToken = config.adminToken ?? (config.databaseUrl ? undefined : localAdminToken(config.dataDir, log));
  return { config, databaseUrl, embedded: !config.databaseUrl, adminToken, release };
}

/**
 * The zero-setup default still needs an admin token: make one on first start and keep it beside the data,
 * readable only by this user. With your own DATABASE_URL, ADMIN_TOKEN must be set explicitly.
 */
function localAdminToken(dataDir: string, log: (message: string) => void): string {
  const file = resolve(dataDir, 'admin-token');
  if (!existsSync(file)) writeFileSync(file, `${randomBytes(24).toString('base64url')}\n`, { mode: 0o600 });
  log(`admin token (ADMIN_TOKEN not set): see ${file}`);
  return readFileSync(file, 'utf8').trim();
}
