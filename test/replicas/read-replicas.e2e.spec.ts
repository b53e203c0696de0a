import { afterAll, beforeAll, expect, it } from '@jest/globals';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { migrate } from '@libs/platform';
import { startTestApi, TEST_ADMIN_TOKEN } from '../support/api';
import { eventually } from '../support/eventually';
import { OwnCluster } from '../support/own-cluster';
import { describeWithPostgresTools } from '../support/postgres-tools';
import { aDiplomaticEventBody, aSourceBody } from '../builders/diplomatic-event.builder';

const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };
const WAIT_MS = 1500;

interface ReplicaHealth {
  status: 'up' | 'down';
  lagSeconds: number | null;
  lagEvents: number | null;
}

describeWithPostgresTools(
  ['initdb', 'pg_ctl', 'pg_basebackup'],
  'read replicas: a primary and two streaming standbys of its own',
  () => {
    let primary: OwnCluster;
    let standbys: OwnCluster[] = [];
    let api: NestFastifyApplication;
    let sourceId: string;
    const http = () => request(api.getHttpServer());
    const name = (c: OwnCluster) => `127.0.0.1:${c.port}/annals`;
    const readsBy = async () => {
      const text = (await http().get('/metrics').expect(200)).text;
      const counts: Record<string, number> = {};
      for (const m of text.matchAll(/^annals_public_reads_total\{server="([^"]+)"\} (\d+)/gm))
        counts[m[1]] = Number(m[2]);
      return counts;
    };
    const replicaHealth = async () => {
      const body = (await http().get('/health').expect(200)).body;
      return {
        status: body.status as string,
        replicas: body.details.replicas.replicas as Record<string, ReplicaHealth>,
      };
    };
    const record = async (title: string) =>
      (await http().post('/api/admin/events').set(auth).send(aDiplomaticEventBody(sourceId, { title })).expect(201))
        .body as { id: string; position: number };

    beforeAll(async () => {
      primary = await OwnCluster.create();
      await migrate(await primary.createDatabase('annals'));
      standbys = [await OwnCluster.standbyOf(primary), await OwnCluster.standbyOf(primary)];
      api = await startTestApi({
        DATABASE_URL: primary.url('annals'),
        READ_DATABASE_URL: standbys.map((s) => s.url('annals')).join(','),
        MIN_POSITION_WAIT_MS: String(WAIT_MS),
      });
      sourceId = (await http().post('/api/admin/sources').set(auth).send(aSourceBody()).expect(201)).body.id;
    }, 120_000);

    afterAll(async () => {
      await api?.close();
      for (const cluster of [...standbys, primary]) await cluster?.remove();
    });

    it('answers a write, made on the primary, from a standby once it has applied the position (minPosition)', async () => {
      const before = await readsBy();
      const { id, position } = await record('Read from a standby');
      const item = await http().get(`/api/events/${id}`).query({ minPosition: position }).expect(200);
      expect(item.body).toMatchObject({ id, title: 'Read from a standby' });
      const page = await http().get('/api/timeline').query({ minPosition: position, q: 'standby' }).expect(200);
      expect(page.body.items.map((i: { id: string }) => i.id)).toContain(id);
      const history = await http().get(`/api/events/${id}/history`).query({ minPosition: position }).expect(200);
      expect(history.body.events).toHaveLength(1);
      const corrected = await http()
        .post(`/api/admin/events/${id}/corrections`)
        .set(auth)
        .send({ expectedVersion: 1, changes: { title: 'Corrected on the primary' }, reason: 'typo' })
        .expect(200);
      const read = await http().get(`/api/events/${id}`).query({ minPosition: corrected.body.position }).expect(200);
      expect(read.body).toMatchObject({ title: 'Corrected on the primary', version: 2 });
      const after = await readsBy();
      const byStandbys = standbys.reduce((n, s) => n + (after[name(s)] ?? 0) - (before[name(s)] ?? 0), 0);
      expect(byStandbys).toBe(4); // event, timeline (its page and total: one read, pinned to one server), history, event
      expect(after.primary ?? 0).toBe(before.primary ?? 0);
    });

    it('waits for a standby whose replay is paused, then answers from the primary; 503 when no server can', async () => {
      for (const s of standbys) await s.sql('SELECT pg_wal_replay_pause()', 'annals');
      try {
        const before = await readsBy();
        const { id, position } = await record('Written while replay is paused');
        const started = Date.now();
        const item = await http().get(`/api/events/${id}`).query({ minPosition: position }).expect(200);
        expect(item.body.title).toBe('Written while replay is paused');
        expect(Date.now() - started).toBeGreaterThanOrEqual(WAIT_MS - 100); // it waited for the standbys first
        expect(((await readsBy()).primary ?? 0) - (before.primary ?? 0)).toBe(1);
        const lagging = await replicaHealth();
        expect(Object.values(lagging.replicas).every((r) => (r.lagEvents ?? 0) >= 1)).toBe(true);

        // An ETag is the answering server's position: the lagging standbys' page and the primary's differ, and
        // the standbys' tag is never answered with a 304 by the primary, which has the new item.
        const fromStandby = await http().get('/api/timeline').query({ q: 'paused' }).expect(200);
        expect(fromStandby.body.items).toHaveLength(0);
        const fromPrimary = await http()
          .get('/api/timeline')
          .query({ q: 'paused', minPosition: position })
          .set('if-none-match', fromStandby.headers.etag)
          .expect(200);
        expect(fromPrimary.body.items.map((i: { id: string }) => i.id)).toEqual([id]);
        expect(fromPrimary.headers.etag).not.toBe(fromStandby.headers.etag);

        const unreachable = await http()
          .get('/api/timeline')
          .query({ minPosition: position + 1_000_000 })
          .expect(503);
        expect(unreachable.body).toMatchObject({ statusCode: 503, code: 'READ.POSITION_NOT_REACHED' });
        expect(unreachable.body.message).toMatch(/has not reached position \d+ within 1500 ms/);
      } finally {
        for (const s of standbys) await s.sql('SELECT pg_wal_replay_resume()', 'annals');
      }
      const caughtUp = await eventually(async () => {
        const { replicas } = await replicaHealth();
        return Object.values(replicas).every((r) => r.lagEvents === 0) ? replicas : undefined;
      }, 20_000);
      expect(Object.keys(caughtUp).sort()).toEqual(standbys.map(name).sort());
    });

    it('shows replica lag under 8 concurrent writers, back to 0 after', async () => {
      let writing = true;
      let written = 0;
      const samples: ReplicaHealth[] = [];
      const writers = Array.from({ length: 8 }, async (_, w) => {
        while (writing) {
          await record(`Concurrent write ${w}-${written}`);
          written += 1;
        }
      });
      const sampler = (async () => {
        while (writing) {
          samples.push(...Object.values((await replicaHealth()).replicas));
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      await new Promise((r) => setTimeout(r, 4000));
      writing = false;
      await Promise.all([...writers, sampler]);
      const worst = (key: 'lagSeconds' | 'lagEvents') => Math.max(0, ...samples.map((s) => s[key] ?? 0));
      console.log(
        `replica lag under 8 writers (${written} events in 4 s, ${samples.length} samples): ` +
          `max ${worst('lagEvents')} events, max ${worst('lagSeconds').toFixed(3)} s of replay`,
      );
      expect(written).toBeGreaterThan(8);
      expect(samples.every((s) => s.status === 'up')).toBe(true);
      await eventually(async () => {
        const { replicas } = await replicaHealth();
        return Object.values(replicas).every((r) => r.lagEvents === 0 && r.lagSeconds === 0) ? true : undefined;
      }, 20_000);
    }, 60_000);

    it('fails over to the other standby, then to the primary, when standbys are killed', async () => {
      const [first, second] = standbys;
      await first.stop('immediate');
      let before = await readsBy();
      // Four different pages: the same URL again would be answered from the hot responses without a data read.
      for (let i = 0; i < 4; i += 1)
        await http()
          .get('/api/timeline')
          .query({ limit: 21 + i })
          .expect(200);
      let after = await readsBy();
      expect((after[name(second)] ?? 0) - (before[name(second)] ?? 0)).toBe(4); // 4 pages, each one read (page and total on one server)
      const oneDown = await replicaHealth();
      expect(oneDown.status).toBe('degraded');
      expect(oneDown.replicas[name(first)].status).toBe('down');
      expect(oneDown.replicas[name(second)].status).toBe('up');

      await second.stop('immediate');
      before = await readsBy();
      for (let i = 0; i < 4; i += 1)
        await http()
          .get('/api/timeline')
          .query({ limit: 31 + i })
          .expect(200);
      const { id, position } = await record('Written with every standby gone');
      await http().get(`/api/events/${id}`).query({ minPosition: position }).expect(200);
      after = await readsBy();
      expect((after.primary ?? 0) - (before.primary ?? 0)).toBe(5); // 4 pages (page and total on one server), and the event
      const allDown = await replicaHealth();
      expect(Object.values(allDown.replicas).map((r) => r.status)).toEqual(['down', 'down']);

      await first.start();
      let attempt = 0;
      await eventually(
        async () => {
          await http()
            .get('/api/timeline')
            .query({ limit: 41 + (attempt++ % 50) })
            .expect(200);
          return ((await readsBy())[name(first)] ?? 0) > (after[name(first)] ?? 0) ? true : undefined;
        },
        20_000,
        250,
      );
    }, 60_000);
  },
);
