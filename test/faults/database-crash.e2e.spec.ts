import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Client } from 'pg';
import { aSourceBody } from '../builders/diplomatic-event.builder';
import { OwnCluster } from '../support/own-cluster';
import {
  buildIfStale,
  freePort,
  pollUntil,
  ProcessGroup,
  sleep,
  waitForHealth,
  type AnnalsProcess,
} from '../support/processes';
import { writeUnderLoad, type WriteLoadReport } from './support/write-load';

const TOKEN = 'fault-suite-admin-token-0123456789';
const WRITERS = 8;
/** How long PostgreSQL stays dead. */
const OUTAGE_MS = 3000;
/** The bound: writes and reads succeed again within 5 s of the restart. */
const RECOVERY_BOUND_MS = 5000;
const NO_SCHEDULED_REBUILD = '0 0 1 1 *';

interface Deployment {
  api: AnnalsProcess;
  worker?: AnnalsProcess;
  baseUrl: string;
  databaseUrl: string;
}

/**
 * A PostgreSQL of the suite's own is killed with SIGKILL (a crash of the postmaster, not a shutdown) and restarted
 * while the compiled api (and worker) run against it, as an operator would see it. Nothing here is mocked: the
 * processes must survive, answer 503 meanwhile, recover on their own, and lose or duplicate nothing acknowledged.
 */
