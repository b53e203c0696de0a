import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Pool } from 'pg';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { writeTimelineSnapshot } from '../../apps/api/src/snapshots/timeline-snapshot';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('dated NDJSON snapshots with a SHA-256 (npm run snapshot)', () => {
  let app: NestFastifyApplication;
  let pool: Pool;
  let folder: string;
  const tag = `s-${randomUUID().slice(0, 8)}`;
  const http = () => request(app.getHttpServer());
  const ids: string[] = [];

  beforeAll(async () => {
    app = await startTestApi();
    pool = testPool(2);
    folder = mkdtempSync(join(tmpdir(), 'annals-snapshot-'));
    const sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    const actors = [{ id: tag, name: 'Tag', country: 'ISL', role: 'initiator' }];
    for (let i = 0; i < 3; i++) {
      const res = await http()
        .post('/api/admin/events')
        .set(auth)
        .send(aDiplomaticEventBody(sourceId, { actors }))
        .expect(201);
      ids.push(res.body.id);
    }
    const retracted = await http()
      .post(`/api/admin/events/${ids[2]}/retraction`)
      .set(auth)
      .send({ expectedVersion: 1, reason: 'wrong' })
      .expect(200);
    await eventually(async () => {
      const res = await http().get('/api/timeline').query({ actor: tag, minPosition: retracted.body.position });
      return res.status === 200 && res.body.items.length === 2 ? true : undefined;
    }, 30_000);
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await pool.end();
    rmSync(folder, { recursive: true, force: true });
  });

  it('writes annals-<date>.ndjson (header, then the current items) and a .sha256 that sha256sum -c accepts', async () => {
    const at = new Date('2026-11-30T21:00:00Z');
    const written = await writeTimelineSnapshot(pool, folder, at);
    expect(written.file).toBe(join(folder, 'annals-2026-11-30.ndjson'));
    const bytes = readFileSync(written.file);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(written.sha256);
    expect(readFileSync(written.checksumFile, 'utf8')).toBe(`${written.sha256}  annals-2026-11-30.ndjson\n`);
    // The tool a data user has: it reads the .sha256 and checks the file beside it.
    expect(
      execFileSync('sha256sum', ['-c', 'annals-2026-11-30.ndjson.sha256'], { cwd: folder, encoding: 'utf8' }),
    ).toBe('annals-2026-11-30.ndjson: OK\n');

    const [head, ...lines] = bytes.toString('utf8').trimEnd().split('\n');
    const header = JSON.parse(head);
    expect(header).toMatchObject({ annalsSnapshot: 1, date: '2026-11-30', takenAt: at.toISOString() });
    expect(lines).toHaveLength(header.items);
    const items = lines.map((line) => JSON.parse(line) as { id: string; date: { start: string } });
    // Each item as the API gives it; the retracted one is not in the timeline any more.
    const mine = items.filter((item) => ids.includes(item.id));
    expect(mine.map((i) => i.id).sort()).toEqual(ids.slice(0, 2).sort());
    for (const item of mine) expect(item).toEqual((await http().get(`/api/events/${item.id}`).expect(200)).body);
    const starts = items.map((i) => i.date.start);
    expect(starts).toEqual([...starts].sort());
    // The position is where a mirror goes on with the change feed.
    await http().get('/api/changes').query({ after: header.position }).expect(200);
  });
});
