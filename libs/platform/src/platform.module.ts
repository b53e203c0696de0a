import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PostgresEventStore, type Upcaster } from '@libs/event-store';
import { dataSourceOptions, poolOf } from './database';
import { ReadReplicas } from './read-replicas';
import { APP_CONFIG, RUNTIME, type Runtime } from './runtime';

export const EVENT_UPCASTERS = Symbol('EVENT_UPCASTERS');

/** Config, the TypeORM DataSource and the event store (sharing TypeORM's pg pool), for every module. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(
    runtime: Runtime,
    options: { poolSize?: number; upcasters?: Upcaster[]; onAppended?: (types: readonly string[]) => void } = {},
  ): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions({ url: runtime.databaseUrl, poolSize: options.poolSize ?? 20 }),
          autoLoadEntities: true,
        }),
      ],
      providers: [
        { provide: RUNTIME, useValue: runtime },
        { provide: APP_CONFIG, useValue: runtime.config },
        {
          provide: PostgresEventStore,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new PostgresEventStore(poolOf(dataSource), {
              upcasters: options.upcasters ?? [],
              onAppended: options.onAppended,
            }),
        },
        {
          provide: ReadReplicas,
          useFactory: () => new ReadReplicas(runtime.config.readDatabaseUrls, runtime.config.dbPoolMax),
        },
      ],
      exports: [RUNTIME, APP_CONFIG, PostgresEventStore, ReadReplicas],
    };
  }
}
