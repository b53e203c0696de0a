import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { compareLogPositions, LOG_START, PostgresEventStore, readLogHead, type LogPosition } from '@libs/event-store';
import { readCheckpoint, setCheckpoint } from '../checkpoints';
import { batchLock, REBUILD_LOCK } from '../locks';
import { liveTables, PROJECTIONS, shadowTables, type Projection, type Tables } from '../projection';
import { applyWithParking, clearShadowParking, promoteShadowParking } from '../parking/parked-events';
import { recoverAbandonedRebuilds, recoverInBackground } from './rebuild-recovery';
import { RebuildAlreadyRunningError, UnknownProjectionError } from './rebuild.errors';
import { createShadowTables, dropShadowTables, swapShadowTables } from './shadow-tables';
import { deferIndexes } from './bulk-load';
import { checkpointKey, type EarlyChecksums } from './early-checksums';
import { finishShadowTables } from './finish-load';
import { loadPartitioned } from './partitioned-load';
import {
  finishRebuildRecord,
  markInterruptedRebuilds,
  startRebuildRecord,
  updateRebuildProgress,
} from './rebuild-records';

const BATCH = 2000;

/** A rebuild's phases: loading the log into the shadow tables, finishing them (indexes, VACUUM, checksums), swapping. */
export type RebuildPhase = 'loading' | 'finishing' | 'swapping';

export interface RebuildProgress {
  events: number;
  total: number;
}

export interface RebuildOutcome {
  id: string;
  events: number;
  checksum: string;
  liveChecksum: string;
  drift: boolean;
  /** Seconds spent in each phase. */
  phases: Record<RebuildPhase, number>;
}

/**
 * Zero-downtime rebuild: fill shadow tables from position 0, catch up to the head, then — holding the
 * projection's batch lock so the live projector pauses — apply the last events to both, compare checksums
 * (drift is reported, never hidden), and swap the shadow tables in, all in one transaction. Readers use the
 * old tables until that commit. If the process dies midway, the live tables were never touched.
 */
export type RebuildListener = (finished: {
  projection: string;
  status: 'succeeded' | 'failed';
  seconds: number;
}) => void;

