import type { IncomingMessage } from 'node:http';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { findProjectFile } from '@libs/diplomacy';
import { requestIdOf, type Runtime } from '@libs/platform';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi';
import { recordHttpMetrics } from './observability/http-metrics';

/** 1 MiB: a diplomatic event with its quote is a few KiB; anything near this is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface ApiAppOptions {
  logStream?: DestinationStream;
}

/** The HTTP application, as main.ts serves it and as the end-to-end tests drive it. */
export async function createApiApp(runtime: Runtime, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: true,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
  });
  recordHttpMetrics(adapter.getInstance());
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime, options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableCors({
    origin: runtime.config.corsOrigins === '*' ? true : runtime.config.corsOrigins,
    exposedHeaders: ['x-request-id', 'x-annals-truncated'],
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Served over plain http on a laptop too: upgrading subresources to https would break the page there.
        upgradeInsecureRequests: null,
      },
    },
  });
  // Admin routes are rate-limited per client address, before the token check, so guessing tokens is slow too.
  await app.register(fastifyRateLimit, {
    max: runtime.config.adminRateLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request) => !request.url.startsWith('/api/admin'),
    errorResponseBuilder: (_request, context) => ({
      statusCode: 429,
      error: 'Too Many Requests',
      message: `admin routes allow ${context.max} requests a minute; retry in ${Math.ceil(context.ttl / 1000)} s`,
    }),
  });
  // The timeline page: a small static bundle served by the api itself (no separate front-end server).
  // Registered directly (not useStaticAssets, whose dynamic import Jest's ESM loader cannot follow).
  await app.register(fastifyStatic, { root: findProjectFile('apps/api/public'), prefix: '/', index: ['index.html'] });
  setUpOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
