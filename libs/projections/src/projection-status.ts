import { Inject, Injectable } from '@nestjs/common';
import { countEventsAfter, LOG_START, PostgresEventStore, readLogHead } from '@libs/event-store';
import { readCheckpoint } from './checkpoints';
import { PROJECTIONS, type Projection } from './projection';
import { lastRebuild, type RebuildRecord } from './rebuild/rebuild-records';

export interface ProjectionStatus {
  name: string;
  position: number;
  lag: number;
  status: 'current' | 'catching-up' | 'rebuilding' | 'stale-code';
  codeVersion: number;
  lastRebuild: RebuildRecord | null;
}

@Injectable()
export class ProjectionStatusService {
  constructor(
    private readonly store: PostgresEventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
  ) {}

  async status(): Promise<{ head: number; projections: ProjectionStatus[] }> {
    const head = await readLogHead(this.store.pool);
    const projections = await Promise.all(
      this.projections.map(async (p) => {
        const checkpoint = await readCheckpoint(this.store.pool, p.name);
        const lag = await countEventsAfter(this.store.pool, checkpoint?.position ?? LOG_START);
        const rebuild = await lastRebuild(this.store.pool, p.name);
        const status: ProjectionStatus['status'] =
          rebuild?.status === 'running'
            ? 'rebuilding'
            : checkpoint && checkpoint.codeVersion !== p.codeVersion
              ? 'stale-code'
              : lag > 0
                ? 'catching-up'
                : 'current';
        return {
          name: p.name,
          position: checkpoint?.position.position ?? 0,
          lag,
          status,
          codeVersion: p.codeVersion,
          lastRebuild: rebuild,
        };
      }),
    );
    return { head: head.position, projections };
  }
}
