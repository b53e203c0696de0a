import { Type } from 'class-transformer';
import { IsIn, IsNotEmptyObject, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { ACTOR_ROLES, EVENT_STATUSES, type ActorRole, type EventStatus } from '@libs/diplomacy';
import { ActorId, ActorList, TextField } from '../http/field-rules';
import { IsCalendarDate, IsCameoCode, IsCountryCode, NotTogetherWith } from '../http/validators';
import { DIRECTIONS, IsDirection } from './source.request.dto';

export class ActorDto {
  @ActorId({ description: 'A stable slug: the same person across events' })
  id!: string;

  @TextField('name', { example: 'Emmanuel Macron' })
  name!: string;

  @ApiProperty({ description: 'ISO 3166-1 alpha-3 country code', pattern: '^[A-Z]{3}$', example: 'FRA' })
  @IsCountryCode()
  country!: string;

  @ApiProperty({ enum: [...ACTOR_ROLES], enumName: 'ActorRole' })
  @IsIn(ACTOR_ROLES, { message: `role must be one of ${ACTOR_ROLES.join(', ')}` })
  role!: ActorRole;
}

export class LocationDto {
  @TextField('name', { example: 'Astana' })
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
  @TextField('expression', {
    optional: true,
    nonEmpty: true,
    description: "The source's own words for the date; required unless start is given",
    example: 'الأسبوع الماضي',
  })
  @ValidateIf((d: DateDto) => d.start === undefined || d.expression !== undefined)
  @NotTogetherWith('start')
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
    default: 'past',
    description: 'Which way an ambiguous expression points',
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

  @TextField('quote', { description: 'The words of the source this event rests on' })
  quote!: string;
}

export class RecordEventRequestDto {
  @ApiProperty({ description: 'CAMEO event code', example: '042' })
  @IsCameoCode()
  type!: string;

  @TextField('title', { example: 'Macron visits Kazakhstan' })
  title!: string;

  @TextField('summary', { optional: true, nullable: true })
  summary?: string;

  @ActorList({ type: () => [ActorDto] })
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
