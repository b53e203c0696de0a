import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadDatabase } from '../read-side/read-database';
import { encodeCursor, GetTimelineQuery, type TimelinePage } from './timeline.query';
import { ITEM_COLUMNS, toItem, type ItemRow, type TimelineItem } from './timeline-item';
import type { SearchSql } from '../search/search-sql';
import { timelineReadPaths, type ReadPath } from './timeline-sql';
import { snippetFor } from '../search/snippet';

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  async execute({ filter, limit, cursor, order, minPosition }: GetTimelineQuery): Promise<TimelinePage> {
    const params: unknown[] = [];
    const add = (value: unknown) => `$${params.push(value)}`;
    const byRelevance = order === 'relevance' && filter.q !== undefined;
    const { paths, search } = timelineReadPaths(filter, params, { dateOrdered: !byRelevance });
    const ranked = byRelevance && search !== undefined;
    const direction = order === 'desc' ? 'DESC' : 'ASC';
    if (cursor && 'offset' in cursor !== ranked) return { items: [], nextCursor: null };
    if (cursor && !('offset' in cursor)) {
      const after = `(${add(cursor.start)}::date, ${add(cursor.end)}::date, ${add(cursor.id)}::uuid)`;
      const comparison = direction === 'ASC' ? '>' : '<';
      for (const p of paths)
        p.where.push(`(${p.key}.date_start, ${p.key}.date_end, ${p.key}.id) ${comparison} ${after}`);
    }
    const dateOrder = (k: string) => `${k}.date_start ${direction}, ${k}.date_end ${direction}, ${k}.id ${direction}`;
    const offset = cursor && 'offset' in cursor ? cursor.offset : 0;
    const take = add(limit + 1);
    const select = (p: ReadPath) =>
      `SELECT ${ITEM_COLUMNS} FROM ${p.from} LEFT JOIN timeline_sources s ON s.id = v.source_id
       WHERE ${p.where.join(' AND ')}`;
    const sql =
      paths.length === 1
        ? `${select(paths[0])} ORDER BY ${ranked ? `${search.rank} DESC, ` : ''}${dateOrder(paths[0].key)}
           LIMIT ${take} OFFSET ${add(offset)}`
        : // Disjoint paths, each read in index order up to a page, merged (dates as ISO text sort as dates).
          `SELECT * FROM (${paths.map((p) => `(${select(p)} ORDER BY ${dateOrder(p.key)} LIMIT ${take})`).join(' UNION ALL ')}) u
           ORDER BY ${dateOrder('u')} LIMIT ${take}`;
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
