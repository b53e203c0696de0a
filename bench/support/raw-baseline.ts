import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import { copyChunks, type CopyStreams } from './copy-streams';
import { concurrently, type Workload } from './measure';
import type { BenchPayload } from './payload';
import { slot, streamPrefix } from './streams';

export const RAW_TABLE = 'bench_events_raw';
export const BATCH_ROWS = 1000;

/*
 * LIKE ... INCLUDING ALL copies the columns, types, defaults, identity, CHECK constraints and every index
 * (primary key, unique (stream_id, version), unique event_id, log order, type) but never triggers: exactly
 * the baseline the issue asks for, and it stays equivalent when a migration changes `events`.
 */
export async function createRawTable(pool: Pool): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${RAW_TABLE}`);
  await pool.query(`CREATE TABLE ${RAW_TABLE} (LIKE events INCLUDING ALL)`);
}

export async function dropRawTable(pool: Pool): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${RAW_TABLE}`);
}

const COLUMNS = 'stream_id, version, event_id, type, schema_version, data, metadata';
const INSERT_ONE = `INSERT INTO ${RAW_TABLE} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
const INSERT_BATCH = `INSERT INTO ${RAW_TABLE} (${COLUMNS}) VALUES ${Array.from(
  { length: BATCH_ROWS },
  (_, r) => `(${Array.from({ length: 7 }, (_, c) => `$${r * 7 + c + 1}`).join(', ')})`,
).join(', ')}`;

/** One row per statement, autocommit: what a naive writer gets from pg. */
export function rawInsertSingle(pool: Pool, writers: number, payload: BenchPayload): Workload {
  const key = `raw${writers}`;
  return {
    key,
    label: `raw INSERT, 1 row/tx, ${writers} conn${writers > 1 ? 's' : ''}`,
    run: (until, round) =>
      concurrently(writers, async (writer) => {
        const prefix = streamPrefix(key, round, writer);
        let n = 0;
        for (; performance.now() < until; n++) {
          const { streamId, version } = slot(prefix, n);
          const row = [streamId, version + 1, randomUUID(), payload.type, 1, payload.data, payload.metadata];
          await pool.query(INSERT_ONE, row);
        }
        return n;
      }),
  };
}

/** 1,000 rows per statement, laid out like appendMany's input: 100 streams x 10 events. */
export function rawInsertBatch(pool: Pool, payload: BenchPayload): Workload {
  return {
    key: 'rawMultiRow',
    label: `raw multi-row INSERT, ${BATCH_ROWS.toLocaleString('en-US')} rows/stmt`,
    run: async (until, round) => {
      const prefix = streamPrefix('rawMultiRow', round, 0);
      let n = 0;
      while (performance.now() < until) {
        const params: unknown[] = [];
        for (let i = 0; i < BATCH_ROWS; i++, n++) {
          const { streamId, version } = slot(prefix, n);
          params.push(streamId, version + 1, randomUUID(), payload.type, 1, payload.data, payload.metadata);
        }
        await pool.query(INSERT_BATCH, params);
      }
      return n;
    },
  };
}

/**
 * COPY FROM STDIN, text format. 'batch': one COPY (one transaction) per 1,000 rows, the same unit as an
 * appendMany call. 'stream': one COPY for the whole run, COPY's best case and the usual meaning of "COPY rate".
 */
export function rawCopy(
  pool: Pool,
  copyStreams: CopyStreams,
  payload: BenchPayload,
  mode: 'batch' | 'stream',
): Workload {
  const key = mode === 'batch' ? 'rawCopy1000' : 'rawCopy';
  const sql = `COPY ${RAW_TABLE} (${COLUMNS}) FROM STDIN`;
  return {
    key,
    label: `raw COPY FROM STDIN, ${mode === 'batch' ? '1,000 rows/COPY' : 'one COPY per run'}`,
    run: async (until, round) => {
      const prefix = streamPrefix(key, round, 0);
      const client = await pool.connect();
      let n = 0;
      const batch = () => {
        const lines: string[] = [];
        for (let i = 0; i < BATCH_ROWS; i++, n++) lines.push(copyLine(prefix, n, payload));
        return lines.join('');
      };
      function* untilDeadline() {
        while (performance.now() < until) yield batch();
      }
      try {
        if (mode === 'stream') await copyChunks(client, copyStreams, sql, untilDeadline());
        else for (const chunk of untilDeadline()) await copyChunks(client, copyStreams, sql, [chunk]);
      } finally {
        client.release();
      }
      return n;
    },
  };
}

function copyLine(prefix: string, n: number, payload: BenchPayload): string {
  const { streamId, version } = slot(prefix, n);
  const data = copyText(JSON.stringify(payload.data));
  const metadata = copyText(JSON.stringify(payload.metadata));
  return `${streamId}\t${version + 1}\t${randomUUID()}\t${payload.type}\t1\t${data}\t${metadata}\n`;
}

/** JSON never holds a raw tab or newline (they are escaped), so only the backslash needs doubling for COPY text. */
function copyText(json: string): string {
  return json.replaceAll('\\', '\\\\');
}
