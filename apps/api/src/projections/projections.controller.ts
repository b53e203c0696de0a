import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ProjectionStatusService, RebuildService } from '@libs/projections';
import { AdminGuard } from '../http/admin.guard';

@Controller('api/admin/projections')
@UseGuards(AdminGuard)
export class ProjectionsController {
  constructor(
    private readonly rebuilds: RebuildService,
    private readonly status: ProjectionStatusService,
  ) {}

  @Get()
  list() {
    return this.status.status();
  }

  /** 202: the rebuild runs in the background; follow it in GET /api/admin/projections. */
  @Post(':name/rebuild')
  @HttpCode(202)
  async rebuild(@Param('name') name: string) {
    const { id } = await this.rebuilds.start(name, 'requested by an admin');
    return { rebuildId: id };
  }
}
