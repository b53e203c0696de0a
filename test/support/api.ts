import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type Runtime } from '@libs/platform';
import { Writable } from 'node:stream';
import type { DestinationStream } from 'pino';
import type { Upcaster } from '@libs/event-store';
import { createApiApp } from '../../apps/api/src/create-app';
import { watchClose } from './close-watchdog';

/**
 * Tests keep their output readable: logs are not printed unless a test captures them. The last few lines are
 * kept, so that the close watchdog can show what the app logged before it hung.
 */
function recentLines(keep = 40): { stream: DestinationStream; recent: () => string[] } {
  const lines: string[] = [];
  const stream = new Writable({
    write: (chunk, _encoding, done) => {
      lines.push(String(chunk).trimEnd());
      if (lines.length > keep) lines.shift();
      done();
    },
  }) as unknown as DestinationStream;
  return { stream, recent: () => [...lines] };
}

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789';

/** The real API (real Postgres, real Fastify) on the run's test database, without listening on a port. */
export async function startTestApi(
  overrides: Partial<NodeJS.ProcessEnv> = {},
  options: { logStream?: DestinationStream; upcasters?: Upcaster[] } = {},
): Promise<NestFastifyApplication> {
  const config = loadConfig({
    ...process.env,
    ADMIN_TOKEN: TEST_ADMIN_TOKEN,
    RUN_PROJECTOR: 'true',
    SEED_ON_START: 'false',
    LOG_LEVEL: 'warn',
    ADMIN_RATE_LIMIT: '100000',
    AUTH_FAILURE_LIMIT: '100000',
    ...overrides,
  });
  const databaseUrl = overrides.DATABASE_URL ?? process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error('DATABASE_URL is not set: run through jest (global-setup creates the database)');
  const runtime: Runtime = { config, databaseUrl, embedded: false, adminToken: config.adminToken };
  const logs = recentLines();
  const app = await createApiApp(runtime, {
    logStream: options.logStream ?? logs.stream,
    upcasters: options.upcasters,
  });
  return watchClose(app, databaseUrl, 'test api', logs.recent);
}
