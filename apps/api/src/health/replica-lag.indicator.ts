import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ReplicaStatusService } from '@libs/projections';

/**
 * Each read replica's state and lag (READ_DATABASE_URL). Never fails the check: reads fail over to another replica
 * or the primary, so a lost replica makes the API "degraded" (still 200), not unhealthy.
 */
@Injectable()
export class ReplicaLagIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly replicas: ReplicaStatusService,
  ) {}

  get configured(): boolean {
    return this.replicas.configured;
  }

  async check(key = 'replicas') {
    const session = this.indicators.check(key);
    const replicas = await this.replicas.status();
    const details = Object.fromEntries(
      replicas.map(({ name, ...status }) => [name, { ...status, error: status.error?.slice(0, 200) }]),
    );
    return replicas.every((r) => r.status === 'up')
      ? session.up({ replicas: details })
      : session.degraded({ replicas: details });
  }
}
