"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.storeAppendSingle = storeAppendSingle;
exports.storeAppendMany = storeAppendMany;
const measure_1 = require("./measure");
const streams_1 = require("./streams");
function storeAppendSingle(store, writers, payload) {
    const key = `append${writers}`;
    return {
        key,
        label: `store.append, 1 event, ${writers} writer${writers > 1 ? 's' : ''}`,
        run: (until, round) => (0, measure_1.concurrently)(writers, async (writer) => {
            const prefix = (0, streams_1.streamPrefix)(key, round, writer);
            let n = 0;
            for (; performance.now() < until; n++) {
                const { streamId, version } = (0, streams_1.slot)(prefix, n);
                await store.append(streamId, version === 0 ? 'no_stream' : version, [
                    { type: payload.type, data: payload.data, metadata: payload.metadata },
                ]);
            }
            return n;
        }),
    };
}
function storeAppendMany(store, payload, batchRows) {
    return {
        key: 'appendMany',
        label: `store.appendMany, ${batchRows.toLocaleString('en-US')} events/call`,
        run: async (until, round) => {
            const prefix = (0, streams_1.streamPrefix)('appendMany', round, 0);
            let n = 0;
            while (performance.now() < until) {
                const appends = [];
                for (let i = 0; i < batchRows; i += streams_1.EVENTS_PER_STREAM, n += streams_1.EVENTS_PER_STREAM) {
                    const event = { type: payload.type, data: payload.data, metadata: payload.metadata };
                    const events = Array.from({ length: streams_1.EVENTS_PER_STREAM }, () => event);
                    appends.push({ streamId: (0, streams_1.slot)(prefix, n).streamId, expectedVersion: 'no_stream', events });
                }
                const { written } = await store.appendMany(appends);
                if (written !== batchRows)
                    throw new Error(`appendMany wrote ${written} of ${batchRows} events`);
            }
            return n;
        },
    };
}
