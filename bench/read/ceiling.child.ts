import { brotliCompressSync } from 'node:zlib';
import { Controller, Get, Header, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { compressOptions } from '../../apps/api/src/http/http-caching';
import { serveUntilStopped } from './support/child';

const SMALL = { ok: true, service: 'annals', items: [] as unknown[] };
let page: unknown = SMALL;
let pageBrotli = Buffer.alloc(0);

/**
 * The ceiling: the same framework and adapter with nothing behind them. /small is the usual "constant JSON";
 * /page returns a real first timeline page (captured from the API), so the gap to the API is the database alone;
 * /page-br sends that page's bytes as the API sends them to a browser (brotli, at the API's quality), compressed
 * once: what this machine's HTTP stack and load generator allow for an answer of that size, with no work per request.
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

  @Get('page-br')
  @Header('content-type', 'application/json; charset=utf-8')
  @Header('content-encoding', 'br')
  @Header('vary', 'accept-encoding')
  pageBrotli() {
    return pageBrotli;
  }
}

@Module({ controllers: [CeilingController] })
class CeilingModule {}

serveUntilStopped<{ page: unknown }, { baseUrl: string }>(async (input) => {
  page = input.page;
  pageBrotli = brotliCompressSync(Buffer.from(JSON.stringify(page)), compressOptions.brotliOptions);
  const app = await NestFactory.create<NestFastifyApplication>(CeilingModule, new FastifyAdapter(), {
    logger: ['error'],
  });
  await app.listen(0, '127.0.0.1');
  return { info: { baseUrl: await app.getUrl() }, close: () => app.close() };
});
