import type { ProjectionRebuilds, RebuildFigures } from '../rebuild.child';
import type { RebuildRun } from './rebuild-run';
import type { EndpointFigures, HttpTimings } from './http-phase';
import type { HttpFigures } from './http-load';
import type { LoadFigures } from './load';

export interface ReadReport {
  database: string;
  machine: string;
  load: LoadFigures;
  rebuild: RebuildFigures;
  http: EndpointFigures[];
  timings: HttpTimings;
}

export const AIMS = {
  rebuildVsRaw: 2,
  peakRssMb: 300,
  /** Repeated queries: p99 at 50 connections, and req/s as a share of the constant-JSON ceiling. */
  p99Ms: 25,
  repeatedVsCeiling: 0.5,
  /** Distinct queries: p99 at 50 connections and on one connection. */
  distinctP99Ms: 100,
  distinctSingleP99Ms: 15,
} as const;

export const n = (value: number) => Math.round(value).toLocaleString('en-US');
const s = (seconds: number) => seconds.toFixed(1);
const mb = (value: number) => `${Math.round(value)} MB`;
const ms = (value: number | null) => (value === null ? 'n/a' : value.toFixed(2));
export const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');

/** A run that completed fewer requests than this has no meaningful percentiles. */
const MIN_REQUESTS = 5;
export const latency = (h: HttpFigures, p: 'p50Ms' | 'p99Ms') => (h.requests >= MIN_REQUESTS ? String(h[p]) : 'n/a');

