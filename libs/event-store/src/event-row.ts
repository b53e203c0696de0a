import type { EventMetadata, StoredEvent } from './stored-event';

/** A row of `events` as pg returns it (bigint as string, xid8 cast to text). */
export interface EventRow {
  position: string;
  order_xid: string;
  stream_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
}

export function toStoredEvent(row: EventRow): StoredEvent {
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