@Injectable()
export class RebuildService implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('Rebuild');
  private readonly listeners: RebuildListener[] = [];
  private stopped = false;
  /** Clean-up after an interrupted rebuild; a new rebuild waits for it (it needs the same lock). */
  private recovery: Promise<void> = Promise.resolve();
  private recoveryNeeded = false;

  constructor(
    private readonly store: PostgresEventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  /** A rebuild whose process died left a "running" record and shadow tables: clean them up at start-up. */
  onApplicationBootstrap(): void {
    this.recoverLater();
  }

  /**
   * Before the pool closes (which would wait for a rebuild's connections until it finished, however long): a
   * running rebuild stops at its next batch and is recorded as failed; the live tables were never touched.
   */
  onModuleDestroy(): void {
    this.stopped = true;
  }

  onApplicationShutdown(): void {
    this.stopped = true;
  }

  private recoverLater(): void {
    this.recovery = recoverInBackground(
      () => recoverAbandonedRebuilds(this.store.pool, this.projections),
      (error) => this.logger.warn(`cleaning up after an interrupted rebuild failed, retrying: ${String(error)}`),
      () => this.stopped,
    );
  }

  /** Observe finished rebuilds (metrics). */
  onFinished(listener: RebuildListener): void {
    this.listeners.push(listener);
  }

  private notify(projection: string, status: 'succeeded' | 'failed', startedAt: number): void {
    for (const listener of this.listeners) listener({ projection, status, seconds: (Date.now() - startedAt) / 1000 });
  }

  find(name: string): Projection {
    const projection = this.projections.find((p) => p.name === name);
    if (!projection)
      throw new UnknownProjectionError(
        name,
        this.projections.map((p) => p.name),
      );
    return projection;
  }

  /** Takes the rebuild lock and starts in the background; resolves with the rebuild id once it is running. */
  async start(
    name: string,
    reason: string,
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<{ id: string; done: Promise<RebuildOutcome> }> {
    const projection = this.find(name);
    await this.recovery;
    const lock = await this.store.pool.connect();
    try {
      const { rows } = await lock.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS ok', [
        REBUILD_LOCK,
      ]);
      if (!rows[0].ok) throw new RebuildAlreadyRunningError();
      await markInterruptedRebuilds(lock);
    } catch (error) {
      lock.release();
      throw error;
    }
    // Everything below uses this client or the run's own: taking more from a busy pool could wait for ever.
    const id = randomUUID();
    let total: number;
    try {
      total = (await readLogHead(lock)).count;
      await startRebuildRecord(lock, id, name, reason, total);
    } catch (error) {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [REBUILD_LOCK]).catch(() => undefined);
      lock.release();
      throw error;
    }
    const done = this.run(id, projection, total, lock, onProgress).finally(async () => {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [REBUILD_LOCK]).catch(() => undefined);
      lock.release(true); // closing the session also frees the lock if the unlock could not be sent
      if (this.recoveryNeeded) {
        this.recoveryNeeded = false;
        this.recoverLater();
      }
    });
    done.catch(() => undefined); // the outcome is recorded; callers that care await `done`
    return { id, done };
  }

  private checkStop(): void {
    if (this.stopped) throw new Error('stopped: the process is shutting down');
  }

  private async run(
    id: string,
    projection: Projection,
    total: number,
    records: PoolClient,
    onProgress?: (p: RebuildProgress) => void,
  ): Promise<RebuildOutcome> {
    const shadow = shadowTables(projection);
    const startedAt = Date.now();
    const db = await this.store.pool.connect();
    try {
      // If this process dies mid-statement, the server stops that statement within a second (PostgreSQL 14+) rather
      // than holding the shadow tables' locks until it ends; the connection is discarded after the run.
      await db.query(`SET client_connection_check_interval = '1s'`).catch(() => undefined); // PostgreSQL 13 lacks it
      await createShadowTables(db, [...projection.tables], shadow);
      const deferred = await deferIndexes(db, projection, shadow);
      await clearShadowParking(db, projection.name);
      const progress: RebuildProgress = { events: 0, total };
      const phases = new PhaseClock();
      const report = async () => {
        onProgress?.(progress);
        await updateRebuildProgress(records, id, progress.events);
      };
      const position = projection.partitionedRebuild
        ? await loadPartitioned(this.store, db, projection, shadow, LOG_START, progress, report, () => this.checkStop())
        : await this.load(db, projection, shadow, LOG_START, progress, report);
      phases.enter('finishing');
      const early = await finishShadowTables(db, this.store.pool.options, projection, shadow, deferred);
      phases.enter('swapping');
      const outcome = await this.swap(db, projection, shadow, position, progress, early);
      await finishRebuildRecord(records, id, { status: 'succeeded', ...outcome });
      const seconds = phases.stop();
      onProgress?.(progress);
      this.notify(projection.name, 'succeeded', startedAt);
      this.logger.log(
        `${projection.name}: rebuilt from ${outcome.events} events (${phaseSummary(seconds)})` +
          (outcome.drift ? ' — DRIFT from the live tables' : ''),
      );
      return { id, ...outcome, phases: seconds };
    } catch (error) {
      this.logger.error(`${projection.name}: rebuild ${id} failed: ${String(error)}`);
      this.notify(projection.name, 'failed', startedAt);
      try {
        await db.query('ROLLBACK');
        await dropShadowTables(db, [...projection.tables], shadow);
        await clearShadowParking(db, projection.name);
        await finishRebuildRecord(records, id, { status: 'failed', error: String(error) });
      } catch {
        // The connection is gone (the database restarted): once it is back and the lock is free, the record is
        // marked failed and the shadow tables dropped (by this process, or by whichever starts next).
        this.recoveryNeeded = true;
      }
      throw error;
    } finally {
      db.release(true); // a fresh connection next time: this one may be broken or mid-transaction
    }
  }

  /** Applies every readable event after `from` to `tables`, one transaction per batch; returns where it stopped. */
  private async load(
    db: PoolClient,
    projection: Projection,
    tables: Tables,
    from: LogPosition,
    progress: RebuildProgress,
    report: () => Promise<void>,
  ): Promise<LogPosition> {
    let position = from;
    let lastReport = 0;
    for (;;) {
      this.checkStop();
      const events = await this.store.readLog(position, BATCH, db);
      if (events.length === 0) return position;
      await db.query('BEGIN');
      await applyWithParking(db, projection, events, tables, 'load', 'shadow');
      await db.query('COMMIT');
      position = events[events.length - 1].logPosition;
      progress.events += events.length;
      if (Date.now() - lastReport > 1000) {
        lastReport = Date.now();
        await report();
      }
    }
  }

  private async swap(
    db: PoolClient,
    projection: Projection,
    shadow: Tables,
    position: LogPosition,
    progress: RebuildProgress,
    early: EarlyChecksums,
  ) {
    const live = liveTables(projection);
    await db.query('BEGIN');
    await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [batchLock(projection.name)]);
    // The live projector is paused now. Bring the shadow to the head, and the live tables to the same place.
    let head = position;
    let applied = 0;
    for (
      let events = await this.store.readLog(head, BATCH, db);
      events.length > 0;
      events = await this.store.readLog(head, BATCH, db)
    ) {
      await applyWithParking(db, projection, events, shadow, 'rebuild', 'shadow');
      head = events[events.length - 1].logPosition;
      progress.events += events.length;
      applied += events.length;
    }
    const liveCheckpoint = await readCheckpoint(db, projection.name);
    let liveAt = liveCheckpoint?.position ?? LOG_START;
    for (
      let events = await this.store.readLog(liveAt, BATCH, db);
      events.length > 0;
      events = await this.store.readLog(liveAt, BATCH, db)
    ) {
      const upTo = events.filter((e) => compareLogPositions(e.logPosition, head) <= 0);
      if (upTo.length === 0) break;
      await applyWithParking(db, projection, upTo, live, 'live', 'live');
      liveAt = upTo[upTo.length - 1].logPosition;
      applied += upTo.length;
      if (upTo.length < events.length) break;
    }
    const stillHolds = applied === 0 && early.liveCheckpoint === checkpointKey(liveCheckpoint);
    const checksum = stillHolds ? early.shadow : await projection.checksum(db, shadow);
    const liveChecksum = stillHolds ? early.live : await projection.checksum(db, live);
    await swapShadowTables(db, [...projection.tables], shadow);
    await promoteShadowParking(db, projection.name);
    await setCheckpoint(db, projection.name, head, projection.codeVersion);
    await db.query('COMMIT');
    return { events: progress.events, checksum, liveChecksum, drift: checksum !== liveChecksum };
  }
}

/** How long each phase of one rebuild took; it starts loading. */
class PhaseClock {
  private readonly seconds: Record<RebuildPhase, number> = { loading: 0, finishing: 0, swapping: 0 };
  private current: RebuildPhase = 'loading';
  private since = performance.now();

  enter(phase: RebuildPhase): void {
    const now = performance.now();
    this.seconds[this.current] += (now - this.since) / 1000;
    this.current = phase;
    this.since = now;
  }

  stop(): Record<RebuildPhase, number> {
    this.enter(this.current);
    return { ...this.seconds };
  }
}

/** For the log line: "loading 312.4 s, finishing 41.0 s, swapping 0.3 s". */
const phaseSummary = (seconds: Record<RebuildPhase, number>): string =>
  Object.entries(seconds)
    .map(([phase, s]) => `${phase} ${s.toFixed(1)} s`)
    .join(', ');
