import { cpus, loadavg } from 'node:os';
import { Pool } from 'pg';
import { PostgresEventStore } from '@libs/event-store';
import type { RebuildFigures } from './rebuild.child';
import { mergeRebuildPhases, type RebuildPhaseInput, type RebuildPhaseResult } from './support/rebuild-phases';
import { createBenchDatabase } from './support/bench-database';
import { runChild } from './support/child';
import { httpPhase, type HttpTimings } from './support/http-phase';
import { LOAD_BATCH, loadTimeline, type LoadFigures } from './support/load';
import { keptBenchDatabase } from './support/kept-database';
import { renderHttpReport, renderRebuildReport, renderTables } from './support/report';
import { renderJson } from './support/report-json';

const log = (line: string) => process.stderr.write(`${line}\n`);

function options(): { events: number; budgetSeconds: number; timings: HttpTimings } {
  const events = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  if (!Number.isInteger(events) || events < 5 * LOAD_BATCH) {
    throw new Error(`BENCH_EVENTS must be a whole number ≥ ${5 * LOAD_BATCH}, got "${process.env.BENCH_EVENTS}"`);
  }
  const quick = process.env.BENCH_QUICK === '1';
  const timings = quick
    ? { connections: 50, warmupSeconds: 1, loadedSeconds: 3, singleSeconds: 2 }
    : { connections: 50, warmupSeconds: 2, loadedSeconds: 10, singleSeconds: 3 };
  // Each as-is rebuild gets this long; past it, it is cancelled and the what-if store rebuilds instead.
  const budgetSeconds = Number(process.env.BENCH_REBUILD_BUDGET_S ?? 60);
  if (!(budgetSeconds > 0)) throw new Error(`BENCH_REBUILD_BUDGET_S must be a positive number of seconds`);
  return { events, budgetSeconds, timings };
}

async function main(): Promise<void> {
  const { events, budgetSeconds, timings } = options();
  const startLoad = loadavg()[0];
  const kept = process.env.BENCH_DATABASE;
  if (kept) return keptDatabaseRun(kept, events, timings, startLoad, budgetSeconds);
  const db = await createBenchDatabase(log);
  // Ctrl-C must still drop the database; children get the signal from the terminal themselves.
  process.once('SIGINT', () => void db.close().finally(() => process.exit(130)));
  try {
    const load = await loadPhase(db.url, events);
    const rebuild = await rebuildPhases(db.url, budgetSeconds);
    await settle(db.url);
    const machine = `Node ${process.version}, ${cpus().length} CPUs, load average ${startLoad.toFixed(1)} at start`;
    if (process.env.BENCH_HTTP === '0') {
      process.stdout.write(`\n${renderRebuildReport(db.label, machine, rebuild, { liveTablesFull: false })}\n`);
      return;
    }
    log('HTTP…');
    const http = await httpPhase(db.url, timings, log);
    const report = { database: db.label, machine, load, rebuild, http, timings };
    process.stdout.write(`\n${renderTables(report)}\n\n${renderJson(report)}\n`);
  } finally {
    await db.close();
  }
}

/** The raw baseline, then each projection's rebuild, each in a child process of its own (its RSS its own). */
async function rebuildPhases(url: string, budgetSeconds: number): Promise<RebuildFigures> {
  log('projection rebuilds (one child process per phase)…');
  const phases: RebuildPhaseResult[] = [];
  for (const phase of ['raw', 'timeline', 'actors'] as const)
    phases.push(await rebuildPhase(url, budgetSeconds, phase));
  return mergeRebuildPhases(phases, budgetSeconds);
}

function rebuildPhase(url: string, budgetSeconds: number, phase: RebuildPhaseInput['phase']) {
  return runChild<RebuildPhaseInput, RebuildPhaseResult>('rebuild.child.js', { url, budgetSeconds, phase });
}

/**
 * BENCH_DATABASE: the HTTP phase on a database loaded and projected once (see kept-database.ts); the load and
 * rebuild figures are those of the run that filled it, so this run reports HTTP alone. BENCH_REBUILD=1 measures
 * the rebuilds again first (raw baseline and rebuilds in the same run; the live tables are full, so each swap
 * checksums them as in production); BENCH_PHASES=timeline (or raw, actors, a comma list) measures only those,
 * printing each phase's figures; BENCH_HTTP=0 skips the HTTP phase.
 */
async function keptDatabaseRun(
  name: string,
  events: number,
  timings: HttpTimings,
  startLoad: number,
  budgetSeconds: number,
): Promise<void> {
  const { db, load, projected } = await keptBenchDatabase(name, events, log);
  if (load) log(`loaded ${load.events} events in ${load.seconds.toFixed(0)} s`);
  if (projected) log('projections rebuilt to the head of the log');
  const machine = () => `Node ${process.version}, ${cpus().length} CPUs, load average ${startLoad.toFixed(1)} at start`;
  const only = process.env.BENCH_PHASES;
  if (process.env.BENCH_REBUILD === '1' && only) {
    // One or two phases alone, while working on them: each phase's figures as they come, no report.
    for (const phase of only.split(',') as RebuildPhaseInput['phase'][])
      process.stdout.write(`${JSON.stringify(await rebuildPhase(db.url, budgetSeconds, phase))}\n`);
  } else if (process.env.BENCH_REBUILD === '1') {
    const rebuild = await rebuildPhases(db.url, budgetSeconds);
    await settle(db.url);
    process.stdout.write(`\n${renderRebuildReport(db.label, machine(), rebuild)}\n`);
    process.stdout.write(
      `\n${JSON.stringify({ bench: 'read-rebuild', database: db.label, machine: machine(), rebuild })}\n`,
    );
  }
  if (process.env.BENCH_HTTP === '0') return;
  log('HTTP…');
  const http = await httpPhase(db.url, timings, log);
  const report = { database: db.label, machine: machine(), http, timings };
  process.stdout.write(`\n${renderHttpReport(report)}\n`);
  process.stdout.write(
    `\n${JSON.stringify({ bench: 'read-http', database: db.label, machine: report.machine, http })}\n`,
  );
}

async function loadPhase(url: string, events: number): Promise<LoadFigures> {
  const pool = new Pool({ connectionString: url, max: 2, application_name: 'annals-bench-load' });
  try {
    return await loadTimeline(new PostgresEventStore(pool), events);
  } finally {
    await pool.end();
  }
}

/**
 * What autovacuum does within a minute or so of a rebuild's swap: statistics for the planner and a visibility map.
 * Done here so the HTTP figures describe the steady state, not the first minute after a rebuild.
 */
async function settle(url: string): Promise<void> {
  const pool = new Pool({ connectionString: url, max: 1, application_name: 'annals-bench-read' });
  try {
    const started = performance.now();
    await pool.query(
      'VACUUM (ANALYZE) timeline_versions, timeline_sources, timeline_live_actors, actor_events, actors',
    );
    log(`VACUUM (ANALYZE) of the read models: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exitCode = 1;
});
