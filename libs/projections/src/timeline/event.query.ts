import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DiplomaticEventNotFoundError } from '@libs/diplomacy';
import { ReadDatabase } from '../read-side/read-database';
import { ITEM_COLUMNS, toItem, type ItemRow, type TimelineItem } from './timeline-item';

export class EventRetractedError extends Error {
  readonly code = 'TIMELINE.RETRACTED';
  constructor(
    readonly id: string,
    readonly retractedAt: string,
  ) {
    super(`Diplomatic event ${id} was retracted at ${retractedAt}; its history remains at /api/events/${id}/history`);
    this.name = 'EventRetractedError';
  }
}

export class GetEventQuery extends Query<TimelineItem> {
  constructor(
    readonly id: string,
    readonly minPosition?: number,
    /** The item as the timeline showed it at this instant: its version then, 410 only once retracted by then. */
    readonly asOf?: Date,
  ) {
    super();
  }
}

@QueryHandler(GetEventQuery)
export class GetEventHandler implements IQueryHandler<GetEventQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  async execute({ id, minPosition, asOf }: GetEventQuery): Promise<TimelineItem> {
    // The latest version recorded by then (by now without asOf); a retraction after asOf does not count yet.
    const { rows } = await this.reads.read({ source: 'timeline', minPosition }, (db) =>
      db.query<ItemRow & { retracted_at: Date | null; valid_to: Date | null }>(
        `SELECT ${ITEM_COLUMNS}, v.valid_to FROM timeline_versions v
       LEFT JOIN timeline_sources s ON s.id = v.source_id
       WHERE v.id = $1 AND ($2::timestamptz IS NULL OR v.valid_from <= $2) ORDER BY v.version DESC LIMIT 1`,
        [id, asOf ?? null],
      ),
    );
    const row = rows[0];
    if (!row) throw new DiplomaticEventNotFoundError(id);
    if (row.retracted_at && (!asOf || row.retracted_at <= asOf))
      throw new EventRetractedError(id, row.retracted_at.toISOString());
    return toItem(row);
  }
}