describe('PostgreSQL killed with SIGKILL and restarted', () => {
  const processes = new ProcessGroup();
  let cluster: OwnCluster;

  beforeAll(async () => {
    buildIfStale(['api', 'worker']);
    cluster = await OwnCluster.create({ max_connections: '200' });
  }, 240_000);

  afterAll(async () => {
    await processes.killAll();
    await cluster?.remove();
  });

  async function deploy(name: string, split: boolean): Promise<Deployment> {
    const databaseUrl = await cluster.createDatabase(`annals_fault_${name}`);
    const port = await freePort();
    const common = {
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: TOKEN,
      SEED_ON_START: 'false',
      LOG_LEVEL: 'warn',
      PROJECTION_REBUILD_CRON: NO_SCHEDULED_REBUILD,
    };
    const api = processes.start(`${name}-api`, 'api', {
      ...common,
      PORT: String(port),
      HOST: '127.0.0.1',
      RUN_PROJECTOR: split ? 'false' : 'true',
    });
    const baseUrl = `http://127.0.0.1:${port}`;
    await waitForHealth(api, baseUrl, 60_000);
    const worker = split ? processes.start(`${name}-worker`, 'worker', common) : undefined;
    const deployment = { api, worker, baseUrl, databaseUrl };
    const leading = await pollUntil(
      () => projectionStatus(deployment),
      (s) => !!s && s.projections.every((p) => p.state === 'running'),
      30_000,
      250,
    );
    expect(leading?.projections.map((p) => p.state)).toEqual(['running', 'running']);
    return deployment;
  }

  async function registerSource(d: Deployment): Promise<string> {
    const res = await fetch(`${d.baseUrl}/api/admin/sources`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(aSourceBody()),
    });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  async function projectionStatus(d: Deployment) {
    const res = await fetch(`${d.baseUrl}/api/admin/projections`, { headers: { authorization: `Bearer ${TOKEN}` } });
    if (res.status !== 200) return undefined;
    return (await res.json()) as {
      projections: {
        name: string;
        lag: number;
        state: string;
        lastRebuild: { id: string; status: string; events: number; drift: boolean | null } | null;
      }[];
    };
  }

  async function caughtUp(d: Deployment, timeoutMs = 60_000): Promise<void> {
    const status = await pollUntil(
      () => projectionStatus(d),
      (s) => !!s && s.projections.every((p) => p.lag === 0),
      timeoutMs,
      250,
    );
    expect(status?.projections.map((p) => [p.name, p.lag])).toEqual([
      ['timeline', 0],
      ['actors', 0],
    ]);
  }

  /** Kill mid-load, keep it down for OUTAGE_MS, restart, keep writing a while: the report and the timings. */
  async function crashUnderLoad(d: Deployment, sourceId: string) {
    let stop = false;
    const load = writeUnderLoad(d.baseUrl, TOKEN, sourceId, WRITERS, () => stop);
    await sleep(1500);
    const killedAt = Date.now();
    cluster.kill();
    await sleep(OUTAGE_MS);
    await cluster.start();
    const restartedAt = Date.now();
    await sleep(RECOVERY_BOUND_MS + 2000);
    stop = true;
    const report = await load;
    const firstAckAfterRestart = report.acknowledgedAt.filter((t) => t >= restartedAt).sort((a, b) => a - b)[0];
    return { report, killedAt, restartedAt, secondsToRecover: (firstAckAfterRestart - restartedAt) / 1000 };
  }

  async function verifyExactlyOnce(d: Deployment, report: WriteLoadReport) {
    const db = new Client({ connectionString: d.databaseUrl });
    await db.connect();
    try {
      const streams = report.acknowledged.map((id) => `diplomatic-event-${id}`);
      const { rows: inLog } = await db.query<{ stream_id: string; n: string }>(
        `SELECT stream_id, count(*)::text AS n FROM events
          WHERE stream_id = ANY($1::text[]) AND type = 'DiplomaticEventRecorded' GROUP BY stream_id`,
        [streams],
      );
      const { rows: inTimeline } = await db.query<{ id: string; n: string }>(
        `SELECT id::text AS id, count(*)::text AS n FROM timeline_versions
          WHERE id = ANY($1::uuid[]) AND valid_to IS NULL GROUP BY id`,
        [report.acknowledged],
      );
      const onceInLog = inLog.filter((r) => r.n === '1').length;
      const onceInTimeline = inTimeline.filter((r) => r.n === '1').length;
      return { acknowledged: report.acknowledged.length, onceInLog, onceInTimeline, distinct: inLog.length };
    } finally {
      await db.end();
    }
  }

  it.each([
    ['single process', false],
    ['api + worker', true],
  ])(
    '%s: no process exits, 503s meanwhile, writes resume within 5 s, every acknowledged write once in log and timeline',
    async (label, split) => {
      const d = await deploy(split ? 'split' : 'single', split);
      await processes.diagnosed(async () => {
        const sourceId = await registerSource(d);
        const { report, secondsToRecover } = await crashUnderLoad(d, sourceId);

        expect(d.api.running).toBe(true);
        if (d.worker) expect(d.worker.running).toBe(true);
        expect(report.refusals[503] ?? 0).toBeGreaterThan(0);
        expect(Object.keys(report.refusals).filter((s) => Number(s) >= 500 && s !== '503')).toEqual([]);
        expect(secondsToRecover).toBeLessThanOrEqual(RECOVERY_BOUND_MS / 1000);
        const reads = await fetch(`${d.baseUrl}/api/timeline?limit=1`);
        expect(reads.status).toBe(200);

        await caughtUp(d);
        const found = await verifyExactlyOnce(d, report);
        expect(found).toEqual({
          acknowledged: report.acknowledged.length,
          onceInLog: report.acknowledged.length,
          onceInTimeline: report.acknowledged.length,
          distinct: report.acknowledged.length,
        });
        console.log(
          `[fault] ${label}: ${found.acknowledged} writes acknowledged, ${found.onceInLog} found once in the log, ` +
            `${found.onceInTimeline} once in the timeline, ${found.acknowledged - found.onceInLog} lost; ` +
            `${secondsToRecover.toFixed(2)} s from restart to the first acknowledged write; ` +
            `refusals by status ${JSON.stringify(report.refusals)}`,
        );

        if (d.worker) {
          // (c) a worker killed with SIGKILL is visible in /health within 10 s.
          const killedAt = Date.now();
          await d.worker.stop('SIGKILL');
          type Health = { status: string; info?: { projections?: { state?: Record<string, string> } } };
          const health = await pollUntil(
            async () => (await fetch(`${d.baseUrl}/health`)).json() as Promise<Health>,
            // Both projections lose their leader; their last heartbeats were up to 2 s apart.
            (h) => Object.values(h.info?.projections?.state ?? {}).every((state) => state === 'no-leader'),
            15_000,
            200,
          );
          const seconds = (Date.now() - killedAt) / 1000;
          expect(health).toMatchObject({
            status: 'degraded',
            info: { projections: { state: { timeline: 'no-leader', actors: 'no-leader' } } },
          });
          expect(seconds).toBeLessThanOrEqual(10);
          console.log(`[fault] worker SIGKILL: /health degraded (no-leader) after ${seconds.toFixed(1)} s`);
        }
      });
    },
    180_000,
  );
});
