import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import { RecordedBySchema } from './credentials.schema';

@ApiSchema({ name: 'HistoryEntry', description: 'One stored event, exactly as the log holds it.' })
export class HistoryEntrySchema {
  @ApiProperty({ type: 'integer', description: 'Position in the global log' })
  position!: number;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'Version of the diplomatic event after this event' })
  version!: number;

  @ApiProperty({ description: 'Stored event type', example: 'DiplomaticEventRecorded' })
  type!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The event payload; its shape depends on `type`',
  })
  data!: unknown;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({
    type: () => RecordedBySchema,
    nullable: true,
    description: 'Who wrote this version: the credential id and name (never a token); null when unknown',
  })
  recordedBy!: RecordedBySchema | null;
}

@ApiSchema({ name: 'EventHistory', description: 'The record, its corrections and its retraction, oldest first.' })
export class EventHistorySchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: () => [HistoryEntrySchema], minItems: 1 })
  events!: HistoryEntrySchema[];
}
