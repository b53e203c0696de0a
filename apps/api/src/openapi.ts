import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** OpenAPI 3 document at /docs-json and its UI at /docs (filled in by the OpenAPI work). */
export function setUpOpenApi(_app: NestFastifyApplication): void {}
