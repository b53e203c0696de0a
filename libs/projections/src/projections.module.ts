import { type DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DomainEventsModule } from '@libs/diplomacy';
import { type Projection, PROJECTIONS, type ReadModel } from './projection';
import { ACTORS_READ_MODEL } from './actors/actors.read-model';
import { TIMELINE_READ_MODEL } from './timeline/timeline.read-model';
import { ProjectionStatusService } from './projection-status';
import { ProjectorService } from './projector.service';
import { ReadDatabase } from './read-side/read-database';
import { CheckpointWatch } from './live/checkpoint-watch';
import { ReplicaStatusService } from './read-side/replica-status';
import { REBUILD_CRON, RebuildScheduler } from './rebuild/rebuild.scheduler';
import { RebuildService } from './rebuild/rebuild.service';

/** Every read model: the one list a new read-model folder is added to (see README.md). */
export const READ_MODELS: readonly ReadModel[] = [TIMELINE_READ_MODEL, ACTORS_READ_MODEL];

/** Every projection the projector follows; the connection budget counts them. */
export const REGISTERED_PROJECTIONS = READ_MODELS.map((model) => model.projection);

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
        ...READ_MODELS.flatMap((model) => model.handlers),
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
