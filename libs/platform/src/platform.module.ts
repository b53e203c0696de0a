import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EVENT_UPCASTERS, PostgresEventStore, type Upcaster } from '@libs/event-store';
import { dataSourceOptions, poolOf } from './database';
import { ReadReplicas } from './read-replicas';
import { APP_CONFIG, RUNTIME, type Runtime } from './runtime';

/**
 * Config, the TypeORM DataSource and the event store (sharing TypeORM's pg pool), for every module. The store's
 * upcasters are the domain's, registered once under EVENT_UPCASTERS (libs/diplomacy's DomainEventsModule).
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(
    runtime: Runtime,
    options: {
      poolSize?: number;
      /** Beyond the domain's own (a deployment's fix for events an old importer wrote; tests): applied after them. */
      upcasters?: Upcaster[];
      onAppended?: (types: readonly string[]) => void;
    } = {},
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
          inject: [DataSource, EVENT_UPCASTERS],
          useFactory: (dataSource: DataSource, domain: readonly Upcaster[]) =>
            new PostgresEventStore(poolOf(dataSource), {
              upcasters: [...domain, ...(options.upcasters ?? [])],
              onAppended: options.onAppended,
            }),
        },
        {
          provide: ReadReplicas,
          useFactory: () =>
            new ReadReplicas(runtime.config.readDatabaseUrls, {
              primaryUrl: runtime.databaseUrl,
              poolMax: runtime.config.readPoolMax,
              statementTimeoutMs: runtime.config.readStatementTimeoutMs,
            }),
        },
      ],
      exports: [RUNTIME, APP_CONFIG, PostgresEventStore, ReadReplicas],
    };
  }
}
