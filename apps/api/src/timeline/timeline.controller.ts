import { Controller, Get, Param, Query, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { GetActorsQuery, GetEventQuery, GetTimelineQuery } from '@libs/projections';
import { ReadQueryDto } from '../http/min-position';
import { ACTOR_ID_PARAM, UUID_PARAM } from '../http/uuid.pipe';
import { ActorsQueryDto, TimelineQueryDto, TimelineWithAuthorQueryDto } from './timeline.request.dto';
import { admit } from '../http/admin.guard';
import { Authenticator } from '../http/authenticator';
import { toTimelineRequest } from './timeline-request';
import { ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import { ActorsPageSchema, TimelineItemSchema, TimelinePageSchema } from '../openapi/timeline.schema';

/** The public read side: every answer comes from the read models, never from replaying the log. */
@ApiTags('Timeline')
@ApiErrors({ 503: true })
@Controller('api')
export class TimelineController {
  constructor(
    private readonly queries: QueryBus,
    private readonly authenticator: Authenticator,
  ) {}

  @Get('timeline')
  @ApiOperation({ summary: 'The timeline: current events in date order, filtered, a page at a time' })
  @ApiOkResponse({ type: TimelinePageSchema })
  @ApiErrors({
    400: 'An invalid query parameter (named in `fields`), `to` before `from`, or a foreign cursor',
    401: 'recordedBy without a valid bearer token',
    403: 'recordedBy with a token below the admin role',
    429: 'Too many requests with this token (or without a valid one from this address)',
  })
  async timeline(@Query() query: TimelineWithAuthorQueryDto, @Req() request: FastifyRequest) {
    // Who wrote what is for admins: the filter alone is guarded; the timeline itself stays public.
    if (query.recordedBy !== undefined) await admit(this.authenticator, request, 'admin');
    const { filter, limit, cursor, minPosition } = toTimelineRequest(query);
    return this.queries.execute(new GetTimelineQuery(filter, limit, cursor, minPosition));
  }

  @Get('events/:id')
  @ApiOperation({ summary: 'One diplomatic event, as it stands now' })
  @ApiUuidParam('id', 'The diplomatic event id')
  @ApiOkResponse({ type: TimelineItemSchema })
  @ApiErrors({
    400: 'id is not a uuid',
    404: 'No diplomatic event with this id (code DIPLOMATIC_EVENT.NOT_FOUND)',
    410: 'The event was retracted; its history remains (code TIMELINE.RETRACTED)',
  })
  event(@Param('id', UUID_PARAM) id: string, @Query() query: ReadQueryDto) {
    return this.queries.execute(new GetEventQuery(id, query.minPosition));
  }

  @Get('actors')
  @ApiOperation({ summary: 'Actors, most events first' })
  @ApiOkResponse({ type: ActorsPageSchema })
  @ApiErrors({ 400: 'An invalid query parameter, named in `fields`' })
  actors(@Query() query: ActorsQueryDto) {
    return this.queries.execute(new GetActorsQuery(query.limit ?? 100, query.country, query.minPosition));
  }

  @Get('actors/:actorId/timeline')
  @ApiOperation({ summary: "One actor's timeline (the path's actor replaces any `actor` query parameter)" })
  @ApiParam({ name: 'actorId', description: 'An actor id', example: 'emmanuel-macron' })
  @ApiOkResponse({ type: TimelinePageSchema })
  @ApiErrors({
    400: 'An invalid actor id or query parameter (named in `fields`), `to` before `from`, or a foreign cursor',
  })
  actorTimeline(@Param('actorId', ACTOR_ID_PARAM) actorId: string, @Query() query: TimelineQueryDto) {
    const { filter, limit, cursor, minPosition } = toTimelineRequest({ ...query, actor: actorId });
    return this.queries.execute(new GetTimelineQuery(filter, limit, cursor, minPosition));
  }
}
