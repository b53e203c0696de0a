import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { countEventsAfter, LOG_START, PostgresEventStore, readLogHead } from '@libs/event-store';
import { readCheckpoint } from './checkpoints';
import { countParked } from './parking/parked-events';
import { PROJECTIONS, type Projection } from './projection';
import { HEARTBEAT_MS } from './projection-runner';
import { lastRebuild, type RebuildRecord } from './rebuild/rebuild-records';

/** A leader that missed this many heartbeats is taken for dead. */
const LEADER_STALE_MS = 3 * HEARTBEAT_MS;
/** Behind the log with no progress for this long: stalled. */
const STALLED_MS = 10_000;

/**
 * running: a live leader applies events; stalled: it is behind and has not moved for a while; no-leader: no process
 * has proved it leads in the last few seconds (the worker is down); failing: its last batch failed.
 */
export type ProjectionState = 'running' | 'stalled' | 'no-leader' | 'failing';

export interface ProjectionLeader {
  holder: string;
  since: string;
  heartbeatAt: string;
}

export interface RebuildProgressReport {
  id: string;
  percent: number;
  eventsPerSecond: number;
  /** Seconds to go at the current rate; null before there is a rate. */
  etaSeconds: number | null;
}

export interface ProjectionStatus {
  name: string;
  position: number;
  lag: number;
  status: 'current' | 'catching-up' | 'rebuilding' | 'stale-code';
  state: ProjectionState;
  /** Events this projection could not apply; they count as lag (see GET /api/admin/projections/:name/parked). */
  parked: number;
  leader: ProjectionLeader | null;
  lastProgressAt: string | null;
  lastError: { message: string; at: string } | null;
  rebuild: RebuildProgressReport | null;
  codeVersion: number;
  lastRebuild: RebuildRecord | null;
}

interface LeaderRow {
  holder: string;
  leading_since: Date;
  heartbeat_at: Date;
  last_error: string | null;
  last_error_at: Date | null;
  alive: boolean;
  progress_at: Date | null;
  progress_recent: boolean | null;
}

@Injectable()
export class ProjectionStatusService {
  constructor(
    private readonly store: PostgresEventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  async status(): Promise<{ head: number; projections: ProjectionStatus[] }> {
    const pool = this.store.pool;
    const head = await readLogHead(pool);
    const parked = await countParked(pool);
    const projections = await Promise.all(this.projections.map((p) => this.one(pool, p, parked.get(p.name) ?? 0)));
    return { head: head.position, projections };
  }

  private async one(pool: Pool, p: Projection, parked: number): Promise<ProjectionStatus> {
    const checkpoint = await readCheckpoint(pool, p.name);
    const lag = (await countEventsAfter(pool, checkpoint?.position ?? LOG_START)) + parked;
    const rebuild = await lastRebuild(pool, p.name);
    const leader = await readLeader(pool, p.name);
    const status: ProjectionStatus['status'] =
      rebuild?.status === 'running'
        ? 'rebuilding'
        : checkpoint && checkpoint.codeVersion !== p.codeVersion
          ? 'stale-code'
          : lag > 0
            ? 'catching-up'
            : 'current';
    const state: ProjectionState = !leader?.alive
      ? 'no-leader'
      : leader.last_error
        ? 'failing'
        : lag - parked > 0 && !leader.progress_recent
          ? 'stalled'
          : 'running';
    return {
      name: p.name,
      position: checkpoint?.position.position ?? 0,
      lag,
      status,
      state,
      parked,
      leader: leader
        ? { holder: leader.holder, since: iso(leader.leading_since), heartbeatAt: iso(leader.heartbeat_at) }
        : null,
      lastProgressAt: leader?.progress_at ? iso(leader.progress_at) : null,
      lastError:
        leader?.last_error && leader.last_error_at
          ? { message: leader.last_error, at: iso(leader.last_error_at) }
          : null,
      rebuild: rebuild?.status === 'running' ? progressOf(rebuild) : null,
      codeVersion: p.codeVersion,
      lastRebuild: rebuild,
    };
  }
}

/** Compared with the database's clock, so the processes' clocks never need to agree. */
async function readLeader(pool: Pool, projection: string): Promise<LeaderRow | undefined> {
  const { rows } = await pool.query<LeaderRow>(
    `SELECT l.holder, l.leading_since, l.heartbeat_at, l.last_error, l.last_error_at,
            l.heartbeat_at > now() - make_interval(secs => $2::float8 / 1000) AS alive,
            c.updated_at AS progress_at,
            c.updated_at > now() - make_interval(secs => $3::float8 / 1000) AS progress_recent
       FROM projection_leaders l LEFT JOIN projection_checkpoints c ON c.name = l.projection
      WHERE l.projection = $1`,
    [projection, LEADER_STALE_MS, STALLED_MS],
  );
  return rows[0];
}

function progressOf(rebuild: RebuildRecord): RebuildProgressReport {
  const seconds = Math.max((Date.now() - Date.parse(rebuild.startedAt)) / 1000, 0.001);
  const rate = rebuild.events / seconds;
  const remaining = Math.max(rebuild.total - rebuild.events, 0);
  return {
    id: rebuild.id,
    percent: rebuild.total > 0 ? Math.min(100, Math.round((rebuild.events / rebuild.total) * 1000) / 10) : 0,
    eventsPerSecond: Math.round(rate),
    etaSeconds: rate > 0 ? Math.round(remaining / rate) : null,
  };
}

const iso = (d: Date) => d.toISOString();

/** Why /health should say "degraded" for this projection; empty when it is healthy. */
export function degradedReasons(p: ProjectionStatus, lagThreshold: number): string[] {
  const reasons: string[] = [];
  if (p.state === 'no-leader') reasons.push('no live projector leads it');
  if (p.state === 'failing') reasons.push(`its last batch failed: ${p.lastError?.message ?? 'unknown error'}`);
  if (p.state === 'stalled') reasons.push('it is behind and has not moved');
  if (p.parked > 0) reasons.push(`${p.parked} parked event(s) could not be applied`);
  if (p.lag > lagThreshold) reasons.push(`lag ${p.lag} is above ${lagThreshold}`);
  return reasons;
}
