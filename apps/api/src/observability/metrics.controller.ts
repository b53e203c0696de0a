import { Controller, Get, Header, Inject, type OnModuleInit } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Gauge } from 'prom-client';
import { ProjectionStatusService, RebuildService } from '@libs/projections';
import { METRICS } from './metrics';

/** Prometheus text format. Projection position and lag are read from Postgres at scrape time. */
@ApiTags('Metrics')
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  private readonly position: Gauge;
  private readonly lag: Gauge;
  private readonly head: Gauge;

  constructor(
    private readonly status: ProjectionStatusService,
    @Inject(RebuildService) private readonly rebuilds: RebuildService,
  ) {
    const registers = [METRICS.registry];
    this.position =
      (METRICS.registry.getSingleMetric('annals_projection_position') as Gauge) ??
      new Gauge({
        name: 'annals_projection_position',
        help: 'Log position a projection has applied',
        labelNames: ['projection'],
        registers,
      });
    this.lag =
      (METRICS.registry.getSingleMetric('annals_projection_lag_events') as Gauge) ??
      new Gauge({
        name: 'annals_projection_lag_events',
        help: 'Stored events a projection has not applied yet',
        labelNames: ['projection'],
        registers,
      });
    this.head =
      (METRICS.registry.getSingleMetric('annals_log_head_position') as Gauge) ??
      new Gauge({ name: 'annals_log_head_position', help: 'Highest position in the event log', registers });
  }

  onModuleInit(): void {
    this.rebuilds.onFinished(({ projection, status, seconds }) =>
      METRICS.rebuildDuration.observe({ projection, status }, seconds),
    );
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics (text exposition format 0.0.4)' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text format',
    schema: { type: 'string', example: '# HELP annals_log_head_position Highest position in the event log\n' },
  })
  async metrics(): Promise<string> {
    const { head, projections } = await this.status.status();
    this.head.set(head);
    for (const p of projections) {
      this.position.set({ projection: p.name }, p.position);
      this.lag.set({ projection: p.name }, p.lag);
    }
    return METRICS.registry.metrics();
  }
}
