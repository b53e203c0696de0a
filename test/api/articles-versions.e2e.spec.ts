import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { EXTRACTORS, type Proposal, type Proposals, type ProposeInput } from '@libs/proposals';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const WEATHER = 'The weather was mild on Tuesday.';
// The version articles are proposed with today, and the newer one this spec brings in, as an upgrade would.
const CURRENT = EXTRACTORS.current;
const NEXT = 'proposals-next';

/**
 * A newer extractor, as an upgrade would bring it: it re-reads every statement (another CAMEO code for each, so a
 * decided proposal shown with it would be visible) and finds one statement more, the sentence the current version skips.
 */
function proposals2(input: ProposeInput): Proposals {
  const first = EXTRACTORS.get(CURRENT) as (i: ProposeInput) => Proposals;
  const older = first(input);
  const start = input.text.indexOf(WEATHER);
  const template = older.proposals[0];
  const extra: Proposal = {
    ...template,
    id: `p${start}-${start + WEATHER.length}`,
    quote: { text: WEATHER, start, end: start + WEATHER.length },
    reasons: ['the next version reads the weather'],
  };
  const reread = older.proposals.map((p) => ({ ...p, type: { ...p.type, code: '036', root: '03' } }));
  return {
    ...older,
    extractorVersion: NEXT,
    proposals: [...reread, extra].sort((a, b) => a.quote.start - b.quote.start),
  };
}

interface Shown {
  id: string;
  extractorVersion: string;
  type: { code: string };
  quote: { text: string };
  decision: { proposalId: string; extractorVersion: string; reason?: string; eventId?: string } | null;
}

