import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { ReadDatabase } from '../read-side/read-database';

export interface ActorSummary {
  id: string;
  names: string[];
  country: string;
  countries: string[];
  eventCount: number;
  firstDate: string;
  lastDate: string;
}

export class GetActorsQuery extends Query<{ items: ActorSummary[] }> {
  constructor(
    readonly limit: number,
    readonly country?: string,
    readonly minPosition?: number,
  ) {
    super();
  }
}

@QueryHandler(GetActorsQuery)
export class GetActorsHandler implements IQueryHandler<GetActorsQuery> {
  constructor(private readonly reads: ReadDatabase) {}

  async execute({ limit, country, minPosition }: GetActorsQuery) {
    const { rows } = await this.reads.read({ source: 'actors', minPosition }, (db) =>
      db.query(
        `SELECT id, names, country, countries, event_count, first_date::text AS first_date, last_date::text AS last_date
         FROM actors WHERE ($1::text IS NULL OR countries @> ARRAY[$1]::text[])
         ORDER BY event_count DESC, id LIMIT $2`,
        [country ?? null, limit],
      ),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        names: r.names,
        country: r.country,
        countries: r.countries,
        eventCount: r.event_count,
        firstDate: r.first_date,
        lastDate: r.last_date,
      })),
    };
  }
}
