import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import {
  closeOnSignals,
  plainLogsWhenPiped,
  quietStartUp,
  ConfigError,
  loadConfig,
  prepareRuntime,
  runMain,
} from '@libs/platform';
import { assertConnectionBudget, REGISTERED_PROJECTIONS } from '@libs/projections';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  plainLogsWhenPiped();
  const logger = new Logger('AnnalsWorker');
  const config = loadConfig();
  if (!config.databaseUrl) {
    // The embedded default runs the projector inside the api process; a separate worker needs a shared database.
    throw new ConfigError([
      'DATABASE_URL must be set for a separate worker (npm start alone runs the projector in the api)',
    ]);
  }
  assertConnectionBudget(config, 'worker', REGISTERED_PROJECTIONS.length);
  const runtime = await prepareRuntime((message) => logger.log(message), config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(quietStartUp(app.get(PinoLogger)));
  await app.init();
  logger.log(`worker running (${runtime.embedded ? 'embedded Postgres' : 'DATABASE_URL'})`);

  closeOnSignals(app, runtime, logger);
}

runMain(main);
