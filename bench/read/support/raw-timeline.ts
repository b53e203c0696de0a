import type { Pool } from 'pg';
import type { DiplomaticEventRecorded } from '@libs/diplomacy';
import { createTableLike, searchDocument } from '@libs/projections';

export const RAW_TABLE = 'bench_timeline_raw';
const RAW_NAMES = 'bench_timeline_raw_names';
const RAW_ACTORS = 'bench_timeline_raw_actors';
const BATCH = 2000;

const COLUMNS = [
  'id',
  'version',
  'at',
  'type',
  'title',
  'summary',
  'actors',
  'actor_ids',
  'countries',
  'location',
  'date_start',
  'date_end',
  'date',
  'status',
  'source_id',
  'quote',
  'search_title',
  'search_body',
];
const TYPES = [
  'uuid',
  'int',
  'timestamptz',
  'text',
  'text',
  'text',
  'jsonb',
  'text[]',
  'text[]',
  'jsonb',
  'date',
  'date',
  'jsonb',
  'text',
  'uuid',
  'text',
  'text',
  'text',
];

/*
 * The same row fields, the same search vector and the same by-actor entries as TimelineProjection (copied: the baseline must cost what the
 * projection's INSERT costs, minus the projection's own machinery): the title and body folded in code with the
 * projection's searchDocument, then the same four to_tsvector calls, from a multi-row VALUES with plain parameters.
 */
const insertSql = (rows: number) => `
INSERT INTO ${RAW_TABLE} (id, version, valid_from, type, type_root, title, summary, actors, actor_ids, countries,
                          location, date_start, date_end, date, status, source_id, quote, recorded_at, search)
SELECT r.id, r.version, r.at, r.type, left(r.type, 2), r.title, r.summary, r.actors, r.actor_ids, r.countries,
       r.location, r.date_start, r.date_end, r.date, r.status, r.source_id, r.quote, r.at,
       setweight(to_tsvector('simple', r.search_title), 'A') || setweight(to_tsvector('english', r.search_title), 'A')
       || to_tsvector('simple', r.search_body) || to_tsvector('english', r.search_body)
FROM (VALUES ${Array.from(
  { length: rows },
  (_, row) => `(${TYPES.map((type, col) => `$${row * TYPES.length + col + 1}::${type}`).join(', ')})`,
).join(',\n')})
  AS r(${COLUMNS.join(', ')})
ON CONFLICT (id, version) DO UPDATE SET title = EXCLUDED.title, summary = EXCLUDED.summary, actors = EXCLUDED.actors,
  actor_ids = EXCLUDED.actor_ids, countries = EXCLUDED.countries, date_start = EXCLUDED.date_start,
  date_end = EXCLUDED.date_end, date = EXCLUDED.date, search = EXCLUDED.search`;

interface LogRow {
  position: string;
  version: number;
  type: string;
  data: unknown;
  recorded_at: Date;
}

export interface RawFigures {
  events: number;
  rows: number;
  seconds: number;
}

/**
 * The tables the baseline fills, shaped like the timeline tables as a rebuild's shadow tables are (createTableLike:
 * every index and storage parameter), so inserts cost the same.
 */
export async function createRawTable(pool: Pool): Promise<void> {
  await dropRawTable(pool);
  await createTableLike(pool, 'timeline_versions', RAW_TABLE);
  await createTableLike(pool, 'timeline_actor_names', RAW_NAMES);
  await createTableLike(pool, 'timeline_live_actors', RAW_ACTORS);
}

export async function dropRawTable(pool: Pool): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${RAW_TABLE}, ${RAW_NAMES}, ${RAW_ACTORS}`);
}

/** The actor names the projection keeps for search (timeline_actor_names), one statement per batch. */
const insertNamesSql = `
INSERT INTO ${RAW_NAMES} (actor_id, name, search)
SELECT r.actor_id, r.name, to_tsvector('simple', r.doc) FROM jsonb_to_recordset($1::jsonb) AS r(actor_id text, name text, doc text)
ON CONFLICT (actor_id, name) DO NOTHING`;

/** Each item's entry per actor (timeline_live_actors: one actor's items in date order), from plain arrays. */
const insertActorsSql = `
INSERT INTO ${RAW_ACTORS} (actor_id, date_start, date_end, id)
SELECT * FROM unnest($1::text[], $2::date[], $3::date[], $4::uuid[])
ON CONFLICT DO NOTHING`;

/**
 * What plain pg can do: keyset-read `events` by position, 2,000 at a time, and upsert the recorded events in one
 * statement per batch, then their actor names and by-actor entries in one each. No corrections, retractions,
 * checkpoints, shadow tables or checksums.
 */
export async function rawTimelineLoad(pool: Pool, onBatch: (events: number) => void): Promise<RawFigures> {
  const started = performance.now();
  let after = '0';
  let events = 0;
  let written = 0;
  for (;;) {
    const { rows } = await pool.query<LogRow>(
      `SELECT position, version, type, data, recorded_at FROM events WHERE position > $1 ORDER BY position LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].position;
    events += rows.length;
    const recorded = rows.filter((r) => r.type === 'DiplomaticEventRecorded');
    const params = recorded.flatMap(toParams);
    const count = params.length / TYPES.length;
    if (count > 0) {
      await pool.query(insertSql(count), params);
      await pool.query(insertNamesSql, [JSON.stringify(actorNames(recorded))]);
      await pool.query(insertActorsSql, actorEntries(recorded));
      written += count;
    }
    onBatch(events);
  }
  return { events, rows: written, seconds: (performance.now() - started) / 1000 };
}

function actorNames(rows: LogRow[]): { actor_id: string; name: string; doc: string }[] {
  const names = new Map<string, { actor_id: string; name: string; doc: string }>();
  for (const row of rows)
    for (const a of (row.data as DiplomaticEventRecorded['data']).actors)
      names.set(`${a.id}\u0000${a.name}`, { actor_id: a.id, name: a.name, doc: searchDocument(a.name) });
  return [...names.values()];
}

function actorEntries(rows: LogRow[]): [string[], string[], string[], string[]] {
  const columns: [string[], string[], string[], string[]] = [[], [], [], []];
  for (const row of rows) {
    const d = row.data as DiplomaticEventRecorded['data'];
    for (const actorId of new Set(d.actors.map((a) => a.id))) {
      columns[0].push(actorId);
      columns[1].push(d.date.start);
      columns[2].push(d.date.end);
      columns[3].push(d.id);
    }
  }
  return columns;
}

function toParams(row: LogRow): unknown[] {
  const d = row.data as DiplomaticEventRecorded['data'];
  return [
    d.id,
    row.version,
    row.recorded_at,
    d.type,
    d.title,
    d.summary,
    JSON.stringify(d.actors),
    d.actors.map((a) => a.id),
    [...new Set(d.actors.map((a) => a.country))].sort(),
    d.location === null ? null : JSON.stringify(d.location),
    d.date.start,
    d.date.end,
    JSON.stringify(d.date),
    d.status,
    d.source.sourceId,
    d.source.quote,
    searchDocument(d.title),
    [d.summary, d.source.quote, d.location?.name, ...d.actors.map((a) => a.name)]
      .map((t) => searchDocument(t))
      .join(' '),
  ];
}
