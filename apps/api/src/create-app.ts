import type { IncomingMessage } from 'node:http';
import fastifyCompress from '@fastify/compress';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { findProjectFile } from '@libs/diplomacy';
import type { Upcaster } from '@libs/event-store';
import { quietStartUp, requestIdOf, ROUTE_OF_REQUEST, type Runtime } from '@libs/platform';
import { AppModule } from './app.module';
import { setUpOpenApi } from './openapi';
import { recordHttpMetrics } from './observability/http-metrics';
import { adminRateLimit } from './http/admin-rate-limit';
import { Authenticator } from './http/authenticator';
import { HotResponses } from './http/hot-responses';
import { refuseControlCharactersInPath } from './http/path-guard';
import { strictJsonParser } from './http/json-body';
import { compressOptions, defaultCacheControl, staticCacheHeaders } from './http/http-caching';

/** 1 MiB: a diplomatic event with its quote is a few KiB; anything near this is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface ApiAppOptions {
  logStream?: DestinationStream;
  /** Upcasters beyond the domain's own (a deployment's fix for events an old importer wrote; tests). */
  upcasters?: Upcaster[];
}

/** The HTTP application, as main.ts serves it and as the end-to-end tests drive it. */
export async function createApiApp(runtime: Runtime, options: ApiAppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    // Off unless TRUST_PROXY names the proxies: otherwise any client could choose its address (X-Forwarded-For).
    // (Fastify takes a hop count too, though its typings only list string | boolean.)
    trustProxy: runtime.config.trustProxy as string | boolean,
    genReqId: (req: IncomingMessage) => requestIdOf(req),
  });
  recordHttpMetrics(adapter.getInstance());
  adapter.getInstance().addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    // The request log line names the route pattern (/api/events/:id) as well as the URL.
    Object.assign(request.raw, { [ROUTE_OF_REQUEST]: request.routeOptions?.url });
    done();
  });
  adapter.getInstance().addHook('onRequest', refuseControlCharactersInPath);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime, options), adapter, {
    bufferLogs: true,
  });
  app.useLogger(quietStartUp(app.get(Logger)));
  app.useBodyParser('application/json', { bodyLimit: BODY_LIMIT_BYTES }, strictJsonParser(adapter.getInstance()));
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
  await app.register(fastifyRateLimit, adminRateLimit(runtime, app.get(Authenticator)));
  await app.register(fastifyCompress, compressOptions);
  adapter.getInstance().addHook('onSend', defaultCacheControl);
  // Repeated public reads answered before Nest's pipeline, after every onRequest hook above (hot-responses.ts).
  adapter.getInstance().addHook('preHandler', app.get(HotResponses).serve);
  // The timeline page: a small static bundle served by the api itself (no separate front-end server).
  // Registered directly (not useStaticAssets, whose dynamic import Jest's ESM loader cannot follow).
  await app.register(fastifyStatic, {
    root: findProjectFile('apps/api/public'),
    prefix: '/',
    index: ['index.html'],
    ...staticCacheHeaders,
  });
  setUpOpenApi(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
