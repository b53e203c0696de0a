import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Pool } from 'pg';
import { resolve } from '@libs/temporal';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const ANCHOR = '2023-11-01';

interface SeedEvent {
  key: string;
  type: string;
  title: string;
  summary: string | null;
  actors: { id: string; name: string; country: string; role: string }[];
  location: { name: string; country: string } | null;
  date: { expression: string; direction: 'past' | 'future' } | { start: string; end: string };
  status: string;
  quote: string;
}

interface ProposalBody {
  id: string;
  quote: { text: string; start: number; end: number };
  type: { code: string };
  title: string;
  status: string;
}

const seed = JSON.parse(readFileSync('data/seed/000_911741716f96cebe.json', 'utf8')) as { events: SeedEvent[] };
const SEED_TEXT = readFileSync('data/seed/000_911741716f96cebe.txt', 'utf8');
/** The seed's statements with a date in the article's words: the ones a proposal can carry. */
const dated = seed.events.filter((e) => 'expression' in e.date);

/**
 * The seed through the front door: what an editor gets by submitting the seed article and accepting its proposals
 * (editing where the proposal differs from the hand-recorded event) is the seed's events, with the same resolved
 * dates and quotes, and each event now cites its offsets in the article.
 */
describe('the seed article, replayed as an editor would record it', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  const http = () => request(app.getHttpServer());
  // A text of this run's own (the seed plus a line), so that other specs' decisions on the seed article never meet
  // this one's; the offsets of the seed's sentences are unchanged.
  const text = `${SEED_TEXT}\n${randomUUID()}`;
  const edited: Record<string, string[]> = {};

  beforeAll(async () => {
    app = await startTestApi({ RUN_PROJECTOR: 'false' });
    pool = testPool(1);
  });
  afterAll(async () => {
    await app.close();
    await pool.end();
  });

  it('records every dated seed statement from its proposal, editing only what differs', async () => {
    const submitted = await http()
      .post('/api/admin/articles')
      .set(auth)
      .set('Idempotency-Key', randomUUID())
      .send({ title: 'ماكرون يزور كازاخستان', publishedAt: ANCHOR, language: 'ar', text })
      .expect(201);
    const { sourceId, proposals } = submitted.body as { sourceId: string; proposals: ProposalBody[] };

    for (const event of dated) {
      const proposal = proposals.find((p) => p.quote.text === event.quote);
      expect({ key: event.key, proposed: proposal !== undefined }).toEqual({ key: event.key, proposed: true });
      const shown = (await http().get(`/api/admin/articles/${sourceId}`).set(auth).expect(200)).body.proposals.find(
        (p: { id: string }) => p.id === proposal?.id,
      );
      // The editor's edits: the hand-recorded facts wherever the proposal says otherwise (never the date).
      const wanted = {
        type: event.type,
        title: event.title,
        summary: event.summary,
        actors: event.actors,
        location: event.location,
        status: event.status,
      };
      const edits = Object.fromEntries(
        Object.entries(wanted).filter(([field, value]) => !sameAsProposed(field, value, shown)),
      );
      edited[event.key] = Object.keys(edits);
      const accepted = await http()
        .post(`/api/admin/articles/${sourceId}/proposals/${proposal?.id}/accept`)
        .set(auth)
        .send(Object.keys(edits).length > 0 ? { edits } : {})
        .expect(200);
      expect(accepted.body).toMatchObject({ decision: 'accepted', edited: Object.keys(edits).length > 0 });
    }

    const { rows } = await pool.query<{ data: Record<string, unknown> & { source: Record<string, unknown> } }>(
      `SELECT data FROM events WHERE type = 'DiplomaticEventRecorded' AND data->'source'->>'sourceId' = $1`,
      [sourceId],
    );
    expect(rows).toHaveLength(dated.length);
    for (const event of dated) {
      const recorded = rows.find((r) => r.data.source.quote === event.quote)?.data;
      const date = event.date as { expression: string; direction: 'past' | 'future' };
      const expected = resolve(date.expression, ANCHOR, date.direction);
      expect(recorded).toMatchObject({
        type: event.type,
        title: event.title,
        summary: event.summary,
        actors: event.actors,
        location: event.location,
        status: event.status,
        date: { start: expected.start, end: expected.end },
      });
      const { offsets } = recorded?.source as { offsets: { start: number; end: number } };
      expect(text.slice(offsets.start, offsets.end)).toBe(event.quote);
    }
    // For the record (README figures): which fields an editor had to change, per statement.
    console.log(`seed replay edits: ${JSON.stringify(edited)}`);
  });
});

/** Whether the proposal as shown already carries the hand-recorded value of one field. */
function sameAsProposed(field: string, value: unknown, shown: Record<string, unknown>): boolean {
  const proposed = shown[field];
  if (field === 'type') return (proposed as { code?: string } | undefined)?.code === value;
  if (field === 'actors') {
    const actors = (proposed as { id?: string; name: string; country: string; role: string }[] | undefined) ?? [];
    return (
      JSON.stringify(actors.map((a) => ({ id: a.id, name: a.name, country: a.country, role: a.role }))) ===
      JSON.stringify(value)
    );
  }
  return JSON.stringify(proposed ?? null) === JSON.stringify(value);
}
