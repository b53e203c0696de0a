import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ExportSlots } from '../../apps/api/src/exports/export-slots';
import { startTestApi } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { holdTable } from '../support/hold-table';

/** EXPORTS_MAX exports at once, EXPORTS_QUEUE more waiting, the rest refused (apps/api/src/exports/export-slots.ts). */
describe('exports one server builds at once', () => {
  let app: NestFastifyApplication;
  let slots: ExportSlots;
  let pool: Pool;
  let baseUrl: string;
  // An actor nobody else names: each export is small, whatever the other suites left in the database.
  const csv = `/api/timeline.csv?actor=slots-${randomUUID().slice(0, 8)}`;
  const get = (path: string, signal?: AbortSignal) => fetch(`${baseUrl}${path}`, { signal });
  const stats = (running: number, waiting: number) => async () => {
    const now = slots.stats;
    return now.running === running && now.waiting === waiting ? true : undefined;
  };

  beforeAll(async () => {
    app = await startTestApi({ EXPORTS_MAX: '1', EXPORTS_QUEUE: '1' });
    await app.listen(0, '127.0.0.1');
    baseUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    slots = app.get(ExportSlots);
    pool = testPool(2);
  });
  afterAll(async () => {
    await app?.close();
    await pool?.end();
  });

  it('runs EXPORTS_MAX at once, lets EXPORTS_QUEUE wait their turn, and refuses the next with 503 and Retry-After', async () => {
    const release = await holdTable(pool, 'timeline_versions');
    let running: Promise<Response> | undefined;
    let waiting: Promise<Response> | undefined;
    try {
      running = get(csv);
      await eventually(stats(1, 0));
      waiting = get('/api/timeline.ics?country=ISL');
      await eventually(stats(1, 1));
      const refused = await get('/api/timeline/timelinejs');
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('5');
      expect(await refused.json()).toEqual({
        error: 'Service Unavailable',
        statusCode: 503,
        code: 'EXPORT.BUSY',
        message: 'Too many exports are running on this server; retry shortly',
      });
    } finally {
      await release();
    }
    const [first, second] = await Promise.all([running!, waiting!]);
    expect(first.status).toBe(200);
    expect(await first.text()).toMatch(/^id,date_start,/);
    expect(second.status).toBe(200);
    expect(await second.text()).toMatch(/^BEGIN:VCALENDAR/);
    await eventually(stats(0, 0));
    const again = await get(csv);
    expect(again.status).toBe(200);
    await again.text();
  });

  it('gives up the place of a client that leaves while waiting', async () => {
    const release = await holdTable(pool, 'timeline_versions');
    let running: Promise<Response> | undefined;
    let next: Promise<Response> | undefined;
    try {
      running = get(csv);
      await eventually(stats(1, 0));
      const leaving = new AbortController();
      const left = get(csv, leaving.signal).then(
        (response) => `answered ${response.status}`,
        (error: unknown) => (error as Error).name,
      );
      await eventually(stats(1, 1));
      leaving.abort();
      expect(await left).toBe('AbortError');
      await eventually(stats(1, 0));
      // The place is free again: one more may wait.
      next = get(csv);
      await eventually(stats(1, 1));
    } finally {
      await release();
    }
    for (const answer of await Promise.all([running!, next!])) {
      expect(answer.status).toBe(200);
      await answer.text();
    }
    await eventually(stats(0, 0));
  });
});
