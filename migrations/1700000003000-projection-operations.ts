import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What operators need to trust a projection: who leads it and when it last proved alive (heartbeats), and the
 * events it could not apply (parked, so one bad event never stops a projection for ever). Neither table is a read
 * model: rebuilds do not swap them.
 *
 * Also restores the read models' index names. Rebuild swaps used to keep the names `CREATE TABLE … (LIKE … INCLUDING
 * ALL)` generated (`timeline_versions__shadow_…_idx1`), so a later migration naming an index would fail on every
 * database that had been rebuilt. Swaps now rename indexes back; this renames the drifted ones once.
 */
export class ProjectionOperations1700000003000 implements MigrationInterface {
  name = 'ProjectionOperations1700000003000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE projection_leaders (
        projection    text PRIMARY KEY,
        holder        text        NOT NULL,
        leading_since timestamptz NOT NULL DEFAULT now(),
        heartbeat_at  timestamptz NOT NULL DEFAULT now(),
        last_error    text,
        last_error_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE projection_parked_events (
        projection  text        NOT NULL,
        tables      text        NOT NULL DEFAULT 'live' CHECK (tables IN ('live', 'shadow')),
        event_id    uuid        NOT NULL,
        order_xid   xid8        NOT NULL,
        position    bigint      NOT NULL,
        stream_id   text        NOT NULL,
        version     integer     NOT NULL,
        type        text        NOT NULL,
        error       text        NOT NULL,
        blocked_by  uuid,
        attempts    integer     NOT NULL DEFAULT 1,
        first_seen  timestamptz NOT NULL DEFAULT now(),
        last_seen   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, tables, event_id)
      )`);
    await db.query(
      `CREATE INDEX projection_parked_stream_idx ON projection_parked_events (projection, tables, stream_id)`,
    );
    await db.query(
      `CREATE INDEX projection_parked_order_idx ON projection_parked_events (projection, tables, order_xid, position)`,
    );
    for (const table of READ_MODEL_TABLES) await restoreIndexNames(db, table);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE IF EXISTS projection_parked_events`);
    await db.query(`DROP TABLE IF EXISTS projection_leaders`);
  }
}

const READ_MODEL_TABLES = ['timeline_versions', 'timeline_sources', 'actor_events', 'actors'];

/** The index names the read-model migration gave, by the definition they index (what follows "ON table"). */
const CANONICAL: Record<string, Record<string, string>> = {
  timeline_versions: {
    'USING btree (id, version)': 'timeline_versions_pkey',
    'USING btree (date_start, date_end, id) WHERE (valid_to IS NULL)': 'timeline_live_order_idx',
    'USING btree (date_end) WHERE (valid_to IS NULL)': 'timeline_live_end_idx',
    'USING gin (actor_ids) WHERE (valid_to IS NULL)': 'timeline_live_actors_idx',
    'USING gin (countries) WHERE (valid_to IS NULL)': 'timeline_live_countries_idx',
    'USING gin (search) WHERE (valid_to IS NULL)': 'timeline_live_search_idx',
    'USING btree (type_root, type) WHERE (valid_to IS NULL)': 'timeline_live_type_idx',
    'USING btree (valid_from, valid_to)': 'timeline_history_idx',
    'USING btree (date_start, date_end, id)': 'timeline_history_order_idx',
  },
  timeline_sources: { 'USING btree (id)': 'timeline_sources_pkey' },
  actor_events: {
    'USING btree (actor_id, event_id)': 'actor_events_pkey',
    'USING btree (event_id)': 'actor_events_event_idx',
  },
  actors: { 'USING btree (id)': 'actors_pkey', 'USING btree (event_count DESC, id)': 'actors_event_count_idx' },
};

async function restoreIndexNames(db: QueryRunner, table: string): Promise<void> {
  const indexes: { indexname: string; indexdef: string }[] = await db.query(
    `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1`,
    [table],
  );
  for (const { indexname, indexdef } of indexes) {
    const wanted = CANONICAL[table]?.[indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+ /, '')];
    if (wanted && wanted !== indexname) await db.query(`ALTER INDEX "${indexname}" RENAME TO "${wanted}"`);
  }
}
