import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadDatabase } from '../read-side/read-database';
import type { Pool } from 'pg';
import type { TimelineFilter } from './timeline.query';
import { matchingRows, timelineReadPaths } from './timeline-sql';

/** Counting stops here: beyond it, the planner's estimate is returned (and said to be one). */
export const EXACT_TOTAL_LIMIT = 10_000;

export interface TimelineTotal {
  total: number;
  /** false: more than EXACT_TOTAL_LIMIT items match, and `total` is the planner's estimate. */
  totalExact: boolean;
}

export class CountTimelineQuery extends Query<TimelineTotal> {
  constructor(
    readonly filter: TimelineFilter,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(CountTimelineQuery)
export class CountTimelineHandler implements IQueryHandler<CountTimelineQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  execute({ filter, minPosition }: CountTimelineQuery): Promise<TimelineTotal> {
    return this.reads.read({ source: 'timeline', minPosition }, (db) => this.count(db, filter));
  }

  private async count(db: Pool, filter: TimelineFilter): Promise<TimelineTotal> {
    const params: unknown[] = [];
    const rowsMatching = matchingRows(timelineReadPaths(filter, params, { dateOrdered: true }).paths);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (${rowsMatching} LIMIT ${EXACT_TOTAL_LIMIT + 1}) bounded`,
      params,
    );
    if (rows[0].n <= EXACT_TOTAL_LIMIT) return { total: rows[0].n, totalExact: true };
    const { rows: plan } = await db.query<{ 'QUERY PLAN': [{ Plan: { 'Plan Rows': number } }] }>(
      `EXPLAIN (FORMAT JSON) ${rowsMatching}`,
      params,
    );
    const estimate = Math.round(plan[0]['QUERY PLAN'][0].Plan['Plan Rows']);
    return { total: Math.max(estimate, EXACT_TOTAL_LIMIT + 1), totalExact: false };
  }
}
