import { Pool } from 'pg';
import { prepareRuntime, runMain } from '@libs/platform';
import { writeTimelineSnapshot } from '../snapshots/timeline-snapshot';

/**
 * `npm run snapshot -- [folder]`: the timeline as it stands, as `annals-<date>.ndjson` and its `.sha256`, in
 * `folder` (default: the current one). Run it daily and publish both files (see README, "Snapshots and feeds").
 */
async function main(): Promise<void> {
  const folder = process.argv[2] ?? '.';
  const runtime = await prepareRuntime((m) => process.stderr.write(`${m}\n`));
  const pool = new Pool({ connectionString: runtime.databaseUrl, max: 1, application_name: 'annals-snapshot' });
  try {
    const { file, checksumFile, sha256, header } = await writeTimelineSnapshot(pool, folder);
    console.log(`${header.items} items at position ${header.position} → ${file} (sha256 ${sha256}, ${checksumFile})`);
  } finally {
    await pool.end();
    await runtime.release();
  }
}

runMain(main);
