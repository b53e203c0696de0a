import { ApiProperty, ApiSchema } from '@nestjs/swagger';
import type { WriteResult } from '@libs/diplomacy';

@ApiSchema({ name: 'SourceRegistered' })
export class SourceRegisteredSchema {
  @ApiProperty({ format: 'uuid', description: 'The new source id (derived from Idempotency-Key when one is sent)' })
  id!: string;

  @ApiProperty({
    type: 'integer',
    description:
      'The log position of the SourceRegistered event: pass it as minPosition (or X-Min-Position) to read this write',
    example: 42,
  })
  position!: number;
}

@ApiSchema({ name: 'WriteResult', description: 'Where the write landed in the event log.' })
export class WriteResultSchema implements WriteResult {
  @ApiProperty({ format: 'uuid', description: 'The diplomatic event id' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1, description: 'The event stream version after the write', example: 1 })
  version!: number;

  @ApiProperty({
    type: 'integer',
    description: 'The position of the stored event in the global log: pass it as minPosition to read this write',
    example: 42,
  })
  position!: number;
}

@ApiSchema({ name: 'VersionedResult', description: 'The diplomatic event and the version the change produced.' })
export class VersionedResultSchema {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: 'integer', minimum: 1, example: 2, description: 'Send it as expectedVersion next time' })
  version!: number;

  @ApiProperty({
    type: 'integer',
    description: 'The position of the stored event in the global log: pass it as minPosition to read this write',
    example: 43,
  })
  position!: number;
}
