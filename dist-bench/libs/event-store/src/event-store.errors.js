"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ForeignEventLogError = exports.InvalidEventError = exports.IdempotencyConflictError = exports.ConcurrencyError = exports.EventStoreError = void 0;
class EventStoreError extends Error {
}
exports.EventStoreError = EventStoreError;
class ConcurrencyError extends EventStoreError {
    constructor(streamId, expectedVersion, currentVersion) {
        super(`Stream ${streamId} is at version ${currentVersion}, but version ${String(expectedVersion)} was expected`);
        this.streamId = streamId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
        this.code = 'EVENT_STORE.VERSION_CONFLICT';
        this.name = 'ConcurrencyError';
    }
}
exports.ConcurrencyError = ConcurrencyError;
class IdempotencyConflictError extends EventStoreError {
    constructor(streamId, detail) {
        super(`Some of the events appended to ${streamId} were already stored elsewhere: ${detail}`);
        this.streamId = streamId;
        this.code = 'EVENT_STORE.IDEMPOTENCY_CONFLICT';
        this.name = 'IdempotencyConflictError';
    }
}
exports.IdempotencyConflictError = IdempotencyConflictError;
class InvalidEventError extends EventStoreError {
    constructor(detail) {
        super(detail);
        this.code = 'EVENT_STORE.INVALID_EVENT';
        this.name = 'InvalidEventError';
    }
}
exports.InvalidEventError = InvalidEventError;
class ForeignEventLogError extends EventStoreError {
    constructor(maxOrderXid, nextXid) {
        super(`The events table holds transaction ids up to ${maxOrderXid}, but this cluster's next transaction id is ` +
            `${nextXid}: the log was restored from another cluster (pg_dump/pg_restore). New appends would sort ` +
            `before its history and readers would hide it. Restore into a cluster whose transaction counter is ` +
            `ahead (a physical backup such as pg_basebackup keeps the counter), or re-import the events into an empty store.`);
        this.code = 'EVENT_STORE.FOREIGN_LOG';
        this.name = 'ForeignEventLogError';
    }
}
exports.ForeignEventLogError = ForeignEventLogError;
