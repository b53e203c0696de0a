import type { Pool } from 'pg';
import { Random } from './random';
import { COUNTRIES, TOPICS } from './vocabulary';

/**
 * Request paths that never repeat within a run, so no response cache can help: every request names another
 * actor, country, window, search term or instant. Where the values run out (2,000 actors, a few dozen countries
 * and words), a year window is added to make the request new again.
 */
export interface DistinctPaths {
  key: string;
  label: string;
  /** A fresh path and query each call. */
  next(): string;
}

const DAY_MS = 86_400_000;
const FIRST_DAY = Date.UTC(1995, 0, 1) / DAY_MS;
const LAST_DAY = Date.UTC(2024, 11, 31) / DAY_MS;
const iso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function unique(make: (round: number) => Record<string, string>): () => string {
  const seen = new Set<string>();
  let round = 0;
  return () => {
    for (;;) {
      const path = `/api/timeline?${new URLSearchParams(make(round))}`;
      round++;
      if (!seen.has(path)) {
        seen.add(path);
        return path;
      }
    }
  };
}

export async function distinctPaths(pool: Pool): Promise<DistinctPaths[]> {
  const random = new Random(20261130);
  const yearWindow = () => {
    const year = random.int(1995, 2024);
    return { from: `${year}-01-01`, to: `${year + random.int(0, 2)}-12-31` };
  };
  const { rows: actorRows } = await pool.query<{ id: string }>(`SELECT id FROM actors ORDER BY md5(id)`);
  const actors = actorRows.map((r) => r.id);
  const countries = COUNTRIES.map((c) => c.code);
  // Words of the topics (4+ letters), both languages: each matches a share of the items, as real searches do.
  const words = [...new Set(TOPICS.flat().flatMap((topic) => topic.split(/\s+/)))].filter((w) => w.length >= 4);
  const { rows: span } = await pool.query<{ first: Date; last: Date }>(
    `SELECT min(recorded_at) AS first, max(recorded_at) AS last FROM events`,
  );
  const first = span[0].first.getTime();
  const last = span[0].last.getTime();
  const cycle = <T>(list: readonly T[], round: number) => list[round % list.length];
  const beyond = (list: readonly unknown[], round: number) => (round < list.length ? {} : yearWindow());
  return [
    {
      key: 'distinctActor',
      label: 'distinct: actor (each of 2,000 in turn)',
      next: unique((r) => ({ actor: cycle(actors, r), ...beyond(actors, r) })),
    },
    {
      key: 'distinctCountry',
      label: 'distinct: country + year window',
      next: unique(() => ({ country: random.pick(countries), ...yearWindow() })),
    },
    {
      key: 'distinctDates',
      label: 'distinct: from/to (1 day to 1 year)',
      next: unique(() => {
        const day = random.int(FIRST_DAY, LAST_DAY);
        return { from: iso(day), to: iso(day + random.int(0, 365)) };
      }),
    },
    {
      key: 'distinctQ',
      label: `distinct: q (${words.length} words, then + year window)`,
      next: unique((r) => ({ q: cycle(words, r), ...beyond(words, r) })),
    },
    {
      key: 'distinctAsOf',
      label: 'distinct: asOf (random instants)',
      next: unique(() => ({ asOf: new Date(first + random.next() * (last - first)).toISOString() })),
    },
  ];
}
