import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigError, prepareRuntime } from '@libs/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const logger = new Logger('AnnalsWorker');
  const runtime = await prepareRuntime((message) => logger.log(message));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(runtime));
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
