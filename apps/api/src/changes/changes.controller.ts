import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReadDatabase, readTimelineChanges } from '@libs/projections';
import { ApiErrors } from '../openapi/error-body.schema';
import { ChangesPageSchema } from '../openapi/changes.schema';
import { resolveCursor } from './change-cursor';
import { ChangesQueryDto } from './changes.request.dto';

/**
 * The pull feed for mirrors: every change of the timeline once, in log order. It reads only up to the timeline
 * projection's checkpoint, so what it gives is already visible in /api/timeline, and it is gap-safe: an event
 * committed late by a slow writer is read when the projection reaches it, never skipped.
 */
@ApiTags('Timeline')
@Controller('api')
export class ChangesController {
  constructor(private readonly reads: ReadDatabase) {}

  @Get('changes')
  @ApiOperation({
    summary: 'Every item recorded, corrected, retracted or given another source, once, in log order (for mirrors)',
  })
  @ApiOkResponse({ type: ChangesPageSchema })
  @ApiErrors({ 400: 'An invalid query parameter, or an `after` that is not a position of this log', 503: true })
  async changes(@Query() query: ChangesQueryDto) {
    const { minPosition } = query;
    const page = await this.reads.read({ source: 'timeline', minPosition }, async (db) =>
      readTimelineChanges(db, await resolveCursor(db, 'after', query.after ?? 0), query.limit ?? 100),
    );
    return { changes: page.changes, nextAfter: page.next.position, hasMore: page.more };
  }
}
