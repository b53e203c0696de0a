import type { Pool, PoolClient } from 'pg';
import { LOG_START, type LogPosition } from '@libs/event-store';
import { timelineSql } from '../timeline/timeline-sql';
import type { TimelineFilter } from '../timeline/timeline.query';
import { ITEM_COLUMNS, toItem, type ItemRow, type TimelineItem } from '../timeline/timeline-item';

export type ChangeType = 'recorded' | 'corrected' | 'retracted' | 'attached';

const CHANGE_TYPES: Record<string, ChangeType> = {
  DiplomaticEventRecorded: 'recorded',
  DiplomaticEventCorrected: 'corrected',
  DiplomaticEventRetracted: 'retracted',
  // An article attached as another source of an item (in the article's stream): the item's sources change.
  EventSourceAttached: 'attached',
};

/** One change of the timeline: a stored event that recorded, corrected, retracted an item or attached a source. */
export interface TimelineChange {
  /** The stored event's id: stable for ever, also across log:export/log:import (positions are not). */
  changeId: string;
  /** Its log position: the cursor (`after`, Last-Event-ID). */
  position: number;
  type: ChangeType;
  /** The diplomatic event, and its stream version after the change (an attachment: the item's version then). */
  id: string;
  version: number;
  changedAt: string;
  /** The item as this change left it (a retraction: its last version, with retractedAt); null when not projected. */
  item: TimelineItem | null;
  /** Whether the item matches the reader's filter after this change: false when a correction took it out. */
  matchesFilter: boolean;
}

export interface ChangesPage {
  changes: TimelineChange[];
  /** Where the next read starts: the last change read, or `after` itself when there was none. */
  next: LogPosition;
  /** True when `limit` cut the page: more changes are already visible. */
  more: boolean;
}

/** A position a client holds (from `after` or Last-Event-ID) → its place in log order; undefined if unknown. */
export async function logPositionOf(db: Pool | PoolClient, position: number): Promise<LogPosition | undefined> {
  if (position === 0) return LOG_START;
  const { rows } = await db.query<{ order_xid: string }>(
    'SELECT order_xid::text AS order_xid FROM events WHERE position = $1',
    [position],
  );
  return rows[0] ? { orderXid: rows[0].order_xid, position } : undefined;
}

/**
 * The changes after `after` in log order, up to the timeline projection's checkpoint: only what the projection has
 * applied, so every change read here is already visible in the timeline, and a slow writer's event (committed
 * late, below `after` in sequence but above it in log order) is never skipped (the checkpoint is gap-safe). A
 * rebuild does not move the checkpoint back, so it sends nothing again. A filter (the timeline's, without asOf)
 * keeps the changes whose item matches it after the change, or matched it before a correction. `next` is the last
 * change read, kept or not, so a filtered reader does not read the same changes again.
 */
export async function readTimelineChanges(
  db: Pool | PoolClient,
  after: LogPosition,
  limit: number,
  filter: TimelineFilter = {},
): Promise<ChangesPage> {
  const params: unknown[] = [after.orderXid, after.position, Object.keys(CHANGE_TYPES), limit + 1];
  const [validity, ...conditions] = timelineSql({ ...filter, asOf: undefined, includeRetracted: false }, params).where;
  // Each version row is judged on its own here; the live-only condition of timeline reads must not apply.
  if (validity !== 'v.valid_to IS NULL') throw new Error(`timelineSql's first condition changed: ${validity}`);
  const matching = (version: string) =>
    conditions.length === 0
      ? 'true'
      : `EXISTS (SELECT 1 FROM timeline_versions v WHERE v.id = r.item_id AND v.version = ${version}
           AND ${conditions.join(' AND ')})`;
  const { rows } = await db.query<ChangeRow>(
    `WITH cp AS (SELECT order_xid, position FROM projection_checkpoints WHERE name = 'timeline'),
     ch AS (
       SELECT e.position, e.order_xid, e.event_id, e.type AS change_type, e.version AS change_version,
              e.recorded_at AS changed_at,
              (CASE WHEN e.type = 'EventSourceAttached' THEN e.data->>'eventId' ELSE e.data->>'id' END)::uuid AS item_id
       FROM events e, cp
       WHERE (e.order_xid, e.position) > ($1::xid8, $2::bigint) AND (e.order_xid, e.position) <= (cp.order_xid, cp.position)
         AND e.type = ANY($3::text[])
       ORDER BY e.order_xid, e.position LIMIT $4),
     r AS (
       SELECT ch.*, cur.version AS item_version, prev.version AS previous_version
       FROM ch
       -- The version row the change left (an attachment, in another stream, changes the item's latest version).
       LEFT JOIN LATERAL (SELECT t.version FROM timeline_versions t WHERE t.id = ch.item_id
                            AND (ch.change_type = 'EventSourceAttached' OR t.version <= ch.change_version)
                          ORDER BY t.version DESC LIMIT 1) cur ON true
       LEFT JOIN LATERAL (SELECT max(t.version) AS version FROM timeline_versions t
                          WHERE ch.change_type = 'DiplomaticEventCorrected' AND t.id = ch.item_id
                            AND t.version < ch.change_version) prev ON true)
     SELECT r.position, r.order_xid::text AS order_xid, r.event_id, r.change_type, r.change_version, r.changed_at,
            r.item_id, r.item_version, ${ITEM_COLUMNS},
            ${matching('r.item_version')} AS matches, ${matching('r.previous_version')} AS matched_before
     FROM r
     LEFT JOIN timeline_versions v ON v.id = r.item_id AND v.version = r.item_version
     LEFT JOIN timeline_sources s ON s.id = v.source_id
     ORDER BY r.order_xid, r.position`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    // A correction that takes an item out of the filter is kept (matchesFilter false): watchers must drop it.
    changes: page.filter((row) => row.matches || row.matched_before).map(toChange),
    next: last ? { orderXid: last.order_xid, position: Number(last.position) } : after,
    more: rows.length > limit,
  };
}

interface ChangeRow extends ItemRow {
  position: string;
  order_xid: string;
  event_id: string;
  change_type: string;
  change_version: number;
  changed_at: Date;
  item_id: string;
  item_version: number | null;
  matches: boolean;
  matched_before: boolean;
}

function toChange(row: ChangeRow): TimelineChange {
  return {
    changeId: row.event_id,
    position: Number(row.position),
    type: CHANGE_TYPES[row.change_type],
    id: row.item_id,
    version: row.change_type === 'EventSourceAttached' ? (row.item_version ?? 0) : row.change_version,
    changedAt: row.changed_at.toISOString(),
    item: row.item_version === null ? null : toItem(row),
    matchesFilter: row.matches,
  };
}
