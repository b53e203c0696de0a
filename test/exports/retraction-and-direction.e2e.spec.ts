import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import ICAL from 'ical.js';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { aSourceBody } from '../builders/diplomatic-event.builder';
import { getRaw } from './raw-response';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** Retracted items cancel in calendars; a date's direction survives corrections. */
describe('retractions in the calendar, direction in the read model', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());
  const tag = `r-${randomUUID().slice(0, 8)}`;
  let sourceId: string;

  const record = async (title: string, date: Record<string, unknown>) =>
    (
      await http()
        .post('/api/admin/events')
        .set(auth)
        .send({
          type: '042',
          status: 'scheduled',
          title,
          date,
          source: { sourceId, quote: 'سيزور الرئيس أستانا يوم الخميس' },
          actors: [{ id: tag, name: 'Tag', country: 'ISL', role: 'initiator' }],
        })
        .expect(201)
    ).body.id as string;
  const live = (id: string, version: number) =>
    eventually(async () => {
      const res = await http().get(`/api/events/${id}`);
      return res.status === 200 && res.body.version === version ? res.body : undefined;
    });

  beforeAll(async () => {
    app = await startTestApi();
    sourceId = (
      await http()
        .post('/api/admin/sources')
        .set(auth)
        .send(aSourceBody({ publishedAt: '2023-11-01' }))
        .expect(201)
    ).body.id;
  });
  afterAll(() => app.close());

  it('keeps a retracted item in the .ics as STATUS:CANCELLED with a higher SEQUENCE; other exports drop it', async () => {
    const kept = await record('Visit that happens', { start: '2023-11-09' });
    const retracted = await record('Visit never planned', { start: '2023-11-10' });
    await live(retracted, 1);
    await http()
      .post(`/api/admin/events/${retracted}/retraction`)
      .set(auth)
      .send({ expectedVersion: 1, reason: 'The wire withdrew the story.' })
      .expect(200);
    await eventually(async () => ((await http().get(`/api/events/${retracted}`)).status === 410 ? true : undefined));

    const { text } = await getRaw(http(), '/api/timeline.ics', { actor: tag });
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
    const byUid = new Map(events.map((e) => [e.getFirstPropertyValue('uid'), e]));
    expect(byUid.size).toBe(2);
    const cancelled = byUid.get(`${retracted}@annals`)!;
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.getFirstPropertyValue('sequence')).toBe(1);
    expect(cancelled.getFirstPropertyValue('summary')).toBe('Visit never planned');
    expect(byUid.get(`${kept}@annals`)!.getFirstPropertyValue('status')).toBe('TENTATIVE');

    const timeline = await http().get('/api/timeline').query({ actor: tag }).expect(200);
    expect(timeline.body.items.map((i: { id: string }) => i.id)).toEqual([kept]);
    const csv = await getRaw(http(), '/api/timeline.csv', { actor: tag });
    expect(csv.text).not.toContain(retracted);
  });

  it('carries the date direction in the read model, and a correction of other facts keeps it', async () => {
    const id = await record('Visit next Thursday', { expression: 'يوم الخميس', direction: 'future' });
    const first = await live(id, 1);
    expect(first.date).toMatchObject({ direction: 'future', start: '2023-11-02', expression: 'يوم الخميس' });
    await http()
      .post(`/api/admin/events/${id}/corrections`)
      .set(auth)
      .send({ expectedVersion: 1, changes: { title: 'State visit next Thursday' }, reason: 'title' })
      .expect(200);
    const second = await live(id, 2);
    expect(second.date).toMatchObject({ direction: 'future', start: '2023-11-02' });
    const listed = await http().get('/api/timeline').query({ actor: tag, q: 'State' }).expect(200);
    expect(listed.body.items[0].date.direction).toBe('future');
  });
});
