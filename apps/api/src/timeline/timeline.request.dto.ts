import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EVENT_STATUSES } from '@libs/diplomacy';
import { IsCalendarDate, IsCountryCode, NoControlCharacters } from '../http/validators';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

/** Query parameters of GET /api/timeline (and its exports); unknown parameters are refused. */
export class TimelineQueryDto {
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'actor must be an actor id such as "emmanuel-macron"' })
  actor?: string;

  @IsOptional()
  @IsCountryCode()
  country?: string;

  @IsOptional()
  @Matches(/^\d{2,4}$/, { message: 'type must be a CAMEO code such as "042" or a 2-digit root such as "04"' })
  type?: string;

  @IsOptional()
  @IsIn(EVENT_STATUSES, { message: `status must be one of ${EVENT_STATUSES.join(', ')}` })
  status?: string;

  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @IsOptional()
  @IsString({ message: 'q must be a string' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  @NoControlCharacters()
  q?: string;

  @IsOptional()
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'asOf must be an ISO 8601 timestamp such as 2023-11-05T00:00:00Z' },
  )
  asOf?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number from 1 to 200' })
  @Min(1, { message: 'limit must be a whole number from 1 to 200' })
  @Max(200, { message: 'limit must be a whole number from 1 to 200' })
  limit?: number;

  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  @MaxLength(500, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}

export class ActorsQueryDto {
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @IsOptional()
  @Transform(toInt)
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;
}
