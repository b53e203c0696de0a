import { Logger } from '@nestjs/common';
import { closeOnSignals, loadConfig, plainLogsWhenPiped, prepareRuntime, runMain } from '@libs/platform';
import { assertConnectionBudget, REGISTERED_PROJECTIONS } from '@libs/projections';
import { createApiApp } from './create-app';

async function main(): Promise<void> {
  plainLogsWhenPiped();
  const logger = new Logger('Annals');
  const config = loadConfig();
  assertConnectionBudget(config, 'api', REGISTERED_PROJECTIONS.length);
  const runtime = await prepareRuntime((message) => logger.log(message), config);
  const app = await createApiApp(runtime);
  await app.listen(runtime.config.port, runtime.config.host);
  logger.log(`Annals API on ${await app.getUrl()} (${runtime.embedded ? 'embedded Postgres' : 'DATABASE_URL'})`);

  closeOnSignals(app, runtime, logger);
}

runMain(main);
