import { Client } from 'pg';

/** Tests migrate, truncate and drop: they only ever touch a database whose name says it is for tests. */
export const TEST_DATABASE_NAME = /(^|[_-])test([_-]|$)|^test/i;

export function assertTestDatabase(url: string): void {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!TEST_DATABASE_NAME.test(name)) {
    throw new Error(
      `refusing to run tests against database "${name}": its name must say it is for tests (contain "test"), ` +
        'or the user must be allowed to CREATE DATABASE so each run gets a fresh annals_test_… database',
    );
  }
}

/**
 * Creates `annals_test_<pid>_<time>` beside the given database. If the server does not allow that, the given
 * database itself is used — but only when its name says it is for tests (never an application's database).
 */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `annals_test_${process.pid}_${Date.now()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    try {
      assertTestDatabase(serverUrl);
    } catch (refusal) {
      throw new Error(`${(refusal as Error).message} (CREATE DATABASE failed: ${String(error)})`, { cause: refusal });
    }
    return { url: serverUrl, drop: async () => {} };
  }
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
