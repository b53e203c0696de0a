import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '../openapi/error-body.schema';
import { toTimelineRequest } from '../timeline/timeline-request';
import { collectTimeline, type CollectedTimeline } from './collect-timeline';
import { toCsv } from './csv';
import { ExportQueryDto, TimelineJsQueryDto } from './export.request.dto';
import { toICalendar } from './ics';
import { toTimelineJs } from './timelinejs';

const TITLE = 'Annals diplomatic timeline';
const FILENAME = 'annals-timeline';

/**
 * The timeline as files, with GET /api/timeline's filters. Each answer is built in memory before the first
 * byte goes out: X-Annals-Truncated must be a header, and only the end of the walk knows whether the cap
 * was reached (a stream would also turn a failure half-way into a cut file with a 200).
 */
/** Files, not JSON objects: documented by media type; X-Annals-Truncated says the 10,000-item cap was hit. */
const truncatedHeader = {
  'X-Annals-Truncated': { description: 'true when more items matched than the cap', schema: { type: 'string' } },
};

@ApiTags('exports')
@ApiErrors({ 503: true })
@Controller('api')
export class ExportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('timeline.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'iCalendar (RFC 5545): one all-day VEVENT per item',
    headers: truncatedHeader,
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  async ics(@Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const timeline = await this.collect(query);
    answerAs(reply, timeline, 'text/calendar; charset=utf-8', `${FILENAME}.ics`);
    return toICalendar(timeline.items, { name: TITLE });
  }

  @Get('timeline.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV (RFC 4180), UTF-8 with BOM',
    headers: truncatedHeader,
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async csv(@Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const timeline = await this.collect(query);
    answerAs(reply, timeline, 'text/csv; charset=utf-8', `${FILENAME}.csv`);
    return toCsv(timeline.items);
  }

  /** Read by the TimelineJS embed, so served inline rather than as a download. */
  @Get('timeline/timelinejs')
  @ApiOkResponse({
    description: 'TimelineJS JSON: {title, events[]}',
    headers: truncatedHeader,
    schema: { type: 'object' },
  })
  async timelineJs(@Query() query: TimelineJsQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const { group = 'type', ...filters } = query;
    const timeline = await this.collect(filters);
    answerAs(reply, timeline, 'application/json; charset=utf-8');
    return toTimelineJs(timeline.items, { title: TITLE, group, truncated: timeline.truncated });
  }

  private collect(query: ExportQueryDto): Promise<CollectedTimeline> {
    const { filter, minPosition } = toTimelineRequest(query);
    return collectTimeline(this.queries, filter, minPosition);
  }
}

function answerAs(reply: FastifyReply, timeline: CollectedTimeline, contentType: string, filename?: string): void {
  reply.header('content-type', contentType);
  if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
  if (timeline.truncated) reply.header('x-annals-truncated', 'true');
}
