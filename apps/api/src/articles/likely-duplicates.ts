import type { Pool } from 'pg';
import type { Proposal } from '@libs/proposals';
import { proposedActorIds } from './proposal-to-event';

/** An event already on the timeline that a proposal seems to report again. */
export interface LikelyDuplicate {
  eventId: string;
  title: string;
  summary: string | null;
  type: string;
  date: { start: string; end: string };
}

/*
 * Same actors (the same set of ids the proposal would record, roles aside), the same CAMEO root, and dates that
 * overlap: live timeline items only. One statement for every proposal of the article.
 */
const SQL = `
SELECT p.id AS proposal_id, v.id AS event_id, v.title, v.summary, v.type,
       v.date_start::text AS start, v.date_end::text AS end
FROM jsonb_to_recordset($1::jsonb) AS p(id text, root text, actor_ids text[], start date, "end" date)
JOIN timeline_versions v
  ON v.valid_to IS NULL AND v.type_root = p.root AND v.actor_ids @> p.actor_ids AND v.actor_ids <@ p.actor_ids
 AND v.date_start <= p."end" AND v.date_end >= p.start
ORDER BY p.id, v.date_start, v.id`;

/** Likely duplicates by proposal id; proposals naming no actor are never matched (any event would do). */
export async function likelyDuplicates(
  pool: Pool,
  proposals: readonly Proposal[],
): Promise<Map<string, LikelyDuplicate[]>> {
  const wanted = proposals
    .map((p) => ({
      id: p.id,
      root: p.type.root,
      actor_ids: [...new Set(proposedActorIds(p))],
      start: p.date.start,
      end: p.date.end,
    }))
    .filter((p) => p.actor_ids.length > 0);
  const found = new Map<string, LikelyDuplicate[]>();
  if (wanted.length === 0) return found;
  const { rows } = await pool.query<{
    proposal_id: string;
    event_id: string;
    title: string;
    summary: string | null;
    type: string;
    start: string;
    end: string;
  }>(SQL, [JSON.stringify(wanted)]);
  for (const row of rows) {
    const list = found.get(row.proposal_id) ?? [];
    list.push({
      eventId: row.event_id,
      title: row.title,
      summary: row.summary,
      type: row.type,
      date: { start: row.start, end: row.end },
    });
    found.set(row.proposal_id, list);
  }
  return found;
}
