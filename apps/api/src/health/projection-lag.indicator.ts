import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ProjectionStatusService } from '@libs/projections';
import { RUNTIME, type Runtime } from '@libs/platform';

/** "degraded" (still 200) when a projection lags the log by more than PROJECTION_LAG_DEGRADED events. */
@Injectable()
export class ProjectionLagIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly status: ProjectionStatusService,
    @Inject(RUNTIME) private readonly runtime: Runtime,
  ) {}

  async check(key = 'projections') {
    const session = this.indicators.check(key);
    let status: Awaited<ReturnType<ProjectionStatusService['status']>>;
    try {
      status = await this.status.status();
    } catch (error) {
      return session.down({ message: `cannot read projection status: ${(error as Error).message}` });
    }
    const { head, projections } = status;
    const lags = Object.fromEntries(projections.map((p) => [p.name, p.lag]));
    const threshold = this.runtime.config.projectionLagDegraded;
    const worst = Math.max(0, ...projections.map((p) => p.lag));
    return worst > threshold
      ? session.degraded({ head, lag: lags, threshold })
      : session.up({ head, lag: lags, threshold });
  }
}
