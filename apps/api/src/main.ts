import { Logger } from '@nestjs/common';
import { closeOnSignals, plainLogsWhenPiped, prepareRuntime, runMain } from '@libs/platform';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  plainLogsWhenPiped();
  const logger = new Logger('Annals');
  const runtime = await prepareRuntime((message) => logger.log(message));
  const app = await createApiApp(runtime);
  await app.listen(runtime.config.port, runtime.config.host);
  logger.log(`Annals API on ${await app.getUrl()} (${runtime.embedded ? 'embedded Postgres' : 'DATABASE_URL'})`);

  closeOnSignals(app, runtime, logger);
}

runMain(main);
