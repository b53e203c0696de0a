import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const SEED_TEXT = readFileSync('data/seed/000_911741716f96cebe.txt', 'utf8');

interface ProposalBody {
  id: string;
  quote: { text: string; start: number; end: number };
  type: { code: string };
  date: { start: string; end: string };
}

describe('articles: submit, review, record', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  const http = () => request(app.getHttpServer());
  const count = async (sql: string, params: unknown[] = []) => Number((await pool.query(sql, params)).rows[0].count);
  const eventCount = () => count('SELECT count(*) FROM events');
  const textCount = () => count('SELECT count(*) FROM source_texts');
  /** Where an event of `type` landed in `stream` (every write answers it, for minPosition). */
  const positionOf = async (stream: string, type: string, where = 'true', params: unknown[] = []) =>
    Number(
      (
        await pool.query(`SELECT position FROM events WHERE stream_id = $1 AND type = $2 AND ${where}`, [
          stream,
          type,
          ...params,
        ])
      ).rows[0].position,
    );
  // Each run gets a text of its own, so reruns against one database never meet an earlier source.
  const text = `${SEED_TEXT}\n${randomUUID()}`;
  const article = { title: 'ماكرون يزور كازاخستان', publishedAt: '2023-11-01', language: 'ar', text };
  let sourceId: string;
  let proposals: ProposalBody[];
  const byQuote = (start: string) => proposals.find((p) => p.quote.text.startsWith(start)) as ProposalBody;

  beforeAll(async () => {
    app = await startTestApi({ RUN_PROJECTOR: 'false' });
    pool = testPool(2);
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('submits an article: 201 {sourceId, proposals}; the text goes to the side table, its hash to the log', async () => {
    const res = await http()
      .post('/api/admin/articles')
      .set(auth)
      .set('Idempotency-Key', randomUUID())
      .send(article)
      .expect(201);
    ({ sourceId, proposals } = res.body);
    expect(sourceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(proposals.length).toBeGreaterThanOrEqual(9);
    const hash = createHash('sha256').update(text).digest('hex');
    const stored = await pool.query('SELECT text FROM source_texts WHERE sha256 = $1', [hash]);
    expect(stored.rows[0].text).toBe(text);
    const { rows } = await pool.query(`SELECT data FROM events WHERE stream_id = $1`, [`source-${sourceId}`]);
    expect(rows[0].data).toMatchObject({ id: sourceId, textSha256: hash, text: null, publishedAt: '2023-11-01' });
    for (const p of proposals) expect(text.slice(p.quote.start, p.quote.end)).toBe(p.quote.text);
    expect(res.body.position).toBe(await positionOf(`source-${sourceId}`, 'SourceRegistered'));
  });

  it('is idempotent: the same text again is the same source, and nothing is written', async () => {
    const before = [await eventCount(), await textCount()];
    const res = await http()
      .post('/api/admin/articles')
      .set(auth)
      .send({ ...article, title: 'again' })
      .expect(201);
    expect(res.body.sourceId).toBe(sourceId);
    expect(res.body.proposals).toEqual(proposals);
    expect(res.body.position).toBe(await positionOf(`source-${sourceId}`, 'SourceRegistered'));
    expect([await eventCount(), await textCount()]).toEqual(before);
  });

  it.each([
    ['no title', { title: undefined }, 'title'],
    ['a bad publication date', { publishedAt: '2023-02-30' }, 'publishedAt'],
    ['an empty text', { text: '' }, 'text'],
    ['an unknown language', { language: 'fr' }, 'language'],
    ['an unknown field', { extra: 1 }, 'extra'],
  ])('answers 400 for %s, naming the field and writing nothing', async (_, change, field) => {
    const before = [await eventCount(), await textCount()];
    const res = await http()
      .post('/api/admin/articles')
      .set(auth)
      .send({ ...article, text: `${randomUUID()} ${article.text}`, ...change })
      .expect(400);
    expect(Object.keys(res.body.fields ?? {})).toContain(field);
    expect([await eventCount(), await textCount()]).toEqual(before);
  });

  it('accepts a proposal as it is: the event cites the quote with its offsets in the article', async () => {
    const lavrov = byQuote('وقال وزير الخارجية الروسي');
    const res = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${lavrov.id}/accept`)
      .set(auth)
      .send({})
      .expect(200);
    expect(res.body).toMatchObject({ decision: 'accepted', proposalId: lavrov.id, edited: false });
    const { rows } = await pool.query(`SELECT type, data FROM events WHERE stream_id = $1`, [
      `diplomatic-event-${res.body.eventId}`,
    ]);
    expect(rows[0].type).toBe('DiplomaticEventRecorded');
    const { source, date, actors } = rows[0].data;
    expect(source).toEqual({
      sourceId,
      quote: lavrov.quote.text,
      offsets: { start: lavrov.quote.start, end: lavrov.quote.end },
    });
    expect(text.slice(source.offsets.start, source.offsets.end)).toBe(source.quote);
    expect(date).toMatchObject({ expression: 'الأسبوع الماضي', start: '2023-10-23', end: '2023-10-29' });
    expect(actors[0]).toMatchObject({ country: 'RUS', role: 'initiator' });
    const decision = await positionOf(`source-${sourceId}`, 'ProposalAccepted', "data->>'proposalId' = $3", [
      lavrov.id,
    ]);
    expect(res.body.position).toBe(decision);
    // A retry records nothing more, and answers the same position.
    const before = await eventCount();
    const retry = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${lavrov.id}/accept`)
      .set(auth)
      .send({})
      .expect(200);
    expect(await eventCount()).toBe(before);
    expect(retry.body.position).toBe(decision);
  });

  it("accepts an edited proposal: the edits win, the quote and offsets stay the proposal's", async () => {
    const tokayev = byQuote('ووصف توكاييف فرنسا');
    const edits = { type: '051', title: 'Tokayev calls France a key and reliable partner', status: 'occurred' };
    const res = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${tokayev.id}/accept`)
      .set(auth)
      .send({ edits })
      .expect(200);
    expect(res.body.edited).toBe(true);
    const { rows } = await pool.query(`SELECT data FROM events WHERE stream_id = $1`, [
      `diplomatic-event-${res.body.eventId}`,
    ]);
    expect(rows[0].data).toMatchObject({
      type: '051',
      title: edits.title,
      source: { offsets: { start: tokayev.quote.start } },
    });
  });

  it('refuses a bad edit with 400 naming the field, writing nothing', async () => {
    const before = await eventCount();
    const xi = byQuote('وكشف الرئيس الصيني');
    const res = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${xi.id}/accept`)
      .set(auth)
      .send({ edits: { type: '999' } })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual([expect.stringContaining('type')]);
    expect(await eventCount()).toBe(before);
  });

  it('dismisses a proposal with a reason; it can no longer be accepted', async () => {
    const moscow = byQuote('وهذه ليست المرة الأولى');
    const dismissed = await http()
      .post(`/api/admin/articles/${sourceId}/proposals/${moscow.id}/dismiss`)
      .set(auth)
      .send({ reason: 'background, not a dated act' })
      .expect(200);
    expect(dismissed.body.position).toBe(
      await positionOf(`source-${sourceId}`, 'ProposalDismissed', "data->>'proposalId' = $3", [moscow.id]),
    );
    const before = await eventCount();
    await http().post(`/api/admin/articles/${sourceId}/proposals/${moscow.id}/accept`).set(auth).send({}).expect(400);
    await http().post(`/api/admin/articles/${sourceId}/proposals/${moscow.id}/dismiss`).set(auth).send({}).expect(400);
    expect(await eventCount()).toBe(before);
  });

  it('shows the article, its proposals and the decision on each', async () => {
    const res = await http().get(`/api/admin/articles/${sourceId}`).set(auth).expect(200);
    expect(res.body.text).toBe(text);
    expect(res.body.source).toMatchObject({ id: sourceId, textSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const decided = res.body.proposals.filter((p: { decision: unknown }) => p.decision !== null);
    expect(
      decided.map((p: { decision: { eventId?: string; reason?: string } }) => p.decision.reason ?? 'accepted').sort(),
    ).toEqual(['accepted', 'accepted', 'background, not a dated act']);
    expect(res.body.decisions).toHaveLength(3);
  });

  it('redacts the text: the side row goes, the log keeps the hash, the recorded events stay', async () => {
    const accepted = await pool.query(
      `SELECT count(*) FROM events WHERE type = 'DiplomaticEventRecorded' AND data->'source'->>'sourceId' = $1`,
      [sourceId],
    );
    await http().post(`/api/admin/articles/${sourceId}/redaction`).set(auth).send({}).expect(400);
    const res = await http()
      .post(`/api/admin/articles/${sourceId}/redaction`)
      .set(auth)
      .send({ reason: 'publisher request' })
      .expect(200);
    expect(res.body).toMatchObject({ sourceId, redacted: true });
    expect(await count('SELECT count(*) FROM source_texts WHERE sha256 = $1', [res.body.textSha256])).toBe(0);
    const redactions = `SELECT count(*) FROM events WHERE stream_id = $1 AND type = 'SourceTextRedacted'`;
    expect(await count(redactions, [`source-${sourceId}`])).toBe(1);
    const redacted = await positionOf(`source-${sourceId}`, 'SourceTextRedacted');
    expect(res.body.position).toBe(redacted);
    const again = await http()
      .post(`/api/admin/articles/${sourceId}/redaction`)
      .set(auth)
      .send({ reason: 'again' })
      .expect(200);
    expect(await count(redactions, [`source-${sourceId}`])).toBe(1);
    expect(again.body.position).toBe(redacted);
    const shown = await http().get(`/api/admin/articles/${sourceId}`).set(auth).expect(200);
    expect(shown.body).toMatchObject({ text: null, proposals: [] });
    expect(shown.body.decisions).toHaveLength(3);
    const after = await pool.query(
      `SELECT count(*) FROM events WHERE type = 'DiplomaticEventRecorded' AND data->'source'->>'sourceId' = $1`,
      [sourceId],
    );
    expect(after.rows[0].count).toBe(accepted.rows[0].count);
    expect(Number(after.rows[0].count)).toBe(2);
  });

  it('answers 404 for an unknown article or proposal, and 401 without a token', async () => {
    await http().get(`/api/admin/articles/${randomUUID()}`).set(auth).expect(404);
    await http().post(`/api/admin/articles/${sourceId}/proposals/p0-1/accept`).set(auth).send({}).expect(404);
    await http().post('/api/admin/articles').send(article).expect(401);
  });
});
