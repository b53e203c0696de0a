import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DomainEventsModule } from '@libs/diplomacy';
import { ActorsProjection } from './actors/actors.projection';
import { type Projection, PROJECTIONS } from './projection';
import { ProjectionStatusService } from './projection-status';
import { ProjectorService } from './projector.service';
import { GetActorsHandler } from './queries/actors.query';
import { ReadDatabase } from './read-side/read-database';
import { CheckpointWatch } from './live/checkpoint-watch';
import { ReplicaStatusService } from './read-side/replica-status';
import { GetEventHandler } from './queries/event.query';
import { GetTimelineHandler } from './queries/timeline.handler';
import { CountTimelineHandler } from './queries/timeline-count.query';
import { AssertActorKnownHandler } from './queries/actor-known.query';
import { GetTimelineStatsHandler } from './queries/timeline-stats.query';
import { REBUILD_CRON, RebuildScheduler } from './rebuild/rebuild.scheduler';
import { RebuildService } from './rebuild/rebuild.service';
import { TimelineProjection } from './timeline/timeline.projection';

/** Every read model the projector follows; the connection budget counts them. */
export const REGISTERED_PROJECTIONS = [TimelineProjection, ActorsProjection] as const;

export interface ProjectionsOptions {
  /** Follow the log and keep the read models current (the worker; the api in the single-process default). */
  runProjector: boolean;
  rebuildCron: string;
}

/** Read models, their projector and rebuilds, and the queries that read them. */
@Module({})
export class ProjectionsModule {
  static forRoot(options: ProjectionsOptions): DynamicModule {
    const background = options.runProjector ? [ProjectorService, RebuildScheduler] : [];
    return {
      module: ProjectionsModule,
      global: true,
      imports: [CqrsModule, DomainEventsModule],
      providers: [
        ...REGISTERED_PROJECTIONS,
        {
          provide: PROJECTIONS,
          inject: [...REGISTERED_PROJECTIONS],
          useFactory: (...projections: Projection[]) => projections,
        },
        { provide: REBUILD_CRON, useValue: options.rebuildCron },
        RebuildService,
        ProjectionStatusService,
        ReadDatabase,
        ReplicaStatusService,
        CheckpointWatch,
        GetTimelineHandler,
        CountTimelineHandler,
        AssertActorKnownHandler,
        GetTimelineStatsHandler,
        GetEventHandler,
        GetActorsHandler,
        ...background,
      ],
      exports: [
        RebuildService,
        ProjectionStatusService,
        ReadDatabase,
        ReplicaStatusService,
        CheckpointWatch,
        PROJECTIONS,
        CqrsModule,
      ],
    };
  }
}
