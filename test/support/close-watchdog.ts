import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';

/** How long a test app may take to close before the watchdog reports what it is waiting for. */
const SLOW_CLOSE_MS = 10_000;

/**
 * Wraps `app.close()` so that a close that hangs says why: after SLOW_CLOSE_MS it prints the database sessions of
 * the run's database (what each is doing and waiting for) and the process's active handles. A close that hangs
 * on a busy CI machine is otherwise a bare "Exceeded timeout of 30000 ms for a hook".
 */
export function watchClose<App extends INestApplication>(
  app: App,
  databaseUrl: string,
  label: string,
  recentLogs: () => string[] = () => [],
): App {
  const close = app.close.bind(app);
  const watchedClose = async () => {
    const startedAt = Date.now();
    const timer = setTimeout(() => void report(databaseUrl, label, startedAt, recentLogs()), SLOW_CLOSE_MS);
    timer.unref();
    try {
      await close();
    } finally {
      clearTimeout(timer);
    }
  };
  // Nest hands out a proxy whose `get` wraps every method: replace `close` with a proxy of our own.
  return new Proxy(app, {
    get: (target, prop, receiver) => (prop === 'close' ? watchedClose : Reflect.get(target, prop, receiver)),
  });
}

async function report(databaseUrl: string, label: string, startedAt: number, logs: string[]): Promise<void> {
  const lines = [`${label}: app.close() still running after ${Date.now() - startedAt} ms`];
  lines.push('last log lines:', ...logs);
  lines.push(`active resources: ${process.getActiveResourcesInfo().join(', ')}`);
  process.stderr.write(`${lines.splice(0).join('\n')}\n`);
  lines.push(`${label}: database sessions:`);
  const client = new Client({ connectionString: databaseUrl, application_name: 'annals-test-watchdog' });
  try {
    await client.connect();
    const { rows } = await client.query<Record<string, unknown>>(
      `SELECT pid, application_name, state, wait_event_type, wait_event, now() - query_start AS running,
              left(query, 160) AS query
         FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid()
        ORDER BY query_start`,
    );
    for (const row of rows) lines.push(JSON.stringify(row));
  } catch (error) {
    lines.push(`could not read pg_stat_activity: ${String(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  process.stderr.write(`${lines.join('\n')}\n`);
}
