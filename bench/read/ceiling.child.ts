import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { serveUntilStopped } from './support/child';

const SMALL = { ok: true, service: 'annals', items: [] as unknown[] };
let page: unknown = SMALL;

/**
 * The ceiling: the same framework and adapter with nothing behind them. /small is the usual "constant JSON";
 * /page returns a real first timeline page (captured from the API), so the gap to the API is the database alone.
 */
@Controller('ceiling')
class CeilingController {
  @Get('small')
  small() {
    return SMALL;
  }

  @Get('page')
  page() {
    return page;
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

serveUntilStopped<{ page: unknown }, { baseUrl: string }>(async (input) => {
  page = input.page;
  const app = await NestFactory.create<NestFastifyApplication>(CeilingModule, new FastifyAdapter(), {
    logger: ['error'],
  });
  await app.listen(0, '127.0.0.1');
  return { info: { baseUrl: await app.getUrl() }, close: () => app.close() };
});
