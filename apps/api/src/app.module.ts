import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { DiplomacyModule } from '@libs/diplomacy';
import { PlatformModule, type Runtime } from '@libs/platform';
import { AdminController } from './admin/admin.controller';
import { HistoryController } from './events/history.controller';
import { HealthModule } from './health/health.module';
import { ErrorFilter } from './http/error.filter';
import { createValidationPipe } from './http/validation';
import { SeedOnStart } from './seed-on-start';
import { TemporalController } from './temporal/temporal.controller';

@Module({})
export class AppModule {
  static forRoot(runtime: Runtime): DynamicModule {
    return {
      module: AppModule,
      imports: [PlatformModule.forRoot(runtime), HealthModule, DiplomacyModule],
      controllers: [AdminController, HistoryController, TemporalController],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: ErrorFilter },
        SeedOnStart,
      ],
    };
  }
}
