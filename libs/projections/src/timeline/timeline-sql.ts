import type { TimelineFilter } from './timeline.query';
import { actorAliases } from '../search/actor-aliases';
import { searchSql, type SearchSql } from '../search/search-sql';

/** Builds the WHERE clause of a timeline read; values always travel as parameters, never inside the SQL. */
export function timelineConditions(filter: TimelineFilter, params: unknown[]): string[] {
  return timelineSql(filter, params).where;
}

export function timelineSql(filter: TimelineFilter, params: unknown[]): { where: string[]; search?: SearchSql } {
  const add = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.asOf) {
    const at = add(filter.asOf);
    where.push(`v.valid_from <= ${at}`, `(v.valid_to IS NULL OR v.valid_to > ${at})`);
  } else if (filter.includeRetracted) where.push('(v.valid_to IS NULL OR v.retracted_at IS NOT NULL)');
  else where.push('v.valid_to IS NULL');
  const any = (list: readonly string[] | undefined) => list !== undefined && list.length > 0;
  if (any(filter.actor)) where.push(`v.actor_ids && ${add(filter.actor)}::text[]`);
  if (any(filter.country)) where.push(`v.countries && ${add(filter.country)}::text[]`);
  if (any(filter.type)) {
    const roots = filter.type!.filter((t) => t.length === 2);
    const codes = filter.type!.filter((t) => t.length !== 2);
    where.push(`(v.type_root = ANY(${add(roots)}::text[]) OR v.type = ANY(${add(codes)}::text[]))`);
  }
  if (any(filter.status)) where.push(`v.status = ANY(${add(filter.status)}::text[])`);
  if (filter.from) where.push(`v.date_end >= ${add(filter.from)}::date`);
  if (filter.to) where.push(`v.date_start <= ${add(filter.to)}::date`);
  if (filter.recordedBy) {
    // Authorship is a fact of the log, not of the read model: an admin-only filter reads it there, one
    // (stream_id, version) index range per candidate row.
    where.push(
      `EXISTS (SELECT 1 FROM events e WHERE e.stream_id = 'diplomatic-event-' || v.id::text
                 AND e.metadata->>'credentialId' = ${add(filter.recordedBy)})`,
    );
  }
  const search = filter.q ? searchSql(filter.q, add, actorAliases()) : undefined;
  // A q with no letters or digits (punctuation only) matches nothing rather than everything.
  if (filter.q) where.push(search ? search.condition : 'false');
  return { where, search };
}

/**
 * Items longer than this (in days) are read through timeline_live_long_span_idx, the rest by the order index from
 * this many days before `from` (migrations/1700000012100-timeline-read-paths.ts and
 * 1700000012600-timeline-country-windows.ts name the same number).
 */
export const LONG_SPAN_DAYS = 366;

/** Where a timeline read takes its rows: `from` joins timeline_versions as v; `key` holds the order columns. */
export interface ReadPath {
  from: string;
  where: string[];
  /** Alias whose (date_start, date_end, id) is the timeline's order: an index of that table gives it. */
  key: 'v' | 'o';
  /** Counting needs no item row (one actor, nothing else asked): the entries alone, an index-only range. */
  countAlone?: { from: string; where: string[] };
}

/**
 * The row sources of a timeline read: one, or disjoint ones whose union is the answer (each read in index order,
 * then merged). The live timeline of one actor reads timeline_live_actors, an index range in date order; a live
 * window (`from`) in date order reads short items by the order index from shortly before `from`, and long ones
 * apart. Anything else (several actors, as-of, exports with retracted items) reads timeline_versions alone.
 */
export function timelineReadPaths(
  filter: TimelineFilter,
  params: unknown[],
  { dateOrdered }: { dateOrdered: boolean },
): { paths: ReadPath[]; search?: SearchSql } {
  const add = (value: unknown) => `$${params.push(value)}`;
  const live = !filter.asOf && !filter.includeRetracted;
  if (live && filter.actor?.length === 1) {
    const { where, search } = timelineSql({ ...filter, actor: undefined }, params);
    const actorOnly = where.length === 1; // v.valid_to IS NULL: every entry is a live item
    // One primary-key probe per entry, in the entry index's order, whatever the statistics say: the item's last
    // version (the live one; the outer valid_to IS NULL drops a retracted item's). A plain join let the planner
    // scan other indexes for the id on tables a rebuild had just swapped in, not yet analysed.
    const from = `timeline_live_actors o CROSS JOIN LATERAL (SELECT * FROM timeline_versions l
      WHERE l.id = o.id ORDER BY l.version DESC LIMIT 1) v`;
    const byActor = `o.actor_id = ${add(filter.actor[0])}`;
    const countAlone = actorOnly ? { from: 'timeline_live_actors o', where: [byActor] } : undefined;
    return { paths: [{ from, where: [byActor, ...where], key: 'o', countAlone }], search };
  }
  const { where, search } = timelineSql(filter, params);
  if (!live || !dateOrdered || !filter.from)
    return { paths: [{ from: 'timeline_versions v', where, key: 'v' }], search };
  const start = `${add(filter.from)}::date - ${LONG_SPAN_DAYS}`;
  return {
    paths: [
      { from: 'timeline_versions v', where: [...where, `v.date_start >= ${start}`], key: 'v' },
      {
        from: 'timeline_versions v',
        where: [...where, `v.date_start < ${start}`, `v.date_end - v.date_start > ${LONG_SPAN_DAYS}`],
        key: 'v',
      },
    ],
    search,
  };
}

/** `SELECT 1` of every path, as one relation: what counting needs. */
export function matchingRows(paths: readonly ReadPath[]): string {
  return paths
    .map((p) => p.countAlone ?? p)
    .map((p) => `SELECT 1 FROM ${p.from} WHERE ${p.where.join(' AND ')}`)
    .join(' UNION ALL ');
}
