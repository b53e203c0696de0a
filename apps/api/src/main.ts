import { Logger } from '@nestjs/common';
import { ConfigError, prepareRuntime } from '@libs/platform';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  const logger = new Logger('Annals');
  const runtime = await prepareRuntime((message) => logger.log(message));
  const app = await createApiApp(runtime);
  await app.listen(runtime.config.port, runtime.config.host);
  logger.log(`Annals API on ${await app.getUrl()} (${runtime.embedded ? 'embedded Postgres' : 'DATABASE_URL'})`);

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
  // A bad configuration is the user's to fix: say what is wrong without a stack trace.
  if (error instanceof ConfigError) console.error(error.message);
  else console.error(error);
  process.exit(1);
});
