import { Injectable } from '@nestjs/common';
import type { PoolClient, QueryConfig } from 'pg';
import type { StoredEvent } from '@libs/event-store';
import type { DiplomaticEventCorrected, EventSourceAttached, SourceRegistered } from '@libs/diplomacy';
import type { ApplyMode, Projection, Tables } from '../projection';
import { corrected, fromStored, recordedRow, type TimelineRow } from './timeline-row';
import { itemsToRead, planLoad, type LoadRow, type Supersede } from './timeline-load';
import { itemFieldDefinitions, itemFieldList } from './timeline-fields';
import { searchDocument } from '../search/search-text';
import { recordHashSql, tableDigestSql, tsvectorHashSql } from '../table-digest';

const ROW_COLUMNS = `id uuid, version int, valid_from timestamptz, type text, ${itemFieldDefinitions()}, actors jsonb,
  actor_ids text[], countries text[], location jsonb, date jsonb, status text, source_id uuid, quote text,
  recorded_at timestamptz, search_title text, search_body text, valid_to timestamptz, retracted_at timestamptz`;

/*
 * The search column indexes folded text (see search/search-text.ts: accents, Arabic letter forms and diacritics,
 * Arabic light stems beside each word) under 'simple' (every word as written) and 'english' (stems, so "visits"
 * finds "visit"); queries fold `q` with the same code.
 */
/**
 * New versions, from rows (TimelineRow with their folded search text). Only a rebuild's load gives rows an end
 * (valid_to, retracted_at: a version its own batch superseded, timeline-load.ts); elsewhere they are absent: NULL.
 */
const insertVersions = (t: string) => `
INSERT INTO ${t} (id, version, valid_from, valid_to, retracted_at, type, type_root, ${itemFieldList()}, actors, actor_ids,
                  countries, location, date_start, date_end, date, status, source_id, quote, recorded_at, search)
SELECT r.id, r.version, r.valid_from, r.valid_to, r.retracted_at, r.type, left(r.type, 2), ${itemFieldList('r.')}, r.actors,
       r.actor_ids, r.countries, r.location, (r.date->>'start')::date, (r.date->>'end')::date, r.date, r.status,
       r.source_id, r.quote, r.recorded_at,
       setweight(to_tsvector('simple', r.search_title), 'A') || setweight(to_tsvector('english', r.search_title), 'A')
       || to_tsvector('simple', r.search_body) || to_tsvector('english', r.search_body)
FROM jsonb_to_recordset($1::jsonb) AS r(${ROW_COLUMNS})`;

const VERSION_COLUMNS = `id, version, valid_from, type, ${itemFieldList()}, actors, actor_ids, countries, location, date,
  status, source_id, quote, recorded_at`;

/*
 * The current versions a rebuild's batch corrects or retracts: read, then ended, each in one statement. Both find
 * every row through the primary key whatever the planner believes of the shadow table (it has no statistics while
 * it loads: joined on the id alone, the ids looked common and the plans scanned the whole table per batch, a load
 * 3.5 times as long); both are planned afresh each time (unnamed), so no plan made while the table was small
 * outlives that.
 */
const readCurrent = (t: string) => `
SELECT c.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
  SELECT ${VERSION_COLUMNS} FROM ${t} v WHERE v.id = k.id AND v.valid_to IS NULL ORDER BY v.version DESC LIMIT 1) c`;

const supersedeVersions = (t: string) => `
UPDATE ${t} v SET valid_to = s.at, retracted_at = CASE WHEN s.retracted THEN s.at ELSE v.retracted_at END
  FROM jsonb_to_recordset($1::jsonb) AS s(id uuid, version int, at timestamptz, retracted boolean)
 WHERE v.id = s.id AND v.version = s.version`;

/** The rows, and each one's entries in timeline_live_actors (one per distinct actor). */
const insertRows = (t: string, byActor: string) => `
WITH inserted AS (${insertVersions(t)}
RETURNING id, actor_ids, date_start, date_end)
INSERT INTO ${byActor} (actor_id, date_start, date_end, id)
SELECT DISTINCT a.actor_id, i.date_start, i.date_end, i.id FROM inserted i CROSS JOIN LATERAL unnest(i.actor_ids) AS a(actor_id)`;

/*
 * timeline_live_actors of a rebuild's load, in one pass after it (finishLoad): the live versions' entries, in the
 * primary key's order so that its index grows at its right edge. Maintained row by row, these entries were a
 * quarter of a rebuild's load (measured at 1M events: load 239 s with them, 183 s without; this statement 9 s).
 */
