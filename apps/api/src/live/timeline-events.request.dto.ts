import { OmitType } from '@nestjs/swagger';
import { AfterParam } from '../changes/change-cursor';
import { TimelineQueryDto } from '../timeline/timeline.request.dto';

/**
 * GET /api/timeline/events: the timeline's filters. No asOf (a past timeline does not change), no paging or order
 * (changes come in log order), no minPosition (the stream starts where the client says).
 */
export class TimelineEventsQueryDto extends OmitType(TimelineQueryDto, [
  'asOf',
  'limit',
  'cursor',
  'order',
  'minPosition',
] as const) {
  @AfterParam(
    'Start after this change (its position); a Last-Event-ID header wins over it. Without either, the stream ' +
      'starts at the timeline as it is now and sends only what changes from then on',
  )
  after?: number;
}
