import { type DynamicModule, Module } from '@nestjs/common';
import { PlatformModule, type Runtime } from '@libs/platform';
import { HealthModule } from './health/health.module';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(runtime), HealthModule],
    };
  }
}
