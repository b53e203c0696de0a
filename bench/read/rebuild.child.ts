import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import { readLogHead } from '@libs/event-store';
import { ActorsProjection, TimelineProjection } from '@libs/projections';
import { markAtLogHead } from './support/mark-at-head';
import { serveOnce } from './support/child';
import { progressBar } from './support/progress';
import { createRawTable, dropRawTable, rawTimelineLoad } from './support/raw-timeline';
import { runRebuild, type RebuildRun } from './support/rebuild-run';
import type { RebuildPhaseInput, RebuildPhaseResult } from './support/rebuild-phases';
import { sampleRss, vmHwmMb, type RssFigures } from './support/rss';

export interface RawFigures {
  events: number;
  rows: number;
  seconds: number;
  eventsPerSecond: number;
  rss: RssFigures;
}

export interface ProjectionRebuilds {
  asIs: RebuildRun;
  /** Only when the as-is run hit the budget: the what-if store, which also leaves the read model for the HTTP phase. */
  fixedLogOrder: RebuildRun | null;
}

export interface RebuildFigures {
  total: number;
  budgetSeconds: number;
  /** False with BENCH_COLD=1: no checkpoint, so the swap first replays the whole log into the live tables. */
  liveMarkedCurrent: boolean;
  raw: RawFigures;
  timeline: ProjectionRebuilds;
  actors: ProjectionRebuilds;
  vmHwmMb: number | null;
}

// The service logs "rebuilt … DRIFT from the live tables", expected here: the bench never projects into them.
Logger.overrideLogger(['error', 'warn']);

/*
 * One phase per child process (the parent runs raw, timeline and actors in turn): each phase's peak RSS is then
 * its own, not the heap an earlier phase left behind in the same process.
 */
serveOnce<RebuildPhaseInput, RebuildPhaseResult>(async ({ url, budgetSeconds, phase }) => {
  const control = new Pool({ connectionString: url, max: 2, application_name: 'annals-bench-rebuild' });
  try {
    const total = (await readLogHead(control)).count;
    if (phase === 'raw') {
      const liveMarkedCurrent = process.env.BENCH_COLD !== '1';
      // In production the live projector keeps the live tables at the head, so a rebuild's swap has almost
      // nothing to catch up. Here nothing ever projected; without this, the swap would replay the whole log into
      // the live tables first (inside its transaction) and the bench would time two projections, not one rebuild.
      if (liveMarkedCurrent) await markAtLogHead(control, [new TimelineProjection(), new ActorsProjection()]);
      const raw = await rawBaseline(control, total);
      return { phase, total, liveMarkedCurrent, raw, vmHwmMb: vmHwmMb() };
    }
    const projection = phase === 'timeline' ? new TimelineProjection() : new ActorsProjection();
    await checkpoint(control);
    const asIs = await runRebuild(control, url, projection, total, budgetSeconds, 'as-is');
    if (asIs.completed) return { phase, runs: { asIs, fixedLogOrder: null }, vmHwmMb: vmHwmMb() };
    await checkpoint(control);
    const fixed = await runRebuild(control, url, projection, total, Number.POSITIVE_INFINITY, 'fixed-log-order');
    return { phase, runs: { asIs, fixedLogOrder: fixed }, vmHwmMb: vmHwmMb() };
  } finally {
    await control.end();
  }
});

async function rawBaseline(pool: Pool, total: number): Promise<RawFigures> {
  await createRawTable(pool);
  await checkpoint(pool);
  const bar = progressBar('raw pg → timeline rows', total);
  const rss = sampleRss();
  try {
    const result = await rawTimelineLoad(pool, (events) => bar.update(events));
    return { ...result, eventsPerSecond: result.events / result.seconds, rss: rss.stop() };
  } finally {
    rss.stop();
    bar.stop();
    await dropRawTable(pool);
  }
}

/** Flushes the previous phase's dirty pages now, so its write-back does not land in the next phase's timing. */
async function checkpoint(pool: Pool): Promise<void> {
  await pool.query('CHECKPOINT').catch(() => undefined); // needs superuser or pg_checkpoint; skip otherwise
}
