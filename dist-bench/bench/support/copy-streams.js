"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.loadCopyStreams = loadCopyStreams;
exports.copyChunks = copyChunks;
const node_module_1 = require("node:module");
const node_events_1 = require("node:events");
const promises_1 = require("node:stream/promises");
function loadCopyStreams() {
    try {
        return { available: true, copyStreams: (0, node_module_1.createRequire)(__filename)('pg-copy-streams') };
    }
    catch (error) {
        if (error.code !== 'MODULE_NOT_FOUND')
            throw error;
        return { available: false, reason: 'pg-copy-streams is not installed (npm i -D pg-copy-streams enables COPY)' };
    }
}
async function copyChunks(client, copyStreams, sql, chunks) {
    const stream = client.query(copyStreams.from(sql));
    for (const chunk of chunks) {
        if (!stream.write(chunk))
            await (0, node_events_1.once)(stream, 'drain');
    }
    stream.end();
    await (0, promises_1.finished)(stream);
}
