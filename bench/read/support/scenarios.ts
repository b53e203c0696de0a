import type { Pool } from 'pg';
import { timelineConditions, type TimelineFilter } from '@libs/projections';
import { RARE_WORDS } from './vocabulary';

export interface Scenario {
  key: string;
  label: string;
  /** Path and query string of the request. */
  path: string;
  /** The same request as the query handler sees it (for the match count and EXPLAIN); absent for ceilings. */
  filter?: TimelineFilter;
  /** Request headers beyond autocannon's own (none by default). */
  headers?: Record<string, string>;
  /** Distinct requests: a new path each call (then `path` is only the first one, for the probe). */
  next?: () => string;
}

/** Which busiest actor to filter on: busy enough to matter, not the one head of state in every other item. */
const ACTOR_RANK = 50;

const timeline = (key: string, label: string, query: Record<string, string>, filter: TimelineFilter): Scenario => ({
  key,
  label,
  path: `/api/timeline${Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : ''}`,
  filter,
});

/** GET /api/timeline with each filter, its values read from the loaded data so every one of them matches. */
export async function timelineScenarios(pool: Pool): Promise<Scenario[]> {
  const { rows: actors } = await pool.query<{ id: string; event_count: number }>(
    `SELECT id, event_count FROM actors ORDER BY event_count DESC, id OFFSET $1 LIMIT 1`,
    [ACTOR_RANK - 1],
  );
  if (!actors[0]) throw new Error(`fewer than ${ACTOR_RANK} actors: load more events`);
  const actor = actors[0].id;
  // recorded_at is the appending transaction's start: the median event's is half-way through the load.
  const { rows: median } = await pool.query<{ recorded_at: Date }>(
    `SELECT recorded_at FROM events ORDER BY position OFFSET (SELECT count(*) / 2 FROM events) LIMIT 1`,
  );
  const asOf = median[0].recorded_at.toISOString();
  const [en, ar] = RARE_WORDS;
  return [
    timeline('none', 'no filter', {}, {}),
    timeline('country', 'country=FRA', { country: 'FRA' }, { country: ['FRA'] }),
    timeline('actor', `actor=${actor} (rank ${ACTOR_RANK})`, { actor }, { actor: [actor] }),
    timeline(
      'dateRange',
      'from=2001-01-01&to=2001-12-31',
      { from: '2001-01-01', to: '2001-12-31' },
      { from: '2001-01-01', to: '2001-12-31' },
    ),
    timeline('qEn', `q=${en}`, { q: en }, { q: en }),
    timeline('qAr', `q=${ar}`, { q: ar }, { q: ar }),
    timeline('asOf', `asOf=${asOf} (median event)`, { asOf }, { asOf: new Date(asOf) }),
  ];
}

/** How many live rows the filter matches (the whole result, not the first page). */
export async function countMatches(pool: Pool, filter: TimelineFilter): Promise<number> {
  const params: unknown[] = [];
  const where = timelineConditions(filter, params);
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM timeline_versions v WHERE ${where.join(' AND ')}`,
    params,
  );
  return Number(rows[0].n);
}
