"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.BATCH_ROWS = exports.RAW_TABLE = void 0;
exports.createRawTable = createRawTable;
exports.dropRawTable = dropRawTable;
exports.rawInsertSingle = rawInsertSingle;
exports.rawInsertBatch = rawInsertBatch;
exports.rawCopy = rawCopy;
const node_crypto_1 = require("node:crypto");
const copy_streams_1 = require("./copy-streams");
const measure_1 = require("./measure");
const streams_1 = require("./streams");
exports.RAW_TABLE = 'bench_events_raw';
exports.BATCH_ROWS = 1000;
async function createRawTable(pool) {
    await pool.query(`DROP TABLE IF EXISTS ${exports.RAW_TABLE}`);
    await pool.query(`CREATE TABLE ${exports.RAW_TABLE} (LIKE events INCLUDING ALL)`);
}
async function dropRawTable(pool) {
    await pool.query(`DROP TABLE IF EXISTS ${exports.RAW_TABLE}`);
}
const COLUMNS = 'stream_id, version, event_id, type, schema_version, data, metadata';
const INSERT_ONE = `INSERT INTO ${exports.RAW_TABLE} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7)`;
const INSERT_BATCH = `INSERT INTO ${exports.RAW_TABLE} (${COLUMNS}) VALUES ${Array.from({ length: exports.BATCH_ROWS }, (_, r) => `(${Array.from({ length: 7 }, (_, c) => `$${r * 7 + c + 1}`).join(', ')})`).join(', ')}`;
function rawInsertSingle(pool, writers, payload) {
    const key = `raw${writers}`;
    return {
        key,
        label: `raw INSERT, 1 row/tx, ${writers} conn${writers > 1 ? 's' : ''}`,
        run: (until, round) => (0, measure_1.concurrently)(writers, async (writer) => {
            const prefix = (0, streams_1.streamPrefix)(key, round, writer);
            let n = 0;
            for (; performance.now() < until; n++) {
                const { streamId, version } = (0, streams_1.slot)(prefix, n);
                const row = [streamId, version + 1, (0, node_crypto_1.randomUUID)(), payload.type, 1, payload.data, payload.metadata];
                await pool.query(INSERT_ONE, row);
            }
            return n;
        }),
    };
}
function rawInsertBatch(pool, payload) {
    return {
        key: 'rawMultiRow',
        label: `raw multi-row INSERT, ${exports.BATCH_ROWS.toLocaleString('en-US')} rows/stmt`,
        run: async (until, round) => {
            const prefix = (0, streams_1.streamPrefix)('rawMultiRow', round, 0);
            let n = 0;
            while (performance.now() < until) {
                const params = [];
                for (let i = 0; i < exports.BATCH_ROWS; i++, n++) {
                    const { streamId, version } = (0, streams_1.slot)(prefix, n);
                    params.push(streamId, version + 1, (0, node_crypto_1.randomUUID)(), payload.type, 1, payload.data, payload.metadata);
                }
                await pool.query(INSERT_BATCH, params);
            }
            return n;
        },
    };
}
function rawCopy(pool, copyStreams, payload, mode) {
    const key = mode === 'batch' ? 'rawCopy1000' : 'rawCopy';
    const sql = `COPY ${exports.RAW_TABLE} (${COLUMNS}) FROM STDIN`;
    return {
        key,
        label: `raw COPY FROM STDIN, ${mode === 'batch' ? '1,000 rows/COPY' : 'one COPY per run'}`,
        run: async (until, round) => {
            const prefix = (0, streams_1.streamPrefix)(key, round, 0);
            const client = await pool.connect();
            let n = 0;
            const batch = () => {
                const lines = [];
                for (let i = 0; i < exports.BATCH_ROWS; i++, n++)
                    lines.push(copyLine(prefix, n, payload));
                return lines.join('');
            };
            function* untilDeadline() {
                while (performance.now() < until)
                    yield batch();
            }
            try {
                if (mode === 'stream')
                    await (0, copy_streams_1.copyChunks)(client, copyStreams, sql, untilDeadline());
                else
                    for (const chunk of untilDeadline())
                        await (0, copy_streams_1.copyChunks)(client, copyStreams, sql, [chunk]);
            }
            finally {
                client.release();
            }
            return n;
        },
    };
}
function copyLine(prefix, n, payload) {
    const { streamId, version } = (0, streams_1.slot)(prefix, n);
    const data = copyText(JSON.stringify(payload.data));
    const metadata = copyText(JSON.stringify(payload.metadata));
    return `${streamId}\t${version + 1}\t${(0, node_crypto_1.randomUUID)()}\t${payload.type}\t1\t${data}\t${metadata}\n`;
}
function copyText(json) {
    return json.replaceAll('\\', '\\\\');
}
