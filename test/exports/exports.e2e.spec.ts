import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import ICAL from 'ical.js';
import { parse } from 'csv-parse/sync';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aSourceBody } from '../builders/diplomatic-event.builder';
import { getRaw } from './raw-response';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const ARABIC_TITLE = 'وزير الخارجية السعودي يستقبل نظيره الفرنسي في الرياض لبحث العلاقات الثنائية والتطورات الإقليمية';
const SUMMARY = 'Talks, "frank"; then dinner\nand a joint statement';

/** Every event here carries one actor id of its own; every export is filtered by it. */
describe('timeline exports', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const tag = `x-${randomUUID().slice(0, 8)}`;
  const ids: Record<string, string> = {};
  let sourceId: string;
  let firstVersionAt: string;

  const macron = { id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' };
  const record = async (key: string, body: Record<string, unknown>, initiator = macron) => {
    const res = await http()
      .post('/api/admin/events')
      .set(auth)
      .send({
        type: '042',
        status: 'occurred',
        source: { sourceId, quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان يوم الأربعاء' },
        ...body,
        actors: [initiator, { id: tag, name: 'Tag', country: 'ISL', role: 'participant' }],
      })
      .expect(201);
    ids[key] = res.body.id;
  };
  const exported = (path: string, query: Record<string, string> = {}) => getRaw(http(), path, { actor: tag, ...query });

  beforeAll(async () => {
    app = await startTestApi();
    sourceId = (
      await http()
        .post('/api/admin/sources')
        .set(auth)
        .send(aSourceBody({ publishedAt: '2023-11-01' }))
        .expect(201)
    ).body.id;
    await record('day', {
      title: ARABIC_TITLE,
      summary: SUMMARY,
      date: { start: '2023-10-15' },
      location: { name: 'الرياض', country: 'SAU' },
    });
    await record('week', { type: '010', title: '=SUM(1,2) weekly statement', date: { expression: 'last week' } });
    await record('month', { type: '046', title: 'June talks', date: { expression: 'in June' } });
    await record(
      'year',
      { type: '0331', title: 'Aid pledge', date: { expression: 'in 2022' } },
      { id: 'xi-jinping', name: 'Xi Jinping', country: 'CHN', role: 'initiator' },
    );
    await record('scheduled', { title: 'Planned visit', status: 'scheduled', date: { start: '2023-12-10' } });
    await record('corrected', { title: 'Visit as first reported', date: { start: '2023-10-20' } });
    firstVersionAt = await eventually(async () => {
      const res = await http().get(`/api/events/${ids.corrected}`);
      return res.status === 200 ? (res.body.updatedAt as string) : undefined;
    });
    await http()
      .post(`/api/admin/events/${ids.corrected}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { title: 'Visit called off', status: 'cancelled' }, reason: 'misreported' })
      .expect(200);
    await eventually(async () => {
      const { items } = (await http().get('/api/timeline').query({ actor: tag, limit: '200' }).expect(200)).body;
      const corrected = items.find((i: { id: string }) => i.id === ids.corrected);
      return items.length === 6 && corrected?.version === 2 ? true : undefined;
    });
  });
  afterAll(() => app.close());

  describe('GET /api/timeline.ics', () => {
    const vevents = async (query: Record<string, string> = {}) => {
      const { text } = await exported('/api/timeline.ics', query);
      return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    };
    const byUid = async () =>
      new Map((await vevents()).map((e) => [String(e.getFirstPropertyValue('uid')).replace(/@annals$/, ''), e]));

    it('answers an iCalendar file: CRLF lines of at most 75 octets, as an attachment', async () => {
      const res = await exported('/api/timeline.ics');
      expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="annals-timeline.ics"');
      expect(res.headers['x-annals-truncated']).toBeUndefined();
      expect(res.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of res.text.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
      const calendar = new ICAL.Component(ICAL.parse(res.text));
      expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
      expect(calendar.getFirstPropertyValue('calscale')).toBe('GREGORIAN');
      expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Annals//Diplomatic Timeline//EN');
      expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Annals diplomatic timeline');
    });

    it.each([
      ['day', '2023-10-15', '2023-10-16'],
      ['week', '2023-10-23', '2023-10-30'],
      ['month', '2023-06-01', '2023-07-01'],
      ['year', '2022-01-01', '2022-01-02'],
      ['scheduled', '2023-12-10', '2023-12-11'],
    ])('%s: all-day DTSTART %s and exclusive DTEND %s', async (key, start, end) => {
      const event = (await byUid()).get(ids[key])!;
      const dtstart = event.getFirstPropertyValue('dtstart') as ICAL.Time;
      const dtend = event.getFirstPropertyValue('dtend') as ICAL.Time;
      expect([dtstart.isDate, dtstart.toString()]).toEqual([true, start]);
      expect([dtend.isDate, dtend.toString()]).toEqual([true, end]);
    });

    it('writes one VEVENT per item: UID, STATUS, SEQUENCE, Arabic SUMMARY, unescaped DESCRIPTION', async () => {
      const events = await byUid();
      expect([...events.keys()].sort()).toEqual(Object.values(ids).sort());
      const get = (key: string, name: string) => events.get(ids[key])!.getFirstPropertyValue(name);
      expect(get('day', 'summary')).toBe(ARABIC_TITLE);
      expect(get('day', 'location')).toBe('الرياض (SAU)');
      expect(String(get('day', 'description'))).toContain(SUMMARY);
      expect(events.get(ids.month)!.getFirstProperty('categories')!.getValues()).toEqual([
        '046',
        'Engage in negotiation',
      ]);
      expect(Object.keys(ids).map((key) => [key, get(key, 'status'), get(key, 'sequence')])).toEqual([
        ['day', 'CONFIRMED', 0],
        ['week', 'CONFIRMED', 0],
        ['month', 'CONFIRMED', 0],
        ['year', 'CONFIRMED', 0],
        ['scheduled', 'TENTATIVE', 0],
        ['corrected', 'CANCELLED', 1],
      ]);
      expect(get('corrected', 'summary')).toBe('Visit called off');
      // Known to the year only: one day, and the summary says the day is not known.
      expect([get('year', 'summary'), get('year', 'x-annals-precision')]).toEqual([
        'Aid pledge (2022, day unknown)',
        'year',
      ]);
    });

    it('applies the timeline filters', async () => {
      const uids = async (query: Record<string, string>) =>
        (await vevents(query)).map((e) => e.getFirstPropertyValue('uid')).sort();
      expect(await uids({ status: 'scheduled' })).toEqual([`${ids.scheduled}@annals`]);
      expect(await uids({ from: '2023-10-01', to: '2023-10-22' })).toEqual(
        [ids.day, ids.corrected].map((id) => `${id}@annals`).sort(),
      );
      expect(await uids({ q: 'الرياض' })).toEqual([`${ids.day}@annals`]);
    });
  });

  it('exports the timeline as it was recorded at asOf: the corrected item before its correction', async () => {
    const { text } = await exported('/api/timeline.ics', { asOf: firstVersionAt });
    const [event] = new ICAL.Component(ICAL.parse(text))
      .getAllSubcomponents('vevent')
      .filter((e) => e.getFirstPropertyValue('uid') === `${ids.corrected}@annals`);
    expect(event.getFirstPropertyValue('summary')).toBe('Visit as first reported');
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    expect(event.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  describe('GET /api/timeline/timelinejs', () => {
    interface Slide {
      start_date: Record<string, number>;
      end_date: Record<string, number>;
      text: { headline: string; text: string };
      group?: string;
      display_date: string;
      unique_id: string;
    }
    const slides = async (query: Record<string, string> = {}) => {
      const res = await http()
        .get('/api/timeline/timelinejs')
        .query({ actor: tag, ...query })
        .expect(200);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body.title).toEqual({ text: { headline: 'Annals diplomatic timeline', text: '<p>6 events</p>' } });
      return new Map((res.body.events as Slide[]).map((slide) => [slide.unique_id, slide]));
    };

    it('answers TimelineJS JSON with partial dates at each precision', async () => {
      const events = await slides();
      expect(events.size).toBe(6);
      const dates = (key: string) => [events.get(ids[key])!.start_date, events.get(ids[key])!.end_date];
      expect(dates('day')).toEqual([
        { year: 2023, month: 10, day: 15 },
        { year: 2023, month: 10, day: 15 },
      ]);
      expect(dates('week')).toEqual([
        { year: 2023, month: 10, day: 23 },
        { year: 2023, month: 10, day: 29 },
      ]);
      expect(dates('month')).toEqual([
        { year: 2023, month: 6 },
        { year: 2023, month: 6 },
      ]);
      expect(dates('year')).toEqual([{ year: 2022 }, { year: 2022 }]);
      // The precision the source gave, in words: never a made-up day.
      expect(['day', 'week', 'month', 'year'].map((key) => events.get(ids[key])!.display_date)).toEqual([
        '15 Oct 2023',
        'week of 23 Oct 2023',
        'June 2023',
        '2022',
      ]);
      expect(events.get(ids.day)).toMatchObject({ text: { headline: ARABIC_TITLE }, group: 'Make a visit' });
      expect(events.get(ids.day)!.text.text).toContain('<blockquote dir="auto">والتقى الرئيس الفرنسي');
      expect(events.get(ids.year)!.group).toBe('Express intent to provide economic aid');
    });

    it("groups by the initiator's country with group=country", async () => {
      const events = await slides({ group: 'country' });
      const china = 'People&#39;s Republic of China'; // an HTML label: TimelineJS sets it as innerHTML
      expect(events.get(ids.year)!.group).toBe(china);
      expect(events.get(ids.day)!.group).toBe('France');
      expect(new Set([...events.values()].map((slide) => slide.group))).toEqual(new Set(['France', china]));
    });
  });

  describe('GET /api/timeline.csv', () => {
    it('answers a UTF-8 CSV with a BOM, a header row and one RFC 4180 row per item', async () => {
      const res = await exported('/api/timeline.csv');
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toBe('attachment; filename="annals-timeline.csv"');
      expect([...res.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const [header, ...records] = parse(res.raw, { bom: true }) as string[][];
      expect(header).toEqual([
        'id',
        'date_start',
        'date_end',
        'precision',
        'timex',
        'expression',
        'type',
        'type_label',
        'status',
        'title',
        'summary',
        'actors',
        'countries',
        'location',
        'quote',
        'source_title',
        'source_url',
        'version',
        'recorded_at',
        'updated_at',
      ]);
      const rows = records.map((values) => Object.fromEntries(header.map((name, i) => [name, values[i]])));
      expect(rows.map((row) => row.id)).toEqual([ids.year, ids.month, ids.day, ids.corrected, ids.week, ids.scheduled]);
      const row = (key: string) => rows.find((r) => r.id === ids[key])!;
      expect(row('day')).toMatchObject({
        date_start: '2023-10-15',
        precision: 'day',
        title: ARABIC_TITLE,
        summary: SUMMARY,
        actors: 'Emmanuel Macron (FRA, initiator); Tag (ISL, participant)',
        countries: 'FRA; ISL',
        location: 'الرياض (SAU)',
        quote: 'والتقى الرئيس الفرنسي برئيس كازاخستان يوم الأربعاء',
        source_title: 'ماكرون يزور كازاخستان',
      });
      expect(row('week')).toMatchObject({ title: "'=SUM(1,2) weekly statement", precision: 'week', timex: '2023-W43' });
      expect(row('month')).toMatchObject({ precision: 'month', expression: 'in June', date_end: '2023-06-30' });
      expect(row('corrected')).toMatchObject({ status: 'cancelled', version: '2', title: 'Visit called off' });
      expect(res.text).toContain(`"${SUMMARY.replace(/"/g, '""')}"`);
    });
  });

  describe('bad parameters', () => {
    it.each([
      ['/api/timeline.ics', { limit: '10' }, 'limit'],
      ['/api/timeline.ics', { cursor: 'abc' }, 'cursor'],
      ['/api/timeline.ics', { group: 'country' }, 'group'],
      ['/api/timeline.ics', { colour: 'red' }, 'colour'],
      ['/api/timeline.csv', { country: 'France' }, 'country'],
      ['/api/timeline.csv', { from: '2023-05-01', to: '2023-04-01' }, 'to'],
      ['/api/timeline.csv', { asOf: 'yesterday' }, 'asOf'],
      ['/api/timeline/timelinejs', { group: 'actor' }, 'group'],
      ['/api/timeline/timelinejs', { status: 'rumoured' }, 'status'],
      ['/api/timeline/timelinejs', { limit: '10' }, 'limit'],
    ])('%s answers 400 naming the parameter for %j', async (path, query, field) => {
      const res = await http().get(path).query(query).expect(400);
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(Object.keys(res.body.fields)).toContain(field);
      expect(res.body.message).toContain(field);
    });
  });
});
