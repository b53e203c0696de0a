import pino from 'pino';
import { loadConfig, type Runtime } from '@libs/platform';
import { createApiApp } from '../../apps/api/src/create-app';
import { serveUntilStopped } from './support/child';

const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

/**
 * The real API (AppModule, validation, error filter, metrics, Fastify) on a free port, projector and seeding off.
 * Request logs keep the configured level (info by default, as in production) and are serialised as in
 * production, but written to /dev/null: a terminal would make the bench measure the terminal.
 */
serveUntilStopped<{ url: string }, { baseUrl: string }>(async ({ url }) => {
  const config = loadConfig({
    ...process.env,
    DATABASE_URL: url,
    RUN_PROJECTOR: 'false',
    SEED_ON_START: 'false',
    ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
  });
  const runtime: Runtime = { config, databaseUrl: url, embedded: false, adminToken: config.adminToken };
  const logStream = pino.destination({ dest: '/dev/null', sync: false });
  const app = await createApiApp(runtime, { logStream });
  await app.listen(0, '127.0.0.1');
  return { info: { baseUrl: await app.getUrl() }, close: () => app.close() };
});
