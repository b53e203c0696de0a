import { type DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { loggerParams, PlatformModule, type Runtime } from '@libs/platform';
import { ProjectionsModule } from '@libs/projections';

/** The background side: projectors and scheduled rebuilds (added by the projections library). */
@Module({})
export class WorkerModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        LoggerModule.forRoot(loggerParams(runtime.config.logLevel)),
        PlatformModule.forRoot(runtime, { poolSize: runtime.config.workerPoolMax }),
        ProjectionsModule.forRoot({ runProjector: true, rebuildCron: runtime.config.rebuildCron }),
      ],
    };
  }
}