describe('articles: a newer extractor version on a stored article', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const text =
    'Chinese President Xi Jinping met Russian Foreign Minister Sergei Lavrov in Beijing on Monday. ' +
    `The two signed an agreement on energy. ${WEATHER} ` +
    `Turkish President Recep Tayyip Erdogan will visit Astana next week. (${randomUUID()})`;
  let sourceId: string;
  let first: Shown[];
  const quoted = (list: Shown[], start: string) => list.find((p) => p.quote.text.startsWith(start)) as Shown;

  beforeAll(async () => {
    app = await startTestApi({ RUN_PROJECTOR: 'false' });
    pool = testPool(2);
    const res = await http()
      .post('/api/admin/articles')
      .set(auth)
      .send({ title: 'Beijing talks', publishedAt: '2023-11-01', language: 'en', text })
      .expect(201);
    sourceId = res.body.sourceId;
    expect(res.body.extractorVersion).toBe(CURRENT);
    first = res.body.proposals;
    expect(first.map((p) => p.quote.text.slice(0, 12))).toEqual(['Chinese Pres', 'The two sign', 'Turkish Pres']);
    const met = quoted(first, 'Chinese');
    await http().post(`/api/admin/articles/${sourceId}/proposals/${met.id}/accept`).set(auth).send({}).expect(200);
    const signed = quoted(first, 'The two');
    await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${signed.id}/dismiss`)
      .set(auth)
      .send({ reason: 'not new' })
      .expect(200);
    EXTRACTORS.register(NEXT, proposals2);
  });
  afterAll(async () => {
    EXTRACTORS.unregister(NEXT);
    await app.close();
    await pool.end();
  });

  it('shows the new statement and re-reads the undecided one; decided proposals stay as they were decided', async () => {
    const before = await eventCount();
    const res = await http().get(`/api/admin/articles/${sourceId}`).set(auth).expect(200);
    expect(res.body.extractorVersion).toBe(NEXT);
    const shown: Shown[] = res.body.proposals;
    expect(shown.map((p) => [p.quote.text.slice(0, 12), p.extractorVersion, p.type.code, p.decision !== null])).toEqual(
      [
        ['Chinese Pres', CURRENT, quoted(first, 'Chinese').type.code, true],
        ['The two sign', CURRENT, quoted(first, 'The two').type.code, true],
        ['The weather ', NEXT, expect.any(String), false],
        ['Turkish Pres', NEXT, '036', false],
      ],
    );
    expect(quoted(shown, 'Chinese').id).toBe(quoted(first, 'Chinese').id);
    expect(quoted(shown, 'The two').decision).toMatchObject({ extractorVersion: CURRENT, reason: 'not new' });
    expect(await eventCount()).toBe(before);
  });

  it('accepts the new proposal under the new version; the decision records it', async () => {
    const shown: Shown[] = (await http().get(`/api/admin/articles/${sourceId}`).set(auth).expect(200)).body.proposals;
    const weather = quoted(shown, 'The weather');
    const res = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${weather.id}/accept`)
      .set(auth)
      .send({})
      .expect(200);
    expect(res.body).toMatchObject({ decision: 'accepted', extractorVersion: NEXT });
    const { rows } = await pool.query('SELECT data FROM events WHERE stream_id = $1', [
      `diplomatic-event-${res.body.eventId}`,
    ]);
    expect(rows[0].data.source).toMatchObject({ sourceId, quote: WEATHER, offsets: { start: text.indexOf(WEATHER) } });
  });

  it('lets an older version be asked for by name; a decided proposal keeps the version it was decided under', async () => {
    const res = await http().get(`/api/admin/articles/${sourceId}?extractor=${CURRENT}`).set(auth).expect(200);
    expect(res.body.extractorVersion).toBe(CURRENT);
    const shown: Shown[] = res.body.proposals;
    expect(shown.map((p) => [p.extractorVersion, p.decision?.extractorVersion ?? null])).toEqual([
      [CURRENT, CURRENT],
      [CURRENT, CURRENT],
      [NEXT, NEXT],
      [CURRENT, null],
    ]);
  });

  it('repeats a decision taken under the older version as a harmless retry, writing nothing', async () => {
    const before = await eventCount();
    const met = quoted(first, 'Chinese');
    const res = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${met.id}/accept`)
      .set(auth)
      .send({})
      .expect(200);
    expect(res.body.extractorVersion).toBe(CURRENT);
    expect(await eventCount()).toBe(before);
  });

  it('answers 400 naming `extractor` for a version this server does not run, writing nothing', async () => {
    const before = await eventCount();
    const bad = await http().get(`/api/admin/articles/${sourceId}?extractor=proposals-9`).set(auth).expect(400);
    expect(bad.body.fields).toEqual({ extractor: expect.stringContaining(`${CURRENT}, ${NEXT}`) });
    const turkish = quoted(first, 'Turkish');
    await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${turkish.id}/accept?extractor=nope`)
      .set(auth)
      .send({})
      .expect(400);
    expect(await eventCount()).toBe(before);
  });
  it('proposals-1 to proposals-2, the real upgrade: a proposal decided under proposals-1 keeps its reading', async () => {
    const officeText =
      `The Russian foreign minister met Chinese officials in Beijing on Monday. ` +
      `The Russian foreign minister will visit Astana next week. (${randomUUID()})`;
    const submitted = await http()
      .post('/api/admin/articles')
      .set(auth)
      .send({ title: 'Minister in Beijing', publishedAt: '2023-11-01', language: 'en', text: officeText })
      .expect(201);
    const id = submitted.body.sourceId;
    const old = (await http().get(`/api/admin/articles/${id}?extractor=proposals-1`).set(auth).expect(200)).body;
    await http()
      .post(`/api/admin/articles/${id}/proposals/${old.proposals[0].id}/dismiss?extractor=proposals-1`)
      .set(auth)
      .send({ reason: 'seen elsewhere' })
      .expect(200);
    const now = (await http().get(`/api/admin/articles/${id}?extractor=proposals-2`).set(auth).expect(200)).body;
    const names = (p: { actors: { name: string }[] }) => p.actors.map((a) => a.name);
    expect(now.proposals.map((p: Shown) => p.extractorVersion)).toEqual(['proposals-1', 'proposals-2']);
    expect(names(now.proposals[0])).toEqual(['Foreign Minister of Russian Federation']);
    expect(names(now.proposals[1])).toEqual(['Sergey Lavrov']);
  });
});
