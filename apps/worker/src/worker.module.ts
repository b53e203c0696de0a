import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type Runtime } from '@libs/platform';
import { ProjectionsModule } from '@libs/projections';

/** The background side: projectors and scheduled rebuilds (added by the projections library). */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        PlatformModule.forRoot(runtime, { poolSize: 5 }),
        ProjectionsModule.forRoot({ runProjector: true, rebuildCron: runtime.config.rebuildCron }),
      ],
    };
  }
}
