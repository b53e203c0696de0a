"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LOG_START = void 0;
exports.compareLogPositions = compareLogPositions;
exports.formatLogPosition = formatLogPosition;
exports.parseLogPosition = parseLogPosition;
exports.LOG_START = Object.freeze({ orderXid: '0', position: 0 });
function compareLogPositions(a, b) {
    const ax = BigInt(a.orderXid);
    const bx = BigInt(b.orderXid);
    if (ax !== bx)
        return ax < bx ? -1 : 1;
    return a.position === b.position ? 0 : a.position < b.position ? -1 : 1;
}
function formatLogPosition(p) {
    return `${p.orderXid}-${p.position}`;
}
function parseLogPosition(token) {
    const match = /^(\d{1,20})-(\d{1,16})$/.exec(token);
    if (!match)
        return undefined;
    return { orderXid: match[1], position: Number(match[2]) };
}
