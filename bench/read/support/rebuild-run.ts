import { Pool } from 'pg';
import { PostgresEventStore } from '@libs/event-store';
import { liveTables, RebuildService, type Projection, type RebuildPhase } from '@libs/projections';
import { cancelActive } from './cancel-active';
import { FixedLogOrderStore } from './fixed-log-store';
import { progressBar } from './progress';
import { sampleRss, type RssFigures } from './rss';

export type StoreKind = 'as-is' | 'fixed-log-order';

export interface RebuildRun {
  store: StoreKind;
  /** False when the budget ran out and the rebuild was cancelled (its shadow tables dropped, live untouched). */
  completed: boolean;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  rss: RssFigures;
  /** The checksum the swap computes over the new tables, timed again alone; null when not completed. */
  checksumSeconds: number | null;
  drift: boolean | null;
  /** Seconds in each phase, as the service reports them (loading, finishing, swapping); empty when not completed. */
  phases: Partial<Record<RebuildPhase, number>>;
}

const CANCEL_EVERY_MS = 500;

/**
 * One RebuildService run, as the admin route starts it, on its own pool so that cancelling it at the budget
 * cannot touch anything else and ending the pool releases its session-level rebuild lock.
 */
export async function runRebuild(
  control: Pool,
  url: string,
  projection: Projection,
  total: number,
  budgetSeconds: number,
  kind: StoreKind,
): Promise<RebuildRun> {
  const applicationName = `annals-bench-rebuild-${kind}`;
  const pool = new Pool({ connectionString: url, max: 3, application_name: applicationName });
  pool.on('error', () => undefined); // a cancelled idle client may report late; the run's outcome says enough
  const store = kind === 'as-is' ? new PostgresEventStore(pool) : new FixedLogOrderStore(pool);
  const service = new RebuildService(store, [projection]);
  const label = `${projection.name} (${kind})`;
  const bar = progressBar(label, total);
  const rss = sampleRss();
  const started = performance.now();
  let events = 0;
  let budgetHit = false;
  let canceller: NodeJS.Timeout | undefined;
  const onBudget = () => {
    budgetHit = true;
    // Cancels whatever statement the run is executing; the service then rolls back and drops its shadow tables.
    const cancel = () => void cancelActive(control, applicationName).catch(() => undefined);
    canceller = setInterval(cancel, CANCEL_EVERY_MS);
    cancel();
  };
  const budget = Number.isFinite(budgetSeconds) ? setTimeout(onBudget, budgetSeconds * 1000) : undefined;
  try {
    const { done } = await service.start(projection.name, 'bench', (p) => bar.update((events = p.events)));
    const outcome = await done.catch((error: unknown) => {
      if (budgetHit) return undefined;
      throw error;
    });
    const seconds = (performance.now() - started) / 1000;
    const counted = outcome?.events ?? events;
    return {
      store: kind,
      completed: outcome !== undefined,
      events: counted,
      seconds,
      eventsPerSecond: counted / seconds,
      rss: rss.stop(),
      checksumSeconds: outcome ? await checksumSeconds(control, projection) : null,
      drift: outcome?.drift ?? null,
      phases: outcome?.phases ?? {},
    };
  } finally {
    clearTimeout(budget);
    clearInterval(canceller);
    rss.stop();
    bar.stop();
    await pool.end();
  }
}

/** The swap checksums the new tables (and the live ones): timed alone to show that share of a rebuild. */
async function checksumSeconds(pool: Pool, projection: Projection): Promise<number> {
  const db = await pool.connect();
  try {
    const started = performance.now();
    await projection.checksum(db, liveTables(projection));
    return (performance.now() - started) / 1000;
  } finally {
    db.release();
  }
}
