import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { EVENT_STATUSES, type EventStatus } from '@libs/diplomacy';
import { IsCameoCode, NoControlCharacters } from '../http/validators';
import { ActorDto, DateDto, LocationDto } from './diplomatic-event.request.dto';

/** Only what changes; every field optional, unknown fields refused. */
@ApiSchema({ name: 'EventChangesDto', description: 'Only what changes: at least one field; unknown fields refused.' })
export class EventChangesDto {
  @ApiPropertyOptional({ description: 'CAMEO event code', example: '043' })
  @IsOptional()
  @IsCameoCode()
  type?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 500 })
  @IsOptional()
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500, { message: 'title must be at most 500 characters' })
  @NoControlCharacters()
  title?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000, description: 'null removes it' })
  @IsOptional()
  @IsString({ message: 'summary must be a string' })
  @MaxLength(5000, { message: 'summary must be at most 5000 characters' })
  @NoControlCharacters()
  summary?: string;

  @ApiPropertyOptional({ type: () => [ActorDto], minItems: 1, maxItems: 50, description: 'Replaces the list' })
  @IsOptional()
  @IsArray({ message: 'actors must be an array' })
  @ArrayMinSize(1, { message: 'actors must list at least one actor' })
  @ArrayMaxSize(50, { message: 'actors must list at most 50 actors' })
  @ValidateNested({ each: true })
  @Type(() => ActorDto)
  actors?: ActorDto[];

  @ApiPropertyOptional({ type: () => LocationDto, nullable: true, description: 'null removes it' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiPropertyOptional({ type: () => DateDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => DateDto)
  date?: DateDto;

  @ApiPropertyOptional({ enum: [...EVENT_STATUSES], enumName: 'EventStatus' })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: EventStatus;

  @ApiPropertyOptional({ minLength: 1, maxLength: 5000, description: 'Replaces the source quote' })
  @IsOptional()
  @IsString({ message: 'quote must be a string' })
  @IsNotEmpty({ message: 'quote must not be empty' })
  @MaxLength(5000, { message: 'quote must be at most 5000 characters' })
  @NoControlCharacters()
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

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why the record changes', example: 'date misread' })
  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty: say why the record changes' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  @NoControlCharacters()
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

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Why the event is retracted' })
  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty: say why the event is retracted' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  @NoControlCharacters()
  reason!: string;
}
