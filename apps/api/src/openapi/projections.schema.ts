import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { ProjectionStatus, RebuildRecord } from '@libs/projections';

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
