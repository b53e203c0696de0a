import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { SeedService } from '@libs/diplomacy';
import { RUNTIME, type Runtime } from '@libs/platform';

/** First start with an empty store: record the seed article, so a fresh install shows a timeline. */
@Injectable()
export class SeedOnStart implements OnApplicationBootstrap {
  private readonly logger = new Logger('Seed');

  constructor(
    private readonly seed: SeedService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runtime.config.seedOnStart) return;
    const report = await this.seed.seedIfEmpty();
    if (!report) this.logger.log('store not empty: seed skipped');
  }
}
