import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
// 2019: no other spec of a run writes events of these people then.
const FIRST =
  'Kazakh President Kassym-Jomart Tokayev met Uzbek President Shavkat Mirziyoyev in Tashkent on Monday. ' +
  'Prices rose in March.';
const SECOND =
  'Uzbek President Shavkat Mirziyoyev held talks with Kazakh President Kassym-Jomart Tokayev on Monday, ' +
  'officials said. Turkish President Recep Tayyip Erdogan will visit Tashkent next month.';

interface Duplicate {
  eventId: string;
  title: string;
  date: { start: string; end: string };
}
interface ProposalBody {
  id: string;
  quote: { text: string; start: number; end: number };
  likelyDuplicates: Duplicate[];
  decision?: { eventId?: string } | null;
}

describe('articles: likely duplicates, attached as another source', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  const http = () => request(app.getHttpServer());
  const eventCount = async () => Number((await pool.query('SELECT count(*) FROM events')).rows[0].count);
  const submit = async (text: string, title: string, publishedAt: string) =>
    (
      await http()
        .post('/api/admin/articles')
        .set(auth)
        .send({ title, publishedAt, language: 'en', text: `${text} (${randomUUID()})` })
        .expect(201)
    ).body as { sourceId: string; proposals: ProposalBody[] };
  let eventId: string;
  let firstSource: string;
  let second: { sourceId: string; proposals: ProposalBody[] };
  let talks: ProposalBody;

  beforeAll(async () => {
    app = await startTestApi();
    pool = testPool(2);
    const first = await submit(FIRST, 'Tokayev in Tashkent', '2019-03-06');
    firstSource = first.sourceId;
    expect(first.proposals).toHaveLength(1);
    expect(first.proposals[0].likelyDuplicates).toEqual([]);
    const accepted = await http()
      .post(`/api/admin/articles/${first.sourceId}/proposals/${first.proposals[0].id}/accept`)
      .set(auth)
      .send({})
      .expect(200);
    eventId = accepted.body.eventId;
    await eventually(async () => ((await http().get(`/api/events/${eventId}`)).ok ? true : undefined));
    second = await submit(SECOND, 'Mirziyoyev receives Tokayev', '2019-03-07');
    talks = second.proposals.find((p) => p.quote.text.startsWith('Uzbek President')) as ProposalBody;
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('flags a proposal with the same actors, CAMEO root and overlapping dates as a likely duplicate', async () => {
    expect(talks.likelyDuplicates).toEqual([
      expect.objectContaining({ eventId, date: { start: '2019-03-04', end: '2019-03-04' } }),
    ]);
    const other = second.proposals.find((p) => p.quote.text.startsWith('Turkish')) as ProposalBody;
    expect(other.likelyDuplicates).toEqual([]);
    const shown = await http().get(`/api/admin/articles/${second.sourceId}`).set(auth).expect(200);
    const again = shown.body.proposals.find((p: ProposalBody) => p.id === talks.id);
    expect(again.likelyDuplicates.map((d: Duplicate) => d.eventId)).toEqual([eventId]);
  });

  it('answers 400 naming eventId for an event that is not (or no longer) on the timeline, writing nothing', async () => {
    const before = await eventCount();
    const path = `/api/admin/articles/${second.sourceId}/proposals/${talks.id}/attach`;
    const unknown = await http().post(path).set(auth).send({ eventId: randomUUID() }).expect(400);
    expect(Object.keys(unknown.body.fields)).toEqual(['eventId']);
    const malformed = await http().post(path).set(auth).send({ eventId: 'x' }).expect(400);
    expect(Object.keys(malformed.body.fields)).toEqual(['eventId']);
    expect(await eventCount()).toBe(before);
    // A retracted event is no longer on the timeline: nothing to attach to.
    const recorded = await http()
      .post('/api/admin/events')
      .set(auth)
      .send(aDiplomaticEventBody(firstSource))
      .expect(201);
    await http()
      .post(`/api/admin/events/${recorded.body.id}/retraction`)
      .set(auth)
      .send({ reason: 'test' })
      .expect(200);
    const written = await eventCount();
    const retracted = await http().post(path).set(auth).send({ eventId: recorded.body.id }).expect(400);
    expect(Object.keys(retracted.body.fields)).toEqual(['eventId']);
    expect(await eventCount()).toBe(written);
  });

  it('attaches the article to the existing event: an event of its own with the quote and offsets', async () => {
    const path = `/api/admin/articles/${second.sourceId}/proposals/${talks.id}/attach`;
    const before = await eventCount();
    const res = await http().post(path).set(auth).send({ eventId }).expect(200);
    expect(res.body).toMatchObject({ decision: 'attached', eventId, proposalId: talks.id });
    expect(await eventCount()).toBe(before + 1);
    const { rows } = await pool.query(`SELECT data FROM events WHERE stream_id = $1 AND type = 'EventSourceAttached'`, [
      `source-${second.sourceId}`,
    ]);
    expect(rows[0].data).toEqual({
      sourceId: second.sourceId,
      proposalId: talks.id,
      extractorVersion: 'proposals-2',
      eventId,
      quote: talks.quote.text,
      offsets: { start: talks.quote.start, end: talks.quote.end },
    });
    // No second diplomatic event; a retry writes nothing; the proposal can no longer be accepted.
    const recorded = await pool.query(
      `SELECT count(*) FROM events WHERE type = 'DiplomaticEventRecorded' AND data->'source'->>'sourceId' = $1`,
      [second.sourceId],
    );
    expect(Number(recorded.rows[0].count)).toBe(0);
    await http().post(path).set(auth).send({ eventId }).expect(200);
    await http()
      .post(`/api/admin/articles/${second.sourceId}/proposals/${talks.id}/accept`)
      .set(auth)
      .send({})
      .expect(400);
    expect(await eventCount()).toBe(before + 1);
  });

  it('lists every source on the timeline item, the attached one with its quote and offsets', async () => {
    const item = await eventually(async () => {
      const res = await http().get(`/api/events/${eventId}`).expect(200);
      return res.body.sources.length === 2 ? res.body : undefined;
    });
    expect(item.sources).toEqual([
      expect.objectContaining({ sourceId: firstSource, title: 'Tokayev in Tashkent' }),
      {
        sourceId: second.sourceId,
        title: 'Mirziyoyev receives Tokayev',
        url: null,
        language: 'en',
        quote: talks.quote.text,
        offsets: { start: talks.quote.start, end: talks.quote.end },
      },
    ]);
    const listed = await http().get('/api/timeline?from=2019-03-04&to=2019-03-04').expect(200);
    const onTimeline = listed.body.items.find((i: { id: string }) => i.id === eventId);
    expect(onTimeline.sources.map((s: { sourceId: string }) => s.sourceId)).toEqual([firstSource, second.sourceId]);
  });

  it('shows the decision on the article; a decided proposal is no longer flagged', async () => {
    const shown = await http().get(`/api/admin/articles/${second.sourceId}`).set(auth).expect(200);
    const decided = shown.body.proposals.find((p: ProposalBody) => p.id === talks.id);
    expect(decided.decision).toMatchObject({ eventId, quote: talks.quote.text });
    expect(decided.likelyDuplicates).toEqual([]);
    expect(shown.body.decisions).toEqual([expect.objectContaining({ type: 'EventSourceAttached', eventId })]);
  });
});
