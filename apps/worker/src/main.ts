import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { ConfigError, loadConfig, prepareRuntime } from '@libs/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const logger = new Logger('AnnalsWorker');
  const config = loadConfig();
  if (!config.databaseUrl) {
    // The embedded default runs the projector inside the api process; a separate worker needs a shared database.
    throw new ConfigError([
      'DATABASE_URL must be set for a separate worker (npm start alone runs the projector in the api)',
    ]);
  }
  const runtime = await prepareRuntime((message) => logger.log(message), config);
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime), { bufferLogs: true });
  app.useLogger(app.get(PinoLogger));
  await app.init();
  logger.log(`worker running (${runtime.embedded ? 'embedded Postgres' : 'DATABASE_URL'})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal}: closing`);
    await app.close();
    await runtime.release();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