function table(rows: string[][], numeric: readonly number[] = []): string {
  const widths = rows[0].map((_, col) => Math.max(...rows.map((r) => r[col].length)));
  const pad = (cell: string, col: number) =>
    numeric.includes(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col]);
  const line = (r: string[]) => `| ${r.map(pad).join(' | ')} |`;
  const rule = `|${widths.map((w, col) => (numeric.includes(col) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join('\n');
}

/** The run that finished: the as-is one, or the what-if one when the as-is run hit its budget. */
export function finished(runs: ProjectionRebuilds): RebuildRun | null {
  if (runs.asIs.completed) return runs.asIs;
  return runs.fixedLogOrder?.completed ? runs.fixedLogOrder : null;
}

/**
 * The measured rebuilds had empty live tables, so the swap's second checksum was free; in production both read a
 * full table. `production` adds that second checksum (timed alone); `withoutChecksums` removes the first one.
 */
export function rebuildRates(r: RebuildFigures) {
  const raw = r.raw.eventsPerSecond;
  const done = finished(r.timeline);
  const checksum = done?.checksumSeconds ?? 0;
  return {
    raw,
    timelineAsIsVsRaw: r.timeline.asIs.eventsPerSecond / raw,
    timelineFixedVsRaw: r.timeline.fixedLogOrder ? r.timeline.fixedLogOrder.eventsPerSecond / raw : null,
    actorsAsIsVsRaw: r.actors.asIs.eventsPerSecond / raw,
    actorsFixedVsRaw: r.actors.fixedLogOrder ? r.actors.fixedLogOrder.eventsPerSecond / raw : null,
    timelineProduction: done ? done.events / (done.seconds + checksum) : null,
    timelineWithoutChecksums: done ? done.events / (done.seconds - checksum) : null,
  };
}

function loadTable(load: LoadFigures): string {
  return table(
    [
      ['events', 'recorded', 'corrected', 'retracted', 'sources', 'seconds', 'events/s'],
      [
        n(load.events),
        n(load.recorded),
        n(load.corrected),
        n(load.retracted),
        n(load.sources),
        s(load.seconds),
        n(load.eventsPerSecond),
      ],
    ],
    [0, 1, 2, 3, 4, 5, 6],
  );
}

function runRow(name: string, run: RebuildRun, r: RebuildFigures, aim: boolean): string[] {
  const ratio = run.eventsPerSecond / r.raw.eventsPerSecond;
  const events = run.completed ? n(run.events) : `${n(run.events)} of ${n(r.total)}, cut at ${r.budgetSeconds} s`;
  const what = run.store === 'as-is' ? 'RebuildService as-is' : 'what-if: readLog ORDER BY e.order_xid';
  const rss = `${mb(run.rss.peakMb)} (aim < ${AIMS.peakRssMb}: ${verdict(run.rss.peakMb < AIMS.peakRssMb)})`;
  const vs = `${ratio.toFixed(2)}×${aim ? ` (aim ≥ ${AIMS.rebuildVsRaw}: ${verdict(ratio >= AIMS.rebuildVsRaw)})` : ''}`;
  const checksum = run.checksumSeconds === null ? '' : `, checksum ${s(run.checksumSeconds)} s`;
  const phases = Object.entries(run.phases)
    .map(([phase, seconds]) => `${phase} ${s(seconds)} s`)
    .join(', ');
  return [
    `${name}, ${what}${checksum}${phases ? ` (${phases})` : ''}`,
    events,
    s(run.seconds),
    n(run.eventsPerSecond),
    vs,
    rss,
  ];
}

function rebuildTable(r: RebuildFigures, { liveTablesFull = false } = {}): string {
  const rates = rebuildRates(r);
  const done = finished(r.timeline);
  const rows = [
    ['phase', 'events', 'seconds', 'events/s', 'vs raw', 'peak RSS'],
    [
      'raw pg: keyset read + multi-row upsert',
      n(r.raw.events),
      s(r.raw.seconds),
      n(rates.raw),
      'baseline',
      mb(r.raw.rss.peakMb),
    ],
    runRow('timeline', r.timeline.asIs, r, true),
  ];
  if (r.timeline.fixedLogOrder) rows.push(runRow('timeline', r.timeline.fixedLogOrder, r, false));
  if (
    !liveTablesFull &&
    done &&
    done.checksumSeconds !== null &&
    rates.timelineProduction !== null &&
    rates.timelineWithoutChecksums !== null
  ) {
    const ratio = (rate: number) => `${(rate / rates.raw).toFixed(2)}×`;
    rows.push(
      [
        '  the same + a full live-table checksum',
        n(done.events),
        s(done.seconds + done.checksumSeconds),
        n(rates.timelineProduction),
        ratio(rates.timelineProduction),
        '',
      ],
      [
        '  the same − its own checksum',
        n(done.events),
        s(done.seconds - done.checksumSeconds),
        n(rates.timelineWithoutChecksums),
        ratio(rates.timelineWithoutChecksums),
        '',
      ],
    );
  }
  rows.push(runRow('actors', r.actors.asIs, r, false));
  if (r.actors.fixedLogOrder) rows.push(runRow('actors', r.actors.fixedLogOrder, r, false));
  return table(rows, [1, 2, 3]);
}

/** The issue's aims for a row: repeated (p99, share of the ceiling) or distinct (p99 loaded and alone). */
function aimVerdict(e: EndpointFigures, ceiling: EndpointFigures | undefined): string {
  // No answer at all (every request past the 10 s timeout) has no p99 to compare: it misses.
  if (e.loaded.requests === 0 || e.loaded.failures + e.single.failures > 0) return verdict(false);
  if (e.label.startsWith('repeated:')) {
    const share = ceiling ? e.loaded.requestsPerSecond / ceiling.loaded.requestsPerSecond : null;
    const shareText = share === null ? 'n/a' : `${share.toFixed(2)}×`;
    const met = e.loaded.p99Ms <= AIMS.p99Ms && share !== null && share >= AIMS.repeatedVsCeiling;
    return `${shareText} ceiling: ${verdict(met)}`;
  }
  if (e.label.startsWith('distinct:'))
    return verdict(e.loaded.p99Ms <= AIMS.distinctP99Ms && e.single.p99Ms <= AIMS.distinctSingleP99Ms);
  return '';
}

function httpTable(http: EndpointFigures[]): string {
  const ceiling = http.find((e) => e.key === 'ceilingSmall');
  const rows = http.map((e) => [
    e.label,
    e.matches === null ? '' : n(e.matches),
    String(e.items),
    (e.bytes / 1024).toFixed(1),
    n(e.loaded.requestsPerSecond),
    latency(e.loaded, 'p50Ms'),
    latency(e.loaded, 'p99Ms'),
    latency(e.single, 'p50Ms'),
    latency(e.single, 'p99Ms'),
    aimVerdict(e, ceiling),
    ms(e.cpuMsPerRequest.server),
    ms(e.cpuMsPerRequest.db),
    e.loadAverage.toFixed(1),
    String(e.loaded.failures + e.single.failures),
  ]);
  const head = [
    'GET',
    'matches',
    'items',
    'KiB',
    'req/s',
    'p50 ms',
    'p99 ms',
    '1-conn p50',
    '1-conn p99',
    `aim (repeated: p99 ≤ ${AIMS.p99Ms}, ≥ ${AIMS.repeatedVsCeiling}× ceiling; distinct: p99 ≤ ${AIMS.distinctP99Ms}, 1-conn ≤ ${AIMS.distinctSingleP99Ms})`,
    'node CPU ms/req',
    'PG CPU ms/req',
    'loadavg',
    'failed',
  ];
  return table([head, ...rows], [1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13]);
}

function planTable(http: EndpointFigures[]): string {
  const rows = http.flatMap((e) =>
    e.plan
      ? [
          [
            e.label,
            e.plan.executionMs.toFixed(2),
            n(e.plan.rowsRemoved),
            `${n(e.plan.sharedHit)}/${n(e.plan.sharedRead)}`,
            e.plan.path,
          ],
        ]
      : [],
  );
  return table([['filter', 'exec ms', 'rows removed', 'buffers hit/read', 'plan'], ...rows], [1, 2, 3]);
}

/** The HTTP phase alone (BENCH_DATABASE: load and rebuild were measured when the database was filled). */
export function renderHttpReport(report: Omit<ReadReport, 'load' | 'rebuild'>): string {
  const { http, timings } = report;
  const csv = http.find((e) => e.key === 'csv');
  const ceiling = http.find((e) => e.key === 'ceilingSmall');
  // The compressed rows against the same page's brotli bytes sent with no work at all: how close the API comes to
  // what the HTTP stack and the load generator allow for an answer of that size on this machine.
  const sameBytes = http.find((e) => e.key === 'ceilingPageBrotli');
  const share = (e: EndpointFigures, c: EndpointFigures) =>
    (e.loaded.requestsPerSecond / c.loaded.requestsPerSecond).toFixed(2);
  const ratios = http
    .filter((e) => e.label.startsWith('repeated:') && ceiling)
    .map(
      (e) =>
        `${e.label}: ${share(e, ceiling!)}× the ceiling` +
        (sameBytes && e.key !== 'noneIdentity' ? `, ${share(e, sameBytes)}× the same bytes' ceiling` : ''),
    );
  return [
    `Read-side benchmark, HTTP: ${report.database}; ${report.machine}`,
    '',
    `HTTP: autocannon, ${timings.connections} connections × ${timings.loadedSeconds} s (after ${timings.warmupSeconds} s warm-up), ` +
      `then 1 connection × ${timings.singleSeconds} s; API and ceiling each in their own child process`,
    httpTable(http),
    '',
    ...ratios,
    csv ? `CSV export: API peak RSS (VmHWM) ${csv.peakRssMb == null ? 'n/a' : mb(csv.peakRssMb)}` : '',
    '',
    'Query plans: EXPLAIN (ANALYZE, BUFFERS) of the SQL GetTimelineHandler sends, idle server, best of 3 (full plans on stderr)',
    planTable(http),
  ].join('\n');
}

