import type { QueryBus } from '@nestjs/cqrs';
import {
  CountTimelineQuery,
  decodeCursor,
  GetTimelineQuery,
  type TimelineCursor,
  type TimelineFilter,
  type TimelineItem,
  type TimelinePage,
} from '@libs/projections';

/** The most items one export holds; past it the answer is cut and says so (X-Annals-Truncated: true). */
export const EXPORT_ITEM_CAP = 10_000;
// Each page is held in memory while it is written out, so concurrent exports hold one page each, never a whole
// export. Pages of 1,000 items cost fewer queries, but the objects of each outlive the young generation and the
// API's peak RSS rose 29 MB over one 10,000-item export (`npm run bench:csv`); pages of 250, 18 MB, and the
// export takes no longer (40 keyset reads of a few milliseconds each).
const PAGE_SIZE = 250;

export interface TimelineWalk {
  /** More items matched than EXPORT_ITEM_CAP when the walk started: only the first ones are written. */
  truncated: boolean;
  /** The items in timeline order, a page at a time, each id once. */
  pages: AsyncIterable<TimelineItem[]>;
}

export interface CollectedTimeline {
  items: TimelineItem[];
  truncated: boolean;
}

/**
 * Starts a walk over the timeline's pages (the same query as GET /api/timeline), up to EXPORT_ITEM_CAP items.
 * Whether the cap cuts it is counted first, and the first page is read before anything is sent, so headers
 * (X-Annals-Truncated) are known and a failure to read at all is still an error status. Pages are separate
 * reads: an item corrected to a later date mid-walk could come round again, so ids are kept once (first seen);
 * items recorded mid-walk may or may not appear, as with any paged read, and the count may then be off by them.
 */
export async function walkTimeline(
  queries: QueryBus,
  filter: TimelineFilter,
  minPosition?: number,
): Promise<TimelineWalk> {
  const { total, totalExact } = await queries.execute(new CountTimelineQuery(filter, minPosition));
  const read = (limit: number, cursor?: TimelineCursor) =>
    queries.execute(new GetTimelineQuery(filter, limit, cursor, minPosition));
  const first = await read(Math.min(PAGE_SIZE, EXPORT_ITEM_CAP));
  return { truncated: !totalExact || total > EXPORT_ITEM_CAP, pages: pagesFrom(first, read) };
}

async function* pagesFrom(
  first: TimelinePage,
  read: (limit: number, cursor?: TimelineCursor) => Promise<TimelinePage>,
): AsyncGenerator<TimelineItem[]> {
  const seen = new Set<string>();
  let page = first;
  for (;;) {
    const fresh = page.items.filter((item) => !seen.has(item.id) && seen.add(item.id));
    yield fresh;
    if (page.nextCursor === null || seen.size >= EXPORT_ITEM_CAP) return;
    const cursor = decodeCursor(page.nextCursor);
    if (!cursor) throw new Error(`the timeline query gave out a cursor it cannot read: ${page.nextCursor}`);
    page = await read(Math.min(PAGE_SIZE, EXPORT_ITEM_CAP - seen.size), cursor);
  }
}

/** The whole walk in memory: for the TimelineJS document, whose title says whether it was cut. */
export async function collectTimeline(
  queries: QueryBus,
  filter: TimelineFilter,
  minPosition?: number,
): Promise<CollectedTimeline> {
  const walk = await walkTimeline(queries, filter, minPosition);
  const items: TimelineItem[] = [];
  for await (const page of walk.pages) items.push(...page);
  return { items, truncated: walk.truncated };
}
