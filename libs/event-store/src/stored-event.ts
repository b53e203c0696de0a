/** What a caller hands the store. `eventId` defaults to a fresh uuid (or one derived from an idempotency key). */
export interface NewEvent<T = unknown> {
  type: string;
  data: T;
  schemaVersion?: number;
  eventId?: string;
  metadata?: EventMetadata;
}

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** Who caused the event: a user, a token's name, a system process. */
  actor?: string;
  idempotencyKey?: string;
  [key: string]: unknown;
}

/** One immutable row of the log, as read back. */
export interface StoredEvent<T = unknown> {
  eventId: string;
  streamId: string;
  version: number;
  /** The row's sequence number: unique, but not the read order on its own (see LogPosition). */
  position: number;
  logPosition: LogPosition;
  type: string;
  schemaVersion: number;
  data: T;
  metadata: EventMetadata;
  recordedAt: Date;
}

/**
 * A place in the one global order of the log: (orderXid, position), compared in that order.
 * `orderXid` is a 64-bit transaction id kept as a decimal string.
 */
export interface LogPosition {
  orderXid: string;
  position: number;
}

export const LOG_START: LogPosition = Object.freeze({ orderXid: '0', position: 0 });

export function compareLogPositions(a: LogPosition, b: LogPosition): number {
  const ax = BigInt(a.orderXid);
  const bx = BigInt(b.orderXid);
  if (ax !== bx) return ax < bx ? -1 : 1;
  return a.position === b.position ? 0 : a.position < b.position ? -1 : 1;
}

/** An opaque, URL-safe token for a LogPosition (used by checkpoints and APIs). */
export function formatLogPosition(p: LogPosition): string {
  return `${p.orderXid}-${p.position}`;
}

export function parseLogPosition(token: string): LogPosition | undefined {
  const match = /^(\d{1,20})-(\d{1,16})$/.exec(token);
  if (!match) return undefined;
  return { orderXid: match[1], position: Number(match[2]) };
}
