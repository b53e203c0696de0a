import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models: disposable, rebuilt from the log at any time. A rebuild fills `<table>__shadow` copies
 * (CREATE TABLE … (LIKE … INCLUDING ALL)) and swaps them in by renaming, so every table here must be
 * self-contained: no foreign keys, no sequences, no views that pin a table by OID.
 */
export class CreateReadModels1700000001000 implements MigrationInterface {
  name = 'CreateReadModels1700000001000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_checkpoints (
        name         text PRIMARY KEY,
        order_xid    xid8        NOT NULL DEFAULT '0',
        position     bigint      NOT NULL DEFAULT 0,
        code_version integer     NOT NULL,
        updated_at   timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE projection_rebuilds (
        id             uuid PRIMARY KEY,
        projection     text        NOT NULL,
        status         text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
        reason         text        NOT NULL,
        started_at     timestamptz NOT NULL DEFAULT now(),
        finished_at    timestamptz,
        events         bigint      NOT NULL DEFAULT 0,
        total          bigint      NOT NULL DEFAULT 0,
        checksum       text,
        live_checksum  text,
        drift          boolean,
        error          text
      )`);
    await db.query(`CREATE INDEX projection_rebuilds_recent_idx ON projection_rebuilds (projection, started_at DESC)`);

    // One row per version of each diplomatic event: valid_from/valid_to (recorded times) answer "as of T";
    // the live timeline is the rows with valid_to IS NULL. Retraction closes the last row and marks it.
    await db.query(`
      CREATE TABLE timeline_versions (
        id            uuid        NOT NULL,
        version       integer     NOT NULL,
        valid_from    timestamptz NOT NULL,
        valid_to      timestamptz,
        retracted_at  timestamptz,
        type          text        NOT NULL,
        type_root     text        NOT NULL,
        title         text        NOT NULL,
        summary       text,
        actors        jsonb       NOT NULL,
        actor_ids     text[]      NOT NULL,
        countries     text[]      NOT NULL,
        location      jsonb,
        date_start    date        NOT NULL,
        date_end      date        NOT NULL,
        date          jsonb       NOT NULL,
        status        text        NOT NULL,
        source_id     uuid        NOT NULL,
        quote         text        NOT NULL,
        recorded_at   timestamptz NOT NULL,
        search        tsvector    NOT NULL,
        PRIMARY KEY (id, version)
      )`);
    await db.query(
      `CREATE INDEX timeline_live_order_idx ON timeline_versions (date_start, date_end, id) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX timeline_live_end_idx ON timeline_versions (date_end) WHERE valid_to IS NULL`);
    await db.query(
      `CREATE INDEX timeline_live_actors_idx ON timeline_versions USING gin (actor_ids) WHERE valid_to IS NULL`,
    );
    await db.query(
      `CREATE INDEX timeline_live_countries_idx ON timeline_versions USING gin (countries) WHERE valid_to IS NULL`,
    );
    await db.query(
      `CREATE INDEX timeline_live_search_idx ON timeline_versions USING gin (search) WHERE valid_to IS NULL`,
    );
    await db.query(`CREATE INDEX timeline_live_type_idx ON timeline_versions (type_root, type) WHERE valid_to IS NULL`);
    await db.query(`CREATE INDEX timeline_history_idx ON timeline_versions (valid_from, valid_to)`);
    await db.query(`CREATE INDEX timeline_history_order_idx ON timeline_versions (date_start, date_end, id)`);

    await db.query(`
      CREATE TABLE timeline_sources (
        id           uuid PRIMARY KEY,
        title        text NOT NULL,
        url          text,
        publisher    text,
        language     text NOT NULL,
        published_at text NOT NULL
      )`);

    // Live (event, actor) pairs, and the per-actor summary computed from them.
    await db.query(`
      CREATE TABLE actor_events (
        actor_id   text NOT NULL,
        event_id   uuid NOT NULL,
        name       text NOT NULL,
        country    text NOT NULL,
        date_start date NOT NULL,
        date_end   date NOT NULL,
        PRIMARY KEY (actor_id, event_id)
      )`);
    await db.query(`CREATE INDEX actor_events_event_idx ON actor_events (event_id)`);
    await db.query(`
      CREATE TABLE actors (
        id          text PRIMARY KEY,
        names       text[]  NOT NULL,
        country     text    NOT NULL,
        countries   text[]  NOT NULL,
        event_count integer NOT NULL,
        first_date  date    NOT NULL,
        last_date   date    NOT NULL
      )`);
    await db.query(`CREATE INDEX actors_event_count_idx ON actors (event_count DESC, id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'actors',
      'actor_events',
      'timeline_sources',
      'timeline_versions',
      'projection_rebuilds',
      'projection_checkpoints',
    ]) {
      await db.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
