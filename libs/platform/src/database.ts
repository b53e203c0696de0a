import type { Pool } from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../migrations';

/** Advisory lock key that serialises migrations across every process starting at once. */
const MIGRATION_LOCK = 7_401_001;

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  entities?: DataSourceOptions['entities'];
}

export function dataSourceOptions(options: DatabaseOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'annals',
    entities: options.entities ?? [],
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    // Pool exhaustion must surface as an error, not as a request (or a projector) that waits for ever.
    extra: { connectionTimeoutMillis: 10_000 },
    synchronize: false,
    logging: ['error'],
  };
}

/** The node-postgres pool underneath TypeORM: the event store and projections share it. */
export function poolOf(dataSource: DataSource): Pool {
  return (dataSource.driver as unknown as { master: Pool }).master;
}

/** Runs pending migrations once, even when several api/worker processes start together. */
export async function migrate(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 2, applicationName: 'annals-migrate' }) });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
    await dataSource.destroy();
  }
}
