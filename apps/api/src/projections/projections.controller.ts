import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { PostgresEventStore } from '@libs/event-store';
import { listParked, ProjectionStatusService, RebuildService, retryParked } from '@libs/projections';
import { AdminGuard, RequiresRole } from '../http/admin.guard';
import { ApiErrors } from '../openapi/error-body.schema';
import {
  ParkedEventsSchema,
  ProjectionsStatusSchema,
  RebuildStartedSchema,
  RetryOutcomeSchema,
} from '../openapi/projections.schema';

@ApiTags('Projections')
@ApiBearerAuth('admin')
@ApiErrors({ 401: true, 403: true, 429: true })
@Controller('api/admin/projections')
@UseGuards(AdminGuard)
@RequiresRole('admin')
export class ProjectionsController {
  constructor(
    private readonly rebuilds: RebuildService,
    private readonly status: ProjectionStatusService,
    private readonly store: PostgresEventStore,
  ) {}

  @Get()
  @RequiresRole('viewer')
  @ApiOperation({
    summary: 'Each projection: position, lag, state, leader, last progress, parked events, rebuild progress',
  })
  @ApiOkResponse({ type: ProjectionsStatusSchema })
  list() {
    return this.status.status();
  }

  /** 202: the rebuild runs in the background; follow it in GET /api/admin/projections. */
  @Post(':name/rebuild')
  @HttpCode(202)
  @ApiOperation({ summary: 'Rebuild a projection from the log, in the background, then swap it in' })
  @ApiParam({ name: 'name', description: 'A projection name', example: 'timeline' })
  @ApiAcceptedResponse({ type: RebuildStartedSchema })
  @ApiErrors({
    404: 'No projection with this name (code PROJECTION.UNKNOWN)',
    409: 'A rebuild is already running; one runs at a time (code PROJECTION.REBUILD_RUNNING)',
  })
  async rebuild(@Param('name') name: string) {
    const { id } = await this.rebuilds.start(name, 'requested by an admin');
    return { rebuildId: id };
  }

  @Get(':name/parked')
  @ApiOperation({ summary: 'Events this projection could not apply, in log order, with the error' })
  @ApiParam({ name: 'name', description: 'A projection name', example: 'timeline' })
  @ApiOkResponse({ type: ParkedEventsSchema })
  @ApiErrors({ 404: 'No projection with this name (code PROJECTION.UNKNOWN)' })
  async parked(@Param('name') name: string) {
    const projection = this.rebuilds.find(name);
    return { items: await listParked(this.store.pool, projection.name) };
  }

  /** After a fix (an upcaster, new code): re-applies the parked events, stream by stream in log order. */
  @Post(':name/parked/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Re-apply the parked events of a projection (after a fix), stream by stream in order' })
  @ApiParam({ name: 'name', description: 'A projection name', example: 'timeline' })
  @ApiOkResponse({ type: RetryOutcomeSchema })
  @ApiErrors({ 404: 'No projection with this name (code PROJECTION.UNKNOWN)' })
  retry(@Param('name') name: string) {
    return retryParked(this.store, this.rebuilds.find(name));
  }
}
