"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.toStoredEvent = toStoredEvent;
function toStoredEvent(row) {
    const position = Number(row.position);
    return {
        eventId: row.event_id,
        streamId: row.stream_id,
        version: row.version,
        position,
        logPosition: { orderXid: row.order_xid, position },
        type: row.type,
        schemaVersion: row.schema_version,
        data: row.data,
        metadata: row.metadata,
        recordedAt: row.recorded_at,
    };
}
