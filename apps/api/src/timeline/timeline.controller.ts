import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import {
  AssertActorKnownQuery,
  CountTimelineQuery,
  GetActorsQuery,
  GetEventQuery,
  GetTimelineQuery,
  GetTimelineStatsQuery,
} from '@libs/projections';
import { ACTOR_ID_PARAM, UUID_PARAM } from '../http/uuid.pipe';
import {
  ActorsQueryDto,
  EventQueryDto,
  TimelineQueryDto,
  TimelineStatsQueryDto,
  TimelineWithAuthorQueryDto,
} from './timeline.request.dto';
import { admit } from '../http/admin.guard';
import { Authenticator } from '../http/authenticator';
import { normalisedKey, PositionCachedReads } from '../http/position-etag';
import { asOfInstant, toTimelineRequest, type TimelineRequest } from './timeline-request';
import { ApiUuidParam } from '../openapi/api-params';
import { ApiErrors } from '../openapi/error-body.schema';
import { ActorsPageSchema, TimelineItemSchema, TimelinePageSchema, TimelineStatsSchema } from '@libs/projections';

/** The public read side: every answer comes from the read models, never from replaying the log. */
@ApiTags('Timeline')
@ApiErrors({ 503: true })
@Controller('api')
export class TimelineController {
  constructor(
    private readonly queries: QueryBus,
    private readonly authenticator: Authenticator,
    private readonly cached: PositionCachedReads,
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
  async timeline(
    @Query() query: TimelineWithAuthorQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    // Who wrote what is for admins: the filter alone is guarded; the timeline itself stays public. It reads the log
    // too, beyond the checkpoint, so its answers are neither tagged nor cached.
    if (query.recordedBy !== undefined) {
      await admit(this.authenticator, request, 'admin');
      return this.page(toTimelineRequest(query));
    }
    const timeline = toTimelineRequest(query);
    return this.cached.respond(request, reply, need(timeline), key('timeline', timeline), () => this.page(timeline));
  }

  @Get('timeline/stats')
  @ApiOperation({
    summary: 'Counts and mean Goldstein score per month, year, country, CAMEO root or actor, with facet counts',
  })
  @ApiOkResponse({ type: TimelineStatsSchema })
  @ApiErrors({ 400: 'An invalid query parameter (named in `fields`), or `to` before `from`' })
  stats(
    @Query() query: TimelineStatsQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { groupBy, ...rest } = query;
    const { filter, minPosition } = toTimelineRequest(rest);
    const by = groupBy ?? 'month';
    return this.cached.respond(request, reply, { source: 'timeline', minPosition }, key('stats', { filter, by }), () =>
      this.queries.execute(new GetTimelineStatsQuery(filter, by, minPosition)),
    );
  }

  @Get('events/:id')
  @ApiOperation({ summary: 'One diplomatic event, as it stands now or as the timeline showed it at `asOf`' })
  @ApiUuidParam('id', 'The diplomatic event id')
  @ApiOkResponse({ type: TimelineItemSchema })
  @ApiErrors({
    400: 'id is not a uuid, or asOf is not an ISO 8601 instant or date',
    404: 'No diplomatic event with this id, or none recorded yet at `asOf` (code DIPLOMATIC_EVENT.NOT_FOUND)',
    410: 'The event was retracted (by `asOf`, when given); its history remains (code TIMELINE.RETRACTED)',
  })
  event(
    @Param('id', UUID_PARAM) id: string,
    @Query() query: EventQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { minPosition } = query;
    const asOf = query.asOf ? new Date(asOfInstant(query.asOf)) : undefined;
    return this.cached.respond(request, reply, { source: 'timeline', minPosition }, key('event', { id, asOf }), () =>
      this.queries.execute(new GetEventQuery(id, minPosition, asOf)),
    );
  }

  @Get('actors')
  @ApiOperation({ summary: 'Actors, most events first' })
  @ApiOkResponse({ type: ActorsPageSchema })
  @ApiErrors({ 400: 'An invalid query parameter, named in `fields`' })
  actors(
    @Query() query: ActorsQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const { limit = 100, country, minPosition } = query;
    return this.cached.respond(
      request,
      reply,
      { source: 'actors', minPosition },
      key('actors', { limit, country }),
      () => this.queries.execute(new GetActorsQuery(limit, country, minPosition)),
    );
  }

  @Get('actors/:actorId/timeline')
  @ApiOperation({ summary: "One actor's timeline (the path's actor replaces any `actor` query parameter)" })
  @ApiParam({ name: 'actorId', description: 'An actor id', example: 'emmanuel-macron' })
  @ApiOkResponse({ type: TimelinePageSchema })
  @ApiErrors({
    400: 'An invalid actor id or query parameter (named in `fields`), `to` before `from`, or a foreign cursor',
    404: 'No recorded event ever named this actor (code ACTOR.NOT_FOUND)',
  })
  actorTimeline(
    @Param('actorId', ACTOR_ID_PARAM) actorId: string,
    @Query() query: TimelineQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const timeline = toTimelineRequest({ ...query, actor: [actorId] });
    return this.cached.respond(request, reply, need(timeline), key('actor-timeline', timeline), async () => {
      await this.queries.execute(new AssertActorKnownQuery(actorId, timeline.minPosition));
      return this.page(timeline);
    });
  }

  private async page({ filter, limit, cursor, order, minPosition }: TimelineRequest) {
    const [page, total] = await Promise.all([
      this.queries.execute(new GetTimelineQuery(filter, limit, cursor, minPosition, order)),
      this.queries.execute(new CountTimelineQuery(filter, minPosition)),
    ]);
    return { ...page, ...total };
  }
}

const need = ({ minPosition }: TimelineRequest) => ({ source: 'timeline' as const, minPosition });
/** What the answer depends on: the filter, page and order, never minPosition (it only says how long to wait). */
function key(route: string, query: object): string {
  const { minPosition: _wait, ...rest } = query as { minPosition?: number };
  return normalisedKey(route, rest);
}
