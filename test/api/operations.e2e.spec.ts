import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { testPool } from '../support/database';
import { captureLogs } from '../support/captured-logs';
import { eventually } from '../support/eventually';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

describe('operating Annals', () => {
  let app: NestFastifyApplication;
  const logs = captureLogs();
  const http = () => request(app.getHttpServer());
  let sourceId: string;

  beforeAll(async () => {
    app = await startTestApi(
      { LOG_LEVEL: 'info', CORS_ORIGINS: 'https://newsroom.example' },
      { logStream: logs.stream },
    );
    sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
  });
  afterAll(() => app.close());

  it('serves Prometheus metrics: appends by type, projection position and lag, HTTP durations, rebuilds', async () => {
    await http().post('/api/admin/events').set(auth).send(aDiplomaticEventBody(sourceId)).expect(201);
    await http().get('/api/timeline').query({ limit: '1' }).expect(200);
    await http().post('/api/admin/projections/actors/rebuild').set(auth).expect(202);
    const text = await eventually(async () => {
      const res = await http().get('/metrics').expect(200);
      return res.text.includes(
        'annals_projection_rebuild_duration_seconds_count{projection="actors",status="succeeded"}',
      )
        ? res
        : undefined;
    }, 30_000); // a rebuild of the run's shared database, on a machine that may be busy
    expect(text.headers['content-type']).toContain('text/plain');
    expect(text.text).toMatch(/annals_events_appended_total\{type="DiplomaticEventRecorded"\} \d+/);
    expect(text.text).toMatch(/annals_projection_position\{projection="timeline"\} \d+/);
    expect(text.text).toMatch(/annals_projection_lag_events\{projection="timeline"\} \d+/);
    expect(text.text).toMatch(
      /annals_http_request_duration_seconds_bucket\{le="[^"]+",method="GET",route="\/api\/timeline",status="200"\}/,
    );
  });

  it('writes JSON logs with the request id, never the admin token or request bodies', async () => {
    const secret = `secret-${randomUUID()}`;
    const res = await http()
      .post('/api/admin/events')
      .set(auth)
      .set('x-request-id', 'req-test-42')
      .send(aDiplomaticEventBody(sourceId, { summary: secret }))
      .expect(201);
    expect(res.headers['x-request-id']).toBe('req-test-42');
    const line = await eventually(async () => logs.lines().find((l) => l.reqId === 'req-test-42' && 'status' in l));
    // One short line per request: no headers (CSP alone is ~300 bytes), no body.
    expect(line).toMatchObject({ level: 30, method: 'POST', route: '/api/admin/events', status: 201 });
    expect(typeof line.ms).toBe('number');
    expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['req']));
    expect(Object.keys(line)).not.toEqual(expect.arrayContaining(['res']));
    expect(JSON.stringify(line).length).toBeLessThan(350);
    expect(logs.text()).not.toContain(TEST_ADMIN_TOKEN);
    expect(logs.text()).not.toContain(secret);
    const generated = await http().get('/api/timeline').query({ limit: '1' }).expect(200);
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers a server fault with a plain 500 (no stack) and logs the error once with its cause', async () => {
    const pool = testPool(1);
    await pool.query('ALTER TABLE timeline_sources RENAME TO timeline_sources_gone');
    try {
      const res = await http().get('/api/timeline').set('x-request-id', 'req-fault-1').expect(500);
      expect(res.body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: 'Internal server error' });
      expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts|timeline_sources/);
    } finally {
      await pool.query('ALTER TABLE timeline_sources_gone RENAME TO timeline_sources');
      await pool.end();
    }
    const errors = logs.lines().filter((l) => l.level === 50 && JSON.stringify(l).includes('timeline_sources'));
    expect(errors).toHaveLength(1);
  });

  it('sends security headers, and CORS only for configured origins', async () => {
    const res = await http()
      .get('/api/timeline')
      .set('origin', 'https://newsroom.example')
      .query({ limit: '1' })
      .expect(200);
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['access-control-allow-origin']).toBe('https://newsroom.example');
    const other = await http()
      .get('/api/timeline')
      .set('origin', 'https://elsewhere.example')
      .query({ limit: '1' })
      .expect(200);
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('reports projection lag in /health: up when current, degraded above the threshold', async () => {
    const ok = await http().get('/health').expect(200);
    expect(ok.body.details.projections).toMatchObject({ status: 'up', threshold: 1000 });
    const lagging = await startTestApi({ RUN_PROJECTOR: 'false', PROJECTION_LAG_DEGRADED: '0' });
    // An open transaction that holds an xid keeps every later append unreadable: the projector cannot catch up.
    const horizonPool = testPool(1);
    const horizon = await horizonPool.connect();
    await horizon.query('BEGIN');
    await horizon.query('SELECT pg_current_xact_id()');
    try {
      const id = (
        await request(lagging.getHttpServer())
          .post('/api/admin/events')
          .set(auth)
          .send(aDiplomaticEventBody(sourceId))
          .expect(201)
      ).body.id;
      expect(id).toBeDefined();
      const res = await request(lagging.getHttpServer()).get('/health').expect(200);
      expect(res.body).toMatchObject({ status: 'degraded' });
      expect(res.body.details.projections.reasons).toContainEqual(
        expect.stringMatching(/^timeline: lag \d+ is above 0$/),
      );
    } finally {
      await horizon.query('ROLLBACK');
      horizon.release();
      await horizonPool.end();
      await lagging.close();
    }
  });
});

