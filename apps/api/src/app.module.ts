import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import type { Upcaster } from '@libs/event-store';
import { DiplomacyModule } from '@libs/diplomacy';
import { loggerParams, PlatformModule, type Runtime } from '@libs/platform';
import { ProjectionsModule } from '@libs/projections';
import { AdminController } from './admin/admin.controller';
import { ChangesController } from './changes/changes.controller';
import { LiveStreams } from './live/live-streams';
import { TimelineEventsController } from './live/timeline-events.controller';
import { ArticlesController } from './articles/articles.controller';
import { CredentialsController } from './credentials/credentials.controller';
import { HistoryController } from './events/history.controller';
import { ExportsModule } from './exports/exports.module';
import { HealthModule } from './health/health.module';
import { Authenticator } from './http/authenticator';
import { ErrorFilter } from './http/error.filter';
import { MinPositionHeader } from './http/min-position-header';
import { HotResponses } from './http/hot-responses';
import { PositionCachedReads } from './http/position-etag';
import { createValidationPipe } from './http/validation';
import { METRICS } from './observability/metrics';
import { MetricsController } from './observability/metrics.controller';
import { ProjectionsController } from './projections/projections.controller';
import { SeedOnStart } from './seed-on-start';
import { TemporalController } from './temporal/temporal.controller';
import { TimelineController } from './timeline/timeline.controller';

export interface AppModuleOptions {
  /** Where JSON logs go (tests capture them); default stdout, pretty in a terminal. */
  logStream?: DestinationStream;
  upcasters?: Upcaster[];
}

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime, options: AppModuleOptions = {}): DynamicModule {
    const { config } = runtime;
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot(loggerParams(config.logLevel, options.logStream)),
        PlatformModule.forRoot(runtime, {
          upcasters: options.upcasters,
          poolSize: config.dbPoolMax,
          onAppended: (types) => types.forEach((type) => METRICS.appends.inc({ type })),
        }),
        HealthModule,
        DiplomacyModule,
        ExportsModule,
        ProjectionsModule.forRoot({ runProjector: config.runProjector, rebuildCron: config.rebuildCron }),
      ],
      controllers: [
        AdminController,
        ArticlesController,
        CredentialsController,
        HistoryController,
        TemporalController,
        TimelineController,
        TimelineEventsController,
        ChangesController,
        ProjectionsController,
        MetricsController,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        { provide: APP_INTERCEPTOR, useClass: MinPositionHeader },
        SeedOnStart,
        Authenticator,
        LiveStreams,
        PositionCachedReads,
        HotResponses,
      ],
    };
  }
}
