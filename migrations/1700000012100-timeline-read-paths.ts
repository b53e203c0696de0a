import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The three fixes `npm run bench:read` found at 1,000,000 events (docs/scaling.md):
 *
 * - `actor`: the GIN index on `actor_ids` finds an actor's items but not in date order, so a busy actor's first
 *   page sorted every one of its items (14.5 ms). `timeline_live_actors` holds one row per (actor, live item) in
 *   the timeline's order, so a page is an index range. Part of the timeline read model (rebuilt and swapped with
 *   it); filled here from the live rows so that actor pages are right before the next rebuild.
 * - `from`/`to`: an item overlaps [from, to] when it ends on or after `from`, but the order index starts at
 *   `date_start`, so a window far from the start of the timeline skipped every earlier item (5.9 ms). The query now
 *   reads items starting at most LONG_SPAN_DAYS before `from` by that index, and the few longer ones by this
 *   partial index. The 366 here is LONG_SPAN_DAYS in libs/projections/src/timeline/timeline-sql.ts.
 * - `q`: `search` (a tsvector of a few KB) was stored out of line in TOAST, so every matching row cost a second
 *   lookup; `STORAGE MAIN` keeps it in the row, compressed (26 → 8 ms). It applies to rows written from now on:
 *   the next rebuild (`npm run rebuild -- timeline`, or the one the timeline's new code version starts) rewrites
 *   them all.
 */
export class TimelineReadPaths1700000012100 implements MigrationInterface {
  name = 'TimelineReadPaths1700000012100';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE timeline_live_actors (
        actor_id   text NOT NULL,
        date_start date NOT NULL,
        date_end   date NOT NULL,
        id         uuid NOT NULL,
        PRIMARY KEY (actor_id, date_start, date_end, id)
      )`);
    await db.query(`CREATE INDEX timeline_live_actors_item_idx ON timeline_live_actors (id)`);
    await db.query(`
      INSERT INTO timeline_live_actors (actor_id, date_start, date_end, id)
      SELECT DISTINCT a.actor_id, v.date_start, v.date_end, v.id
        FROM timeline_versions v CROSS JOIN LATERAL unnest(v.actor_ids) AS a(actor_id)
       WHERE v.valid_to IS NULL`);
    await db.query(`
      CREATE INDEX timeline_live_long_span_idx ON timeline_versions (date_end, date_start, id)
       WHERE valid_to IS NULL AND date_end - date_start > 366`);
    await db.query(`ALTER TABLE timeline_versions ALTER COLUMN search SET STORAGE MAIN`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE timeline_versions ALTER COLUMN search SET STORAGE EXTENDED`);
    await db.query(`DROP INDEX IF EXISTS timeline_live_long_span_idx`);
    await db.query(`DROP TABLE IF EXISTS timeline_live_actors`);
  }
}
