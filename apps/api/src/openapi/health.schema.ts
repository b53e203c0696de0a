import { ApiProperty, ApiSchema } from '@nestjs/swagger';

const EXAMPLE = {
  database: { status: 'up', responseTime: 12 },
  projections: { status: 'up', head: 42, lag: { timeline: 0, actors: 0 }, threshold: 1000 },
};

/** Indicator name → its status and details (terminus's shape). */
const indicators = (description: string, example: object) => ({
  type: 'object' as const,
  description,
  example,
  additionalProperties: {
    type: 'object',
    required: ['status'],
    properties: { status: { type: 'string', enum: ['up', 'degraded', 'down'] } },
    additionalProperties: true,
  },
});

@ApiSchema({ name: 'HealthReport', description: 'terminus report: "degraded" when a projection lags too far.' })
export class HealthReportSchema {
  @ApiProperty({ enum: ['ok', 'degraded'] })
  status!: string;

  @ApiProperty(indicators('Indicators that are up or degraded', EXAMPLE))
  info!: object;

  @ApiProperty(indicators('Indicators that are down', {}))
  error!: object;

  @ApiProperty(indicators('Every indicator', EXAMPLE))
  details!: object;
}

@ApiSchema({
  name: 'HealthFailure',
  description: 'The terminus report, with the error shape’s statusCode and message.',
})
export class HealthFailureSchema {
  @ApiProperty({ type: 'integer', example: 503 })
  statusCode!: number;

  @ApiProperty({ example: 'health check failed' })
  message!: string;

  @ApiProperty({ enum: ['error', 'shutting_down'] })
  status!: string;

  @ApiProperty(indicators('Indicators that are up or degraded', {}))
  info!: object;

  @ApiProperty(
    indicators('Indicators that are down', { database: { status: 'down', message: 'timeout of 1500ms exceeded' } }),
  )
  error!: object;

  @ApiProperty(indicators('Every indicator', { database: { status: 'down', message: 'timeout of 1500ms exceeded' } }))
  details!: object;
}
