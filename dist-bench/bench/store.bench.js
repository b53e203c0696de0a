"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const pg_1 = require("pg");
const event_store_1 = require("../libs/event-store/src/event-store");
const copy_streams_1 = require("./support/copy-streams");
const database_1 = require("./support/database");
const measure_1 = require("./support/measure");
const payload_1 = require("./support/payload");
const raw_baseline_1 = require("./support/raw-baseline");
const report_1 = require("./support/report");
const store_workloads_1 = require("./support/store-workloads");
const TIMING = { warmupMs: 1000, runMs: 2000, rounds: 5 };
const CONCURRENT_WRITERS = 8;
const log = (line) => process.stderr.write(`${line}\n`);
async function main() {
    const db = await (0, database_1.openBenchDatabase)(log);
    const single = new pg_1.Pool({ connectionString: db.url, max: 1, application_name: 'annals-bench' });
    const multi = new pg_1.Pool({ connectionString: db.url, max: CONCURRENT_WRITERS, application_name: 'annals-bench' });
    for (const pool of [single, multi])
        pool.on('error', (e) => log(`idle client error: ${e.message}`));
    try {
        await (0, raw_baseline_1.createRawTable)(single);
        const report = await run(db.label, single, multi);
        process.stdout.write(`\nStore benchmark on ${report.database}; payload: ${report.payload.dataBytes} B data + ` +
            `${report.payload.metadataBytes} B metadata JSON; median of ${TIMING.rounds} × ${TIMING.runMs / 1000} s\n\n`);
        process.stdout.write(`${(0, report_1.renderTable)(report)}\n\n${(0, report_1.renderJson)(report)}\n`);
    }
    finally {
        await (0, raw_baseline_1.dropRawTable)(single).catch((e) => log(`could not drop the raw table: ${e.message}`));
        await Promise.all([single.end(), multi.end()]);
        await db.stop();
    }
}
async function run(database, single, multi) {
    const payload = (0, payload_1.benchPayload)();
    const copy = (0, copy_streams_1.loadCopyStreams)();
    const skipped = {};
    const workloads = [
        (0, raw_baseline_1.rawInsertSingle)(single, 1, payload),
        (0, raw_baseline_1.rawInsertSingle)(multi, CONCURRENT_WRITERS, payload),
        (0, raw_baseline_1.rawInsertBatch)(single, payload),
    ];
    if (copy.available) {
        workloads.push((0, raw_baseline_1.rawCopy)(single, copy.copyStreams, payload, 'stream'), (0, raw_baseline_1.rawCopy)(single, copy.copyStreams, payload, 'batch'));
    }
    else {
        skipped['raw COPY FROM STDIN'] = copy.reason;
    }
    workloads.push((0, store_workloads_1.storeAppendSingle)(new event_store_1.PostgresEventStore(single), 1, payload), (0, store_workloads_1.storeAppendSingle)(new event_store_1.PostgresEventStore(multi), CONCURRENT_WRITERS, payload), (0, store_workloads_1.storeAppendMany)(new event_store_1.PostgresEventStore(single), payload, raw_baseline_1.BATCH_ROWS));
    log(`measuring on ${database}: ${workloads.length} workloads, warm-up then ${TIMING.rounds} interleaved rounds`);
    const measurements = await (0, measure_1.measureAll)(workloads, TIMING, log);
    return {
        database,
        payload: { dataBytes: (0, payload_1.jsonBytes)(payload.data), metadataBytes: (0, payload_1.jsonBytes)(payload.metadata) },
        measurements,
        skipped,
    };
}
main().catch((error) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
});
