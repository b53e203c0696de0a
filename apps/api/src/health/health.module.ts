import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { ProjectionLagIndicator } from './projection-lag.indicator';
import { ReplicaLagIndicator } from './replica-lag.indicator';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [ProjectionLagIndicator, ReplicaLagIndicator],
})
export class HealthModule {}
