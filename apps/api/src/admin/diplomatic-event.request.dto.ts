import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsNotEmptyObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ACTOR_ROLES, EVENT_STATUSES, type ActorRole, type EventStatus } from '@libs/diplomacy';
import { IsCalendarDate, IsCameoCode, IsCountryCode, NoControlCharacters, NotTogetherWith } from '../http/validators';
import { IsDirection } from './source.request.dto';

export class ActorDto {
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a lower-case slug such as "emmanuel-macron"' })
  id!: string;

  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @NoControlCharacters()
  name!: string;

  @IsCountryCode()
  country!: string;

  @IsIn(ACTOR_ROLES, { message: `role must be one of ${ACTOR_ROLES.join(', ')}` })
  role!: ActorRole;
}

export class LocationDto {
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @NoControlCharacters()
  name!: string;

  @IsOptional()
  @IsCountryCode()
  country?: string;
}

/** Either the source's words (`expression`, resolved against `anchor`) or explicit `start`/`end` dates. */
export class DateDto {
  @ValidateIf((d: DateDto) => d.start === undefined || d.expression !== undefined)
  @NotTogetherWith('start')
  @IsString({ message: 'expression must be a string (or give start instead)' })
  @IsNotEmpty({ message: 'expression must not be empty' })
  @MaxLength(200, { message: 'expression must be at most 200 characters' })
  @NoControlCharacters()
  expression?: string;

  @IsOptional()
  @IsCalendarDate()
  anchor?: string;

  @IsOptional()
  @IsDirection()
  direction?: 'past' | 'future';

  @ValidateIf((d: DateDto) => d.start !== undefined || (d.end !== undefined && d.expression === undefined))
  @IsCalendarDate()
  start?: string;

  @IsOptional()
  @IsCalendarDate()
  end?: string;
}

export class SourceRefDto {
  @IsUUID('all', { message: 'sourceId must be the uuid of a registered source' })
  sourceId!: string;

  @IsString({ message: 'quote must be a string' })
  @IsNotEmpty({ message: 'quote must not be empty' })
  @MaxLength(5000, { message: 'quote must be at most 5000 characters' })
  @NoControlCharacters()
  quote!: string;
}

export class RecordEventRequestDto {
  @IsCameoCode()
  type!: string;

  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500, { message: 'title must be at most 500 characters' })
  @NoControlCharacters()
  title!: string;

  @IsOptional()
  @IsString({ message: 'summary must be a string' })
  @MaxLength(5000, { message: 'summary must be at most 5000 characters' })
  @NoControlCharacters()
  summary?: string;

  @IsArray({ message: 'actors must be an array' })
  @ArrayMinSize(1, { message: 'actors must list at least one actor' })
  @ArrayMaxSize(50, { message: 'actors must list at most 50 actors' })
  @ValidateNested({ each: true })
  @Type(() => ActorDto)
  actors!: ActorDto[];

  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @IsNotEmptyObject({}, { message: 'date is required: {expression} or {start, end}' })
  @ValidateNested()
  @Type(() => DateDto)
  date!: DateDto;

  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status!: EventStatus;

  @IsNotEmptyObject({}, { message: 'source is required: {sourceId, quote}' })
  @ValidateNested()
  @Type(() => SourceRefDto)
  source!: SourceRefDto;
}
