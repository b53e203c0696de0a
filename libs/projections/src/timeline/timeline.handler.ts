import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadDatabase } from '../read-side/read-database';
import { encodeCursor, GetTimelineQuery, type TimelineFilter, type TimelinePage } from './timeline.query';
import { ITEM_COLUMNS, toItem, type ItemRow, type TimelineItem } from './timeline-item';
import { actorAliases } from '../search/actor-aliases';
import { searchSql, type SearchSql } from '../search/search-sql';
import { snippetFor } from '../search/snippet';

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

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  async execute({ filter, limit, cursor, order, minPosition }: GetTimelineQuery): Promise<TimelinePage> {
    const params: unknown[] = [];
    const { where, search } = timelineSql(filter, params);
    const ranked = order === 'relevance' && search !== undefined;
    const direction = order === 'desc' ? 'DESC' : 'ASC';
    if (cursor && 'offset' in cursor !== ranked) return { items: [], nextCursor: null };
    if (cursor && !('offset' in cursor)) {
      where.push(
        `(v.date_start, v.date_end, v.id) ${direction === 'ASC' ? '>' : '<'} ($${params.push(cursor.start)}::date, $${params.push(cursor.end)}::date, $${params.push(cursor.id)}::uuid)`,
      );
    }
    const dateOrder = `v.date_start ${direction}, v.date_end ${direction}, v.id ${direction}`;
    const offset = cursor && 'offset' in cursor ? cursor.offset : 0;
    const sql = `SELECT ${ITEM_COLUMNS} FROM timeline_versions v LEFT JOIN timeline_sources s ON s.id = v.source_id
       WHERE ${where.join(' AND ')} ORDER BY ${ranked ? `${search.rank} DESC, ${dateOrder}` : dateOrder}
       LIMIT $${params.push(limit + 1)} OFFSET $${params.push(offset)}`;
    const { rows } = await this.reads.read({ source: 'timeline', minPosition }, (db) => db.query<ItemRow>(sql, params));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    const more = rows.length > limit && last !== undefined;
    return {
      items: page.map((row) => (search ? withSnippet(toItem(row), search) : toItem(row))),
      nextCursor: !more
        ? null
        : encodeCursor(
            ranked ? { offset: offset + limit } : { start: last.date_start, end: last.date_end, id: last.id },
          ),
    };
  }
}

function withSnippet(item: TimelineItem, search: SearchSql): TimelineItem {
  const fields = [
    { field: 'title' as const, text: item.title },
    ...(item.summary ? [{ field: 'summary' as const, text: item.summary }] : []),
    ...item.sources.map((s) => ({ field: 'quote' as const, text: s.quote })),
  ];
  return { ...item, snippet: snippetFor(fields, search.terms) };
}
