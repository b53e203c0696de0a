import { Readable } from 'node:stream';
import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import type { TimelineItem } from '@libs/projections';
import { ClientClosedRequestException } from '../http/client-gone';
import { tooBusy } from '../http/too-busy';
import { ApiErrors } from '../openapi/error-body.schema';
import { toTimelineRequest } from '../timeline/timeline-request';
import { collectTimeline, walkTimeline, type TimelineWalk } from './collect-timeline';
import { csvHeader, csvRecords } from './csv';
import { ExportSlots } from './export-slots';
import { ExportQueryDto, TimelineJsQueryDto } from './export.request.dto';
import { CALENDAR_END, calendarEvents, calendarStart } from './ics';
import { toTimelineJs } from './timelinejs';

const TITLE = 'Annals diplomatic timeline';
const FILENAME = 'annals-timeline';

/**
 * The timeline as files, with GET /api/timeline's filters. The calendar and the CSV are streamed a page at a time
 * (memory holds one page, not the file); the walk counts first, so X-Annals-Truncated is a header, and reads its
 * first page before the status goes out, so a database that cannot answer is still a 503. A failure after that
 * aborts the response (no final chunk): clients see a broken transfer, never a short file that looks whole.
 * TimelineJS is one JSON document whose title says whether it was cut: built in memory.
 */
/** Files, not JSON objects: documented by media type; X-Annals-Truncated says the 10,000-item cap was hit. */
const truncatedHeader = {
  'X-Annals-Truncated': { description: 'true when more items matched than the cap', schema: { type: 'string' } },
};

@ApiTags('exports')
@ApiErrors({
  503:
    'minPosition was not reached within MIN_POSITION_WAIT_MS (code READ.POSITION_NOT_REACHED), ' +
    'or EXPORTS_MAX exports are running and EXPORTS_QUEUE more are waiting on this server ' +
    '(code EXPORT.BUSY: retry after Retry-After seconds)',
})
@Controller('api')
export class ExportsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly slots: ExportSlots,
  ) {}

  @Get('timeline.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      'iCalendar (RFC 5545): one all-day VEVENT per item; retracted items stay, as STATUS:CANCELLED with a higher SEQUENCE, so subscribed calendars drop them',
    headers: truncatedHeader,
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  async ics(@Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Readable> {
    await this.turn(reply);
    const walk = await this.walk(query, true);
    answerAs(reply, walk.truncated, 'text/calendar; charset=utf-8', `${FILENAME}.ics`);
    return streamOf(calendarStart({ name: TITLE }), walk, calendarEvents, CALENDAR_END);
  }

  @Get('timeline.csv')
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'CSV (RFC 4180), UTF-8 with BOM',
    headers: truncatedHeader,
    content: { 'text/csv': { schema: { type: 'string' } } },
  })
  async csv(@Query() query: ExportQueryDto, @Res({ passthrough: true }) reply: FastifyReply): Promise<Readable> {
    await this.turn(reply);
    const walk = await this.walk(query);
    answerAs(reply, walk.truncated, 'text/csv; charset=utf-8', `${FILENAME}.csv`);
    return streamOf(csvHeader(), walk, csvRecords, '');
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
    const { filter, minPosition } = toTimelineRequest(filters);
    await this.turn(reply);
    const timeline = await collectTimeline(this.queries, filter, minPosition);
    answerAs(reply, timeline.truncated, 'application/json; charset=utf-8');
    return toTimelineJs(timeline.items, { title: TITLE, group, truncated: timeline.truncated });
  }

  /** Waits for this export's turn (ExportSlots); refuses it when too many are running and waiting already. */
  private async turn(reply: FastifyReply): Promise<void> {
    const turn = await this.slots.take(reply);
    if (turn === 'ready') return;
    if (turn === 'left') throw new ClientClosedRequestException();
    throw tooBusy(reply, 'Too many exports are running on this server; retry shortly', 'EXPORT.BUSY');
  }

  private walk(query: ExportQueryDto, includeRetracted = false): Promise<TimelineWalk> {
    const { filter, minPosition } = toTimelineRequest(query);
    return walkTimeline(this.queries, { ...filter, includeRetracted }, minPosition);
  }
}

/** head, then each page as `render` writes it, then tail; pulled as the client reads (back-pressure). */
function streamOf(
  head: string,
  walk: TimelineWalk,
  render: (items: readonly TimelineItem[]) => string,
  tail: string,
): Readable {
  async function* chunks() {
    yield head;
    for await (const page of walk.pages) yield render(page);
    if (tail) yield tail;
  }
  return Readable.from(chunks(), { objectMode: false });
}

function answerAs(reply: FastifyReply, truncated: boolean, contentType: string, filename?: string): void {
  reply.header('content-type', contentType);
  if (filename) reply.header('content-disposition', `attachment; filename="${filename}"`);
  if (truncated) reply.header('x-annals-truncated', 'true');
}
