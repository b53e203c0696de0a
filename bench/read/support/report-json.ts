import type { RebuildRun } from './rebuild-run';
import { AIMS, rebuildRates, type ReadReport } from './report';

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const roundOrNull = (x: number | null, digits = 3) => (x === null ? null : round(x, digits));

const runJson = (run: RebuildRun) => ({
  completed: run.completed,
  events: run.events,
  seconds: round(run.seconds, 1),
  eventsPerSecond: Math.round(run.eventsPerSecond),
  peakRssMb: Math.round(run.rss.peakMb),
  checksumSeconds: roundOrNull(run.checksumSeconds, 1),
  phases: Object.fromEntries(Object.entries(run.phases).map(([phase, seconds]) => [phase, round(seconds, 1)])),
});

/** One line with every figure, for scripts comparing runs. */
export function renderJson(report: ReadReport): string {
  const { load, rebuild: r, http } = report;
  const rates = rebuildRates(r);
  const runs = [r.timeline.asIs, r.timeline.fixedLogOrder, r.actors.asIs, r.actors.fixedLogOrder].filter(
    (run): run is RebuildRun => run !== null,
  );
  const ceilingPage = http.find((e) => e.key === 'ceilingPage');
  const none = http.find((e) => e.key === 'none');
  return JSON.stringify({
    bench: 'read',
    database: report.database,
    machine: report.machine,
    events: load.events,
    load: { ...load, seconds: round(load.seconds, 1), eventsPerSecond: Math.round(load.eventsPerSecond) },
    rebuild: {
      liveMarkedCurrent: r.liveMarkedCurrent,
      budgetSeconds: r.budgetSeconds,
      log: r.total,
      rawEventsPerSecond: Math.round(rates.raw),
      rawSeconds: round(r.raw.seconds, 1),
      rawPeakRssMb: Math.round(r.raw.rss.peakMb),
      timeline: {
        asIs: runJson(r.timeline.asIs),
        fixedLogOrder: r.timeline.fixedLogOrder && runJson(r.timeline.fixedLogOrder),
      },
      actors: {
        asIs: runJson(r.actors.asIs),
        fixedLogOrder: r.actors.fixedLogOrder && runJson(r.actors.fixedLogOrder),
      },
      timelineProductionEventsPerSecond:
        rates.timelineProduction === null ? null : Math.round(rates.timelineProduction),
      timelineWithoutChecksumsEventsPerSecond:
        rates.timelineWithoutChecksums === null ? null : Math.round(rates.timelineWithoutChecksums),
      vmHwmMb: r.vmHwmMb === null ? null : Math.round(r.vmHwmMb),
    },
    http: Object.fromEntries(
      http.map((e) => [
        e.key,
        {
          matches: e.matches,
          rps: Math.round(e.loaded.requestsPerSecond),
          p50Ms: e.loaded.p50Ms,
          p99Ms: e.loaded.p99Ms,
          single: { p50Ms: e.single.p50Ms, p99Ms: e.single.p99Ms, requests: e.single.requests },
          cpuMsPerRequest: { node: roundOrNull(e.cpuMsPerRequest.server), pg: roundOrNull(e.cpuMsPerRequest.db) },
          loadAverage: round(e.loadAverage, 2),
          planMs: e.plan ? round(e.plan.executionMs, 2) : null,
        },
      ]),
    ),
    ratios: {
      timelineRebuildVsRaw: round(rates.timelineAsIsVsRaw),
      timelineRebuildFixedLogOrderVsRaw: roundOrNull(rates.timelineFixedVsRaw),
      actorsRebuildVsRaw: round(rates.actorsAsIsVsRaw),
      actorsRebuildFixedLogOrderVsRaw: roundOrNull(rates.actorsFixedVsRaw),
      timelineRebuildProductionVsRaw:
        rates.timelineProduction === null ? null : round(rates.timelineProduction / rates.raw),
      apiNoFilterVsCeilingPage:
        none && ceilingPage ? round(none.loaded.requestsPerSecond / ceilingPage.loaded.requestsPerSecond) : null,
    },
    aimsMet: {
      rebuildVsRaw: rates.timelineAsIsVsRaw >= AIMS.rebuildVsRaw,
      peakRss: runs.every((run) => run.rss.peakMb < AIMS.peakRssMb),
      p99: Object.fromEntries(http.filter((e) => e.matches !== null).map((e) => [e.key, e.loaded.p99Ms <= AIMS.p99Ms])),
    },
  });
}
