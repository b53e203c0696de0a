import { applyDecorators, BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import type { Pool, PoolClient } from 'pg';
import type { LogPosition } from '@libs/event-store';
import { logPositionOf } from '@libs/projections';
import { errorBody } from '../http/error-body';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
const MESSAGE = 'after must be a position (a whole number ≥ 0): 0, or the position of a change already read';

/** `after`: a change's position (0 for the start of the log); the read continues after it in log order. */
export function AfterParam(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ type: 'integer', minimum: 0, example: 0, description }),
    IsOptional(),
    Transform(toInt),
    IsInt({ message: MESSAGE }),
    Min(0, { message: MESSAGE }),
  );
}

/** A position a client sent (`after`, Last-Event-ID) as a place in log order; 400 naming `field` if unknown. */
export async function resolveCursor(db: Pool | PoolClient, field: string, position: number): Promise<LogPosition> {
  const at = await logPositionOf(db, position);
  if (at) return at;
  throw badCursor(field, 'is not a position of this log (0, or the position of a change already read)');
}

export function badCursor(field: string, problem: string): BadRequestException {
  return new BadRequestException(errorBody(400, `${field} ${problem}`, { fields: { [field]: problem } }));
}
