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
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ACTOR_ROLES, EVENT_STATUSES, type ActorRole, type EventStatus } from '@libs/diplomacy';
import { IsCalendarDate, IsCameoCode, IsCountryCode, NoControlCharacters, NotTogetherWith } from '../http/validators';
import { DIRECTIONS, IsDirection } from './source.request.dto';

export class ActorDto {
  @ApiProperty({
    pattern: '^[a-z0-9][a-z0-9-]{0,99}$',
    description: 'A stable slug: the same person across events',
    example: 'emmanuel-macron',
  })
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'id must be a lower-case slug such as "emmanuel-macron"' })
  id!: string;

  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Emmanuel Macron' })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @NoControlCharacters()
  name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3 country code', pattern: '^[A-Z]{3}$', example: 'FRA' })
  @IsCountryCode()
  country!: string;

  @ApiProperty({ enum: [...ACTOR_ROLES], enumName: 'ActorRole' })
  @IsIn(ACTOR_ROLES, { message: `role must be one of ${ACTOR_ROLES.join(', ')}` })
  role!: ActorRole;
}

export class LocationDto {
  @ApiProperty({ minLength: 1, maxLength: 200, example: 'Astana' })
  @IsString({ message: 'name must be a string' })
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  @NoControlCharacters()
  name!: string;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-3 country code', pattern: '^[A-Z]{3}$', example: 'KAZ' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

/** Either the source's words (`expression`, resolved against `anchor`) or explicit `start`/`end` dates. */
@ApiSchema({
  name: 'DateDto',
  description:
    "Either `expression` (the source's words, resolved against `anchor`, default the source's publication date) " +
    'or explicit `start` (and optional `end`) dates; not both.',
})
export class DateDto {
  @ApiPropertyOptional({
    maxLength: 200,
    description: "The source's own words for the date; required unless start is given",
    example: 'الأسبوع الماضي',
  })
  @ValidateIf((d: DateDto) => d.start === undefined || d.expression !== undefined)
  @NotTogetherWith('start')
  @IsString({ message: 'expression must be a string (or give start instead)' })
  @IsNotEmpty({ message: 'expression must not be empty' })
  @MaxLength(200, { message: 'expression must be at most 200 characters' })
  @NoControlCharacters()
  expression?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: "The day the expression is relative to (default: the source's publication date)",
    example: '2023-11-01',
  })
  @IsOptional()
  @IsCalendarDate()
  anchor?: string;

  @ApiPropertyOptional({
    enum: [...DIRECTIONS],
    enumName: 'Direction',
    // No `default`: generators then make the field required in clients; the server's default is in words.
    description: 'Which way an ambiguous expression points; "past" when absent',
  })
  @IsOptional()
  @IsDirection()
  direction?: 'past' | 'future';

  @ApiPropertyOptional({ format: 'date', description: 'First day; required unless expression is given' })
  @ValidateIf((d: DateDto) => d.start !== undefined || (d.end !== undefined && d.expression === undefined))
  @IsCalendarDate()
  start?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day, inclusive (default: start)' })
  @IsOptional()
  @IsCalendarDate()
  end?: string;
}

export class SourceRefDto {
  @ApiProperty({ format: 'uuid', description: 'The id of a registered source' })
  @IsUUID('all', { message: 'sourceId must be the uuid of a registered source' })
  sourceId!: string;

  @ApiProperty({ minLength: 1, maxLength: 5000, description: 'The words of the source this event rests on' })
  @IsString({ message: 'quote must be a string' })
  @IsNotEmpty({ message: 'quote must not be empty' })
  @MaxLength(5000, { message: 'quote must be at most 5000 characters' })
  @NoControlCharacters()
  quote!: string;
}

export class RecordEventRequestDto {
  @ApiProperty({ description: 'CAMEO event code', example: '042' })
  @IsCameoCode()
  type!: string;

  @ApiProperty({ minLength: 1, maxLength: 500, example: 'Macron visits Kazakhstan' })
  @IsString({ message: 'title must be a string' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(500, { message: 'title must be at most 500 characters' })
  @NoControlCharacters()
  title!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 5000 })
  @IsOptional()
  @IsString({ message: 'summary must be a string' })
  @MaxLength(5000, { message: 'summary must be at most 5000 characters' })
  @NoControlCharacters()
  summary?: string;

  @ApiProperty({ type: () => [ActorDto], minItems: 1, maxItems: 50 })
  @IsArray({ message: 'actors must be an array' })
  @ArrayMinSize(1, { message: 'actors must list at least one actor' })
  @ArrayMaxSize(50, { message: 'actors must list at most 50 actors' })
  @ValidateNested({ each: true })
  @Type(() => ActorDto)
  actors!: ActorDto[];

  @ApiPropertyOptional({ type: () => LocationDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @ApiProperty({ type: () => DateDto })
  @IsNotEmptyObject({}, { message: 'date is required: {expression} or {start, end}' })
  @ValidateNested()
  @Type(() => DateDto)
  date!: DateDto;

  @ApiProperty({ enum: [...EVENT_STATUSES], enumName: 'EventStatus' })
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status!: EventStatus;

  @ApiProperty({ type: () => SourceRefDto })
  @IsNotEmptyObject({}, { message: 'source is required: {sourceId, quote}' })
  @ValidateNested()
  @Type(() => SourceRefDto)
  source!: SourceRefDto;
}