const deriveLiveActors = (t: Tables) => `
INSERT INTO ${t.timeline_live_actors} (actor_id, date_start, date_end, id)
SELECT DISTINCT a.actor_id, v.date_start, v.date_end, v.id
  FROM ${t.timeline_versions} v CROSS JOIN LATERAL unnest(v.actor_ids) AS a(actor_id)
 WHERE v.valid_to IS NULL
 ORDER BY 1, 2, 3, 4`;

const insertNames = (t: string) => `
INSERT INTO ${t} (actor_id, name, search)
SELECT r.actor_id, r.name, to_tsvector('simple', r.doc) FROM jsonb_to_recordset($1::jsonb) AS r(actor_id text, name text, doc text)
ON CONFLICT (actor_id, name) DO NOTHING`;

const nameKey = (n: ActorName) => `${n.actor_id}\u0000${n.name}`;

interface ActorName {
  actor_id: string;
  name: string;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The row with its folded search text: the same object, not a copy (a rebuild makes a million of these). */
function withSearch(row: TimelineRow): TimelineRow & { search_title: string; search_body: string } {
  let body = `${searchDocument(row.summary)} ${searchDocument(row.quote)} ${searchDocument(row.location?.name)}`;
  for (const actor of row.actors) body += ` ${searchDocument(actor.name)}`;
  return Object.assign(row, { search_title: searchDocument(row.title), search_body: body });
}

/**
 * Named per table (live or shadow) and statement: each is parsed and planned once per connection, not per batch.
 * Outside a rebuild's load, the rows' entries in timeline_live_actors come with them.
 */
const insertQuery = (t: Tables, rows: TimelineRow[]): QueryConfig => ({
  // One name per timeline_versions table: timeline_live_actors is always the live or shadow one alongside it.
  name: `annals.timeline-insert.${t.timeline_versions}.v4`,
  text: insertRows(t.timeline_versions, t.timeline_live_actors),
  values: [JSON.stringify(rows.map(withSearch))],
});

/** A rebuild's load leaves timeline_live_actors to finishLoad. */
const loadQuery = (t: Tables, rows: LoadRow[]): QueryConfig => ({
  name: `annals.timeline-load.${t.timeline_versions}.v3`,
  text: insertVersions(t.timeline_versions),
  values: [JSON.stringify(rows.map(withSearch))],
});

const supersedeQuery = (t: Tables, versions: Supersede[]): QueryConfig => ({
  text: supersedeVersions(t.timeline_versions),
  values: [JSON.stringify(versions)],
});

const readCurrentQuery = (t: Tables, ids: string[]): QueryConfig => ({
  text: readCurrent(t.timeline_versions),
  values: [ids],
});

const actorNames = (rows: readonly TimelineRow[]): ActorName[] =>
  rows.flatMap((r) => r.actors.map((a) => ({ actor_id: a.id, name: a.name })));

/**
 * The diplomatic timeline: every version of every event, the live ones with valid_to IS NULL, and each live item
 * once per actor in the timeline's order (timeline_live_actors: an actor's page is an index range).
 */
@Injectable()
export class TimelineProjection implements Projection {
  readonly name = 'timeline';
  readonly codeVersion = 3;
  readonly tables = [
    'timeline_versions',
    'timeline_sources',
    'timeline_actor_names',
    'timeline_event_sources',
    'timeline_live_actors',
  ];
  // Partitioned: timeline_actor_names rows are shared by every stream that names an actor, so apply() writes a
  // batch's names in one statement, in key order, after its rows; parallel writers that each lock keys in one
  // ascending order cannot deadlock (when names were written per flush, they did: test/projections/drift.e2e.spec.ts).
  // During a rebuild each name is written once, by the first batch that names it: a writer inserting a name another
  // writer's open transaction has just inserted waits for that transaction to end, and with every batch writing
  // every name it met, the two writers took turns more than they ran side by side.
  readonly partitionedRebuild = true;
  /** Rebuild only: the names already written to a run's shadow tables (keyed by the run's Tables object). */
  private readonly namesWritten = new WeakMap<Tables, Set<string>>();
  // apply() finds rows by the primary keys and, outside a rebuild's load, timeline_live_actors_item_idx (the load
  // leaves timeline_live_actors to finishLoad). timeline_live_actors rows belong to one stream each, so partitioned
  // writers never share them.
  readonly derivedTables = ['timeline_live_actors'];
  // In build order, longest first (measured at 1M events, one core each: the search GIN ~26 s, the actors and
  // countries GINs ~13 s, each btree 1–5 s). Started last, the search GIN once ran alone for ten seconds.
  readonly deferredIndexes = [
    'timeline_live_search_idx',
    'timeline_live_actors_idx',
    'timeline_live_countries_idx',
    'timeline_live_order_idx',
    'timeline_live_type_idx',
    'timeline_live_end_idx',
    'timeline_history_order_idx',
    'timeline_history_idx',
    'timeline_live_actors_item_idx',
    'timeline_live_long_span_idx',
    'timeline_actor_names_search_idx',
  ];

