import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Lists within a filter (OR), filters together (AND), totals, order and stats over one tag's events. */
describe('combined filters, totals and order', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const tag = `f-${randomUUID().slice(0, 8)}`;

  const events: [string, string, string, string, string][] = [
    // title, country, type, status, start date
    ['kaz-visit', 'KAZ', '042', 'occurred', '1903-01-05'],
    ['uzb-visit', 'UZB', '042', 'occurred', '1903-01-20'],
    ['uzb-talks', 'UZB', '046', 'scheduled', '1903-02-03'],
    ['rus-statement', 'RUS', '010', 'occurred', '1903-02-10'],
    ['kaz-agreement', 'KAZ', '057', 'cancelled', '1904-06-01'],
  ];

  beforeAll(async () => {
    app = await startTestApi();
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    for (const [title, country, type, status, start] of events) {
      await http()
        .post('/api/admin/events')
        .set(auth)
        .send({
          type,
          status,
          title,
          date: { start },
          source: { sourceId, quote: 'نص' },
          actors: [
            { id: tag, name: 'Tag', country: 'ISL', role: 'participant' },
            { id: `leader-${country.toLowerCase()}-${tag}`, name: `Leader ${country}`, country, role: 'initiator' },
          ],
        })
        .expect(201);
    }
    await eventually(async () =>
      (await http().get('/api/timeline').query({ actor: tag })).body.items.length === events.length ? true : undefined,
    );
  });
  afterAll(() => app.close());

  const titles = async (query: string) => {
    // The tag actor isolates this suite's rows, unless the query names actors (their ids carry the tag).
    const path = query.startsWith('actor=') ? query.replaceAll('TAG', tag) : `actor=${tag}&${query}`;
    const res = await http().get(`/api/timeline?${path}`).expect(200);
    return res.body as { items: { title: string }[]; total: number; totalExact: boolean };
  };

  it.each([
    ['country=KAZ,UZB', ['kaz-visit', 'uzb-visit', 'uzb-talks', 'kaz-agreement']],
    ['country=KAZ&country=UZB', ['kaz-visit', 'uzb-visit', 'uzb-talks', 'kaz-agreement']],
    ['country=KAZ,UZB&type=042', ['kaz-visit', 'uzb-visit']],
    ['type=04,010', ['kaz-visit', 'uzb-visit', 'uzb-talks', 'rus-statement']],
    ['type=046,057&status=scheduled,cancelled', ['uzb-talks', 'kaz-agreement']],
    ['status=occurred&country=RUS,UZB', ['uzb-visit', 'rus-statement']],
    ['actor=leader-rus-TAG,leader-kaz-TAG', ['kaz-visit', 'rus-statement', 'kaz-agreement']],
  ])('%s: OR within a filter, AND across filters, with the exact total', async (query, expected) => {
    const body = await titles(query);
    expect(body.items.map((i) => i.title)).toEqual(expected);
    expect(body).toMatchObject({ total: expected.length, totalExact: true });
  });

  it('counts every page in total, and order=desc lists newest first with a cursor that keeps going', async () => {
    const first = await http().get('/api/timeline').query({ actor: tag, order: 'desc', limit: '2' }).expect(200);
    expect(first.body.items.map((i: { title: string }) => i.title)).toEqual(['kaz-agreement', 'rus-statement']);
    expect(first.body).toMatchObject({ total: 5, totalExact: true });
    const second = await http()
      .get('/api/timeline')
      .query({ actor: tag, order: 'desc', limit: '2', cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body.items.map((i: { title: string }) => i.title)).toEqual(['uzb-talks', 'uzb-visit']);
  });

  it.each([
    ['country=KAZ,France', 'country'],
    ['type=04,visit', 'type'],
    ['status=occurred,rumoured', 'status'],
    ['order=sideways', 'order'],
    [
      `country=${Array.from({ length: 51 }, (_, i) => (i % 2 ? 'KAZ' : 'UZB') + String.fromCharCode(65 + (i % 26))).join(',')}`,
      'country',
    ],
  ])('%s is 400 naming %s', async (query, field) => {
    const res = await http().get(`/api/timeline?${query}`).expect(400);
    expect(Object.keys(res.body.fields)).toEqual([field]);
  });

  describe('GET /api/timeline/stats', () => {
    const stats = async (query: Record<string, string>) =>
      (
        await http()
          .get('/api/timeline/stats')
          .query({ actor: tag, ...query })
          .expect(200)
      ).body;

    it('counts per month in date order with the mean Goldstein score of the CAMEO codes', async () => {
      const body = await stats({});
      expect(body).toMatchObject({ groupBy: 'month', total: 5 });
      expect(body.buckets).toEqual([
        { key: '1903-01', label: null, count: 2, meanGoldstein: 1.9 },
        { key: '1903-02', label: null, count: 2, meanGoldstein: 3.5 },
        { key: '1904-06', label: null, count: 1, meanGoldstein: 8 },
      ]);
      expect(
        (await stats({ groupBy: 'year' })).buckets.map((b: { key: string; count: number }) => [b.key, b.count]),
      ).toEqual([
        ['1903', 4],
        ['1904', 1],
      ]);
    });

    it('counts per CAMEO root and per country (an item counts under each of its countries), most first', async () => {
      expect((await stats({ groupBy: 'type' })).buckets).toEqual([
        { key: '04', label: expect.stringMatching(/consult/i), count: 3, meanGoldstein: 3.6 },
        { key: '01', label: expect.any(String), count: 1, meanGoldstein: 0 },
        { key: '05', label: expect.any(String), count: 1, meanGoldstein: 8 },
      ]);
      const byCountry = await stats({ groupBy: 'country', from: '1903-01-15' });
      expect(byCountry.buckets.map((b: { key: string; count: number }) => [b.key, b.count])).toEqual([
        ['ISL', 4],
        ['UZB', 2],
        ['KAZ', 1],
        ['RUS', 1],
      ]);
    });

    it('gives facets counted with every filter but their own', async () => {
      const { facets, total } = await stats({ country: 'KAZ' });
      expect(total).toBe(2);
      expect(facets.country).toEqual([
        { value: 'ISL', count: 5 },
        { value: 'KAZ', count: 2 },
        { value: 'UZB', count: 2 },
        { value: 'RUS', count: 1 },
      ]);
      expect(facets.status).toEqual([
        { value: 'cancelled', count: 1 },
        { value: 'occurred', count: 1 },
      ]);
      expect(facets.type).toEqual([
        { value: '04', count: 1 },
        { value: '05', count: 1 },
      ]);
    });

    it('refuses an unknown groupBy, naming it', async () => {
      const res = await http().get('/api/timeline/stats?groupBy=weekday').expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['groupBy']);
    });
  });
});
