import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type {
  ParkedEvent,
  ProjectionLeader,
  ProjectionStatus,
  RebuildProgressReport,
  RebuildRecord,
  RetryOutcome,
} from '@libs/projections';

@ApiSchema({ name: 'RebuildRecord' })
export class RebuildRecordSchema implements RebuildRecord {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['running', 'succeeded', 'failed'] })
  status!: RebuildRecord['status'];

  @ApiProperty({ example: 'requested by an admin' })
  reason!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  finishedAt!: string | null;

  @ApiProperty({ type: 'integer', description: 'Events replayed so far' })
  events!: number;

  @ApiProperty({ type: 'integer', description: 'Events in the log when the rebuild started' })
  total!: number;

  @ApiProperty({ type: String, nullable: true, description: 'Checksum of the rebuilt tables' })
  checksum!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'Checksum of the live tables before the swap' })
  liveChecksum!: string | null;

  @ApiProperty({ type: Boolean, nullable: true, description: 'Whether the live tables had drifted from a replay' })
  drift!: boolean | null;

  @ApiProperty({ type: String, nullable: true })
  error!: string | null;
}

@ApiSchema({ name: 'ProjectionLeader' })
export class ProjectionLeaderSchema implements ProjectionLeader {
  @ApiProperty({ example: 'worker-1:4242', description: 'host:pid of the process that leads the projection' })
  holder!: string;

  @ApiProperty({ format: 'date-time' })
  since!: string;

  @ApiProperty({ format: 'date-time', description: 'Its last heartbeat (every 2 s while alive)' })
  heartbeatAt!: string;
}

@ApiSchema({ name: 'ProjectionError' })
export class ProjectionErrorSchema {
  @ApiProperty()
  message!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

@ApiSchema({ name: 'RebuildProgress' })
export class RebuildProgressSchema implements RebuildProgressReport {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 42.5 })
  percent!: number;

  @ApiProperty({ type: 'integer' })
  eventsPerSecond!: number;

  @ApiProperty({ type: 'integer', nullable: true, description: 'Seconds to go at the current rate' })
  etaSeconds!: number | null;
}

@ApiSchema({ name: 'ProjectionStatus' })
export class ProjectionStatusSchema implements ProjectionStatus {
  @ApiProperty({ example: 'timeline' })
  name!: string;

  @ApiProperty({ type: 'integer', description: 'Log position the projection has applied' })
  position!: number;

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Stored events it has not applied yet' })
  lag!: number;

  @ApiProperty({ enum: ['current', 'catching-up', 'rebuilding', 'stale-code'] })
  status!: ProjectionStatus['status'];

  @ApiProperty({
    enum: ['running', 'stalled', 'no-leader', 'failing'],
    description: 'running; stalled: behind with no progress for 10 s; no-leader: no heartbeat for 6 s; failing',
  })
  state!: ProjectionStatus['state'];

  @ApiProperty({ type: 'integer', minimum: 0, description: 'Events it could not apply (counted in lag)' })
  parked!: number;

  @ApiProperty({ type: () => ProjectionLeaderSchema, nullable: true })
  leader!: ProjectionLeaderSchema | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When its checkpoint last moved' })
  lastProgressAt!: string | null;

  @ApiProperty({ type: () => ProjectionErrorSchema, nullable: true, description: 'While its batches fail' })
  lastError!: ProjectionErrorSchema | null;

  @ApiProperty({ type: () => RebuildProgressSchema, nullable: true, description: 'While a rebuild runs' })
  rebuild!: RebuildProgressSchema | null;

  @ApiProperty({ type: 'integer' })
  codeVersion!: number;

  @ApiProperty({ type: () => RebuildRecordSchema, nullable: true })
  lastRebuild!: RebuildRecordSchema | null;
}

@ApiSchema({ name: 'ProjectionsStatus' })
export class ProjectionsStatusSchema {
  @ApiProperty({ type: 'integer', description: 'Highest position in the event log' })
  head!: number;

  @ApiProperty({ type: () => [ProjectionStatusSchema] })
  projections!: ProjectionStatusSchema[];
}

@ApiSchema({ name: 'RebuildStarted' })
export class RebuildStartedSchema {
  @ApiProperty({ format: 'uuid', description: 'Follow it in GET /api/admin/projections (lastRebuild.id)' })
  rebuildId!: string;
}

@ApiSchema({ name: 'ParkedEvent' })
export class ParkedEventSchema implements ParkedEvent {
  @ApiProperty({ example: 'timeline' })
  projection!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'diplomatic-event-0b6f1f9e-8f0e-4b8e-9a55-0d5c1b1f2a3c' })
  streamId!: string;

  @ApiProperty({ type: 'integer' })
  version!: number;

  @ApiProperty({ example: 'DiplomaticEventRecorded' })
  type!: string;

  @ApiProperty({ type: 'integer', description: 'Its position in the log' })
  position!: number;

  @ApiProperty({ example: 'error: date/time field value out of range: "0000-01-01"' })
  error!: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The earlier parked event of the same stream it waits behind; null when it failed itself',
  })
  blockedBy!: string | null;

  @ApiProperty({ type: 'integer' })
  attempts!: number;

  @ApiProperty({ format: 'date-time' })
  firstSeen!: string;

  @ApiProperty({ format: 'date-time' })
  lastSeen!: string;
}

@ApiSchema({ name: 'ParkedEvents' })
export class ParkedEventsSchema {
  @ApiProperty({ type: () => [ParkedEventSchema] })
  items!: ParkedEventSchema[];
}

@ApiSchema({ name: 'RetryError' })
export class RetryErrorSchema {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty()
  error!: string;
}

@ApiSchema({ name: 'RetryOutcome' })
export class RetryOutcomeSchema implements RetryOutcome {
  @ApiProperty({ type: 'integer', description: 'Parked events applied now' })
  applied!: number;

  @ApiProperty({ type: 'integer', description: 'Still parked: failed again or waiting behind one that did' })
  stillParked!: number;

  @ApiProperty({ type: () => [RetryErrorSchema] })
  errors!: RetryErrorSchema[];
}