  async apply(tx: PoolClient, events: readonly StoredEvent[], t: Tables, mode: ApplyMode = 'live'): Promise<void> {
    if (mode === 'load') return this.load(tx, events, t);
    let pending: TimelineRow[] = [];
    const names: ActorName[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      names.push(...(await this.insert(tx, t, pending)));
      pending = [];
    };
    for (const event of events) {
      const at = event.recordedAt.toISOString();
      switch (event.type) {
        case 'DiplomaticEventRecorded':
          pending.push(recordedRow(event));
          break;
        case 'DiplomaticEventCorrected':
          await flush();
          names.push(...(await this.correct(tx, t, event.data as DiplomaticEventCorrected['data'], event.version, at)));
          break;
        case 'DiplomaticEventRetracted':
          await flush();
          await tx.query(
            `UPDATE ${t.timeline_versions} SET valid_to = $2, retracted_at = $2 WHERE id = $1 AND valid_to IS NULL`,
            [(event.data as { id: string }).id, at],
          );
          await this.dropFromActors(tx, t, (event.data as { id: string }).id);
          break;
        case 'SourceRegistered':
          await this.registerSource(tx, t, event.data as SourceRegistered['data']);
          break;
        case 'EventSourceAttached':
          await this.attachSource(tx, t, event.data as EventSourceAttached['data'], at);
          break;
      }
    }
    await flush();
    if (mode === 'live') return this.insertNames(tx, t, names);
    await this.insertFreshNames(tx, t, names);
  }

  /** A rebuild's load: the batch as a set (timeline-load.ts), in three statements and its names. */
  private async load(tx: PoolClient, events: readonly StoredEvent[], t: Tables): Promise<void> {
    const ids = itemsToRead(events);
    const stored = new Map<string, TimelineRow>();
    if (ids.length > 0) {
      const { rows } = await tx.query<TimelineRow>(readCurrentQuery(t, ids));
      for (const row of rows) stored.set(row.id, fromStored(row));
    }
    const plan = planLoad(events, stored);
    if (plan.supersede.length > 0) await tx.query(supersedeQuery(t, plan.supersede));
    if (plan.rows.length > 0) await tx.query(loadQuery(t, plan.rows));
    for (const event of events) {
      if (event.type === 'SourceRegistered') await this.registerSource(tx, t, event.data as SourceRegistered['data']);
      else if (event.type === 'EventSourceAttached')
        await this.attachSource(tx, t, event.data as EventSourceAttached['data'], event.recordedAt.toISOString());
    }
    await this.insertFreshNames(tx, t, actorNames(plan.rows));
  }

  /** A rebuild writes each name once (see namesWritten). */
  private async insertFreshNames(tx: PoolClient, t: Tables, names: ActorName[]): Promise<void> {
    const fresh = this.notYetWritten(t, names);
    await this.insertNames(tx, t, fresh);
    // Only once written: a batch that fails here is retried event by event (parking), and must write them again.
    for (const n of fresh) this.namesWritten.get(t)!.add(nameKey(n));
  }

  /**
   * A rebuild's names not written by an earlier batch of the same run. That batch's transaction may still be open
   * on another writer; if it fails, the whole rebuild fails with it, so no rebuild that succeeds lacks a name.
   * (A live batch that fails is retried: there, every batch writes all its names.)
   */
  private notYetWritten(t: Tables, names: ActorName[]): ActorName[] {
    let written = this.namesWritten.get(t);
    if (!written) this.namesWritten.set(t, (written = new Set()));
    return names.filter((n) => !written.has(nameKey(n)));
  }

