import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { once } from 'node:events';
import { Client, Pool } from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { appendMany } from '../libs/event-store/src/append-many';
import { exportLogLines, importLogBatch } from '../libs/event-store/src/log-transfer';
import { migrate } from '../libs/platform/src/database';
import { benchPayload } from './support/payload';

/*
 * npm run bench:log — log:export and log:import (the library calls the CLIs make) against raw COPY TO / COPY FROM
 * of the same rows, on the same server, interleaved, median of 3. Needs DATABASE_URL (a server it may create
 * databases on); LOG_EVENTS sets the size (default 50,000).
 */
const EVENTS = Number(process.env.LOG_EVENTS ?? 50_000);
const ROUNDS = 3;
const COLUMNS = 'event_id, stream_id, version, type, schema_version, data, metadata, recorded_at';
const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const server = process.env.DATABASE_URL;
  if (!server) throw new Error('bench:log needs DATABASE_URL (a server on which it may create scratch databases)');
  const dir = mkdtempSync(join(tmpdir(), 'annals-bench-log-'));
  const source = await scratch(server, 'src');
  try {
    await fill(source.url);
    const results: Record<string, number[]> = { export: [], copyTo: [], import: [], copyFrom: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      const ndjson = join(dir, `log-${round}.ndjson`);
      const copy = join(dir, `log-${round}.copy`);
      results.export.push(await timed(() => exportTo(source.url, ndjson)));
      results.copyTo.push(await timed(() => copyOut(source.url, copy)));
      const target = await scratch(server, `dst${round}`);
      try {
        results.import.push(await timed(() => importFrom(target.url, ndjson)));
        results.copyFrom.push(await timed(() => copyIn(target.url, copy)));
      } finally {
        await target.drop();
      }
      log(`round ${round + 1}/${ROUNDS} done`);
    }
    const rate = (key: string) => Math.round(EVENTS / median(results[key]));
    const rows = [
      ['raw COPY (SELECT … ORDER BY log order) TO STDOUT', rate('copyTo'), 'baseline'],
      ['log:export (NDJSON, one snapshot)', rate('export'), `${(rate('export') / rate('copyTo')).toFixed(2)}×`],
      ['raw COPY FROM STDIN (LIKE events INCLUDING ALL)', rate('copyFrom'), 'baseline'],
      ['log:import (1,000-event batches)', rate('import'), `${(rate('import') / rate('copyFrom')).toFixed(2)}×`],
    ];
    process.stdout.write(`\n${EVENTS.toLocaleString('en-US')} events, median of ${ROUNDS}\n\n`);
    process.stdout.write('| operation | events/s | ratio |\n|---|---:|---|\n');
    for (const [label, value, ratio] of rows)
      process.stdout.write(`| ${label} | ${value.toLocaleString('en-US')} | ${ratio} |\n`);
  } finally {
    await source.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function scratch(server: string, label: string) {
  const name = `annals_bench_log_${label}_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: server });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`DROP DATABASE IF EXISTS ${name}`);
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function fill(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  const { type, data, metadata } = benchPayload();
  try {
    for (let i = 0; i < EVENTS; i += 1000) {
      const appends = Array.from({ length: 100 }, (_, s) => ({
        streamId: `bench-log-${i}-${s}`,
        expectedVersion: 'no_stream' as const,
        events: Array.from({ length: 10 }, () => ({ type, data, metadata })),
      }));
      await appendMany(pool, appends);
    }
  } finally {
    await pool.end();
  }
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await work();
  return (performance.now() - start) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function exportTo(url: string, file: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const out = createWriteStream(file);
  try {
    for await (const lines of exportLogLines(client)) {
      if (!out.write(`${lines.join('\n')}\n`)) await once(out, 'drain');
    }
  } finally {
    out.end();
    await once(out, 'close');
    await client.end();
  }
}

async function importFrom(url: string, file: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1 });
  let batch: string[] = [];
  let header = true;
  try {
    for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
      if (header || line === '') {
        header = false;
        continue;
      }
      batch.push(line);
      if (batch.length === 1000) {
        await importLogBatch(pool, batch);
        batch = [];
      }
    }
    await importLogBatch(pool, batch);
  } finally {
    await pool.end();
  }
}

async function copyOut(url: string, file: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const sql = `COPY (SELECT ${COLUMNS} FROM events e ORDER BY e.order_xid, e.position) TO STDOUT`;
    await pipeline(client.query(copyTo(sql)), createWriteStream(file));
  } finally {
    await client.end();
  }
}

async function copyIn(url: string, file: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE TABLE bench_log_raw (LIKE events INCLUDING ALL)');
    await pipeline(createReadStream(file), client.query(copyFrom(`COPY bench_log_raw (${COLUMNS}) FROM STDIN`)));
  } finally {
    await client.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
