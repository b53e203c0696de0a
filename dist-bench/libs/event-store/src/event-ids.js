"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deterministicUuid = deterministicUuid;
exports.eventIdFor = eventIdFor;
const uuid_1 = require("uuid");
const ANNALS_NAMESPACE = '6f1c2a9e-3b7d-4c55-9a0e-8d2f4b6e1a30';
function deterministicUuid(name) {
    return (0, uuid_1.v5)(name, ANNALS_NAMESPACE);
}
function eventIdFor(index, idempotencyKey) {
    return idempotencyKey ? deterministicUuid(`event:${idempotencyKey}#${index}`) : (0, uuid_1.v4)();
}
