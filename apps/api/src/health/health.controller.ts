import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { ProjectionLagIndicator } from './projection-lag.indicator';
import { ReplicaLagIndicator } from './replica-lag.indicator';
import { HealthFailureSchema, HealthReportSchema } from '../openapi/health.schema';

@ApiTags('Health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly projections: ProjectionLagIndicator,
    private readonly replicas: ReplicaLagIndicator,
  ) {}

  /** 200 when the database answers within 1.5 s (status "degraded" when projections lag), 503 otherwise. */
  @Get()
  // terminus documents itself only when its own require() finds @nestjs/swagger (not under Jest): say it here.
  @HealthCheck({ noCache: true, swaggerDocumentation: false })
  @ApiOperation({ summary: 'Health: 200 while the database answers ("degraded" when projections lag), 503 if not' })
  @ApiOkResponse({ type: HealthReportSchema, description: 'The database answers' })
  @ApiServiceUnavailableResponse({
    type: HealthFailureSchema,
    description: 'The database does not answer within 1.5 s, or projection status cannot be read',
  })
  check() {
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 1500 }),
      () => this.projections.check('projections'),
      ...(this.replicas.configured ? [() => this.replicas.check('replicas')] : []),
    ]);
  }
}