  private async correct(
    tx: PoolClient,
    t: Tables,
    data: DiplomaticEventCorrected['data'],
    version: number,
    at: string,
  ): Promise<ActorName[]> {
    const { rows } = await tx.query<TimelineRow>(
      `UPDATE ${t.timeline_versions} SET valid_to = $2 WHERE id = $1 AND valid_to IS NULL RETURNING ${VERSION_COLUMNS}`,
      [data.id, at],
    );
    if (rows.length === 0) return []; // corrected an event this projection never saw live: nothing to show
    await this.dropFromActors(tx, t, data.id);
    return this.insert(tx, t, [corrected(fromStored(rows[0]), data, version, at)]);
  }

  /** The item is no longer live (corrected: its new version comes back with its new dates and actors). */
  private async dropFromActors(tx: PoolClient, t: Tables, id: string) {
    await tx.query(`DELETE FROM ${t.timeline_live_actors} WHERE id = $1`, [id]);
  }

  /** Inserts the rows; returns the actor names they carry, which apply() writes once for the whole batch. */
  private async insert(tx: PoolClient, t: Tables, rows: TimelineRow[]): Promise<ActorName[]> {
    await tx.query(insertQuery(t, rows));
    return actorNames(rows);
  }

  /**
   * One statement per batch, deduplicated and in key order: partitions of a rebuild insert concurrently, and
   * transactions that take their row locks in one common order cannot deadlock.
   */
  private async insertNames(tx: PoolClient, t: Tables, names: ActorName[]): Promise<void> {
    if (names.length === 0) return;
    const unique = new Map(names.map((n) => [nameKey(n), n]));
    const rows = [...unique.values()]
      .sort((x, y) => (x.actor_id === y.actor_id ? cmp(x.name, y.name) : cmp(x.actor_id, y.actor_id)))
      .map((n) => ({ ...n, doc: searchDocument(n.name) }));
    await tx.query(insertNames(t.timeline_actor_names), [JSON.stringify(rows)]);
  }

  private async registerSource(tx: PoolClient, t: Tables, s: SourceRegistered['data']) {
    await tx.query(
      `INSERT INTO ${t.timeline_sources} (id, title, url, publisher, language, published_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, url = EXCLUDED.url, publisher = EXCLUDED.publisher,
         language = EXCLUDED.language, published_at = EXCLUDED.published_at`,
      [s.id, s.title, s.url, s.publisher, s.language, s.publishedAt],
    );
  }

  private async attachSource(tx: PoolClient, t: Tables, a: EventSourceAttached['data'], at: string) {
    await tx.query(
      `INSERT INTO ${t.timeline_event_sources} (event_id, source_id, proposal_id, quote, quote_start, quote_end, attached_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [a.eventId, a.sourceId, a.proposalId, a.quote, a.offsets.start, a.offsets.end, at],
    );
  }

  /** A rebuild's load left timeline_live_actors empty (see insertQuery): each live version's entries, at once. */
  async finishLoad(db: PoolClient, t: Tables): Promise<void> {
    await db.query(deriveLiveActors(t));
  }

  async checksum(db: PoolClient, t: Tables): Promise<string> {
    const { rows } = await db.query<{
      versions: string | null;
      sources: string | null;
      names: string | null;
      attached: string | null;
      by_actor: string | null;
    }>(`
      SELECT ${tableDigestSql(
        `${recordHashSql(`(v.id, v.version, v.valid_from, v.valid_to, v.retracted_at, v.type, ${itemFieldList('v.')},
          v.actors, v.countries, v.location, v.date, v.status, v.source_id, v.quote, v.recorded_at)`)}
          # ${tsvectorHashSql('v.search')}`,
        `${t.timeline_versions} v`,
      )} AS versions,
             ${tableDigestSql(recordHashSql('s'), `${t.timeline_sources} s`)} AS sources,
             ${tableDigestSql(`${recordHashSql('(n.actor_id, n.name)')} # ${tsvectorHashSql('n.search')}`, `${t.timeline_actor_names} n`)} AS names,
             ${tableDigestSql(recordHashSql('a'), `${t.timeline_event_sources} a`)} AS attached,
             ${tableDigestSql(recordHashSql('o'), `${t.timeline_live_actors} o`)} AS by_actor`);
    const { versions, sources, names, attached, by_actor: byActor } = rows[0];
    return [versions, sources, names, attached, byActor].map((digest) => digest ?? 'empty').join(':');
  }
}
