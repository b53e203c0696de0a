import { Controller, Get, Header, Inject, type OnModuleInit } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { RUNTIME, type Runtime } from '@libs/platform';
import {
  degradedReasons,
  ProjectionStatusService,
  ReadDatabase,
  RebuildService,
  ReplicaStatusService,
} from '@libs/projections';
import { METRICS } from './metrics';

const PROJECTION_STATES = ['running', 'stalled', 'no-leader', 'failing'] as const;

/** Prometheus text format. Projection position and lag are read from Postgres at scrape time. */
@ApiTags('Metrics')
@Controller('metrics')
export class MetricsController implements OnModuleInit {
  constructor(
    private readonly status: ProjectionStatusService,
    @Inject(RebuildService) private readonly rebuilds: RebuildService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly reads: ReadDatabase,
    private readonly replicas: ReplicaStatusService,
  ) {}

  onModuleInit(): void {
    this.reads.onRead((server) => METRICS.reads.inc({ server }));
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
    METRICS.logHead.set(head);
    for (const p of projections) {
      METRICS.projectionPosition.set({ projection: p.name }, p.position);
      METRICS.projectionLag.set({ projection: p.name }, p.lag);
      METRICS.projectionParked.set({ projection: p.name }, p.parked);
      for (const state of PROJECTION_STATES)
        METRICS.projectionState.set({ projection: p.name, state }, p.state === state ? 1 : 0);
      const healthy = degradedReasons(p, this.runtime.config.projectionLagDegraded).length === 0;
      METRICS.projectionHealthy.set({ projection: p.name }, healthy ? 1 : 0);
    }
    if (this.replicas.configured) {
      for (const r of await this.replicas.status()) {
        METRICS.replicaUp.set({ replica: r.name }, r.status === 'up' ? 1 : 0);
        if (r.lagSeconds !== null) METRICS.replicaLagSeconds.set({ replica: r.name }, r.lagSeconds);
        if (r.lagEvents !== null) METRICS.replicaLagEvents.set({ replica: r.name }, r.lagEvents);
      }
    }
    return METRICS.registry.metrics();
  }
}
