import { BadRequestException } from '@nestjs/common';
import { decodeCursor, type TimelineCursor, type TimelineFilter, type TimelineOrder } from '@libs/projections';
import { errorBody } from '../http/error-body';
import type { TimelineQueryDto } from './timeline.request.dto';

function badParameter(name: string, problem: string): BadRequestException {
  return new BadRequestException(errorBody(400, `${name} ${problem}`, { fields: { [name]: problem } }));
}

export interface TimelineRequest {
  filter: TimelineFilter;
  limit: number;
  cursor?: TimelineCursor;
  order: TimelineOrder;
  minPosition?: number;
}

/** Checks what class-validator cannot see alone (from ≤ to, a decodable cursor) and builds the filter. */
export function toTimelineRequest(dto: TimelineQueryDto): TimelineRequest {
  if (dto.from && dto.to && dto.from > dto.to) throw badParameter('to', `must not be before from (${dto.from})`);
  const cursor = dto.cursor === undefined ? undefined : decodeCursor(dto.cursor);
  if (dto.cursor !== undefined && !cursor) throw badParameter('cursor', 'is not a nextCursor this API gave out');
  const asOf = dto.asOf ? new Date(asOfInstant(dto.asOf)) : undefined;
  if (asOf && Number.isNaN(asOf.getTime())) throw badParameter('asOf', 'must be a valid ISO 8601 timestamp');
  const { limit, cursor: _cursor, asOf: _asOf, order, minPosition, ...rest } = dto;
  const q = rest.q?.trim() || undefined;
  return {
    filter: { ...rest, q, asOf },
    limit: limit ?? 50,
    cursor,
    // A search ranks the best match first unless the caller asks for date order.
    order: order ?? (q ? 'relevance' : 'asc'),
    minPosition,
  };
}

/** A date alone means "as the timeline stood at the end of that day" (UTC), not its first instant. */
export function asOfInstant(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
}
