import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { Pool } from 'pg';
import { ReadDatabase } from '../read-side/read-database';
import { allCameoCodes, findCameoCode } from '@libs/diplomacy';
import type { TimelineFilter } from './timeline.query';
import { timelineConditions } from './timeline-sql';

export const STATS_GROUPS = ['month', 'year', 'country', 'type', 'actor'] as const;
export type StatsGroup = (typeof STATS_GROUPS)[number];
const FACETS = ['country', 'type', 'status', 'actor'] as const;
type Facet = (typeof FACETS)[number];

export interface StatsBucket {
  /** "2023-06", "2023", "KAZ", a CAMEO root "04", or an actor id. */
  key: string;
  label: string | null;
  count: number;
  /** Mean Goldstein score (-10 conflict … +10 cooperation) of the bucket's CAMEO codes; null without any. */
  meanGoldstein: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface TimelineStats {
  groupBy: StatsGroup;
  total: number;
  buckets: StatsBucket[];
  /** Each facet counts with every filter but its own, so the other values stay visible and selectable. */
  facets: Record<Facet, FacetCount[]>;
}

export class GetTimelineStatsQuery extends Query<TimelineStats> {
  constructor(
    readonly filter: TimelineFilter,
    readonly groupBy: StatsGroup,
    readonly minPosition?: number,
  ) {
    super();
  }
}

/** SQL for one row's key(s) in a group: time groups by the date's start; lists unnest (an item counts in each). */
const KEYS: Readonly<Record<StatsGroup | Facet, string>> = {
  month: `to_char(v.date_start, 'YYYY-MM')`,
  year: `to_char(v.date_start, 'YYYY')`,
  country: 'unnest(v.countries)',
  type: 'v.type_root',
  status: 'v.status',
  actor: 'unnest(v.actor_ids)',
};
const MAX_BUCKETS = 500;
const MAX_FACET_VALUES = 50;

@QueryHandler(GetTimelineStatsQuery)
export class GetTimelineStatsHandler implements IQueryHandler<GetTimelineStatsQuery> {
  private readonly codes = allCameoCodes().map((c) => c.code);
  private readonly scores = allCameoCodes().map((c) => c.goldstein);

  constructor(private readonly reads: ReadDatabase) {}

  execute({ filter, groupBy, minPosition }: GetTimelineStatsQuery): Promise<TimelineStats> {
    return this.reads.read({ source: 'timeline', minPosition }, (db) => this.stats(db, filter, groupBy));
  }

  private async stats(db: Pool, filter: TimelineFilter, groupBy: StatsGroup): Promise<TimelineStats> {
    const params: unknown[] = [this.codes, this.scores];
    const where = timelineConditions(filter, params).join(' AND ');
    const byTime = groupBy === 'month' || groupBy === 'year';
    const [buckets, total, ...facets] = await Promise.all([
      db.query<{ key: string; count: number; mean: number | null }>(
        `WITH g(code, score) AS (SELECT * FROM unnest($1::text[], $2::float8[])),
              k AS (SELECT ${KEYS[groupBy]} AS key, v.type FROM timeline_versions v WHERE ${where})
         SELECT k.key, count(*)::int AS count, round(avg(g.score)::numeric, 2)::float8 AS mean
           FROM k LEFT JOIN g ON g.code = k.type GROUP BY k.key
          ORDER BY ${byTime ? 'k.key' : 'count(*) DESC, k.key'} LIMIT ${MAX_BUCKETS}`,
        params,
      ),
      db.query<{ n: number }>(
        `WITH g(code, score) AS (SELECT * FROM unnest($1::text[], $2::float8[]))
         SELECT count(*)::int AS n FROM timeline_versions v WHERE ${where}`,
        params,
      ),
      ...FACETS.map((facet) => this.facet(db, facet, filter)),
    ]);
    return {
      groupBy,
      total: total.rows[0].n,
      buckets: buckets.rows.map((r) => ({
        key: r.key,
        label: groupBy === 'type' ? (findCameoCode(r.key)?.label ?? null) : null,
        count: r.count,
        meanGoldstein: r.mean,
      })),
      facets: Object.fromEntries(FACETS.map((f, i) => [f, facets[i]])) as Record<Facet, FacetCount[]>,
    };
  }

  private async facet(db: Pool, facet: Facet, filter: TimelineFilter): Promise<FacetCount[]> {
    const params: unknown[] = [];
    const where = timelineConditions({ ...filter, [facet]: undefined }, params).join(' AND ');
    const { rows } = await db.query<FacetCount>(
      `SELECT ${KEYS[facet]} AS value, count(*)::int AS count FROM timeline_versions v WHERE ${where}
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_FACET_VALUES}`,
      params,
    );
    return rows;
  }
}
