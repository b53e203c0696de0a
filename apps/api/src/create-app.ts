import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import type { Runtime } from '@libs/platform';
import { findProjectFile } from '@libs/diplomacy';
import { AppModule } from './app.module';

/** 1 MiB: a diplomatic event with its quote is a few KiB; anything near this is a mistake or an attack. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The HTTP application, as main.ts serves it and as the end-to-end tests drive it. */
export async function createApiApp(
  runtime: Runtime,
  logger: LogLevel[] | false = ['error', 'warn', 'log'],
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, trustProxy: true });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime), adapter, { logger });
  // The timeline page: a small static bundle served by the api itself (no separate front-end server).
  // Registered directly (not useStaticAssets, whose dynamic import Jest's ESM loader cannot follow).
  await app.register(fastifyStatic, { root: findProjectFile('apps/api/public'), prefix: '/', index: ['index.html'] });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
