import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProjectionLagIndicator } from './projection-lag.indicator';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly projections: ProjectionLagIndicator,
  ) {}

  /** 200 when the database answers within 1.5 s (status "degraded" when projections lag), 503 otherwise. */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Health: 200 while the database answers ("degraded" when projections lag), 503 if not' })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.projections.check('projections'),
    ]);
  }
}
