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
import { EVENT_STATUSES, type EventStatus } from '@libs/diplomacy';
import { IsCameoCode, NoControlCharacters } from '../http/validators';
import { ActorDto, DateDto, LocationDto } from './diplomatic-event.request.dto';

/** Only what changes; every field optional, unknown fields refused. */
export class EventChangesDto {
  @IsOptional()
  @IsCameoCode()
  type?: string;

  @IsOptional()
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500, { message: 'title must be at most 500 characters' })
  @NoControlCharacters()
  title?: string;

  @IsOptional()
  @IsString({ message: 'summary must be a string' })
  @MaxLength(5000, { message: 'summary must be at most 5000 characters' })
  @NoControlCharacters()
  summary?: string;

  @IsOptional()
  @IsArray({ message: 'actors must be an array' })
  @ArrayMinSize(1, { message: 'actors must list at least one actor' })
  @ArrayMaxSize(50, { message: 'actors must list at most 50 actors' })
  @ValidateNested({ each: true })
  @Type(() => ActorDto)
  actors?: ActorDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @IsOptional()
  @ValidateNested()
  @Type(() => DateDto)
  date?: DateDto;

  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: EventStatus;

  @IsOptional()
  @IsString({ message: 'quote must be a string' })
  @IsNotEmpty({ message: 'quote must not be empty' })
  @MaxLength(5000, { message: 'quote must be at most 5000 characters' })
  @NoControlCharacters()
  quote?: string;
}

export class CorrectEventRequestDto {
  @IsInt({ message: 'expectedVersion must be a whole number (the version you corrected)' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion!: number;

  @IsNotEmptyObject({}, { message: 'changes must name at least one field to change' })
  @ValidateNested()
  @Type(() => EventChangesDto)
  changes!: EventChangesDto;

  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty: say why the record changes' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  @NoControlCharacters()
  reason!: string;
}

export class RetractEventRequestDto {
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  expectedVersion?: number;

  @IsString({ message: 'reason must be a string' })
  @IsNotEmpty({ message: 'reason must not be empty: say why the event is retracted' })
  @MaxLength(2000, { message: 'reason must be at most 2000 characters' })
  @NoControlCharacters()
  reason!: string;
}
