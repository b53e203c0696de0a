import { createWriteStream, renameSync } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Pool } from 'pg';
import { exportLogLines, parseLogFileHeader } from '@libs/event-store';
import { prepareRuntime, runMain } from '@libs/platform';
import { Progress } from './progress';

/**
 * `npm run log:export -- file.ndjson`: every event in log order (the embedded store, or DATABASE_URL) as NDJSON,
 * streamed in batches from one consistent snapshot. Written to `file.partial` and renamed when complete.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run log:export -- <file.ndjson>');
  const runtime = await prepareRuntime((m) => process.stderr.write(`${m}\n`));
  const pool = new Pool({ connectionString: runtime.databaseUrl, max: 1, application_name: 'annals-log-export' });
  const partial = `${file}.partial`;
  const out = createWriteStream(partial);
  let progress: Progress | undefined;
  try {
    const client = await pool.connect();
    try {
      for await (const lines of exportLogLines(client)) {
        if (!progress) progress = new Progress('export', parseLogFileHeader(lines[0]).events);
        else progress.add(lines.length);
        if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
      }
    } finally {
      client.release();
    }
    out.end();
    await finished(out);
    renameSync(partial, file);
    progress?.finish();
    const p = progress ?? new Progress('export', 0);
    console.log(`exported ${p.count} events to ${file} in ${p.seconds.toFixed(1)} s (${p.rate} events/s)`);
  } finally {
    out.destroy();
    await pool.end();
    await runtime.release();
  }
}

runMain(main);
