import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every name each actor has been recorded under (any script), so a search for "ماكرون" also finds items whose
 * sources wrote "Macron". Part of the timeline read model: rebuilt with it, no foreign keys.
 */
export class ActorNamesSearch1700000011000 implements MigrationInterface {
  name = 'ActorNamesSearch1700000011000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE timeline_actor_names (
        actor_id text     NOT NULL,
        name     text     NOT NULL,
        search   tsvector NOT NULL,
        PRIMARY KEY (actor_id, name)
      )`);
    await db.query(`CREATE INDEX timeline_actor_names_search_idx ON timeline_actor_names USING gin (search)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS timeline_actor_names`);
  }
}
