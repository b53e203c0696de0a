import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { resolve } from '@libs/temporal';
import { startTestApi } from '../support/api';

interface SeedEvent {
  key: string;
  date: { expression?: string; direction?: 'past' | 'future' };
}
interface MentionBody {
  text: string;
  start: number;
  end: number;
  resolution: Record<string, string>;
}

const seedDir = join(process.cwd(), 'data/seed');
const article = readFileSync(join(seedDir, '000_911741716f96cebe.txt'), 'utf8');
const { events } = JSON.parse(readFileSync(join(seedDir, '000_911741716f96cebe.json'), 'utf8')) as {
  events: SeedEvent[];
};

describe('POST /api/temporal/extract', () => {
  let app: NestFastifyApplication;
  const http = () => request(app.getHttpServer());

  beforeAll(async () => {
    app = await startTestApi();
  });
  afterAll(async () => {
    await app.close();
  });

  it('finds every dated statement of the seed article with the resolution its event has', async () => {
    const res = await http().post('/api/temporal/extract').send({ text: article, anchor: '2023-11-01' }).expect(200);
    expect(res.body.language).toBe('ar');
    const mentions = res.body.mentions as MentionBody[];
    for (const { expression, direction = 'past' } of events.map((event) => event.date)) {
      if (expression === undefined) continue;
      const found = mentions.find((m) => expression.endsWith(m.text));
      expect(found?.resolution).toEqual({ ...resolve(expression, '2023-11-01', direction), direction });
      expect(article.slice(found?.start, found?.end)).toBe(found?.text);
    }
  });

  it('honours a given language and answers in text order', async () => {
    const res = await http()
      .post('/api/temporal/extract')
      .send({ text: 'He will visit on Friday; they met last week.', anchor: '2023-11-01', language: 'en' })
      .expect(200);
    expect(res.body).toEqual({
      language: 'en',
      mentions: [
        expect.objectContaining({
          text: 'Friday',
          cue: 'will',
          resolution: expect.objectContaining({ timex: '2023-11-03' }),
        }),
        expect.objectContaining({ text: 'last week', resolution: expect.objectContaining({ timex: '2023-W43' }) }),
      ],
    });
  });

  it.each([
    ['no text', { anchor: '2023-11-01' }, 'text'],
    ['empty text', { text: '', anchor: '2023-11-01' }, 'text'],
    ['text that is not a string', { text: 42, anchor: '2023-11-01' }, 'text'],
    ['text over 100,000 characters', { text: 'أ'.repeat(100_001), anchor: '2023-11-01' }, 'text'],
    ['an impossible anchor', { text: 'أمس', anchor: '2023-02-30' }, 'anchor'],
    ['an unknown language', { text: 'أمس', anchor: '2023-11-01', language: 'fr' }, 'language'],
  ])('answers 400 for %s, naming the field', async (_, body, field) => {
    const res = await http().post('/api/temporal/extract').send(body).expect(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(Object.keys(res.body.fields)).toContain(field);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await http()
      .post('/api/temporal/extract')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(1_100_000), anchor: '2023-11-01' }))
      .expect(413);
    expect(res.body).toMatchObject({ statusCode: 413 });
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await http().get('/docs-json').expect(200)).body;
    const ok = doc.paths['/api/temporal/extract'].post.responses['200'];
    expect(ok.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TemporalExtraction' });
    expect(Object.keys(doc.paths['/api/temporal/extract'].post.responses)).toEqual(
      expect.arrayContaining(['400', '413', '415']),
    );
  });
});
