import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
interface Item {
  title: string;
  snippet?: { field: string; text: string; marks: [number, number][] } | null;
}

/** Search as people type it: accents, Arabic spellings, names in both scripts. Rows are isolated by a tag actor. */
describe('GET /api/timeline?q=', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const tag = `s-${randomUUID().slice(0, 8)}`;
  const stranger = `zorbek-${randomUUID().slice(0, 6)}`;
  let sourceId: string;
  let count = 0;

  const record = async (key: string, body: Record<string, unknown>) => {
    const { actors = [], quote = 'نص', ...rest } = body as { actors?: unknown[]; quote?: string };
    await http()
      .post('/api/admin/events')
      .set(auth)
      .send({
        type: '042',
        status: 'occurred',
        title: key,
        date: { start: `1902-01-${String(10 + count).padStart(2, '0')}` },
        source: { sourceId, quote },
        ...rest,
        actors: [{ id: tag, name: 'Tag', country: 'ISL', role: 'participant' }, ...actors],
      })
      .expect(201);
    count += 1;
  };
  const search = async (q: string, extra: Record<string, string> = {}) => {
    const res = await http()
      .get('/api/timeline')
      .query({ actor: tag, q, ...extra })
      .expect(200);
    return res.body.items as Item[];
  };
  const titles = async (q: string, extra: Record<string, string> = {}) =>
    (await search(q, extra)).map((i) => i.title).sort();

  beforeAll(async () => {
    app = await startTestApi();
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    await record('turkish-visit', {
      actors: [{ id: 'recep-tayyip-erdogan', name: 'Recep Tayyip Erdoğan', country: 'TUR', role: 'initiator' }],
    });
    await record('macron-latin', {
      actors: [{ id: 'emmanuel-macron', name: 'Emmanuel Macron', country: 'FRA', role: 'initiator' }],
    });
    await record('stranger-latin', {
      actors: [{ id: stranger, name: 'Zorbek Qalanov', country: 'UZB', role: 'initiator' }],
    });
    await record('stranger-arabic', {
      actors: [{ id: stranger, name: 'زوربيك قالانوف', country: 'UZB', role: 'initiator' }],
    });
    await record('agreement-singular', { quote: 'وقّع الجانبان اتفاقيةً للتعاون في أستانا' });
    await record('agreements-plural', { quote: 'وقّعت الحكومتان على عدة اتفاقيات اقتصادية' });
    await record('press-conference', { quote: 'وقال في مؤتمرٍ صحفيّ إن الرئيس سيزور المنطقة' });
    await record('ranked-in-quote', { quote: 'Talks on the pipeline went on', title: 'ranked-in-quote corridor' });
    await record('pipeline pipeline talks', { quote: 'Nothing else' });
    await eventually(async () =>
      (await http().get('/api/timeline').query({ actor: tag })).body.items.length === 9 ? true : undefined,
    );
  });
  afterAll(() => app.close());

  it.each([
    ['Erdogan', ['turkish-visit']],
    ['Erdoğan', ['turkish-visit']],
    ['ERDOGAN', ['turkish-visit']],
    ['أردوغان', ['turkish-visit']],
  ])('folds accents and finds names in either script: %s', async (q, expected) => {
    expect(await titles(q)).toEqual(expected);
  });

  it('finds an actor by the Arabic spelling of the alias file and by the Latin one', async () => {
    expect(await titles('ماكرون')).toEqual(['macron-latin']);
    expect(await titles('Macron')).toEqual(['macron-latin']);
  });

  it('learns names from recorded events: either script finds both items of the same actor', async () => {
    expect(await titles('Qalanov')).toEqual(['stranger-arabic', 'stranger-latin']);
    expect(await titles('قالانوف')).toEqual(['stranger-arabic', 'stranger-latin']);
  });

  it.each([
    ['اتفاقيات', ['agreement-singular', 'agreements-plural']],
    ['اتفاقية', ['agreement-singular', 'agreements-plural']],
    ['الاتفاقية', ['agreement-singular', 'agreements-plural']],
    ['إتفاقيه', ['agreement-singular', 'agreements-plural']],
    ['اِتِّفَاقِيَّة', ['agreement-singular', 'agreements-plural']],
    ['مؤتمر', ['press-conference']],
    ['موتمر', ['press-conference']],
    ['مـــؤتمر', ['press-conference']],
    ['رئيس', ['press-conference']],
    ['رييس', ['press-conference']],
    ['استانا', ['agreement-singular']],
    ['أستانا', ['agreement-singular']],
  ])('Arabic plural, hamza, taa marbuta, diacritics and tatweel variants meet: %s', async (q, expected) => {
    expect(await titles(q)).toEqual(expected);
  });

  it('ranks the best match first when q is given, and keeps date order when asked', async () => {
    expect((await search('pipeline')).map((i) => i.title)).toEqual([
      'pipeline pipeline talks',
      'ranked-in-quote corridor',
    ]);
    expect((await search('pipeline', { order: 'asc' })).map((i) => i.title)).toEqual([
      'ranked-in-quote corridor',
      'pipeline pipeline talks',
    ]);
  });

  it('highlights where the words matched, in the text as the source wrote it', async () => {
    const [item] = await search('اتفاقيات', { q: 'اتفاقيات', order: 'asc' });
    const snippet = item.snippet!;
    expect(snippet.field).toBe('quote');
    expect(snippet.marks.map(([a, b]) => snippet.text.slice(a, b))).toEqual(['اتفاقيةً']);
  });

  it('pages a ranked search with its own cursor, and a punctuation-only q matches nothing', async () => {
    const first = await http().get('/api/timeline').query({ actor: tag, q: 'اتفاقية', limit: '1' }).expect(200);
    expect(first.body.items).toHaveLength(1);
    const second = await http()
      .get('/api/timeline')
      .query({ actor: tag, q: 'اتفاقية', limit: '1', cursor: first.body.nextCursor })
      .expect(200);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0].title).not.toBe(first.body.items[0].title);
    expect(second.body.nextCursor).toBeNull();
    expect(await titles('!!!')).toEqual([]);
  });
});
