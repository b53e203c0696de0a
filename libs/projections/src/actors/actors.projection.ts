import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { StoredEvent } from '@libs/event-store';
import type { Actor, DiplomaticEventCorrected, DiplomaticEventRecorded, EventDate } from '@libs/diplomacy';
import type { ApplyMode, Projection, Tables } from '../projection';
import { recordHashSql, tableDigestSql } from '../table-digest';

interface ActorEventRow {
  actor_id: string;
  event_id: string;
  name: string;
  country: string;
  date_start: string;
  date_end: string;
}

const rowsOf = (eventId: string, actors: Actor[], date: Pick<EventDate, 'start' | 'end'>): ActorEventRow[] =>
  actors.map((a) => ({
    actor_id: a.id,
    event_id: eventId,
    name: a.name,
    country: a.country,
    date_start: date.start,
    date_end: date.end,
  }));

/** Each actor with its names, country, number of live events, first and last date. */
@Injectable()
export class ActorsProjection implements Projection {
  readonly name = 'actors';
  readonly codeVersion = 1;
  readonly tables = ['actor_events', 'actors'];

  async apply(tx: PoolClient, events: readonly StoredEvent[], t: Tables, mode: ApplyMode): Promise<void> {
    const touched = new Set<string>();
    let pending: ActorEventRow[] = [];
    const flush = async () => {
      if (pending.length === 0) return;
      // Named per table (live or shadow): parsed and planned once per connection, not per batch.
      await tx.query({
        name: `annals.actor-events-insert.${t.actor_events}.v1`,
        text: `INSERT INTO ${t.actor_events} (actor_id, event_id, name, country, date_start, date_end)
         SELECT actor_id, event_id, name, country, date_start, date_end
         FROM jsonb_to_recordset($1::jsonb) AS r(actor_id text, event_id uuid, name text, country text, date_start date, date_end date)
         ON CONFLICT (actor_id, event_id) DO UPDATE SET name = EXCLUDED.name, country = EXCLUDED.country`,
        values: [JSON.stringify(pending)],
      });
      pending = [];
    };
    for (const event of events) {
      if (event.type === 'DiplomaticEventRecorded') {
        const data = event.data as DiplomaticEventRecorded['data'];
        pending.push(...rowsOf(data.id, data.actors, data.date));
        data.actors.forEach((a) => touched.add(a.id));
      } else if (event.type === 'DiplomaticEventCorrected' || event.type === 'DiplomaticEventRetracted') {
        await flush();
        const data = event.data as DiplomaticEventCorrected['data'];
        const before = await this.removeEvent(
          tx,
          t,
          data.id,
          event.type === 'DiplomaticEventRetracted' || !!data.changes?.actors,
        );
        before.actorIds.forEach((id) => touched.add(id));
        if (event.type === 'DiplomaticEventCorrected' && before.date) {
          const date = data.changes.date ?? before.date;
          if (data.changes.actors) {
            pending.push(...rowsOf(data.id, data.changes.actors, date));
            data.changes.actors.forEach((a) => touched.add(a.id));
          } else if (data.changes.date) {
            await tx.query(`UPDATE ${t.actor_events} SET date_start = $2, date_end = $3 WHERE event_id = $1`, [
              data.id,
              date.start,
              date.end,
            ]);
          }
        }
      }
    }
    await flush();
    // A rebuild's load summarises every actor once after it (finishLoad), not per batch.
    if (mode !== 'load' && touched.size > 0) await this.summarise(tx, t, [...touched]);
  }

  /** Reads the event's current rows; deletes them when `remove`. */
  private async removeEvent(tx: PoolClient, t: Tables, eventId: string, remove: boolean) {
    const sql = remove
      ? `DELETE FROM ${t.actor_events} WHERE event_id = $1 RETURNING actor_id, date_start::text, date_end::text`
      : `SELECT actor_id, date_start::text, date_end::text FROM ${t.actor_events} WHERE event_id = $1`;
    const { rows } = await tx.query<{ actor_id: string; date_start: string; date_end: string }>(sql, [eventId]);
    return {
      actorIds: rows.map((r) => r.actor_id),
      date: rows[0] ? { start: rows[0].date_start, end: rows[0].date_end } : undefined,
    };
  }

  private async summarise(tx: PoolClient, t: Tables, actorIds: string[] | null): Promise<void> {
    const only = actorIds ? 'WHERE actor_id = ANY($1)' : '';
    await tx.query(
      `INSERT INTO ${t.actors} (id, names, country, countries, event_count, first_date, last_date)
       SELECT actor_id, array_agg(DISTINCT name ORDER BY name), mode() WITHIN GROUP (ORDER BY country),
              array_agg(DISTINCT country ORDER BY country), count(*), min(date_start), max(date_end)
       FROM ${t.actor_events} ${only} GROUP BY actor_id
       ON CONFLICT (id) DO UPDATE SET names = EXCLUDED.names, country = EXCLUDED.country, countries = EXCLUDED.countries,
         event_count = EXCLUDED.event_count, first_date = EXCLUDED.first_date, last_date = EXCLUDED.last_date`,
      actorIds ? [actorIds] : [],
    );
    if (actorIds) {
      await tx.query(
        `DELETE FROM ${t.actors} a WHERE a.id = ANY($1) AND NOT EXISTS (SELECT 1 FROM ${t.actor_events} e WHERE e.actor_id = a.id)`,
        [actorIds],
      );
    }
  }

  /*
   * After a rebuild's load, beside its other finishing work, rather than inside the swap, where it held the live
   * projector paused (6 s at 1M events) and kept the swap from using the checksums taken before it.
   */
  readonly derivedTables = ['actors'];

  async finishLoad(db: PoolClient, t: Tables): Promise<void> {
    await this.summarise(db, t, null);
  }

  async checksum(db: PoolClient, t: Tables): Promise<string> {
    const { rows } = await db.query<{ events: string | null; actors: string | null }>(`
      SELECT ${tableDigestSql(recordHashSql('e'), `${t.actor_events} e`)} AS events,
             ${tableDigestSql(recordHashSql('a'), `${t.actors} a`)} AS actors`);
    return `${rows[0].events ?? 'empty'}:${rows[0].actors ?? 'empty'}`;
  }
}
