import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { PostgresEventStore } from '@libs/event-store';
import { PROJECTIONS, type Projection } from './projection';
import { ProjectionRunner } from './projection-runner';

/**
 * Follows the log for each projection, in whichever process holds that projection's leader lock. If the
 * leader dies its connection closes, the lock is released, and a standby process takes over within seconds.
 */
@Injectable()
export class ProjectorService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Projector');
  private readonly runners: ProjectionRunner[];

  constructor(store: PostgresEventStore, @Inject(PROJECTIONS) projections: Projection[]) {
    this.runners = projections.map((p) => new ProjectionRunner(store, p, this.logger));
  }

  /** Waits for each runner's first attempt, so a process that can lead does lead when boot completes. */
  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.start()));
  }

  /** Before the database module closes its pool: the runners hold pool clients that pool.end() would wait for. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.runners.map((r) => r.stop()));
  }

  isLeading(name: string): boolean {
    return this.runners.some((r) => r.projection.name === name && r.leading);
  }
}