/** The rebuild phases alone (BENCH_DATABASE with BENCH_REBUILD=1). */
export function renderRebuildReport(
  database: string,
  machine: string,
  r: RebuildFigures,
  { liveTablesFull = true } = {},
): string {
  const live = liveTablesFull
    ? 'live tables full and current, so each swap also checksums them: the as-is time includes both checksums'
    : `live tables ${r.liveMarkedCurrent ? 'empty, marked current' : 'never projected'}`;
  return [
    `Rebuild benchmark: ${n(r.total)} events on ${database}; ${machine}`,
    `Projection rebuilds (one child process per phase; RSS sampled every 100 ms; highest child VmHWM ${r.vmHwmMb === null ? 'n/a' : mb(r.vmHwmMb)}; ${live})`,
    rebuildTable(r, { liveTablesFull }),
  ].join('\n');
}

export function renderTables(report: ReadReport): string {
  const { load, rebuild: r, http, timings } = report;
  const cut = [r.timeline.asIs, r.actors.asIs].some((run) => !run.completed);
  const short = [finished(r.timeline), finished(r.actors)].some((run) => run !== null && run.events < r.total);
  const warnings = [
    cut
      ? `The as-is rebuilds did not finish within ${r.budgetSeconds} s (BENCH_REBUILD_BUDGET_S) and were cancelled; ` +
        'the what-if rows rebuilt the read models for the HTTP phase.'
      : '',
    short
      ? `WARNING: a rebuild read fewer events than the log holds (${n(r.total)}): a long transaction elsewhere on the server held back the snapshot.`
      : '',
    r.liveMarkedCurrent
      ? ''
      : 'BENCH_COLD=1: no live checkpoint, so each rebuild also replayed the whole log into the live tables.',
  ].filter(Boolean);
  return [
    `Read-side benchmark: ${n(load.events)} events on ${report.database}; ${report.machine}`,
    '',
    'Load: store.appendMany, 2,000 events per call, 2 calls in flight',
    loadTable(load),
    '',
    `Projection rebuilds (one child process per phase; RSS sampled every 100 ms; highest child VmHWM ${r.vmHwmMb === null ? 'n/a' : mb(r.vmHwmMb)}; ` +
      `live tables ${r.liveMarkedCurrent ? 'marked current, as a running projector keeps them' : 'never projected'})`,
    rebuildTable(r),
    ...warnings,
    '',
    `HTTP: autocannon, ${timings.connections} connections × ${timings.loadedSeconds} s (after ${timings.warmupSeconds} s warm-up), ` +
      `then 1 connection × ${timings.singleSeconds} s; API and ceiling each in their own child process`,
    httpTable(http),
    '',
    'Query plans: EXPLAIN (ANALYZE, BUFFERS) of the SQL GetTimelineHandler sends, idle server, best of 3 (full plans on stderr)',
    planTable(http),
  ].join('\n');
}
