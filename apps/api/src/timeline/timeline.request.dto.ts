import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { ACTOR_ID_PATTERN, EVENT_STATUSES } from '@libs/diplomacy';
import { STATS_GROUPS, type StatsGroup } from '@libs/projections';
import { MinPositionParam } from '../http/min-position';
import { IsCalendarDate, IsCountryCode, IsIntInRange, NoControlCharacters } from '../http/validators';

const CREDENTIAL_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|admin-token)$/;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** `country=KAZ,UZB` and `country=KAZ&country=UZB` alike → ['KAZ', 'UZB']; empty items dropped. */
export const toList = ({ value }: { value: unknown }) => {
  const items = (Array.isArray(value) ? value : [value]).flatMap((v: unknown) =>
    typeof v === 'string' ? v.split(',').map((s) => s.trim()) : [v],
  );
  return [...new Set(items.filter((v) => v !== ''))];
};

const MAX_VALUES = 50;
const LIST = `; several values (any of them matches) as a comma-separated list or by repeating the parameter`;

/** Query parameters of GET /api/timeline (and its exports); unknown parameters are refused. */
export class TimelineQueryDto {
  @ApiPropertyOptional({
    type: [String],
    description: `Only events one of these actors took part in (actor ids)${LIST}`,
    example: ['emmanuel-macron'],
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_VALUES, { message: `actor takes at most ${MAX_VALUES} values` })
  @Matches(ACTOR_ID_PATTERN, { each: true, message: 'actor must be actor ids such as "emmanuel-macron"' })
  actor?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: `Only events involving one of these countries (ISO 3166-1 alpha-3)${LIST}`,
    example: ['KAZ', 'UZB'],
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_VALUES, { message: `country takes at most ${MAX_VALUES} values` })
  @IsCountryCode({ each: true })
  country?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: `CAMEO codes such as "042", or 2-digit roots such as "04" for every code under them${LIST}`,
    example: ['04'],
  })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(MAX_VALUES, { message: `type takes at most ${MAX_VALUES} values` })
  @Matches(/^\d{2,4}$/, {
    each: true,
    message: 'type must be CAMEO codes such as "042" or 2-digit roots such as "04"',
  })
  type?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'string', enum: [...EVENT_STATUSES] },
    description: `Event statuses${LIST}`,
  })
  @IsOptional()
  @Transform(toList)
  @IsIn(EVENT_STATUSES, { each: true, message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: string[];

  @ApiPropertyOptional({
    format: 'date',
    description: 'Inclusive: events whose date span ends on or after this day',
    example: '2023-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Inclusive: events whose date span starts on or before this day; not before `from`',
    example: '2023-12-31',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({
    maxLength: 200,
    description: 'Full-text search (web search syntax) over titles, summaries, quotes, actor and place names',
    example: 'Macron',
  })
  @IsOptional()
  @IsString({ message: 'q must be a string' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  @NoControlCharacters()
  q?: string;

  // No example: Swagger's "Try it out" would pre-fill it, and a first call would show an old timeline.
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'The timeline as it was recorded at this instant (ISO 8601); a date alone (2023-11-05) means the end of that day, UTC',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'asOf must be an ISO 8601 timestamp such as 2023-11-05T00:00:00Z, or a date such as 2023-11-05' },
  )
  asOf?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Items per page' })
  @IsOptional()
  @Transform(toInt)
  @IsIntInRange(1, 200)
  limit?: number;

  @ApiPropertyOptional({
    enum: ['asc', 'desc', 'relevance'],
    description:
      'Date order (oldest or newest first), or `relevance` (best match first; the default when `q` is given, else `asc`)',
  })
  @IsOptional()
  @IsIn(['asc', 'desc', 'relevance'], { message: 'order must be one of asc, desc, relevance' })
  order?: 'asc' | 'desc' | 'relevance';

  @ApiPropertyOptional({ maxLength: 500, description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(500, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @MinPositionParam()
  minPosition?: number;
}

/** GET /api/events/:id: the item now, or as the timeline showed it at `asOf` (the same rule as the timeline's). */
export class EventQueryDto extends PickType(TimelineQueryDto, ['asOf', 'minPosition'] as const) {}

/** GET /api/timeline/stats: the timeline's filters, and what to count by. */
export class TimelineStatsQueryDto extends OmitType(TimelineQueryDto, ['limit', 'cursor', 'order'] as const) {
  @ApiPropertyOptional({ enum: STATS_GROUPS, default: 'month', description: 'What each bucket counts' })
  @IsOptional()
  @IsIn(STATS_GROUPS, { message: `groupBy must be one of ${STATS_GROUPS.join(', ')}` })
  groupBy?: StatsGroup;
}

/** GET /api/timeline only: `recordedBy` needs an admin token, so exports and the actor timeline do not take it. */
export class TimelineWithAuthorQueryDto extends TimelineQueryDto {
  @ApiPropertyOptional({
    description:
      'Admins only (401 without a token, 403 below admin): events any version of which this credential wrote ' +
      '(a credential id, or "admin-token" for ADMIN_TOKEN)',
    example: '0f8c3d1e-9a7b-4c2d-8e6f-0a1b2c3d4e5f',
  })
  @IsOptional()
  @Matches(CREDENTIAL_ID, { message: 'recordedBy must be a credential id (a uuid, or "admin-token")' })
  recordedBy?: string;
}

export class ActorsQueryDto {
  @ApiPropertyOptional({
    description: 'Only actors recorded with this country (ISO 3166-1 alpha-3)',
    pattern: '^[A-Z]{3}$',
    example: 'FRA',
  })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1000, default: 100, description: 'How many actors' })
  @IsOptional()
  @Transform(toInt)
  @IsIntInRange(1, 1000)
  limit?: number;

  @MinPositionParam()
  minPosition?: number;
}
