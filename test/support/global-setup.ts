import { rmSync } from 'node:fs';
// Global setup runs outside Jest's module mapper: import by relative path, from files without @libs imports.
import { migrate } from '../../libs/platform/src/database';
import { startEmbeddedPostgres } from '../../libs/platform/src/embedded-postgres';
import { assertTestDatabase, createTestDatabase } from './test-database';

declare global {
  var __ANNALS_TEARDOWN__: (() => Promise<void>) | undefined;
}

/**
 * Same rule as `npm start`: DATABASE_URL given → use that server; otherwise an embedded real Postgres.
 * Each run gets a fresh database on that server, so runs never see each other's rows or schema.
 */
export default async function globalSetup(): Promise<void> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // A cluster of this run's own: parallel runs (two terminals, an editor's runner) never share a data dir.
    const dataDir = process.env.TEST_DATA_DIR ?? `.data/test/${process.pid}`;
    const pg = await startEmbeddedPostgres(dataDir);
    serverUrl = pg.url;
    stopEmbedded = async () => {
      await pg.stop();
      rmSync(dataDir, { recursive: true, force: true });
    };
  }
  const { url, drop } = await createTestDatabase(serverUrl);
  assertTestDatabase(url);
  process.env.DATABASE_URL = url;
  process.env.ANNALS_TEST_SERVER_URL = serverUrl;
  await migrate(url);
  globalThis.__ANNALS_TEARDOWN__ = async () => {
    await drop();
    await stopEmbedded?.();
  };
}
