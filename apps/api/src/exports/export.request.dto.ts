import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { TimelineQueryDto } from '../timeline/timeline.request.dto';

/**
 * The filters of GET /api/timeline, without paging: an export holds every matching item (up to its cap),
 * so `limit`, `cursor` and `order` (always date order) are refused like any other unknown parameter.
 */
export class ExportQueryDto extends OmitType(TimelineQueryDto, ['limit', 'cursor', 'order'] as const) {}

export const TIMELINEJS_GROUPS = ['type', 'country'] as const;
export type TimelineJsGroup = (typeof TIMELINEJS_GROUPS)[number];

export class TimelineJsQueryDto extends ExportQueryDto {
  @ApiPropertyOptional({
    enum: TIMELINEJS_GROUPS,
    default: 'type',
    description: 'TimelineJS group: CAMEO type or country',
  })
  @IsOptional()
  @IsIn(TIMELINEJS_GROUPS, { message: `group must be one of ${TIMELINEJS_GROUPS.join(', ')}` })
  group?: TimelineJsGroup;
}
