import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
interface Item {
  id: string;
  title: string;
  version: number;
  status: string;
  date: { start: string; end: string; precision: string };
  actors: { id: string; country: string }[];
}

/** Every test here tags its events with one actor id of its own, so other suites' rows never interfere. */
describe('GET /api/timeline', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  let sourceId: string;
  const tag = `t-${randomUUID().slice(0, 8)}`;
  const word = `zq${randomUUID().slice(0, 6)}`;
  const ids: Record<string, string> = {};

  const record = async (key: string, body: Record<string, unknown>) => {
    const actors = (body.actors as unknown[]) ?? [
      { id: 'someone', name: 'Someone', country: 'FRA', role: 'initiator' },
    ];
    const res = await http()
      .post('/api/admin/events')
      .set(auth)
      .send({
        type: '042',
        status: 'occurred',
        title: `${key} ${word}`,
        source: { sourceId, quote: 'اقتباس' },
        ...body,
        actors: [{ id: tag, name: 'Tag', country: 'ISL', role: 'participant' }, ...actors],
      });
    expect(res.body).toMatchObject({ id: expect.any(String) });
    ids[key] = res.body.id;
    return res.body.id as string;
  };
  const timeline = async (query: Record<string, string>) => {
    const res = await http()
      .get('/api/timeline')
      .query({ actor: tag, limit: '200', ...query })
      .expect(200);
    return (res.body.items as Item[]).map((i) => i.title.split(' ')[0]);
  };

  beforeAll(async () => {
    app = await startTestApi();
    sourceId = (
      await http()
        .post('/api/admin/sources')
        .set(auth)
        .send(aSourceBody({ publishedAt: '1901-06-15' }))
        .expect(201)
    ).body.id;
    await record('macron-visit', {
      type: '042',
      date: { start: '1901-03-10' },
      actors: [{ id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' }],
      summary: 'President visits the capital for negotiations',
    });
    await record('march-talks', {
      type: '046',
      date: { expression: 'March 1901' },
      actors: [{ id: 'kassym-jomart-tokayev', name: 'Tokayev', country: 'KAZ', role: 'initiator' }],
    });
    await record('week-statement', {
      type: '010',
      date: { expression: 'last week' },
      actors: [{ id: 'sergey-lavrov', name: 'Lavrov', country: 'RUS', role: 'initiator' }],
    });
    await record('year-pledge', {
      type: '0331',
      date: { expression: 'in 1900' },
      source: { sourceId, quote: 'ستقدم الصين دعم التمويل والمنح' },
      actors: [{ id: 'xi-jinping', name: 'Xi Jinping', country: 'CHN', role: 'initiator' }],
    });
    await record('planned-visit', {
      type: '042',
      status: 'scheduled',
      date: { expression: 'next Thursday', direction: 'future' },
      actors: [{ id: 'recep-tayyip-erdogan', name: 'Erdoğan', country: 'TUR', role: 'initiator' }],
    });
    await eventually(async () => ((await timeline({})).length === 5 ? true : undefined));
  });
  afterAll(() => app.close());

  it('lists items in date order (start, end, id) with the full item shape', async () => {
    expect(await timeline({})).toEqual([
      'year-pledge',
      'march-talks',
      'macron-visit',
      'week-statement',
      'planned-visit',
    ]);
    const res = await http().get('/api/timeline').query({ actor: tag, type: '0331' }).expect(200);
    expect(res.body.items[0]).toMatchObject({
      id: ids['year-pledge'],
      type: '0331',
      typeLabel: 'Express intent to provide economic aid',
      countries: ['CHN', 'ISL'],
      date: {
        start: '1900-01-01',
        end: '1900-12-31',
        precision: 'year',
        timex: '1900',
        expression: 'in 1900',
        anchor: '1901-06-15',
      },
      status: 'occurred',
      sources: [
        {
          sourceId,
          title: 'ماكرون يزور كازاخستان',
          url: 'https://example.org/article',
          quote: 'ستقدم الصين دعم التمويل والمنح',
          language: 'ar',
        },
      ],
      version: 1,
      recordedAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.body.nextCursor).toBeNull();
  });

  it.each([
    [{ country: 'KAZ' }, ['march-talks']],
    [{ type: '04' }, ['march-talks', 'macron-visit', 'planned-visit']],
    [{ type: '042' }, ['macron-visit', 'planned-visit']],
    [{ status: 'scheduled' }, ['planned-visit']],
    [{ from: '1901-03-10', to: '1901-03-10' }, ['march-talks', 'macron-visit']],
    [{ from: '1901-04-01' }, ['week-statement', 'planned-visit']],
    [{ to: '1900-12-31' }, ['year-pledge']],
    [{ from: '1900-12-31', to: '1901-03-01' }, ['year-pledge', 'march-talks']],
    [{ from: '1901-06-03', to: '1901-06-03' }, ['week-statement']],
    [{ country: 'FRA', type: '042', from: '1901-01-01' }, ['macron-visit']],
    [{ country: 'TUR', status: 'occurred' }, []],
    [{ q: 'negotiations' }, ['macron-visit']],
    [{ q: 'negotiation' }, ['macron-visit']],
    [{ q: 'Xi Jinping' }, ['year-pledge']],
    [{ q: 'التمويل' }, ['year-pledge']],
    [{ q: 'تمويل' }, ['year-pledge']],
    [{ q: 'nothing-matches-this' }, []],
  ])('filters by %j (overlap semantics for dates)', async (query, expected) => {
    expect(await timeline(query as Record<string, string>)).toEqual(expected);
  });

  it('filters one actor through /api/actors/:id/timeline, and lists actors with counts', async () => {
    const res = await http().get(`/api/actors/${tag}/timeline`).query({ country: 'RUS' }).expect(200);
    expect(res.body.items.map((i: Item) => i.id)).toEqual([ids['week-statement']]);
    const actors = await eventually(async () => {
      const list = (await http().get('/api/actors').query({ country: 'ISL', limit: '1000' }).expect(200)).body.items;
      const mine = list.find((a: { id: string }) => a.id === tag);
      return mine?.eventCount === 5 ? mine : undefined;
    });
    expect(actors).toMatchObject({ id: tag, names: ['Tag'], country: 'ISL', eventCount: 5, firstDate: '1900-01-01' });
  });

  it.each([
    [{ limit: '0' }, 'limit'],
    [{ limit: '201' }, 'limit'],
    [{ limit: 'ten' }, 'limit'],
    [{ country: 'France' }, 'country'],
    [{ from: '2023-02-30' }, 'from'],
    [{ from: '2023-05-01', to: '2023-04-01' }, 'to'],
    [{ asOf: 'yesterday' }, 'asOf'],
    [{ cursor: 'bm90LWEtY3Vyc29y' }, 'cursor'],
    [{ type: 'visit' }, 'type'],
    [{ status: 'rumoured' }, 'status'],
    [{ colour: 'red' }, 'colour'],
  ])('answers 400 naming the parameter for %j', async (query, field) => {
    const res = await http().get('/api/timeline').query(query).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Object.keys(res.body.fields)).toContain(field);
  });

  it('pages with a stable cursor: no item lost or repeated while others are inserted', async () => {
    const pageTag = `p-${randomUUID().slice(0, 8)}`;
    const created = new Set<string>();
    const add = async (day: number) => {
      const res = await http()
        .post('/api/admin/events')
        .set(auth)
        .send({
          type: '010',
          status: 'occurred',
          title: `page ${day}`,
          source: { sourceId, quote: 'q' },
          date: { start: `1950-01-${String(day).padStart(2, '0')}` },
          actors: [{ id: pageTag, name: 'Pager', country: 'NOR', role: 'initiator' }],
        })
        .expect(201);
      created.add(res.body.id);
    };
    for (let day = 2; day <= 28; day += 2) await add(day);
    await eventually(async () =>
      (await http().get('/api/timeline').query({ actor: pageTag, limit: '200' })).body.items.length === 14
        ? true
        : undefined,
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    let odd = 1;
    do {
      const res = await http()
        .get('/api/timeline')
        .query({ actor: pageTag, limit: '3', ...(cursor ? { cursor } : {}) })
        .expect(200);
      seen.push(...res.body.items.map((i: Item) => i.id));
      cursor = res.body.nextCursor ?? undefined;
      if (odd <= 27) await add(odd); // concurrent inserts, before and after the cursor
      odd += 2;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const before = [...created].slice(0, 14);
    for (const id of before) expect(seen).toContain(id);
  });
});
