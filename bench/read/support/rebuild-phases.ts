import type { ProjectionRebuilds, RawFigures, RebuildFigures } from '../rebuild.child';

export type RebuildPhase = 'raw' | 'timeline' | 'actors';
export interface RebuildPhaseInput {
  url: string;
  budgetSeconds: number;
  phase: RebuildPhase;
}
export type RebuildPhaseResult =
  | { phase: 'raw'; total: number; liveMarkedCurrent: boolean; raw: RawFigures; vmHwmMb: number | null }
  | { phase: 'timeline' | 'actors'; runs: ProjectionRebuilds; vmHwmMb: number | null };

/** The three phases, each in a child process of its own, as one RebuildFigures. */
export function mergeRebuildPhases(results: readonly RebuildPhaseResult[], budgetSeconds: number): RebuildFigures {
  const raw = results.find((r) => r.phase === 'raw');
  const timeline = results.find((r) => r.phase === 'timeline');
  const actors = results.find((r) => r.phase === 'actors');
  if (raw?.phase !== 'raw' || timeline?.phase !== 'timeline' || actors?.phase !== 'actors')
    throw new Error('a rebuild phase is missing');
  const hwm = results.map((r) => r.vmHwmMb).filter((v): v is number => v !== null);
  return {
    total: raw.total,
    budgetSeconds,
    liveMarkedCurrent: raw.liveMarkedCurrent,
    raw: raw.raw,
    timeline: timeline.runs,
    actors: actors.runs,
    vmHwmMb: hwm.length > 0 ? Math.max(...hwm) : null,
  };
}
