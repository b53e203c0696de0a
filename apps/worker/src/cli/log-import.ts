import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import {
  assertImportTarget,
  importLogBatch,
  parseExportedEvent,
  parseLogFileHeader,
  type LogFileHeader,
} from '@libs/event-store';
import { PlatformModule, prepareRuntime, runMain, type Runtime } from '@libs/platform';
import { type Projection, PROJECTIONS, ProjectionsModule, RebuildService } from '@libs/projections';
import { Progress } from './progress';

const BATCH = 1000;

/**
 * `npm run log:import -- file.ndjson`: a log:export file into an empty store (DATABASE_URL, or the embedded one),
 * one transaction per batch, in file order; safe to re-run after an interruption. The projections are rebuilt after.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: npm run log:import -- <file.ndjson>');
  const runtime = await prepareRuntime((m) => process.stderr.write(`${m}\n`));
  const pool = new Pool({ connectionString: runtime.databaseUrl, max: 1, application_name: 'annals-log-import' });
  try {
    const { written, skipped, seconds } = await importFile(pool, file);
    console.log(
      `imported ${written} events from ${file} in ${seconds.toFixed(1)} s (${Math.round(written / Math.max(seconds, 0.001))} events/s)` +
        (skipped > 0 ? `; ${skipped} were already stored (a re-run) and were skipped` : ''),
    );
  } finally {
    await pool.end();
  }
  try {
    await rebuildProjections(runtime);
  } finally {
    await runtime.release();
  }
}

async function importFile(pool: Pool, file: string) {
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let header: LogFileHeader | undefined;
  let progress: Progress | undefined;
  let batch: string[] = [];
  let lineNumber = 0;
  let checked = false;
  const totals = { written: 0, skipped: 0 };
  const flush = async () => {
    if (!checked) {
      await assertImportTarget(pool, batch[0]);
      checked = true;
    }
    const result = await importLogBatch(pool, batch);
    totals.written += result.written;
    totals.skipped += result.skipped;
    progress?.add(batch.length);
    batch = [];
  };
  for await (const line of lines) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    if (!header) {
      header = parseLogFileHeader(line);
      progress = new Progress('import', header.events);
      continue;
    }
    parseExportedEvent(line, lineNumber);
    batch.push(line);
    if (batch.length === BATCH) await flush();
  }
  if (!header) throw new Error(`${file} is empty: not an Annals log export`);
  if (batch.length > 0 || !checked) await flush();
  progress?.finish();
  const count = totals.written + totals.skipped;
  if (count !== header.events) {
    throw new Error(`${file} announces ${header.events} events but holds ${count}: the file is incomplete`);
  }
  return { ...totals, seconds: progress?.seconds ?? 0 };
}

/** Read models are derived: rebuild each from the imported log, exactly as `npm run rebuild` does. */
async function rebuildProjections(runtime: Runtime): Promise<void> {
  @Module({
    imports: [
      PlatformModule.forRoot(runtime, { poolSize: 3 }),
      ProjectionsModule.forRoot({ runProjector: false, rebuildCron: runtime.config.rebuildCron }),
    ],
  })
  class LogImportModule {}
  const app = await NestFactory.createApplicationContext(LogImportModule, { logger: ['error', 'warn'] });
  try {
    const rebuilds = app.get(RebuildService);
    for (const { name } of app.get<Projection[]>(PROJECTIONS)) {
      let progress: Progress | undefined;
      const { done } = await rebuilds.start(name, 'after log:import', (p) => {
        progress ??= new Progress(`rebuild ${name}`, p.total);
        progress.add(p.events - progress.count);
      });
      const outcome = await done;
      progress?.finish();
      console.log(`rebuilt ${name} from ${outcome.events} events; checksum ${outcome.checksum}`);
    }
  } finally {
    await app.close();
  }
}

runMain(main);
