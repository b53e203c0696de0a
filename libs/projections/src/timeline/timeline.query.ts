import { Query } from '@nestjs/cqrs';
import { isCalendarDate } from '@libs/temporal';
import type { TimelineItem } from './timeline-item';

/** Each list matches any of its values (OR); the filters together must all match (AND). */
export interface TimelineFilter {
  actor?: readonly string[];
  country?: readonly string[];
  /** CAMEO codes, or 2-digit roots (all codes under them). */
  type?: readonly string[];
  status?: readonly string[];
  /** Inclusive ISO dates: an item matches when its date span overlaps [from, to]. */
  from?: string;
  to?: string;
  q?: string;
  /** The timeline as recorded at this instant. */
  asOf?: Date;
  /** Also the retracted items (their last version, with `retractedAt`): calendars must cancel them. */
  includeRetracted?: boolean;
  /** Only events a version of which this credential wrote (its id, from the log's metadata). */
  recordedBy?: string;
}

export interface TimelinePage {
  items: TimelineItem[];
  nextCursor: string | null;
}

/** Date order; a search (`q`) without an explicit order ranks the best match first. */
export type TimelineOrder = 'asc' | 'desc' | 'relevance';

export class GetTimelineQuery extends Query<TimelinePage> {
  constructor(
    readonly filter: TimelineFilter,
    readonly limit: number,
    readonly cursor?: TimelineCursor,
    /** A position a write returned: answer only from a server whose timeline has applied it. */
    readonly minPosition?: number,
    readonly order: TimelineOrder = 'asc',
  ) {
    super();
  }
}

/**
 * Keyset position in the timeline's order (date start, date end, id): stable under concurrent writes. Results
 * ranked by a search are paged by offset instead (a rank is a float, a poor key).
 */
export type TimelineCursor = { start: string; end: string; id: string } | { offset: number };

const MAX_OFFSET = 100_000;

export function encodeCursor(c: TimelineCursor): string {
  const value = 'offset' in c ? ['rank', c.offset] : [c.start, c.end, c.id];
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor(token: string): TimelineCursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value[0] === 'rank') {
      const offset: unknown = value[1];
      return Number.isInteger(offset) && (offset as number) > 0 && (offset as number) <= MAX_OFFSET
        ? { offset: offset as number }
        : undefined;
    }
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
