import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadDatabase } from '../read-side/read-database';
import { encodeCursor, GetTimelineQuery, type TimelineFilter } from './timeline.query';
import { ITEM_COLUMNS, toItem, type ItemRow } from './timeline-item';

/** Builds the WHERE clause of a timeline read; values always travel as parameters, never inside the SQL. */
export function timelineConditions(filter: TimelineFilter, params: unknown[]): string[] {
  const add = (value: unknown) => `$${params.push(value)}`;
  const where: string[] = [];
  if (filter.asOf) {
    const at = add(filter.asOf);
    where.push(`v.valid_from <= ${at}`, `(v.valid_to IS NULL OR v.valid_to > ${at})`);
  } else where.push('v.valid_to IS NULL');
  if (filter.actor) where.push(`v.actor_ids @> ARRAY[${add(filter.actor)}]::text[]`);
  if (filter.country) where.push(`v.countries @> ARRAY[${add(filter.country)}]::text[]`);
  if (filter.type)
    where.push(filter.type.length === 2 ? `v.type_root = ${add(filter.type)}` : `v.type = ${add(filter.type)}`);
  if (filter.status) where.push(`v.status = ${add(filter.status)}`);
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
  if (filter.q) {
    const q = add(filter.q);
    where.push(
      `v.search @@ (websearch_to_tsquery('simple', ${q}) || websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('arabic', ${q}))`,
    );
  }
  return where;
}

@QueryHandler(GetTimelineQuery)
export class GetTimelineHandler implements IQueryHandler<GetTimelineQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  async execute({ filter, limit, cursor, minPosition }: GetTimelineQuery) {
    const params: unknown[] = [];
    const where = timelineConditions(filter, params);
    if (cursor) {
      where.push(
        `(v.date_start, v.date_end, v.id) > ($${params.push(cursor.start)}::date, $${params.push(cursor.end)}::date, $${params.push(cursor.id)}::uuid)`,
      );
    }
    const sql = `SELECT ${ITEM_COLUMNS} FROM timeline_versions v LEFT JOIN timeline_sources s ON s.id = v.source_id
       WHERE ${where.join(' AND ')} ORDER BY v.date_start, v.date_end, v.id LIMIT $${params.push(limit + 1)}`;
    const { rows } = await this.reads.read({ source: 'timeline', minPosition }, (db) => db.query<ItemRow>(sql, params));
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toItem),
      nextCursor:
        rows.length > limit && last ? encodeCursor({ start: last.date_start, end: last.date_end, id: last.id }) : null,
    };
  }
}
