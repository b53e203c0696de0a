import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ProjectionStatusService, RebuildService } from '@libs/projections';
import { AdminGuard } from '../http/admin.guard';
import { ApiErrors } from '../openapi/error-body.schema';
import { ProjectionsStatusSchema, RebuildStartedSchema } from '../openapi/projections.schema';

@ApiTags('Projections')
@ApiBearerAuth('admin')
@ApiErrors({ 401: true, 429: true })
@Controller('api/admin/projections')
@UseGuards(AdminGuard)
export class ProjectionsController {
  constructor(
    private readonly rebuilds: RebuildService,
    private readonly status: ProjectionStatusService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Each projection: position, lag, status and last rebuild' })
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
}
