import { loadavg } from 'node:os';
import { Pool } from 'pg';
import { READ_APPLICATION_NAME } from '@libs/platform';
import { startChildServer, type ChildServer } from './child';
import { cancelActive } from './cancel-active';
import { backendPids, processCpuMs, totalCpuMs } from './cpu';
import { explainTimeline, type PlanSummary } from './explain';
import { distinctPaths } from './distinct';
import { hammer, probe, type HttpFigures, type PathSource } from './http-load';
import { vmHwmMbOf } from './rss';
import { countMatches, timelineScenarios, type Scenario } from './scenarios';

export interface HttpTimings {
  connections: number;
  warmupSeconds: number;
  loadedSeconds: number;
  /** The one-connection run: latency without queueing, i.e. the cost of one request. */
  singleSeconds: number;
}

export interface EndpointFigures {
  key: string;
  label: string;
  /** Live rows the filter matches; null for the ceilings. */
  matches: number | null;
  items: number;
  bytes: number;
  loaded: HttpFigures;
  single: HttpFigures;
  /** CPU per request during the loaded run: the HTTP process, and the Postgres backends serving it. */
  cpuMsPerRequest: { server: number | null; db: number | null };
  /** 1-minute load average when the loaded run started: other work on the machine shows up here. */
  loadAverage: number;
  /** The CSV export's row only: the API process's peak RSS (VmHWM). */
  peakRssMb?: number | null;
  plan: PlanSummary | null;
}

type Log = (line: string) => void;
type Server = ChildServer<{ baseUrl: string }>;
/** The API's public-read pool on the primary: its backends' CPU is the database's cost per request. */
const API_APPLICATION_NAME = READ_APPLICATION_NAME;
/** What Chromium and Firefox send with every fetch. */
const BROWSER_HEADERS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/**
 * Every timeline scenario against the real API: each repeated (one URL, as a front page or a popular filter is
 * asked for again and again: the response cache's case), then distinct (a new query every request: the database's
 * case); then the ceilings, the CSV export's memory, and EXPLAIN of each query on an idle server.
 */
export async function httpPhase(url: string, timings: HttpTimings, log: Log): Promise<EndpointFigures[]> {
  const pool = new Pool({ connectionString: url, max: 2, application_name: 'annals-bench-read' });
  try {
    // A repeated page is what browsers ask for (the front page, a popular filter), so it is asked as they ask:
    // with Accept-Encoding. The first row asks without, as earlier runs of this bench did.
    const timeline = await timelineScenarios(pool);
    const repeated: Scenario[] = [
      { ...timeline[0], key: 'noneIdentity', label: `repeated: ${timeline[0].label}, no Accept-Encoding` },
      ...timeline.map((s) => ({ ...s, label: `repeated: ${s.label}`, headers: BROWSER_HEADERS })),
    ];
    const distinct: Scenario[] = (await distinctPaths(pool)).map(({ key, label, next }) => ({
      key,
      label,
      path: next(),
      next,
    }));
    const scenarios = onlyChosen([...repeated, ...distinct]);
    const results: EndpointFigures[] = [];
    let firstPage: unknown;
    const api: Server = await startChildServer('api.child.js', { url });
    try {
      log(`API in child process ${api.pid} at ${api.info.baseUrl}`);
      await jitWarmup(api, scenarios[0], timings);
      for (const scenario of scenarios) {
        const matches = scenario.filter ? await countMatches(pool, scenario.filter) : null;
        const dbPids = () => backendPids(pool, API_APPLICATION_NAME);
        const leftovers = () => cancelActive(pool, API_APPLICATION_NAME);
        const { endpoint, body } = await measureEndpoint(api, scenario, matches, timings, dbPids, log, leftovers);
        firstPage ??= body;
        results.push(endpoint);
      }
    } finally {
      await api.stop();
    }
    if (process.env.BENCH_SCENARIOS) return results;
    const ceiling: Server = await startChildServer('ceiling.child.js', { page: firstPage });
    try {
      log(`ceiling in child process ${ceiling.pid} at ${ceiling.info.baseUrl}`);
      await jitWarmup(ceiling, ceilingScenarios()[1], timings);
      for (const scenario of ceilingScenarios()) {
        const noDb = async () => [];
        results.push((await measureEndpoint(ceiling, scenario, null, timings, noDb, log)).endpoint);
      }
    } finally {
      await ceiling.stop();
    }
    results.push(await csvExport(url, timings, log));
    for (const [i, scenario] of scenarios.entries()) {
      if (!scenario.filter) continue;
      const plan = await explainTimeline(pool, scenario.filter);
      log(`\nEXPLAIN (ANALYZE, BUFFERS) — ${scenario.label}\n${plan.text}`);
      results[i].plan = plan;
    }
    return results;
  } finally {
    await pool.end();
  }
}

/**
 * GET /api/timeline.csv (no filter: the first 10,000 items) at full concurrency, in an API process of its own, so
 * that its peak RSS (VmHWM) is the exports' alone.
 */
