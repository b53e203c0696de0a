import { BadRequestException } from '@nestjs/common';
import { decodeCursor, type TimelineCursor, type TimelineFilter } from '@libs/projections';
import { errorBody } from '../http/error-body';
import type { TimelineQueryDto } from './timeline.request.dto';

function badParameter(name: string, problem: string): BadRequestException {
  return new BadRequestException(errorBody(400, `${name} ${problem}`, { fields: { [name]: problem } }));
}

/** Checks what class-validator cannot see alone (from ≤ to, a decodable cursor) and builds the filter. */
export function toTimelineRequest(dto: TimelineQueryDto): {
  filter: TimelineFilter;
  limit: number;
  cursor?: TimelineCursor;
  minPosition?: number;
} {
  if (dto.from && dto.to && dto.from > dto.to) throw badParameter('to', `must not be before from (${dto.from})`);
  const cursor = dto.cursor === undefined ? undefined : decodeCursor(dto.cursor);
  if (dto.cursor !== undefined && !cursor) throw badParameter('cursor', 'is not a nextCursor this API gave out');
  const asOf = dto.asOf ? new Date(dto.asOf) : undefined;
  if (asOf && Number.isNaN(asOf.getTime())) throw badParameter('asOf', 'must be a valid ISO 8601 timestamp');
  const { limit, cursor: _cursor, asOf: _asOf, minPosition, ...rest } = dto;
  return { filter: { ...rest, q: rest.q?.trim() || undefined, asOf }, limit: limit ?? 50, cursor, minPosition };
}
