import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { CronJob } from 'cron';
import { PostgresEventStore } from '@libs/event-store';
import { readCheckpoint } from '../checkpoints';
import { PROJECTIONS, type Projection } from '../projection';
import { RebuildAlreadyRunningError } from './rebuild.errors';
import { RebuildService } from './rebuild.service';

export const REBUILD_CRON = Symbol('REBUILD_CRON');

/**
 * Rebuilds every projection on PROJECTION_REBUILD_CRON, and at start-up any projection whose code version
 * changed. Every process may schedule; the rebuild lock lets only one run, the others skip.
 */
@Injectable()
export class RebuildScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('RebuildScheduler');
  private job: CronJob | undefined;

  constructor(
    private readonly rebuilds: RebuildService,
    private readonly store: PostgresEventStore,
    @Inject(PROJECTIONS) private readonly projections: Projection[],
    @Inject(REBUILD_CRON) private readonly cron: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.job = CronJob.from({ cronTime: this.cron, onTick: () => void this.rebuildAll('scheduled'), start: true });
    for (const projection of this.projections) {
      const checkpoint = await readCheckpoint(this.store.pool, projection.name);
      if (checkpoint && checkpoint.codeVersion !== projection.codeVersion) {
        void this.rebuildOne(projection.name, `code version ${checkpoint.codeVersion} → ${projection.codeVersion}`);
      }
    }
  }

  onApplicationShutdown(): void {
    void this.job?.stop();
  }

  private async rebuildAll(reason: string): Promise<void> {
    for (const projection of this.projections) await this.rebuildOne(projection.name, reason);
  }

  private async rebuildOne(name: string, reason: string): Promise<void> {
    try {
      const { done } = await this.rebuilds.start(name, reason);
      await done;
    } catch (error) {
      if (error instanceof RebuildAlreadyRunningError)
        this.logger.log(`${name}: ${reason} rebuild skipped, another is running`);
      else this.logger.error(`${name}: ${reason} rebuild failed: ${String(error)}`);
    }
  }
}
