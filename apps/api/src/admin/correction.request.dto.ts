import { Type } from 'class-transformer';
import { IsInt, IsNotEmptyObject, IsOptional, Min, ValidateNested } from 'class-validator';
import { ApiProperty, ApiPropertyOptional, ApiSchema, OmitType, PartialType } from '@nestjs/swagger';
import { TextField } from '../http/field-rules';
import { RecordEventRequestDto } from './diplomatic-event.request.dto';

/**
 * Only what changes: any field of a recorded event (same rules, each optional; null removes an optional one,
 * a list or the location is replaced whole), and `quote` in place of the source. Unknown fields refused.
 */
@ApiSchema({ name: 'EventChangesDto', description: 'Only what changes: at least one field; unknown fields refused.' })
export class EventChangesDto extends PartialType(OmitType(RecordEventRequestDto, ['source'] as const)) {
  @TextField('quote', { optional: true, nonEmpty: true, description: 'Replaces the source quote' })
  quote?: string;
}

export class CorrectEventRequestDto {
  @ApiProperty({
    type: 'integer',
    minimum: 1,
    description: 'The version you read and corrected; another version answers 409 with currentVersion',
    example: 1,
  })
  @IsInt({ message: 'expectedVersion must be a whole number (the version you corrected)' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion!: number;

  @ApiProperty({ type: () => EventChangesDto })
  @IsNotEmptyObject({}, { message: 'changes must name at least one field to change' })
  @ValidateNested()
  @Type(() => EventChangesDto)
  changes!: EventChangesDto;

  @TextField('reason', { description: 'Why the record changes', example: 'date misread' })
  reason!: string;
}

export class RetractEventRequestDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    description: 'When given, the retraction only applies to this version (409 otherwise)',
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion?: number;

  @TextField('reason', { description: 'Why the event is retracted' })
  reason!: string;
}
