import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { GetActorsQuery, GetEventQuery, GetTimelineQuery } from '@libs/projections';
import { UUID_PARAM } from '../http/uuid.pipe';
import { ActorsQueryDto, TimelineQueryDto } from './timeline.request.dto';
import { toTimelineRequest } from './timeline-request';

/** The public read side: every answer comes from the read models, never from replaying the log. */
@Controller('api')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get('timeline')
  timeline(@Query() query: TimelineQueryDto) {
    const { filter, limit, cursor } = toTimelineRequest(query);
    return this.queries.execute(new GetTimelineQuery(filter, limit, cursor));
  }

  @Get('events/:id')
  event(@Param('id', UUID_PARAM) id: string) {
    return this.queries.execute(new GetEventQuery(id));
  }

  @Get('actors')
  actors(@Query() query: ActorsQueryDto) {
    return this.queries.execute(new GetActorsQuery(query.limit ?? 100, query.country));
  }

  @Get('actors/:actorId/timeline')
  actorTimeline(@Param('actorId') actorId: string, @Query() query: TimelineQueryDto) {
    const { filter, limit, cursor } = toTimelineRequest({ ...query, actor: actorId });
    return this.queries.execute(new GetTimelineQuery(filter, limit, cursor));
  }
}
