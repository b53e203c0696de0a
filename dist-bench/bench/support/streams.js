"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RUN_TAG = exports.EVENTS_PER_STREAM = void 0;
exports.slot = slot;
exports.streamPrefix = streamPrefix;
exports.EVENTS_PER_STREAM = 10;
exports.RUN_TAG = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
function slot(prefix, n) {
    return { streamId: `${prefix}-${Math.floor(n / exports.EVENTS_PER_STREAM)}`, version: n % exports.EVENTS_PER_STREAM };
}
function streamPrefix(workload, round, writer) {
    return `bench-${exports.RUN_TAG}-${workload}-${round}-w${writer}`;
}
