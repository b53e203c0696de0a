import { CreateEventLog1700000000000 } from './1700000000000-create-event-log';
import { CreateReadModels1700000001000 } from './1700000001000-create-read-models';
import { NotifyOutsideCommit1700000002000 } from './1700000002000-notify-outside-commit';
import { ProjectionOperations1700000003000 } from './1700000003000-projection-operations';
import { Credentials1700000004000 } from './1700000004000-credentials';
import { SourceTexts1700000005000 } from './1700000005000-source-texts';
import { ActorNamesSearch1700000011000 } from './1700000011000-actor-names-search';
import { TimelineEventSources1700000012000 } from './1700000012000-timeline-event-sources';
import { TimelineReadPaths1700000012100 } from './1700000012100-timeline-read-paths';
import { CheckpointNotify1700000012500 } from './1700000012500-checkpoint-notify';
import { TimelineCountryWindows1700000012600 } from './1700000012600-timeline-country-windows';
import { TimelineRowsWhole1700000012700 } from './1700000012700-timeline-rows-whole';

/** Every migration, in order. Listed explicitly so the build needs no file globbing. */
export const MIGRATIONS = [
  CreateEventLog1700000000000,
  CreateReadModels1700000001000,
  NotifyOutsideCommit1700000002000,
  ProjectionOperations1700000003000,
  Credentials1700000004000,
  SourceTexts1700000005000,
  ActorNamesSearch1700000011000,
  TimelineEventSources1700000012000,
  TimelineReadPaths1700000012100,
  CheckpointNotify1700000012500,
  TimelineCountryWindows1700000012600,
  TimelineRowsWhole1700000012700,
];
