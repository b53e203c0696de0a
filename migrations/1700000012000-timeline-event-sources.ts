import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One real event, many reports: the articles attached to an event already on the timeline as further sources
 * (EventSourceAttached), each with its quote and offsets. Part of the timeline read model: rebuilt with it.
 */
export class TimelineEventSources1700000012000 implements MigrationInterface {
  name = 'TimelineEventSources1700000012000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE timeline_event_sources (
        event_id    uuid        NOT NULL,
        source_id   uuid        NOT NULL,
        proposal_id text        NOT NULL,
        quote       text        NOT NULL,
        quote_start int         NOT NULL,
        quote_end   int         NOT NULL,
        attached_at timestamptz NOT NULL,
        PRIMARY KEY (event_id, source_id, proposal_id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS timeline_event_sources`);
  }
}
