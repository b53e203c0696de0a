import { Pool } from 'pg';

/** A pool on the run's test database (made by global-setup). Close it in afterAll. */
export function testPool(max = 10): Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run the tests through jest (global-setup creates the database)');
  return new Pool({ connectionString: url, max });
}
