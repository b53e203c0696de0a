import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type Runtime } from '@libs/platform';
import { createApiApp } from '../../apps/api/src/create-app';

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** The real API (real Postgres, real Fastify) on the run's test database, without listening on a port. */
export async function startTestApi(overrides: Partial<NodeJS.ProcessEnv> = {}): Promise<NestFastifyApplication> {
  const config = loadConfig({
    ...process.env,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    RUN_PROJECTOR: 'true',
    SEED_ON_START: 'false',
    ...overrides,
  });
  const databaseUrl = overrides.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run through jest (global-setup creates the database)');
  const runtime: Runtime = { config, databaseUrl, embedded: false, adminToken: config.adminToken };
  return createApiApp(runtime, ['error']);
}
