import { availableParallelism, loadavg } from 'node:os';
import { Pool } from 'pg';
import { PostgresEventStore } from '../libs/event-store/src/event-store';
import { loadCopyStreams } from './support/copy-streams';
import { openBenchDatabase } from './support/database';
import { measureAll, type Timing, type Workload } from './support/measure';
import { benchPayload, jsonBytes } from './support/payload';
import {
  BATCH_ROWS,
  createRawTable,
  dropRawTable,
  rawCopy,
  rawInsertBatch,
  rawInsertSingle,
} from './support/raw-baseline';
import { renderHeader, renderJson, renderTable, type Report } from './support/report';
import { storeAppendMany, storeAppendSingle, storeImport } from './support/store-workloads';
import { emmettAppendSingle, openEmmett, type EmmettStore } from './support/emmett-workloads';

/**
 * 5 short rounds rather than 3 long ones: on a shared 2-core machine a median of 5 shrugs off two disturbed
 * rounds. Up to 8 workloads x (1 s warm-up + 5 x 2 s) ≈ 90 s.
 */
const TIMING: Timing = { warmupMs: 1000, runMs: 2000, rounds: 5 };
const CONCURRENT_WRITERS = 8;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const db = await openBenchDatabase(log);
  // One pool per concurrency level, shared by the raw and store workloads so both pay the same pool overhead.
  const single = new Pool({ connectionString: db.url, max: 1, application_name: 'annals-bench' });
  const multi = new Pool({ connectionString: db.url, max: CONCURRENT_WRITERS, application_name: 'annals-bench' });
  for (const pool of [single, multi]) pool.on('error', (e) => log(`idle client error: ${e.message}`));
  const emmett = { single: openEmmett(db.url, single), multi: openEmmett(db.url, multi) };
  try {
    await createRawTable(single);
    const report = await run(db.label, single, multi, emmett);
    process.stdout.write(`\n${renderHeader(report, TIMING)}\n\n${renderTable(report)}\n\n${renderJson(report)}\n`);
  } finally {
    await dropRawTable(single).catch((e: Error) => log(`could not drop the raw table: ${e.message}`));
    await Promise.all([emmett.single.close(), emmett.multi.close()]).catch((e: Error) => log(`Emmett: ${e.message}`));
    await Promise.all([single.end(), multi.end()]);
    await db.stop();
  }
}

/** BENCH_ONLY=raw1,append1 measures only those workloads (by key): quick checks while tuning one path. */
function onlyChosen(workloads: Workload[]): Workload[] {
  const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
  return only?.length ? workloads.filter((w) => only.includes(w.key)) : workloads;
}

interface EmmettStores {
  single: EmmettStore;
  multi: EmmettStore;
}

async function run(database: string, single: Pool, multi: Pool, emmett: EmmettStores): Promise<Report> {
  const payload = benchPayload();
  const copy = loadCopyStreams();
  const skipped: Record<string, string> = {};
  const workloads: Workload[] = [
    rawInsertSingle(single, 1, payload),
    emmettAppendSingle(emmett.single, 1, payload),
    storeAppendSingle(new PostgresEventStore(single), 1, payload),
    rawInsertSingle(multi, CONCURRENT_WRITERS, payload),
    emmettAppendSingle(emmett.multi, CONCURRENT_WRITERS, payload),
    storeAppendSingle(new PostgresEventStore(multi), CONCURRENT_WRITERS, payload),
    rawInsertBatch(single, payload),
  ];
  if (copy.available) {
    workloads.push(
      rawCopy(single, copy.copyStreams, payload, 'stream'),
      storeImport(new PostgresEventStore(single), payload, 'stream'),
      rawCopy(single, copy.copyStreams, payload, 'batch'),
      storeImport(new PostgresEventStore(single), payload, 'batch'),
    );
  } else {
    skipped['raw COPY FROM STDIN'] = copy.reason;
  }
  workloads.push(storeAppendMany(new PostgresEventStore(single), payload, BATCH_ROWS));
  const chosen = onlyChosen(workloads);
  log(`measuring on ${database}: ${chosen.length} workloads, warm-up then ${TIMING.rounds} interleaved rounds`);
  const loadBefore = loadavg()[0];
  const measurements = await measureAll(chosen, TIMING, log);
  return {
    database,
    load: { before: loadBefore, after: loadavg()[0], cores: availableParallelism() },
    payload: { dataBytes: jsonBytes(payload.data), metadataBytes: jsonBytes(payload.metadata) },
    measurements,
    skipped,
  };
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