async function csvExport(url: string, timings: HttpTimings, log: Log): Promise<EndpointFigures> {
  const api: Server = await startChildServer('api.child.js', { url });
  try {
    const scenario = { key: 'csv', label: 'GET /api/timeline.csv (10,000 items)', path: '/api/timeline.csv' };
    const { endpoint } = await measureEndpoint(api, scenario, null, timings, async () => [], log);
    const peak = vmHwmMbOf(api.pid ?? -1);
    log(`  CSV export: API peak RSS (VmHWM) ${peak === null ? 'n/a' : Math.round(peak)} MB`);
    return { ...endpoint, peakRssMb: peak };
  } finally {
    await api.stop();
  }
}

/**
 * BENCH_SCENARIOS=<key,key>: only those scenarios (distinctActor, qEn, …), without the ceilings, the CSV export and
 * the plans: a quick loop while working on one read path. Unknown keys are refused, so a typo measures nothing.
 */
function onlyChosen(scenarios: Scenario[]): Scenario[] {
  const chosen = process.env.BENCH_SCENARIOS?.split(',').filter(Boolean);
  if (!chosen) return scenarios;
  const unknown = chosen.filter((key) => !scenarios.some((s) => s.key === key));
  if (unknown.length > 0)
    throw new Error(`BENCH_SCENARIOS: no scenario ${unknown.join(', ')} (${scenarios.map((s) => s.key).join(', ')})`);
  return scenarios.filter((s) => chosen.includes(s.key));
}

/** A fresh process runs cold code: without this, the first scenario would also pay for V8's compilation. */
async function jitWarmup(server: Server, scenario: Scenario, timings: HttpTimings): Promise<void> {
  await hammer(`${server.info.baseUrl}${scenario.path}`, timings.connections, 3 * timings.warmupSeconds);
}

function ceilingScenarios(): Scenario[] {
  return [
    { key: 'ceilingSmall', label: 'ceiling: Nest+Fastify constant JSON', path: '/ceiling/small' },
    { key: 'ceilingPage', label: 'ceiling: same, constant first page', path: '/ceiling/page' },
    {
      key: 'ceilingPageBrotli',
      label: 'ceiling: same page, brotli bytes as the API sends them',
      path: '/ceiling/page-br',
      headers: BROWSER_HEADERS,
    },
  ];
}

async function measureEndpoint(
  server: Server,
  scenario: Scenario,
  matches: number | null,
  timings: HttpTimings,
  dbPids: () => Promise<number[]>,
  log: Log,
  /** Cancels statements still running for requests the load generator gave up on (10 s): each run starts idle. */
  cancelLeftovers: () => Promise<number> = async () => 0,
): Promise<{ endpoint: EndpointFigures; body: unknown }> {
  const settle = async (after: string) => {
    const cancelled = await cancelLeftovers();
    if (cancelled > 0) log(`  ${scenario.label}: cancelled ${cancelled} statements left running by the ${after}`);
  };
  const url = `${server.info.baseUrl}${scenario.path}`;
  const { body, items, bytes } = await probe(url);
  const { next } = scenario;
  const target: string | PathSource = next ? { baseUrl: server.info.baseUrl, next } : url;
  const { headers } = scenario;
  await hammer(target, timings.connections, timings.warmupSeconds, headers);
  await settle('warm-up');
  // After the warm-up the pool has opened its connections: these are the backends the loaded run will use.
  const db = await dbPids();
  const serverPid = server.pid ?? -1;
  const before = { server: processCpuMs(serverPid), db: totalCpuMs(db) };
  const loadAverage = loadavg()[0];
  const loaded = await hammer(target, timings.connections, timings.loadedSeconds, headers);
  const after = { server: processCpuMs(serverPid), db: totalCpuMs(db) };
  await settle('loaded run');
  const single = await hammer(target, 1, timings.singleSeconds, headers);
  await settle('single-connection run');
  const failures = loaded.failures + single.failures;
  // Reported, not fatal: a run that times out some requests (10 s) is a finding too; the table shows the count.
  if (failures > 0) log(`  ${scenario.label}: ${failures} failed requests (non-2xx, errors or 10 s timeouts)`);
  const perRequest = (a: number | null, b: number | null) =>
    a === null || b === null || loaded.requests === 0 ? null : (b - a) / loaded.requests;
  const cpuMsPerRequest = { server: perRequest(before.server, after.server), db: perRequest(before.db, after.db) };
  log(
    `  ${scenario.label.padEnd(58)} ${Math.round(loaded.requestsPerSecond).toString().padStart(6)} req/s  ` +
      `p50 ${loaded.p50Ms} ms  p99 ${loaded.p99Ms} ms  | 1 conn p50 ${single.p50Ms} p99 ${single.p99Ms} ms | load ${loadAverage.toFixed(1)}`,
  );
  const endpoint = {
    key: scenario.key,
    label: scenario.label,
    matches,
    items,
    bytes,
    loaded,
    single,
    cpuMsPerRequest,
    loadAverage,
    plan: null,
  };
  return { endpoint, body };
}
