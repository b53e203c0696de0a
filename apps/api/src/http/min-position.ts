import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const MESSAGE = 'minPosition must be a position returned by a write (a whole number ≥ 1)';

/**
 * Read-your-writes across replicas: the `position` a write returned. The answer then comes from a server that has
 * applied it, after a bounded wait (MIN_POSITION_WAIT_MS), or is a 503 saying it could not within that time.
 */
export function MinPositionParam(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      type: 'integer',
      minimum: 1,
      example: 42,
      description:
        'A `position` a write returned: answer only once its effects are visible (503 after MIN_POSITION_WAIT_MS if not)',
    }),
    IsOptional(),
    Transform(toInt),
    IsInt({ message: MESSAGE }),
    Min(1, { message: MESSAGE }),
  );
}

/** Query parameters of the single-item reads (an event, its history). */
export class ReadQueryDto {
  @MinPositionParam()
  minPosition?: number;
}
