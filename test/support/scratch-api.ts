import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { migrate } from '@libs/platform';
import { startTestApi } from './api';
import { createScratchDatabase, type ScratchDatabase } from './processes';

export interface ScratchApi {
  database: ScratchDatabase;
  /** A connection of the spec's own, for SQL the API would refuse or does not expose. */
  db: Client;
  app: NestFastifyApplication;
  /** Ends `db` and drops the database; close the app (which the spec may have replaced) first. */
  dispose(): Promise<void>;
}

/** The API on a fresh, migrated database of the spec's own: for specs whose state must not leak into others. */
export async function startScratchApi(prefix: string): Promise<ScratchApi> {
  const database = await createScratchDatabase(prefix);
  await migrate(database.url);
  const db = new Client({ connectionString: database.url });
  await db.connect();
  const app = await startTestApi({ DATABASE_URL: database.url });
  return {
    database,
    db,
    app,
    dispose: async () => {
      await db.end();
      await database.drop();
    },
  };
}
