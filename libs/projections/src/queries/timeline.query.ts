import { Query } from '@nestjs/cqrs';
import { isCalendarDate } from '@libs/temporal';
import type { TimelineItem } from './timeline-item';

export interface TimelineFilter {
  actor?: string;
  country?: string;
  /** A CAMEO code, or a 2-digit root (all codes under it). */
  type?: string;
  status?: string;
  /** Inclusive ISO dates: an item matches when its date span overlaps [from, to]. */
  from?: string;
  to?: string;
  q?: string;
  /** The timeline as recorded at this instant. */
  asOf?: Date;
  /** Only events a version of which this credential wrote (its id, from the log's metadata). */
  recordedBy?: string;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

export class GetTimelineQuery extends Query<TimelinePage> {
  constructor(
    readonly filter: TimelineFilter,
    readonly limit: number,
    readonly cursor?: TimelineCursor,
    /** A position a write returned: answer only from a server whose timeline has applied it. */
    readonly minPosition?: number,
  ) {
    super();
  }
}

/** Keyset position in the timeline's order (date start, date end, id): stable under concurrent writes. */
export interface TimelineCursor {
  start: string;
  end: string;
  id: string;
}

export function encodeCursor(c: TimelineCursor): string {
  return Buffer.from(JSON.stringify([c.start, c.end, c.id])).toString('base64url');
}

export function decodeCursor(token: string): TimelineCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || value.length !== 3) return undefined;
    const [start, end, id] = value as unknown[];
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    if (typeof start !== 'string' || typeof end !== 'string' || typeof id !== 'string') return undefined;
    // A forged cursor must not reach SQL with a date PostgreSQL refuses (2023-13-45, 0000-01-01).
    if (!isCalendarDate(start) || !isCalendarDate(end) || !uuid.test(id)) return undefined;
    return { start, end, id };
  } catch {
    return undefined;
  }
}
