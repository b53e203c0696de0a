import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryConfig } from 'pg';
import type { StoredEvent } from '@libs/event-store';
import type { DiplomaticEventCorrected, DiplomaticEventRecorded, SourceRegistered } from '@libs/diplomacy';
import type { Projection, Tables } from '../projection';
import { corrected, toRow, type TimelineRow } from './timeline-row';

const ROW_COLUMNS = `id uuid, version int, valid_from timestamptz, type text, title text, summary text, actors jsonb,
  actor_ids text[], countries text[], location jsonb, date jsonb, status text, source_id uuid, quote text,
  recorded_at timestamptz`;

/*
 * Search works for Arabic and English: 'simple' keeps every word as written (names, Arabic as typed), 'english'
 * and 'arabic' add stems so "visits" finds "visit" and "التعاون" finds "تعاون".
 */
const insertRows = (t: string) => `
INSERT INTO ${t} (id, version, valid_from, type, type_root, title, summary, actors, actor_ids, countries, location,
                  date_start, date_end, date, status, source_id, quote, recorded_at, search)
SELECT r.id, r.version, r.valid_from, r.type, left(r.type, 2), r.title, r.summary, r.actors, r.actor_ids, r.countries,
       r.location, (r.date->>'start')::date, (r.date->>'end')::date, r.date, r.status, r.source_id, r.quote, r.recorded_at,
       setweight(to_tsvector('english', r.title), 'A') || setweight(to_tsvector('simple', r.title), 'A')
       || to_tsvector('english', coalesce(r.summary, '')) || to_tsvector('simple', coalesce(r.summary, ''))
       || to_tsvector('arabic', r.quote) || to_tsvector('simple', r.quote)
       || to_tsvector('simple', coalesce(r.location->>'name', '') || ' ' ||
            (SELECT coalesce(string_agg(a->>'name', ' '), '') FROM jsonb_array_elements(r.actors) a))
FROM jsonb_to_recordset($1::jsonb) AS r(${ROW_COLUMNS})`;

/** Named per table (live or shadow): the statement is parsed and planned once per connection, not per batch. */
const insertQuery = (table: string, rows: TimelineRow[]): QueryConfig => ({
  name: `annals.timeline-insert.${table}.v1`,
  text: insertRows(table),
  values: [JSON.stringify(rows)],
});

/** The diplomatic timeline: every version of every event, the live ones with valid_to IS NULL. */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'timeline';
  readonly codeVersion = 1;
  readonly tables = ['timeline_versions', 'timeline_sources'];
  // Every event touches only the rows of its own stream (an event's versions, or a source).
  readonly partitionedRebuild = true;
  // apply() finds rows by the primary key (id, version) only.
  readonly deferredIndexes = [
    'timeline_live_order_idx',
    'timeline_live_end_idx',
    'timeline_live_actors_idx',
    'timeline_live_countries_idx',
    'timeline_live_search_idx',
    'timeline_live_type_idx',
    'timeline_history_idx',
    'timeline_history_order_idx',
  ];

  async apply(tx: PoolClient, events: readonly StoredEvent[], t: Tables): Promise<void> {
    let pending: TimelineRow[] = [];
    const flush = async () => {
      if (pending.length > 0) await tx.query(insertQuery(t.timeline_versions, pending));
      pending = [];
    };
    for (const event of events) {
      const at = event.recordedAt.toISOString();
      switch (event.type) {
        case 'DiplomaticEventRecorded': {
          const { id, ...facts } = event.data as DiplomaticEventRecorded['data'];
          pending.push(toRow(id, event.version, facts, at, at));
          break;
        }
        case 'DiplomaticEventCorrected':
          await flush();
          await this.correct(tx, t, event.data as DiplomaticEventCorrected['data'], event.version, at);
          break;
        case 'DiplomaticEventRetracted':
          await flush();
          await tx.query(
            `UPDATE ${t.timeline_versions} SET valid_to = $2, retracted_at = $2 WHERE id = $1 AND valid_to IS NULL`,
            [(event.data as { id: string }).id, at],
          );
          break;
        case 'SourceRegistered':
          await this.registerSource(tx, t, event.data as SourceRegistered['data']);
          break;
      }
    }
    await flush();
  }

  private async correct(
    tx: PoolClient,
    t: Tables,
    data: DiplomaticEventCorrected['data'],
    version: number,
    at: string,
  ) {
    const { rows } = await tx.query<TimelineRow>(
      `UPDATE ${t.timeline_versions} SET valid_to = $2 WHERE id = $1 AND valid_to IS NULL
       RETURNING id, version, valid_from, type, title, summary, actors, actor_ids, countries, location, date, status,
                 source_id, quote, recorded_at`,
      [data.id, at],
    );
    if (rows.length === 0) return; // corrected an event this projection never saw live: nothing to show
    const row = { ...rows[0], recorded_at: new Date(rows[0].recorded_at).toISOString() };
    await tx.query(insertQuery(t.timeline_versions, [corrected(row, data, version, at)]));
  }

  private async registerSource(tx: PoolClient, t: Tables, s: SourceRegistered['data']) {
    await tx.query(
      `INSERT INTO ${t.timeline_sources} (id, title, url, publisher, language, published_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, url = EXCLUDED.url, publisher = EXCLUDED.publisher,
         language = EXCLUDED.language, published_at = EXCLUDED.published_at`,
      [s.id, s.title, s.url, s.publisher, s.language, s.publishedAt],
    );
  }

  async checksum(db: PoolClient, t: Tables): Promise<string> {
    const { rows } = await db.query<{ versions: string | null; sources: string | null }>(`
      SELECT (SELECT md5(string_agg(md5((v.id, v.version, v.valid_from, v.valid_to, v.retracted_at, v.type, v.title,
                v.summary, v.actors, v.countries, v.location, v.date, v.status, v.source_id, v.quote, v.recorded_at,
                v.search)::text), '' ORDER BY v.id, v.version)) FROM ${t.timeline_versions} v) AS versions,
             (SELECT md5(string_agg(md5(s::text), '' ORDER BY s.id)) FROM ${t.timeline_sources} s) AS sources`);
    return `${rows[0].versions ?? 'empty'}:${rows[0].sources ?? 'empty'}`;
  }
}
