import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { DiplomacyModule } from '@libs/diplomacy';
import { PlatformModule, type Runtime } from '@libs/platform';
import { ProjectionsModule } from '@libs/projections';
import { ProjectionsController } from './projections/projections.controller';
import { TimelineController } from './timeline/timeline.controller';
import { AdminController } from './admin/admin.controller';
import { ExportsModule } from './exports/exports.module';
import { HistoryController } from './events/history.controller';
import { HealthModule } from './health/health.module';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation';
import { SeedOnStart } from './seed-on-start';
import { TemporalController } from './temporal/temporal.controller';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot(runtime),
        HealthModule,
        DiplomacyModule,
        ExportsModule,
        ProjectionsModule.forRoot({
          runProjector: runtime.config.runProjector,
          rebuildCron: runtime.config.rebuildCron,
        }),
      ],
      controllers: [AdminController, HistoryController, TemporalController, TimelineController, ProjectionsController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        SeedOnStart,
      ],
    };
  }
}
