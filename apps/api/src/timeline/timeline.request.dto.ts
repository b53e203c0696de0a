import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { EVENT_STATUSES } from '@libs/diplomacy';
import { MinPositionParam } from '../http/min-position';
import { ActorId } from '../http/field-rules';
import { IsCalendarDate, IsCountryCode, NoControlCharacters } from '../http/validators';

const CREDENTIAL_ID = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|admin-token)$/;

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** Query parameters of GET /api/timeline (and its exports); unknown parameters are refused. */
export class TimelineQueryDto {
  @ActorId({
    optional: true,
    description: 'Only events this actor took part in (an actor id)',
    message: '$property must be an actor id such as "emmanuel-macron"',
  })
  actor?: string;

  @ApiPropertyOptional({
    description: 'Only events involving this country (ISO 3166-1 alpha-3)',
    pattern: '^[A-Z]{3}$',
    example: 'FRA',
  })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({
    description: 'A CAMEO code such as "042", or a 2-digit root such as "04" for every code under it',
    pattern: '^\\d{2,4}$',
    example: '04',
  })
  @IsOptional()
  @Matches(/^\d{2,4}$/, { message: 'type must be a CAMEO code such as "042" or a 2-digit root such as "04"' })
  type?: string;

  @ApiPropertyOptional({ enum: [...EVENT_STATUSES], enumName: 'EventStatus' })
  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: string;

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

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The timeline as it was recorded at this instant',
    example: '2023-11-05T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'asOf must be an ISO 8601 timestamp such as 2023-11-05T00:00:00Z' },
  )
  asOf?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50, description: 'Items per page' })
  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;

  @ApiPropertyOptional({ maxLength: 500, description: 'The nextCursor of the previous page' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(500, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @MinPositionParam()
  minPosition?: number;
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
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;

  @MinPositionParam()
  minPosition?: number;
}