describe('admin rate limit', () => {
  const guess = { authorization: 'Bearer guess-guess-guess-guess' };

  it('answers 429 with the JSON error shape past AUTH_FAILURE_LIMIT requests without a valid token; public routes are not limited', async () => {
    const app = await startTestApi({ AUTH_FAILURE_LIMIT: '3' });
    try {
      const http = () => request(app.getHttpServer());
      for (let i = 0; i < 3; i++) await http().get('/api/admin/projections').set(guess).expect(401);
      const limited = await http().get('/api/admin/projections').set(guess).expect(429);
      expect(limited.body).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        message: expect.stringContaining('without a valid token are limited to 3 a minute'),
      });
      // The valid token has a bucket of its own: a guesser on the same address does not lock the admin out.
      await http().get('/api/admin/projections').set(auth).expect(200);
      for (let i = 0; i < 5; i++) await http().get('/api/timeline').query({ limit: '1' }).expect(200);
    } finally {
      await app.close();
    }
  });

  it('limits an authenticated admin at ADMIN_RATE_LIMIT a minute', async () => {
    const app = await startTestApi({ ADMIN_RATE_LIMIT: '3' });
    try {
      const http = () => request(app.getHttpServer());
      for (let i = 0; i < 3; i++) await http().get('/api/admin/projections').set(auth).expect(200);
      const limited = await http().get('/api/admin/projections').set(auth).expect(429);
      expect(limited.body.message).toContain('admin requests are limited to 3 a minute');
    } finally {
      await app.close();
    }
  });

  it('ignores X-Forwarded-For by default, so a forged address does not escape the limit', async () => {
    const app = await startTestApi({ AUTH_FAILURE_LIMIT: '3' });
    try {
      const http = () => request(app.getHttpServer());
      for (let i = 0; i < 3; i++)
        await http()
          .get('/api/admin/projections')
          .set({ ...guess, 'x-forwarded-for': `203.0.113.${i + 1}` })
          .expect(401);
      await http()
        .get('/api/admin/projections')
        .set({ ...guess, 'x-forwarded-for': '198.51.100.77' })
        .expect(429);
    } finally {
      await app.close();
    }
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', async () => {
    const app = await startTestApi({ AUTH_FAILURE_LIMIT: '2', TRUST_PROXY: '127.0.0.1,::1,::ffff:127.0.0.1' });
    try {
      const http = () => request(app.getHttpServer());
      const from = (address: string) => ({ ...guess, 'x-forwarded-for': address });
      for (let i = 0; i < 2; i++) await http().get('/api/admin/projections').set(from('203.0.113.9')).expect(401);
      await http().get('/api/admin/projections').set(from('203.0.113.9')).expect(429);
      // Behind a trusted proxy, another client is another bucket.
      await http().get('/api/admin/projections').set(from('203.0.113.10')).expect(401);
    } finally {
      await app.close();
    }
  });
});

describe('configuration at boot', () => {
  beforeAll(() => {
    execFileSync('npx', ['nest', 'build', 'api'], { stdio: 'ignore' });
  }, 120_000);

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://root@localhost/annals' }, 'DATABASE_URL'],
    [{ PROJECTION_REBUILD_CRON: 'nightly' }, 'PROJECTION_REBUILD_CRON'],
  ])('stops the process on %j with a message naming the variable', (env, variable) => {
    const run = spawnSync('node', ['dist/apps/api/src/main.js'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(variable);
    expect(run.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
  });
});
