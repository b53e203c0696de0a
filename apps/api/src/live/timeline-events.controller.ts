import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { OutgoingHttpHeaders } from 'node:http';
import type { FastifyReply } from 'fastify';
import { LOG_START, PostgresEventStore } from '@libs/event-store';
import { readCheckpoint } from '@libs/projections';
import { badCursor, resolveCursor } from '../changes/change-cursor';
import { tooBusy } from '../http/too-busy';
import { ApiErrors } from '../openapi/error-body.schema';
import { toTimelineRequest } from '../timeline/timeline-request';
import { LiveStreams } from './live-streams';
import { sseRetry } from './sse';
import { TimelineEventsQueryDto } from './timeline-events.request.dto';

/** How long a browser's EventSource waits before it reconnects (with Last-Event-ID) after a cut. */
const RECONNECT_MS = 2000;

/**
 * The timeline, live: Server-Sent Events for every item recorded, corrected or retracted from now on (or after
 * Last-Event-ID) that matches the filters. Fed by the timeline projection's progress as seen in the database
 * (a checkpoint NOTIFY, and a poll), so any API process can serve it whichever process leads the projection, and
 * read from the primary, where LISTEN works and the checkpoint is current.
 */
@ApiTags('Timeline')
@Controller('api')
export class TimelineEventsController {
  constructor(
    private readonly store: PostgresEventStore,
    private readonly streams: LiveStreams,
  ) {}

  @Get('timeline/events')
  @ApiOperation({
    summary: 'Server-Sent Events: items recorded, corrected or retracted, live, with the timeline filters',
    description:
      'Each event is `id: <position>`, `event: recorded|corrected|retracted|attached`, `data: <TimelineChange ' +
      'JSON>`; ' +
      'a comment every 15 s keeps the connection open. Reconnecting with `Last-Event-ID` (EventSource does it) ' +
      'resumes after that change: nothing lost, nothing repeated. Rebuilds send nothing.',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false, description: 'The `id` of the last event received' })
  @ApiResponse({
    status: 200,
    description: 'The stream, open until the client leaves; each `data` is a TimelineChange',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors({
    400: 'An invalid filter (named in `fields`), `to` before `from`, or an unknown Last-Event-ID / after',
    503: 'LIVE_STREAMS_MAX streams are open on this server; retry after Retry-After seconds',
  })
  async events(
    @Query() query: TimelineEventsQueryDto,
    @Res() reply: FastifyReply,
    @Headers('last-event-id') lastEventId?: string,
  ): Promise<void> {
    const { filter } = toTimelineRequest(query);
    const from = await this.startPosition(lastEventId, query.after);
    if (this.streams.full)
      throw tooBusy(reply, 'Too many live streams are open on this server; retry shortly', 'LIVE.TOO_MANY');
    reply.hijack();
    // Headers the hooks set (helmet, CORS, x-request-id) go out with the stream; undefined ones are dropped.
    const set = Object.entries(reply.getHeaders()).filter(([, value]) => value !== undefined);
    reply.raw.writeHead(200, {
      ...(Object.fromEntries(set) as OutgoingHttpHeaders),
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      // nginx would otherwise buffer the stream (deploy/nginx/annals.conf sits in front of the APIs).
      'x-accel-buffering': 'no',
    });
    reply.raw.write(sseRetry(RECONNECT_MS));
    this.streams.start(reply.raw, this.store.pool, filter, from);
  }

  private async startPosition(lastEventId: string | undefined, after: number | undefined) {
    const pool = this.store.pool;
    if (lastEventId !== undefined) {
      const id = lastEventId.trim();
      if (!/^\d{1,18}$/.test(id)) throw badCursor('Last-Event-ID', 'must be the id of an event this stream sent');
      return resolveCursor(pool, 'Last-Event-ID', Number(id));
    }
    if (after !== undefined) return resolveCursor(pool, 'after', after);
    return (await readCheckpoint(pool, 'timeline'))?.position ?? LOG_START;
  }
}
