import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional } from 'class-validator';
import { IsIntInRange } from '../http/validators';
import { MinPositionParam } from '../http/min-position';
import { AfterParam } from './change-cursor';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;

export const CHANGES_MAX_LIMIT = 1000;

/** GET /api/changes: where to continue, and how many. */
export class ChangesQueryDto {
  @AfterParam('The `nextAfter` of the previous page; 0 (the default) starts at the beginning of the log')
  after?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: CHANGES_MAX_LIMIT,
    default: 100,
    description: 'Changes per page',
  })
  @IsOptional()
  @Transform(toInt)
  @IsIntInRange(1, CHANGES_MAX_LIMIT)
  limit?: number;

  @MinPositionParam()
  minPosition?: number;
}
