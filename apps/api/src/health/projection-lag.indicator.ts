import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { degradedReasons, ProjectionStatusService } from '@libs/projections';
import { RUNTIME, type Runtime } from '@libs/platform';

/**
 * "degraded" (still 200: reads are served) when a projection has no live leader, fails, stalls behind the log,
 * has parked events, or lags by more than PROJECTION_LAG_DEGRADED events; each reason is named.
 */
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
    const threshold = this.runtime.config.projectionLagDegraded;
    const lag = Object.fromEntries(projections.map((p) => [p.name, p.lag]));
    const state = Object.fromEntries(projections.map((p) => [p.name, p.state]));
    const parked = Object.fromEntries(projections.map((p) => [p.name, p.parked]));
    const reasons = projections.flatMap((p) => degradedReasons(p, threshold).map((r) => `${p.name}: ${r}`));
    const details = { head, lag, state, parked, threshold };
    return reasons.length > 0 ? session.degraded({ ...details, reasons }) : session.up(details);
  }
}
